import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { App } from '../app.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../locales/catalog.js';
import { webMessages, type WebMessageKey } from '../../locales/web.js';
import { uploadRoute } from './upload-route.js';
import { fileRoute } from './file-route.js';
import type { WebChatChannel } from './web-chat-channel.js';
import { overHttps, sameOrigin, type ResidentIdentity } from './resident-identity.js';
import { MAX_MESSAGE_CHARS } from '../channel.js';
import { healthProblem } from '../privacy/health.js';

/** The page, its script and stylesheet: all served from here, nothing from a CDN. */
export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Fills `{{web.key}}`, `{{lang}}` and the page settings (`{{exitUrl}}`) in the page template with the texts of one language. */
export function renderPage(template: string, locale: Locale, settings: Record<string, string> = {}): string {
  return template.replace(/\{\{([\w.]+)\}\}/g, (whole, key: string) => {
    if (key === 'lang') return locale;
    if (key === 'maxMessageChars') return String(MAX_MESSAGE_CHARS);
    if (key in settings) return escapeHtml(settings[key]!);
    const entry = webMessages[key as WebMessageKey];
    return entry ? escapeHtml(entry[locale]) : whole;
  });
}

/**
 * The page's texts in every language, the upload limits, the one message-length limit and where the
 * quick exit goes, as `/chat/strings.json` serves them.
 */
export function pageStrings(app: App) {
  const texts = (locale: Locale) =>
    Object.fromEntries(Object.entries(webMessages).map(([key, entry]) => [key, entry[locale]]));
  return {
    defaultLocale: DEFAULT_LOCALE,
    locales: Object.fromEntries(LOCALES.map((locale) => [locale, texts(locale)])),
    upload: { maxBytes: app.config.attachments.maxBytes, allowedTypes: app.config.attachments.allowedTypes },
    maxMessageChars: MAX_MESSAGE_CHARS,
    exitUrl: app.config.privacy.exitUrl,
  };
}


/** The web chat's HTTP side: the page, its texts, uploads and `/healthz`. The socket attaches to the same server. */
export function createWebServer(app: App, channel: WebChatChannel, identity: ResidentIdentity, mount?: (server: Express) => void): Express {
  const server = express();
  server.disable('x-powered-by');
  server.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    next();
  });

  // Healthy means able to take a resident's message: the database takes a write and files can be stored.
  server.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    void healthProblem(app).then((reason) =>
      reason === null ? res.json({ status: 'ok' }) : res.status(503).json({ status: 'unavailable', reason }),
    );
  });

  const page = renderPage(fs.readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8'), DEFAULT_LOCALE, { exitUrl: app.config.privacy.exitUrl });
  // Also at /chat/index.html, so the static files below never serve the unfilled template.
  server.get(['/', '/chat', '/chat/', '/chat/index.html'], (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });

  const strings = pageStrings(app);
  server.get('/chat/strings.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(strings);
  });

  // The page asks for its identity first: a valid cookie is kept, anything else replaced by a new one.
  server.post('/chat/session', (req, res) => {
    if (!sameOrigin(req)) return void res.status(403).json({ error: 'Cross-site requests are refused.' });
    res.set('Cache-Control', 'no-store');
    if (identity.residentOf(req) !== null) return void res.json({ returning: true });
    if (!channel.limiters.newConversationsPerAddress.take(req.socket.remoteAddress ?? '')) {
      return void res.status(429).json({ error: 'too many new conversations', message: webMessages['web.limit.slow_down'][DEFAULT_LOCALE] });
    }
    const issued = identity.issue();
    res.set('Set-Cookie', identity.setCookie(issued.value, overHttps(req))).json({ returning: false });
  });
  // "Clear this device": the cookie goes; the page clears its own storage.
  server.post('/chat/session/clear', (req, res) => {
    if (!sameOrigin(req)) return void res.status(403).json({ error: 'Cross-site requests are refused.' });
    res.set({ 'Cache-Control': 'no-store', 'Set-Cookie': identity.clearCookie(overHttps(req)), 'Clear-Site-Data': '"cache", "storage"' });
    res.json({ cleared: true });
  });
  server.post('/chat/upload', uploadRoute(app, channel, identity));
  server.get('/chat/files/:outboxId', fileRoute(app, identity));
  server.use('/chat', express.static(PUBLIC_DIR, { index: false, fallthrough: true, maxAge: 0 }));
  // Other channels' callbacks on the same server (the WeChat server URL).
  mount?.(server);

  server.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    app.logger.error({ channel: 'web', err: error instanceof Error ? error.name : 'unknown' }, 'web request failed');
    if (!res.headersSent) res.status(500).type('text').send('Something went wrong.');
  };
  server.use(onError);
  return server;
}

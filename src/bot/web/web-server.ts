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

/** Fills `{{web.key}}` and `{{lang}}` in the page template with the texts of one language. */
export function renderPage(template: string, locale: Locale): string {
  return template.replace(/\{\{([\w.]+)\}\}/g, (whole, key: string) => {
    if (key === 'lang') return locale;
    const entry = webMessages[key as WebMessageKey];
    return entry ? escapeHtml(entry[locale]) : whole;
  });
}

/** The page's texts in every language and the upload limits, as `/chat/strings.json` serves them. */
export function pageStrings(app: App) {
  const texts = (locale: Locale) =>
    Object.fromEntries(Object.entries(webMessages).map(([key, entry]) => [key, entry[locale]]));
  return {
    defaultLocale: DEFAULT_LOCALE,
    locales: Object.fromEntries(LOCALES.map((locale) => [locale, texts(locale)])),
    upload: { maxBytes: app.config.attachments.maxBytes, allowedTypes: app.config.attachments.allowedTypes },
  };
}

/** The web chat's HTTP side: the page, its texts, uploads and `/healthz`. The socket attaches to the same server. */
export function createWebServer(app: App, channel: WebChatChannel, mount?: (server: Express) => void): Express {
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

  server.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });

  const page = renderPage(fs.readFileSync(path.join(PUBLIC_DIR, 'index.html'), 'utf8'), DEFAULT_LOCALE);
  // Also at /chat/index.html, so the static files below never serve the unfilled template.
  server.get(['/', '/chat', '/chat/', '/chat/index.html'], (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('html').send(page);
  });

  const strings = pageStrings(app);
  server.get('/chat/strings.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(strings);
  });

  server.post('/chat/upload', uploadRoute(app, channel));
  server.get('/chat/files/:outboxId', fileRoute(app));
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

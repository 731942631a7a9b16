import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../config.js';
import { LOCALES, type Locale } from '../locales/catalog.js';
import { consolePageMessages } from '../locales/console-pages.js';
import { consoleMessages } from '../locales/console.js';
import { domainMessages } from '../locales/domain.js';
import type { StaffEventBus, StaffEvent } from '../staff/staff-events.js';
import { canSeeOffice } from '../staff/staff-access.js';
import { API_ROUTES, csrfMatches, type ApiRequest, type ConsoleServices } from './console-api.js';
import { HttpError, SESSION_COOKIE, cookies, readJson, requestLocale, sendError } from './http-kit.js';

const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const CHART_JS = path.join(PROJECT_ROOT, 'node_modules', 'chart.js', 'dist', 'chart.umd.js');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self'; object-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const PING_MS = 25_000;

export interface ConsoleServerOptions {
  /** Set the cookie's `Secure` flag always (behind a TLS proxy); otherwise only when the request came over HTTPS. */
  secureCookie?: boolean;
  events?: StaffEventBus;
  /** How often the feed checks the session and keeps proxies open (default 25 s). */
  pingMs?: number;
  /** The pages' version (default: a hash of the pages and their texts); tests set it to play an upgrade. */
  build?: string;
}

/**
 * The version of the pages this server hands out: a hash of every file under `public/` and of the texts.
 * A page loaded from an older server hears a different one on the change feed and offers to reload.
 */
function pagesBuild(texts: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(PUBLIC_DIR, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(PUBLIC_DIR);
  hash.update(texts);
  return hash.digest('hex').slice(0, 16);
}

/** The `/console/strings.json` texts: page texts, server messages and the vocabulary, per language. */
function strings(timeZone: string) {
  const catalog = { ...domainMessages, ...consoleMessages, ...consolePageMessages } as Record<string, Record<Locale, string>>;
  const locales = Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(Object.entries(catalog).map(([k, v]) => [k, v[l]]))]));
  return { defaultLocale: 'zh-CN', timeZone, locales };
}

/**
 * The staff console's HTTP handler: static pages from `src/console/public` (no CDN), the JSON API of
 * docs/staff-api.md, and the change feed (SSE). Every `/api/` request but sign-in needs a session;
 * every change needs the CSRF header. Refusals are audited.
 */
export function createConsoleHandler(services: ConsoleServices, options: ConsoleServerOptions = {}) {
  const routes = [...API_ROUTES, ...(services.extraRoutes ?? [])];
  const stringsJson = JSON.stringify(strings(services.pack.timeZone));
  const build = options.build ?? pagesBuild(stringsJson);
  const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const pageTexts: Record<string, string> = Object.fromEntries(
    Object.entries(strings(services.pack.timeZone).locales['zh-CN'] ?? {}).map(([k, v]) => [k, v.replace(/[&<>"]/g, (c) => escapes[c]!)]),
  );
  const audit = (accountId: number | null, action: string, detail: string) =>
    services.audit.record({ at: services.now?.() ?? Date.now(), accountId, action, target: null, outcome: 'refused', detail });

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, locale: Locale): Promise<void> {
    const method = req.method ?? 'GET';
    if (url.pathname === '/api/events' && method === 'GET') return events(req, res, url, locale);
    let matched: { route: (typeof routes)[number]; params: string[] } | undefined;
    let pathKnown = false;
    for (const route of routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      pathKnown = true;
      if (route.method === method) {
        matched = { route, params: m.slice(1) };
        break;
      }
    }
    if (!matched) throw new HttpError(pathKnown ? 405 : 404, pathKnown ? 'bad_request' : 'not_found', pathKnown ? 'console.error.bad_request' : 'console.error.not_found', pathKnown ? { detail: method } : { what: url.pathname });
    const secure = options.secureCookie === true || (req.socket as { encrypted?: boolean }).encrypted === true || req.headers['x-forwarded-proto'] === 'https';
    let bodyRead: Promise<Record<string, unknown>> | undefined;
    const base = { req, res, url, params: matched.params, locale, secure, body: () => (bodyRead ??= readJson(req)) };
    if (matched.route.public) return matched.route.handle({ ...base, account: undefined as never }, services);
    const account = await authenticate(req, method, url);
    await matched.route.handle({ ...base, account } satisfies ApiRequest, services);
  }

  async function authenticate(req: IncomingMessage, method: string, url: URL) {
    const session = await services.auth.session(cookies(req)[SESSION_COOKIE]);
    if (!session.ok) {
      throw session.reason === 'expired'
        ? new HttpError(401, 'expired', 'console.error.expired')
        : new HttpError(401, 'unauthenticated', 'console.error.unauthenticated');
    }
    if (!['GET', 'HEAD'].includes(method) && !csrfMatches(req, session.csrfToken)) {
      await audit(session.account.id, 'csrf', `${method} ${url.pathname}`);
      throw new HttpError(403, 'csrf', 'console.error.csrf');
    }
    return session.account;
  }

  async function events(req: IncomingMessage, res: ServerResponse, url: URL, _locale: Locale): Promise<void> {
    const account = await authenticate(req, 'GET', url);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.write(': connected\n\n');
    // The pages' version, on every (re)connection: a page from before an upgrade tells staff to reload.
    res.write(`event: build\ndata: ${JSON.stringify({ build })}\n\n`);
    const visible = (e: StaffEvent) =>
      !('office' in e) || e.office === null || canSeeOffice(account, e.office, services.pack.offices);
    const wants = (e: StaffEvent) =>
      account.role === 'operator' ? e.type === 'kb.changed' : e.type !== 'kb.changed' || account.role === 'admin';
    const unsubscribe = options.events?.subscribe((e) => {
      if (!visible(e) || !wants(e)) return;
      const { type, ...data } = e;
      res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    });
    const sessionId = cookies(req)[SESSION_COOKIE];
    // The feed does not keep a session alive: when it has expired (idle, too old, signed out, disabled), the stream ends.
    const ping = setInterval(() => {
      void services.auth.stillValid(sessionId).then((valid) => (valid ? res.write(': ping\n\n') : res.end()), () => undefined);
    }, options.pingMs ?? PING_MS);
    ping.unref();
    const end = () => {
      clearInterval(ping);
      unsubscribe?.();
    };
    req.on('close', end);
    res.on('error', end);
  }

  async function staticFile(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    let rel: string;
    if (url.pathname === '/' || url.pathname === '/console' || url.pathname === '/console/') rel = 'index.html';
    else if (url.pathname === '/console/strings.json') {
      res.writeHead(200, { 'Content-Type': TYPES['.json']!, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
      res.end(stringsJson);
      return;
    } else if (url.pathname.startsWith('/console/')) rel = decodeURIComponent(url.pathname.slice('/console/'.length));
    else throw new HttpError(404, 'not_found', 'console.error.not_found', { what: url.pathname });
    const file = rel === 'vendor/chart.umd.js' ? CHART_JS : path.resolve(PUBLIC_DIR, rel);
    if (file !== CHART_JS && !file.startsWith(PUBLIC_DIR + path.sep)) throw new HttpError(404, 'not_found', 'console.error.not_found', { what: url.pathname });
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      throw new HttpError(404, 'not_found', 'console.error.not_found', { what: url.pathname });
    }
    // The page's `{{key}}` placeholders get the default language's texts, so it reads right before (and without) its script.
    if (rel === 'index.html') data = Buffer.from(data.toString('utf8').replace('%BUILD%', build).replace(/\{\{([\w.-]+)\}\}/g, (whole, key: string) => pageTexts[key] ?? whole));
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': data.length,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': CSP,
      'X-Frame-Options': 'SAMEORIGIN',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://console.local');
    const locale = requestLocale(req, url);
    try {
      if (url.pathname.startsWith('/api/')) await api(req, res, url, locale);
      else await staticFile(req, res, url);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if (url.pathname.startsWith('/api/')) sendError(res, error, locale);
        else res.writeHead(error.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${error.status}`);
        return;
      }
      services.onError?.(error);
      sendError(res, new HttpError(500, 'internal', 'console.error.internal'), locale);
    }
  };
}

/** Starts the console on `host:port` (0: any free port); resolves with its URL and a close function. */
export async function listenConsole(
  handler: ReturnType<typeof createConsoleHandler>,
  host: string,
  port: number,
): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = server.address() as AddressInfo;
  const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    url: `http://${shown}:${bound.port}/`,
    port: bound.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

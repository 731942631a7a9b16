import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLocale, type Locale } from '../locales/catalog.js';
import { MESSAGES } from '../locales/messages.js';
import { translate } from '../locales/render.js';
import type { Refusal } from '../staff/staff-access.js';

/** The name of the console's session cookie. */
export const SESSION_COOKIE = 'fayuan_staff';
export const CSRF_HEADER = 'x-csrf-token';
const MAX_JSON_BYTES = 256 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export function fromRefusal(r: Refusal): HttpError {
  return new HttpError(r.status, r.code, r.key, r.params ?? {});
}

/** The reader's language: `?lang=`, else `Accept-Language`, else Chinese. */
export function requestLocale(req: IncomingMessage, url: URL): Locale {
  const lang = url.searchParams.get('lang');
  if (isLocale(lang)) return lang;
  const accept = (req.headers['accept-language'] ?? '').toLowerCase();
  const first = accept.split(',')[0]?.trim() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cache-Control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError, locale: Locale): void {
  const key = MESSAGES[error.key] ? error.key : 'console.error.internal';
  let message: string;
  try {
    message = translate(key, locale, error.params);
  } catch {
    message = translate('console.error.internal', locale);
  }
  sendJson(res, error.status, { error: { code: error.code, message, ...error.extra } });
}

/** Reads a JSON object body (at most 256 KiB); anything else is a 400. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new HttpError(413 as never, 'bad_request', 'console.error.bad_request', { detail: 'body too large' });
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'bad_request', 'console.error.bad_request', { detail: 'JSON object expected' });
}

/** Reads a whole body up to `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return 'too_large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The first file part of a `multipart/form-data` body. */
export function firstFilePart(body: Buffer, contentType: string): { fileName: string; mimeType: string; data: Buffer } | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary ? `--${boundary[1] ?? boundary[2]}` : undefined;
  if (!marker) return undefined;
  let start = body.indexOf(marker);
  while (start !== -1) {
    const headerStart = start + marker.length + 2;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) return undefined;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const next = body.indexOf(`\r\n${marker}`, headerEnd + 4);
    if (next === -1) return undefined;
    const name = /filename\*=UTF-8''([^;\r\n]+)/i.exec(headers)?.[1] ?? /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) {
      const mimeType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      let fileName = name;
      try {
        fileName = decodeURIComponent(name);
      } catch {
        // keep as sent
      }
      return { fileName, mimeType, data: body.subarray(headerEnd + 4, next) };
    }
    start = next + 2;
  }
  return undefined;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

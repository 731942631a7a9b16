// The console's only way to the server: JSON over /api/, the session cookie sent by the browser,
// the CSRF token in a header on every change, the page's language in Accept-Language.
import { has, locale, t } from './i18n.js';

let csrfToken = null;
const sessionListeners = new Set();

/** Remembers the token the server gave at sign-in (or with /api/me). */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** Called with 'expired' when the server says the session is over, so the page can show the sign-in form. */
export function onSessionEnd(listener) {
  sessionListeners.add(listener);
}

/** A refusal or failure from the API, with a message in the user's language. */
export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

function errorFrom(status, body) {
  const error = body && typeof body === 'object' ? body.error ?? body : {};
  const code = typeof error === 'string' ? error : error.code ?? null;
  const serverMessage = typeof error === 'object' ? error.message ?? body.message : undefined;
  const message = serverMessage || (code && has(`console.error.${code}`) ? t(`console.error.${code}`) : t('page.error.unknown', { status }));
  return new ApiError(status, code, message, body);
}

/**
 * `api('POST', '/api/cases/FY-…/claim', { … })` → the parsed JSON answer; throws {@link ApiError}.
 * `body` may be a FormData (files); then it goes as multipart.
 */
export async function api(method, path, body, { signal } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': locale() };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (cause) {
    if (cause?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', t('page.error.network'));
  }
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = errorFrom(response.status, parsed);
    if (response.status === 401 && !path.endsWith('/login')) for (const listener of sessionListeners) listener(error.code === 'expired' ? 'expired' : 'unauthenticated');
    throw error;
  }
  return parsed;
}

export const get = (path, options) => api('GET', path, undefined, options);
export const post = (path, body, options) => api('POST', path, body ?? {}, options);
export const put = (path, body, options) => api('PUT', path, body ?? {}, options);
export const del = (path, options) => api('DELETE', path, undefined, options);

/** `?a=1&b=2` of the non-empty values, or ''. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

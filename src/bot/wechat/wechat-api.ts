import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** A refusal from the WeChat API (`errcode` other than 0). The message never holds the token. */
export class WechatApiError extends Error {
  override name = 'WechatApiError';
  constructor(
    readonly errcode: number,
    readonly endpoint: string,
  ) {
    super(`WeChat ${endpoint} answered errcode ${errcode}`);
  }
}

/** Error codes meaning the access token is no longer good: fetch a new one and try again. */
export const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/** Where the API is and which account it acts for. */
export interface WechatApiOptions {
  /** `https://api.weixin.qq.com`, or a fake in tests (`WECHAT_API_ROOT`). */
  apiRoot: string;
  appId: string;
  appSecret: string;
  now?: () => number;
  /** Gives up on one request after this long. */
  timeoutMs?: number;
}

/** A downloaded media file, as a stream with what WeChat said about it. */
export interface MediaDownload {
  stream: Readable;
  contentType: string;
  /** From Content-Disposition, when WeChat names the file. */
  fileName?: string;
  /** From Content-Length, when given. */
  size?: number;
}

/** A token is renewed this long before WeChat says it expires, so no call goes out with a dying one. */
const REFRESH_MARGIN_MS = 5 * 60_000;

const shared = new Map<string, WechatApi>();

/**
 * The WeChat official-account API client: the access token (fetched once, renewed before it expires
 * and after WeChat says it is invalid, shared by every caller in the process), JSON calls with the
 * token, and media downloads. The token and secret appear in no error and no log line.
 */
export class WechatApi {
  private token: { value: string; renewAt: number } | undefined;
  private fetching: Promise<string> | undefined;
  private readonly now: () => number;
  /** How many tokens were fetched: tests and operators see refreshes. */
  tokensFetched = 0;

  private constructor(private readonly options: WechatApiOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The process's one client for this account. WeChat keeps one valid token per account, so two
   * clients fetching their own would invalidate each other's.
   */
  static shared(options: WechatApiOptions): WechatApi {
    const key = `${options.apiRoot}\u0000${options.appId}`;
    let api = shared.get(key);
    if (!api) {
      api = new WechatApi(options);
      shared.set(key, api);
    }
    return api;
  }

  /** A valid access token, fetched when there is none or it is close to expiring. */
  async accessToken(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value;
    this.fetching ??= this.fetchToken().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  /** Forgets `token` after WeChat refused it; a newer one fetched meanwhile is kept. */
  invalidate(token: string): void {
    if (this.token?.value === token) this.token = undefined;
  }

  /** Calls `path` with the access token; a refused token is renewed and the call made once more. */
  async call<T extends object>(path: string, body?: unknown, query: Record<string, string> = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.request<T>(path, { ...query, access_token: token }, body);
      } catch (error) {
        if (attempt < 2 && error instanceof WechatApiError && TOKEN_ERRORS.has(error.errcode)) {
          this.invalidate(token);
          continue;
        }
        throw error;
      }
    }
  }

  /** Downloads a resident's media (`/cgi-bin/media/get`); WeChat keeps them for three days. */
  async downloadMedia(mediaId: string): Promise<MediaDownload> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const response = await fetch(this.url('/cgi-bin/media/get', { access_token: token, media_id: mediaId }), {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
      const contentType = response.headers.get('content-type') ?? '';
      if (!response.ok) throw new Error(`Downloading media from WeChat failed with HTTP ${response.status}.`);
      // Errors come back as JSON (or text/plain holding JSON) instead of the file.
      if (/json|text\/plain/i.test(contentType)) {
        const answer = (await response.json().catch(() => ({}))) as { errcode?: number };
        const errcode = answer.errcode ?? -1;
        if (attempt < 2 && TOKEN_ERRORS.has(errcode)) {
          this.invalidate(token);
          continue;
        }
        throw new WechatApiError(errcode, 'media/get');
      }
      if (!response.body) throw new Error('WeChat sent an empty media download.');
      const length = Number(response.headers.get('content-length'));
      const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '')?.[1];
      return {
        stream: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
        contentType,
        ...(fileName ? { fileName: safeDecode(fileName) } : {}),
        ...(Number.isFinite(length) && length > 0 ? { size: length } : {}),
      };
    }
  }

  /** Uploads a file as temporary media (`/cgi-bin/media/upload`) and returns its media id. */
  async uploadMedia(type: 'image', file: { content: Buffer; fileName: string; mimeType: string }): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(file.content)], { type: file.mimeType }), file.fileName);
      try {
        const answer = await this.send<{ media_id?: string }>(this.url('/cgi-bin/media/upload', { access_token: token, type }), { method: 'POST', body: form }, 'media/upload');
        if (typeof answer.media_id !== 'string') throw new WechatApiError(-1, 'media/upload');
        return answer.media_id;
      } catch (error) {
        if (attempt < 2 && error instanceof WechatApiError && TOKEN_ERRORS.has(error.errcode)) {
          this.invalidate(token);
          continue;
        }
        throw error;
      }
    }
  }

  private async fetchToken(): Promise<string> {
    const { appId, appSecret } = this.options;
    const answer = await this.request<{ access_token?: string; expires_in?: number }>('/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: appId,
      secret: appSecret,
    });
    if (typeof answer.access_token !== 'string' || answer.access_token === '') throw new WechatApiError(-1, 'token');
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 7200) * 1000;
    this.token = { value: answer.access_token, renewAt: this.now() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2) };
    this.tokensFetched += 1;
    return answer.access_token;
  }

  private request<T extends object>(path: string, query: Record<string, string>, body?: unknown): Promise<T> {
    const init: RequestInit =
      body === undefined
        ? { method: 'GET' }
        : { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
    return this.send<T>(this.url(path, query), init, path.replace(/^\/cgi-bin\//, ''));
  }

  private async send<T extends object>(url: URL, init: RequestInit, endpoint: string): Promise<T> {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    if (!response.ok) throw new Error(`WeChat ${endpoint} failed with HTTP ${response.status}.`);
    const answer = (await response.json()) as T & { errcode?: number };
    if (typeof answer.errcode === 'number' && answer.errcode !== 0) throw new WechatApiError(answer.errcode, endpoint);
    return answer;
  }

  private url(path: string, query: Record<string, string>): URL {
    const url = new URL(path.replace(/^\//, ''), this.options.apiRoot.endsWith('/') ? this.options.apiRoot : `${this.options.apiRoot}/`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

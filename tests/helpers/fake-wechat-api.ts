import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { wechatSignature, type WechatCipher } from '../../src/bot/wechat/wechat-crypto.js';
import { buildWechatXml } from '../../src/bot/wechat/wechat-xml.js';

/** A customer-service message the bot sent, as the fake received it. */
export interface SentCustom {
  touser: string;
  msgtype: 'text' | 'msgmenu' | 'image';
  /** The text, or a menu message's head. */
  text: string;
  /** A menu message's options. */
  options?: { id: string; content: string }[];
  mediaId?: string;
}

/** Every API request the fake answered, in order (the access token is not kept). */
export interface WechatApiCall {
  path: string;
  /** The errcode answered (0 for success). */
  errcode: number;
  at: number;
}

interface Media {
  content: Buffer;
  contentType: string;
  /** How long the download takes to start, to make a callback slow. */
  delayMs: number;
}

const DEFAULT_WAIT_MS = 5000;

/**
 * A small WeChat official-account API on 127.0.0.1 for tests: access tokens (issued, expiring,
 * revoked), customer-service messages (text, msgmenu, image) with the 48-hour rule, media download
 * and upload, menu creation and user info; injected errcodes; bounded waits on what was sent.
 * `resident()` posts signed callbacks to the bot as WeChat would.
 */
export class FakeWechatApi {
  readonly calls: WechatApiCall[] = [];
  readonly sent: SentCustom[] = [];
  /** The last menu created. */
  menu: unknown;
  tokensIssued = 0;
  /** Menu messages are refused (40008), as by an account or client without them. */
  refuseMenus = false;

  private readonly validTokens = new Set<string>();
  private readonly media = new Map<string, Media>();
  private readonly uploads = new Map<string, Buffer>();
  private readonly failures = new Map<string, number[]>();
  /** Residents who last wrote more than 48 hours ago (messages to them are refused with 45015). */
  private readonly silent = new Set<string>();
  private readonly languages = new Map<string, string>();
  private nextMedia = 1;

  private constructor(
    private readonly server: http.Server,
    readonly appId: string,
    readonly appSecret: string,
  ) {}

  static async start(appId: string, appSecret: string): Promise<FakeWechatApi> {
    const server = http.createServer();
    const fake = new FakeWechatApi(server, appId, appSecret);
    server.on('request', (req, res) => {
      fake.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake failed: ${String(error)}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The API root to configure (`WECHAT_API_ROOT`). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- test controls --------------------------------------------------------------------------

  /** The next calls to `path` (e.g. `/cgi-bin/message/custom/send`) answer these errcodes, in order. */
  failNext(path: string, ...errcodes: number[]): void {
    this.failures.set(path, [...(this.failures.get(path) ?? []), ...errcodes]);
  }

  /** Every token issued so far stops working (42001), as when WeChat expires them early. */
  expireTokens(): void {
    this.validTokens.clear();
  }

  /** How long WeChat takes to refuse a message to a silent resident (a real API answers in hundreds of ms). */
  refuseAfterMs = 0;

  /** The resident has not written for 48 hours: messages to them are refused (45015) until they write. */
  silence(openId: string): void {
    this.silent.add(openId);
  }

  /** The resident wrote: the 48-hour window is open again. Called by {@link resident} posts. */
  wrote(openId: string): void {
    this.silent.delete(openId);
  }

  /** The language user/info reports for a resident (`zh_CN`, `en`). */
  setLanguage(openId: string, language: string): void {
    this.languages.set(openId, language);
  }

  /** A media file a resident sent, for `/cgi-bin/media/get`; returns its media id. */
  addMedia(content: Buffer, contentType: string, delayMs = 0): string {
    const id = `media-${this.nextMedia++}`;
    this.media.set(id, { content, contentType, delayMs });
    return id;
  }

  /** What the bot uploaded under `mediaId`. */
  uploaded(mediaId: string): Buffer | undefined {
    return this.uploads.get(mediaId);
  }

  callsTo(path: string): WechatApiCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  sentTo(openId: string): SentCustom[] {
    return this.sent.filter((m) => m.touser === openId);
  }

  async waitForSent(openId: string, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<SentCustom[]> {
    await this.waitUntil(() => this.sentTo(openId).length >= count, timeoutMs, () => `${count} messages to ${openId}; got ${JSON.stringify(this.sentTo(openId).map((m) => m.text))}`);
    return this.sentTo(openId);
  }

  async waitUntil(condition: () => boolean, timeoutMs = DEFAULT_WAIT_MS, describe: () => string = () => 'a condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}.`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  // ---- the API ----------------------------------------------------------------------------------

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const body = await readBody(req);
    const answer = (errcode: number, extra: Record<string, unknown> = {}) => {
      this.calls.push({ path, errcode, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(errcode === 0 ? { errcode: 0, errmsg: 'ok', ...extra } : { errcode, errmsg: 'fake error' }));
    };
    if (path === '/cgi-bin/token') {
      const ok = url.searchParams.get('grant_type') === 'client_credential' && url.searchParams.get('appid') === this.appId && url.searchParams.get('secret') === this.appSecret;
      if (!ok) return answer(40125);
      const injected = this.failures.get(path)?.shift();
      if (injected !== undefined) return answer(injected);
      const token = `token-${++this.tokensIssued}-${randomBytes(8).toString('hex')}`;
      this.validTokens.add(token);
      this.calls.push({ path, errcode: 0, at: Date.now() });
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: token, expires_in: 7200 }));
    }
    if (!this.validTokens.has(url.searchParams.get('access_token') ?? '')) return answer(42001);
    const injected = this.failures.get(path)?.shift();
    if (injected !== undefined) return answer(injected);
    switch (path) {
      case '/cgi-bin/message/custom/send': {
        const message = JSON.parse(body.toString('utf8')) as {
          touser: string;
          msgtype: SentCustom['msgtype'];
          text?: { content: string };
          msgmenu?: { head_content: string; list: { id: string; content: string }[]; tail_content: string };
          image?: { media_id: string };
        };
        if (this.silent.has(message.touser)) {
          if (this.refuseAfterMs > 0) await new Promise((r) => setTimeout(r, this.refuseAfterMs));
          return answer(45015);
        }
        if (message.msgtype === 'text') {
          if (Buffer.byteLength(message.text!.content, 'utf8') > 2048) return answer(45002);
          this.sent.push({ touser: message.touser, msgtype: 'text', text: message.text!.content });
        } else if (message.msgtype === 'msgmenu') {
          if (this.refuseMenus) return answer(40008);
          const menu = message.msgmenu!;
          this.sent.push({ touser: message.touser, msgtype: 'msgmenu', text: menu.head_content, options: menu.list });
        } else if (message.msgtype === 'image') {
          if (!this.uploads.has(message.image!.media_id)) return answer(40007);
          this.sent.push({ touser: message.touser, msgtype: 'image', text: '', mediaId: message.image!.media_id });
        } else {
          return answer(40008);
        }
        return answer(0);
      }
      case '/cgi-bin/media/get': {
        const media = this.media.get(url.searchParams.get('media_id') ?? '');
        if (!media) return answer(40007);
        if (media.delayMs > 0) await new Promise((r) => setTimeout(r, media.delayMs));
        this.calls.push({ path, errcode: 0, at: Date.now() });
        return void res.writeHead(200, { 'content-type': media.contentType, 'content-length': media.content.length }).end(media.content);
      }
      case '/cgi-bin/media/upload': {
        const id = `upload-${this.nextMedia++}`;
        this.uploads.set(id, multipartFile(body, String(req.headers['content-type'] ?? '')));
        return answer(0, { type: url.searchParams.get('type'), media_id: id, created_at: Math.floor(Date.now() / 1000) });
      }
      case '/cgi-bin/menu/create':
        this.menu = JSON.parse(body.toString('utf8'));
        return answer(0);
      case '/cgi-bin/user/info': {
        const openid = url.searchParams.get('openid') ?? '';
        return answer(0, { subscribe: 1, openid, language: this.languages.get(openid) ?? 'zh_CN' });
      }
      default:
        return answer(40001);
    }
  }

  // ---- what residents do ------------------------------------------------------------------------

  /**
   * A resident of the account posting to the bot's callback at `callbackUrl`, signed with `token` (and
   * encrypted with `cipher` in safe mode). Each post reopens the resident's 48-hour window.
   */
  resident(openId: string, callbackUrl: string, token: string, cipher?: WechatCipher): WechatResident {
    return new WechatResident(this, openId, callbackUrl, token, cipher);
  }
}

let nextMsgId = 24_000_000_000_000_000n;

/** Posts callbacks for one resident as WeChat's servers would. */
export class WechatResident {
  constructor(
    private readonly fake: FakeWechatApi,
    readonly openId: string,
    private readonly callbackUrl: string,
    private readonly token: string,
    private readonly cipher?: WechatCipher,
  ) {}

  /** A callback document from this resident; `MsgId` is a 64-bit number beyond JS's safe integers. */
  message(type: string, fields: Record<string, string | number> = {}): Record<string, string | number> {
    nextMsgId += 1n;
    return { ToUserName: 'gh_fayuan', FromUserName: this.openId, CreateTime: Math.floor(Date.now() / 1000), MsgType: type, ...fields, MsgId: nextMsgId.toString() };
  }

  event(event: string, fields: Record<string, string | number> = {}): Record<string, string | number> {
    return { ToUserName: 'gh_fayuan', FromUserName: this.openId, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: event, ...fields };
  }

  text(content: string) {
    return this.post(this.message('text', { Content: content }));
  }

  /** Taps an option of a menu message: WeChat sends its content as text with the option id. */
  tap(option: { id: string; content: string }) {
    return this.post(this.message('text', { Content: option.content, bizmsgmenuid: option.id }));
  }

  /** Posts a document; resolves with the HTTP status and body the bot answered. */
  async post(
    fields: Record<string, string | number>,
    options: { signature?: string; timestamp?: number; msgSignature?: string } = {},
  ): Promise<{ status: number; body: string; ms: number }> {
    this.fake.wrote(this.openId);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = randomBytes(6).toString('hex');
    const query = new URLSearchParams({ timestamp, nonce, openid: this.openId, signature: options.signature ?? wechatSignature(this.token, timestamp, nonce) });
    let xml = buildWechatXml(fields);
    if (this.cipher) {
      const encrypted = this.cipher.encrypt(xml);
      xml = buildWechatXml({ ToUserName: 'gh_fayuan', Encrypt: encrypted });
      query.set('encrypt_type', 'aes');
      query.set('msg_signature', options.msgSignature ?? wechatSignature(this.token, timestamp, nonce, encrypted));
    }
    const started = Date.now();
    const response = await fetch(`${this.callbackUrl}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
    return { status: response.status, body: await response.text(), ms: Date.now() - started };
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The content of the first file part of a multipart body. */
function multipartFile(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const start = body.indexOf(marker);
  const headerEnd = body.indexOf('\r\n\r\n', start);
  const end = body.indexOf(Buffer.concat([Buffer.from('\r\n'), marker]), headerEnd);
  return body.subarray(headerEnd + 4, end);
}

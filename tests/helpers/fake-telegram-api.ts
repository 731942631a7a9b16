import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardMarkup, Update } from 'telegraf/types';

/** A message the bot sent, as the fake Bot API received it. */
export interface SentMessage {
  method: 'sendMessage' | 'sendPhoto' | 'sendDocument';
  chatId: string;
  messageId: number;
  text?: string;
  /** The inline keyboard, one entry per button, row by row. */
  buttons?: { text: string; data: string }[];
  fileName?: string;
  caption?: string;
  content?: Buffer;
}

/** Every request the fake answered, in order. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** When the request arrived (ms since the epoch). */
  at: number;
  /** The error code the fake answered with, when a failure was injected. */
  failedWith?: number;
}

/** What {@link FakeTelegramApi.failNext} makes the next call of a method answer. */
export type Failure = { code: 429; retryAfter: number } | { code: 500 } | { code: 400 | 403; description: string };
/** A queued "this call succeeds", so a failure can be placed after it ({@link FakeTelegramApi.passNext}). */
const PASS = { code: 0 } as const;

type Chat = { id: number; type: 'private' } | { id: number; type: 'group' | 'supergroup'; title: string };

interface StoredFile {
  path: string;
  content: Buffer;
  /** The size getFile and the message report; may differ from the content to fake a big file cheaply. */
  size: number;
}

const BOT = { id: 999000, is_bot: true, first_name: 'Fayuan Test', username: 'fayuan_test_bot' };
const DEFAULT_WAIT_MS = 5000;

/**
 * A small Bot API server on 127.0.0.1 for tests: the methods telegraf uses (getMe, deleteWebhook,
 * setWebhook, getUpdates with long polling and offsets, sendMessage, answerCallbackQuery,
 * editMessageReplyMarkup, getFile and file downloads, multipart sendDocument/sendPhoto), update
 * builders to inject what residents do, injected failures, and bounded waits on what was sent.
 */
export class FakeTelegramApi {
  readonly calls: ApiCall[] = [];
  readonly sentMessages: SentMessage[] = [];
  /** What the last setWebhook asked for. */
  webhook: { url: string; secretToken?: string } | undefined;
  /** Sizes of the non-empty getUpdates answers, in order. */
  readonly batches: number[] = [];

  private updates: Update[] = [];
  private nextUpdateId = 5000;
  private nextQueryId = 1;
  private readonly messageIds = new Map<number, number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly blocked = new Set<string>();
  private readonly pollers = new Set<() => void>();
  private closing = false;

  private constructor(
    private readonly server: http.Server,
    readonly token: string,
    private readonly maxPollMs: number,
    private readonly prefix: string,
  ) {}

  /**
   * Starts the fake on a free port of 127.0.0.1. Long polls are held at most `maxPollMs`; with
   * `prefix` (e.g. `/telegram`) the API lives under that path, as behind a reverse proxy.
   */
  static async start(token: string, options: { maxPollMs?: number; prefix?: string } = {}): Promise<FakeTelegramApi> {
    const server = http.createServer();
    const fake = new FakeTelegramApi(server, token, options.maxPollMs ?? 1000, options.prefix ?? '');
    server.on('request', (req, res) => {
      fake.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `fake failed: ${String(error)}` }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The API root to configure (`TELEGRAM_API_ROOT`). */
  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}${this.prefix}`;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const wake of this.pollers) wake();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  // ---- what residents do --------------------------------------------------------------------

  /** Queues updates for getUpdates; updates injected together come back in one batch. */
  inject(...updates: Update[]): void {
    this.updates.push(...updates);
    for (const wake of this.pollers) wake();
  }

  /** Updates not yet confirmed by a later getUpdates offset. */
  get unconfirmed(): number {
    return this.updates.length;
  }

  /** A text message (commands included) in a private chat, or in a group with `chat`. */
  text(chatId: number, text: string, options: { chat?: Chat; fromId?: number } = {}): Update {
    return this.message(chatId, { text }, options);
  }

  sticker(chatId: number): Update {
    return this.message(chatId, {
      sticker: { file_id: 'sticker-1', file_unique_id: 's1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false },
    });
  }

  voice(chatId: number): Update {
    return this.message(chatId, { voice: { file_id: 'voice-1', file_unique_id: 'v1', duration: 3 } });
  }

  location(chatId: number): Update {
    return this.message(chatId, { location: { latitude: 31.23, longitude: 121.47 } });
  }

  /** A photo message whose largest size is the file `fileId` (see {@link addFile}). */
  photo(chatId: number, fileId: string): Update {
    const file = this.fileById(fileId);
    return this.message(chatId, {
      photo: [
        { file_id: `${fileId}-thumb`, file_unique_id: `${fileId}t`, width: 90, height: 90, file_size: 1000 },
        { file_id: fileId, file_unique_id: `${fileId}u`, width: 1280, height: 960, file_size: file.size },
      ],
    });
  }

  document(chatId: number, fileId: string, fileName: string, mimeType: string): Update {
    const file = this.fileById(fileId);
    return this.message(chatId, {
      document: { file_id: fileId, file_unique_id: `${fileId}u`, file_name: fileName, mime_type: mimeType, file_size: file.size },
    });
  }

  /** A press on an inline button with callback data `data`, under the bot's latest message in the chat. */
  press(chatId: number, data: string): Update.CallbackQueryUpdate {
    const last = [...this.sentMessages].reverse().find((m) => m.chatId === String(chatId));
    return {
      update_id: this.nextUpdateId++,
      callback_query: {
        id: `query-${this.nextQueryId++}`,
        from: { id: chatId, is_bot: false, first_name: 'Resident' },
        chat_instance: `instance-${chatId}`,
        data,
        message: {
          message_id: last?.messageId ?? 1,
          date: now(),
          chat: { id: chatId, type: 'private', first_name: 'Resident' },
          from: BOT,
          text: last?.text ?? '',
        },
      },
    } as Update.CallbackQueryUpdate;
  }

  /** The same update delivered again under a new update id, as after a lost acknowledgement. */
  again<U extends Update>(update: U): U {
    return { ...update, update_id: this.nextUpdateId++ };
  }

  /** Makes a file downloadable via getFile; `size` overrides the size Telegram reports. */
  addFile(content: Buffer, options: { size?: number } = {}): string {
    const id = `file-${this.files.size + 1}`;
    this.files.set(id, { path: `documents/${id}.bin`, content, size: options.size ?? content.length });
    return id;
  }

  // ---- injected failures -----------------------------------------------------------------------

  /** The next call of `method` fails once as described (queue several by calling again). */
  failNext(method: string, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** The next call of `method` succeeds; a failure queued after it hits the call after that. */
  passNext(method: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), PASS as unknown as Failure]);
  }

  /** Every later send to the chat fails with 403, as when the resident blocked the bot. */
  block(chatId: number): void {
    this.blocked.add(String(chatId));
  }

  // ---- what the bot did ------------------------------------------------------------------------

  sent(chatId: number): SentMessage[] {
    return this.sentMessages.filter((m) => m.chatId === String(chatId));
  }

  texts(chatId: number): string[] {
    return this.sent(chatId).map((m) => m.text ?? `[${m.fileName ?? 'file'}]`);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the chat's messages once at least `count` arrived; rejects after `timeoutMs`. */
  async waitForSent(chatId: number, count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<SentMessage[]> {
    await this.waitUntil(() => this.sent(chatId).length >= count, timeoutMs, () => `${count} messages to chat ${chatId}; got ${JSON.stringify(this.texts(chatId))}`);
    return this.sent(chatId);
  }

  /** Polls `condition` every few milliseconds; rejects with `describe()` after `timeoutMs`. */
  async waitUntil(condition: () => boolean, timeoutMs = DEFAULT_WAIT_MS, describe: () => string = () => 'a condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${describe()}.`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  // ---- the Bot API -----------------------------------------------------------------------------

  private message(chatId: number, content: Record<string, unknown>, options: { chat?: Chat; fromId?: number } = {}): Update {
    const chat = options.chat ?? { id: chatId, type: 'private', first_name: 'Resident' };
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId(chat.id),
        date: now(),
        chat,
        from: { id: options.fromId ?? chatId, is_bot: false, first_name: 'Resident' },
        ...content,
      },
    } as Update;
  }

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private fileById(fileId: string): StoredFile {
    const file = this.files.get(fileId);
    if (!file) throw new Error(`No file ${fileId}: add it with addFile() first.`);
    return file;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!pathname.startsWith(`${this.prefix}/`)) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const route = pathname.slice(this.prefix.length);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(route);
    if (req.method === 'GET' && fileMatch) {
      const file = [...this.files.values()].find((f) => f.path === fileMatch[2]);
      if (fileMatch[1] !== this.token || !file) return void res.writeHead(404).end();
      this.calls.push({ method: 'download', params: { path: file.path }, at: Date.now() });
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.content);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(route);
    if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const params = await readParams(req);
    const queued = this.failures.get(method)?.shift();
    const failure = queued === (PASS as unknown as Failure) ? undefined : queued;
    if (failure) {
      this.calls.push({ method, params, at: Date.now(), failedWith: failure.code });
      return failWith(res, failure);
    }
    const chatId = params.chat_id === undefined ? undefined : String(params.chat_id);
    if (chatId !== undefined && this.blocked.has(chatId) && method.startsWith('send')) {
      this.calls.push({ method, params, at: Date.now(), failedWith: 403 });
      return failWith(res, { code: 403, description: 'Forbidden: bot was blocked by the user' });
    }
    this.calls.push({ method, params, at: Date.now() });
    switch (method) {
      case 'getMe':
        return ok(res, BOT);
      case 'deleteWebhook':
        this.webhook = undefined;
        return ok(res, true);
      case 'setWebhook':
        this.webhook = { url: String(params.url), ...(params.secret_token ? { secretToken: String(params.secret_token) } : {}) };
        return ok(res, true);
      case 'getUpdates':
        return ok(res, await this.getUpdates(params, res));
      case 'answerCallbackQuery':
      case 'editMessageReplyMarkup':
        return ok(res, true);
      case 'getFile': {
        const file = this.files.get(String(params.file_id));
        if (!file) return failWith(res, { code: 400, description: 'Bad Request: invalid file_id' });
        return ok(res, { file_id: params.file_id, file_unique_id: `${String(params.file_id)}u`, file_size: file.size, file_path: file.path });
      }
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument':
        return this.record(res, method, chatId, params);
      default:
        return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  private record(res: http.ServerResponse, method: SentMessage['method'], chatId: string | undefined, params: Record<string, unknown>): void {
    const upload = params[method === 'sendPhoto' ? 'photo' : 'document'];
    if (chatId === undefined) return failWith(res, { code: 400, description: 'Bad Request: chat_id is empty' });
    if (method === 'sendMessage' && !params.text) return failWith(res, { code: 400, description: 'Bad Request: message text is empty' });
    if (method !== 'sendMessage' && !(upload instanceof Upload)) return failWith(res, { code: 400, description: 'Bad Request: there is no file in the request' });
    const markup = parseJson(params.reply_markup) as InlineKeyboardMarkup | undefined;
    const sent: SentMessage = {
      method,
      chatId,
      messageId: this.nextMessageId(Number(chatId)),
      ...(typeof params.text === 'string' ? { text: params.text } : {}),
      ...(markup?.inline_keyboard
        ? { buttons: markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: 'callback_data' in b ? b.callback_data : '' })) }
        : {}),
      ...(typeof params.caption === 'string' ? { caption: params.caption } : {}),
      ...(upload instanceof Upload ? { fileName: upload.name, content: upload.content } : {}),
    };
    this.sentMessages.push(sent);
    ok(res, { message_id: sent.messageId, date: now(), chat: { id: Number(chatId), type: 'private' }, from: BOT, ...(sent.text ? { text: sent.text } : {}) });
  }

  private async getUpdates(params: Record<string, unknown>, res: http.ServerResponse): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    const timeoutMs = Math.min(Number(params.timeout ?? 0) * 1000, this.maxPollMs);
    // An offset confirms every update before it: Telegram forgets them.
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const ready = () => this.updates.slice(0, limit);
    if (ready().length === 0 && timeoutMs > 0 && !this.closing) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.pollers.delete(wake);
          // Let a batch injected in one call arrive whole.
          setImmediate(resolve);
        };
        const timer = setTimeout(wake, timeoutMs);
        this.pollers.add(wake);
        res.once('close', wake);
      });
    }
    const batch = ready();
    if (batch.length > 0) this.batches.push(batch.length);
    return batch;
  }
}

/** Posts an update to a webhook server the way Telegram does; resolves with the HTTP status. */
export async function postUpdate(url: string, update: Update, secretToken?: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secretToken ? { 'x-telegram-bot-api-secret-token': secretToken } : {}) },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(DEFAULT_WAIT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}

/** A file part of a multipart request. */
class Upload {
  constructor(
    readonly name: string,
    readonly content: Buffer,
  ) {}
}

async function readParams(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/json')) return body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(body, { headers: { 'content-type': type } }).formData();
    const params: Record<string, unknown> = {};
    for (const [name, value] of form.entries()) {
      params[name] = typeof value === 'string' ? value : new Upload(value.name, Buffer.from(await value.arrayBuffer()));
    }
    return params;
  }
  return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function ok(res: http.ServerResponse, result: unknown): void {
  reply(res, 200, { ok: true, result });
}

function failWith(res: http.ServerResponse, failure: Failure): void {
  if (failure.code === 500) return reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
  if (failure.code === 429) {
    return reply(res, 429, {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${failure.retryAfter}`,
      parameters: { retry_after: failure.retryAfter },
    });
  }
  reply(res, failure.code, { ok: false, error_code: failure.code, description: failure.description });
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

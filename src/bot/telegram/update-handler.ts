import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'telegraf';
import type { App } from '../app.js';
import { conversationKey, localeHint, type InboundMessage } from '../channel.js';
import { acceptsFiles } from '../privacy/accepts-files.js';
import type { RunnerResult } from '../conversation-runner.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import { ChatOrder } from './chat-order.js';
import { readMessage, type IncomingFile } from './read-message.js';
import { saveTelegramFile } from './save-telegram-file.js';

/** The app the updates go to, and where staff-chat updates go instead. */
export interface UpdateHandlerOptions {
  app: App;
  /** Updates from this chat are staff business: they go to `onStaffUpdate`, never to a conversation. */
  staffChatId?: string;
  onStaffUpdate?: (ctx: Context) => Promise<void>;
}

interface Resident {
  userId: string;
  address: string;
}

/** A file arrived while no step asked for one: it is refused without being downloaded. */
const NOT_NOW = Symbol('not now');

/** How long the error boundary waits to learn the resident's language before answering in Chinese. */
const LOCALE_LOOKUP_MS = 2000;

/**
 * The telegraf middleware of the channel: routes staff-chat updates to the staff hook, translates
 * private-chat updates into resident events in update order per chat, and ignores other chats.
 * It is the channel's one error boundary: a failed update is logged by its id and the resident is
 * asked, kindly and in their language, to try again.
 */
export function createUpdateHandler(options: UpdateHandlerOptions): (ctx: Context) => Promise<void> {
  const { app, staffChatId, onStaffUpdate } = options;
  const logger = app.logger.child({ channel: 'telegram' });
  const order = new ChatOrder();
  const handle = (message: InboundMessage): Promise<RunnerResult> => app.runner.handle(message);

  // Everything up to `order.submit` runs synchronously on receipt, so the runner queues a chat's
  // messages in update order even when telegraf handles a batch of updates concurrently.
  async function handleResident(ctx: Context, resident: Resident): Promise<void> {
    const hint = localeHint(ctx.from?.language_code);
    const base = { channel: 'telegram' as const, ...resident, ...(hint ? { locale: hint } : {}) };
    const query = ctx.callbackQuery;
    if (query) {
      const data = 'data' in query ? query.data : undefined;
      const handled =
        data === undefined
          ? undefined
          : order.submit(resident.userId, { ...base, messageId: `cb:${query.id}`, event: { type: 'user.choice', id: data } }, handle);
      const answered = ctx.answerCbQuery().catch((error: unknown) => logger.debug({ updateId: ctx.update.update_id, err: errorName(error) }, 'could not answer a button press'));
      await handled;
      // The pressed keyboard is spent: the reply brings a fresh one.
      await ctx.editMessageReplyMarkup(undefined).catch((error: unknown) => logger.debug({ updateId: ctx.update.update_id, err: errorName(error) }, 'could not remove a used keyboard'));
      await answered;
      return;
    }
    const message = ctx.message;
    if (!message) return;
    const read = readMessage(message);
    if (!read) return;
    const messageId = `msg:${resident.address}:${message.message_id}`;
    if (read.kind === 'event') {
      await order.submit(resident.userId, { ...base, messageId, event: read.event }, handle);
      return;
    }
    // Nothing is downloaded before the conversation asks for a file (which also means the resident
    // agreed). The check waits for the chat's earlier messages, so it runs inside the chat's order.
    let storedId: string | undefined;
    const prepared = (async (): Promise<InboundMessage | typeof NOT_NOW> => {
      if (!acceptsFiles(await app.runner.inspect('telegram', resident.userId))) return NOT_NOW;
      const event = await prepareFile(ctx, read.file, resident);
      if (event.type === 'user.attachment') storedId = event.attachment.id;
      return { ...base, messageId, event };
    })();
    try {
      const result = await order.submit(resident.userId, prepared, (m) => (m === NOT_NOW ? refuseNotNow(ctx, resident) : handle(m)));
      if (result === null) return;
      if (result.duplicate) await discard(storedId);
    } catch (error) {
      await discard(storedId);
      throw error;
    }
  }

  /** Tells the resident no file is wanted now, through the outbox so it keeps its place after earlier replies. */
  async function refuseNotNow(ctx: Context, resident: Resident): Promise<null> {
    logger.info({ updateId: ctx.update.update_id }, 'refused a file no step asked for');
    const key = conversationKey('telegram', resident.userId);
    const payload = { kind: 'text' as const, text: translate('privacy.file.not_now', await localeOf(resident.userId)), choices: [] };
    const at = Date.now();
    const [id] = await app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'telegram', address: resident.address, payload }], at);
    app.dispatcher.enqueue([{ id: id!, conversationKey: key, channel: 'telegram', address: resident.address, payload, attempts: 0, createdAt: at }]);
    return null;
  }

  async function prepareFile(ctx: Context, file: IncomingFile, resident: Resident): Promise<InboundMessage['event']> {
    const { attachments, attachmentsDir } = app.config;
    const saved = await saveTelegramFile(file, {
      telegram: ctx.telegram,
      dir: attachmentsDir,
      maxBytes: attachments.maxBytes,
      allowedTypes: attachments.allowedTypes,
    });
    if (saved.saved) {
      // Recorded at once: erasure and the retention purge find the file by its conversation.
      await app.repos.attachments.record({ ...saved.attachment, conversationKey: conversationKey('telegram', resident.userId), createdAt: Date.now() });
      return { type: 'user.attachment', attachment: saved.attachment };
    }
    logger.info({ updateId: ctx.update.update_id, reason: saved.reason }, 'refused a file');
    return { type: 'user.refused_attachment', reason: saved.reason, fileName: file.fileName };
  }

  /** A stored file whose message was a duplicate or was not processed belongs to no conversation. */
  async function discard(attachmentId: string | undefined): Promise<void> {
    if (attachmentId) await rm(path.join(app.config.attachmentsDir, attachmentId), { force: true });
  }

  async function localeOf(userId: string): Promise<Locale> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOCALE_LOOKUP_MS);
    });
    try {
      const state = await Promise.race([app.runner.inspect('telegram', userId), timeout]);
      const locale = (state?.context as { locale?: unknown } | undefined)?.locale;
      return isLocale(locale) ? locale : DEFAULT_LOCALE;
    } catch {
      return DEFAULT_LOCALE;
    } finally {
      clearTimeout(timer);
    }
  }

  async function tellTryAgain(ctx: Context, resident: Resident): Promise<void> {
    try {
      const text = translate('core.error.try_again', await localeOf(resident.userId));
      await ctx.telegram.sendMessage(resident.address, text);
    } catch (error) {
      logger.error({ updateId: ctx.update.update_id, err: errorName(error) }, 'could not tell the resident to try again');
    }
  }

  return async (ctx) => {
    const updateId = ctx.update.update_id;
    const chat = ctx.chat;
    if (!chat) return;
    if (staffChatId !== undefined && String(chat.id) === staffChatId) {
      try {
        await onStaffUpdate?.(ctx);
      } catch (error) {
        logger.error({ updateId, err: errorName(error) }, 'staff chat update failed');
      }
      return;
    }
    if (chat.type !== 'private' || !ctx.from) {
      logger.debug({ updateId, chatType: chat.type }, 'ignored an update from a chat that is not private');
      return;
    }
    const resident = { userId: String(ctx.from.id), address: String(chat.id) };
    try {
      await handleResident(ctx, resident);
    } catch (error) {
      logger.error({ updateId, err: errorName(error) }, 'telegram update failed; asking the resident to try again');
      await tellTryAgain(ctx, resident);
    }
  };
}

/** Error names and codes only: messages may quote what the resident wrote, URLs may hold the token. */
export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return code === undefined ? error.name : `${error.name} ${String(code)}`;
}

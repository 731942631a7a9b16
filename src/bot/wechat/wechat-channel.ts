import type http from 'node:http';
import type { App } from '../app.js';
import type { InboundMessage } from '../channel.js';
import { conversationKey, localeHint } from '../channel.js';
import { hashKey, type RunnerResult } from '../conversation-runner.js';
import { KeyedQueue } from '../keyed-queue.js';
import { acceptsFiles } from '../privacy/accepts-files.js';
import type { RunningChannel } from '../running-channel.js';
import { mediaType, removeUpload, saveUpload } from '../save-attachment.js';
import type { WechatConfig } from '../../config.js';
import type { ResidentEvent } from '../../flows/events.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import { readWechatMessage, voiceMediaType, type WechatInput } from './read-wechat-message.js';
import { WechatApi, WechatApiError } from './wechat-api.js';
import { createWechatCallback } from './wechat-callback.js';
import { WechatCipher } from './wechat-crypto.js';
import { MAIN_MENU_ONLY } from './wechat-menu.js';
import { NumberedChoices, WechatSender } from './wechat-sender.js';
import type { WechatFields } from './wechat-xml.js';

/** The running WeChat channel: its callback handler goes on the web server at `config.path`. */
export interface WechatChannel extends RunningChannel {
  name: 'wechat';
  path: string;
  /** Answers the official account's server URL (GET handshake, POST messages). */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  api: WechatApi;
  /** Calls `listener` with the case whose notice WeChat has just held (once until the resident writes again). */
  onNoticeHeld(listener: (heldCase: { ref: string; route: string | null; status: string }) => void): void;
}

/** Tuning for tests; the defaults suit production. */
export interface WechatOptions {
  now?: () => number;
  /** How long the callback waits for a message before answering on WeChat's last try. */
  answerWithinMs?: number;
}

/** Files a resident may send in 24 hours are counted over this window (`ATTACHMENT_QUOTA_PER_DAY`). */
const DAY_MS = 24 * 60 * 60 * 1000;
/** How long a new resident's language is looked up before the conversation starts in Chinese. */
const LANGUAGE_LOOKUP_MS = 1500;

/**
 * Connects the official account: registers the `wechat` outbox sender (customer-service messages)
 * and returns the callback handler that turns WeChat's posts into runner events. Every resident is
 * keyed by their OpenID, which is also where replies go.
 */
export function startWechat(app: App, config: WechatConfig, options: WechatOptions = {}): WechatChannel {
  const logger = app.logger.child({ channel: 'wechat' });
  const now = options.now ?? Date.now;
  const api = WechatApi.shared({ apiRoot: config.apiRoot, appId: config.appId, appSecret: config.appSecret, now });
  const numbered = new NumberedChoices();
  const held = app.repos.wechatHeld;
  const localeOf = async (openId: string): Promise<Locale> => {
    const state = await app.runner.inspect('wechat', openId);
    const locale = (state?.context as { locale?: unknown } | undefined)?.locale;
    return isLocale(locale) ? locale : DEFAULT_LOCALE;
  };
  /** Conversations whose case already has a note about held replies, until the resident writes again. */
  const noted = new Set<string>();
  const heldListeners: ((heldCase: { ref: string; route: string | null; status: string }) => void)[] = [];
  // Staff see it on the case (console case page): a note naming why the notice has not arrived.
  const onHeld = async (message: { conversationKey: string }, errcode: number): Promise<void> => {
    const notes = app.repos.staff?.notes;
    if (!notes || noted.has(message.conversationKey)) return;
    const [latest] = (await app.services.cases.listByConversation(message.conversationKey)).sort((a, b) => b.createdAt - a.createdAt);
    if (!latest) return;
    noted.add(message.conversationKey);
    await notes.add({
      ref: latest.ref,
      accountId: null,
      author: translate('wechat.note.author', DEFAULT_LOCALE),
      text: translate('wechat.note.held', DEFAULT_LOCALE, { reason: translate(errcode === 45047 ? 'wechat.reason.45047' : 'wechat.reason.45015', DEFAULT_LOCALE) }),
      at: now(),
    });
    for (const listener of heldListeners) listener({ ref: latest.ref, route: latest.route, status: latest.status });
  };
  app.dispatcher.register(
    'wechat',
    new WechatSender({ api, held, logger, attachmentsDir: app.config.attachmentsDir, numbered, localeOf, onHeld, now }),
  );
  let closed = false;
  // A resident's messages are read one after another (downloads, lookups) so they reach the runner in arrival order.
  const order = new KeyedQueue();

  async function receive(fields: WechatFields): Promise<void> {
    const read = readWechatMessage(fields);
    if (!read) return;
    // Shutting down: WeChat gets no 'success' for a message the bot can no longer take.
    if (closed) throw new Error('The WeChat channel is closed.');
    const { openId, messageId, input } = read;
    // The resident wrote: WeChat lets us answer for 48 hours, so replies held until now go first.
    if (read.opensWindow) {
      app.dispatcher.release('wechat', openId);
      noted.delete(conversationKey('wechat', openId));
    }
    if (input.kind === 'ignore') return;
    try {
      await order.run(openId, () => handleInput(openId, messageId, input));
    } catch (error) {
      logger.error({ conversation: hashKey(conversationKey('wechat', openId)), err: error instanceof Error ? error.name : 'unknown' }, 'WeChat message failed; asking the resident to try again');
      await tellTryAgain(openId);
    }
  }

  async function handleInput(openId: string, messageId: string, input: Exclude<WechatInput, { kind: 'ignore' }>): Promise<void> {
    const base = { channel: 'wechat' as const, userId: openId, address: openId };
    const submit = async (id: string, event: ResidentEvent): Promise<RunnerResult> => app.runner.handle(await withLocale({ ...base, messageId: id, event }));
    switch (input.kind) {
      case 'event':
        await submit(messageId, input.event);
        return;
      case 'choice':
        await submit(messageId, { type: 'user.choice', id: input.id });
        return;
      case 'text': {
        // A typed number of numbered choices, or a typed label of the choices offered (as the console does).
        const picked = numbered.pick(openId, input.text) ?? (await choiceByLabel(openId, input.text));
        if (picked) numbered.clear(openId);
        await submit(messageId, picked ? { type: 'user.choice', id: picked } : { type: 'user.text', text: input.text });
        return;
      }
      case 'click': {
        // 咨询 and 申请 are choices of the main menu: from anywhere else the menu is opened first.
        if (MAIN_MENU_ONLY.has(input.key)) {
          const state = await app.runner.inspect('wechat', openId);
          if (state?.value !== 'menu') await submit(`${messageId}:menu`, { type: 'user.command', command: 'menu' });
        }
        await submit(messageId, { type: 'user.choice', id: input.key });
        return;
      }
      case 'image': {
        // As on the web: nothing is downloaded unless the conversation asks for a file and the quota allows.
        const refusal = await fileRefusal(openId);
        if (refusal) await tell(openId, refusal);
        else await submitFile(openId, messageId, input.mediaId, 'photo.jpg', undefined, submit);
        return;
      }
      case 'voice': {
        // While documents are asked for (or staff hold the conversation) a recording is a document.
        if ((await fileRefusal(openId)) === undefined) {
          await submitFile(openId, messageId, input.mediaId, `voice.${input.format}`, voiceMediaType(input.format), submit);
        } else if (input.recognition) {
          // WeChat's speech recognition: what the resident said, treated as if typed.
          await submit(messageId, { type: 'user.text', text: input.recognition });
        } else {
          await submit(messageId, { type: 'user.unsupported', kind: 'voice' });
        }
        return;
      }
    }
  }

  /** Downloads a resident's media into the attachment store (the web's type and size checks) and submits it. */
  async function submitFile(
    openId: string,
    messageId: string,
    mediaId: string,
    fileName: string,
    declaredType: string | undefined,
    submit: (id: string, event: ResidentEvent) => Promise<RunnerResult>,
  ): Promise<void> {
    const { attachments, attachmentsDir } = app.config;
    const download = await api.downloadMedia(mediaId);
    const mimeType = declaredType ?? (mediaType(download.contentType) === 'image/jpg' ? 'image/jpeg' : mediaType(download.contentType));
    let event: ResidentEvent;
    if (download.size !== undefined && download.size > attachments.maxBytes) {
      download.stream.destroy();
      event = { type: 'user.refused_attachment', reason: 'size', fileName };
    } else {
      const saved = await saveUpload(download.stream, { fileName: download.fileName ?? fileName, mimeType }, attachmentsDir, attachments);
      event = saved.ok ? { type: 'user.attachment', attachment: saved.attachment } : { type: 'user.refused_attachment', reason: saved.reason, fileName };
      if (!saved.ok) logger.info({ reason: saved.reason }, 'refused a file');
    }
    const storedId = event.type === 'user.attachment' ? event.attachment.id : undefined;
    // Recorded at once, as web uploads are: erasure, the quota and the retention purge find the file by its conversation.
    if (event.type === 'user.attachment') {
      await app.repos.attachments.record({ ...event.attachment, conversationKey: conversationKey('wechat', openId), createdAt: now() });
    }
    try {
      const result = await submit(messageId, event);
      if (result.duplicate && storedId) await removeUpload(attachmentsDir, storedId);
    } catch (error) {
      if (storedId) await removeUpload(attachmentsDir, storedId);
      throw error;
    }
  }

  /** The choices of the bot's last reply, from the transcript. */
  async function lastChoices(openId: string): Promise<{ id: string; label: string }[]> {
    const [last] = (await app.repos.conversations.recentTranscript(conversationKey('wechat', openId), 6)).filter((e) => e.direction === 'out').slice(-1);
    const choices = (last?.body as { choices?: unknown } | undefined)?.choices;
    return Array.isArray(choices)
      ? choices.filter((c): c is { id: string; label: string } => typeof c?.id === 'string' && typeof c?.label === 'string')
      : [];
  }

  async function choiceByLabel(openId: string, text: string): Promise<string | undefined> {
    const typed = text.trim().toLowerCase();
    return (await lastChoices(openId)).find((c) => c.label.trim().toLowerCase() === typed)?.id;
  }

  /** Why a file cannot be taken now (a locale key), or undefined when the conversation asks for one. */
  async function fileRefusal(openId: string): Promise<string | undefined> {
    if (!acceptsFiles(await app.runner.inspect('wechat', openId))) return 'wechat.file.not_now';
    const count = await app.repos.attachments.countSince(conversationKey('wechat', openId), now() - DAY_MS);
    return count >= app.config.attachments.quotaPerDay ? 'wechat.file.quota' : undefined;
  }

  /** A text of the channel's own (not a conversation turn), sent through the outbox in order with the rest. */
  async function tell(openId: string, key: string): Promise<void> {
    const text = translate(key, await localeOf(openId));
    const message = { conversationKey: conversationKey('wechat', openId), channel: 'wechat', address: openId, payload: { kind: 'text' as const, text, choices: [] } };
    const at = now();
    const [id] = await app.repos.outbox.enqueueOutbound([message], at);
    app.dispatcher.enqueue([{ ...message, id: id!, attempts: 0, createdAt: at }]);
  }

  /** A new resident's language from their WeChat account, as the conversation's first language. */
  async function withLocale(message: InboundMessage): Promise<InboundMessage> {
    if (await app.runner.inspect('wechat', message.userId)) return message;
    // The channel's language hint, read by the runner for a conversation it starts.
    const locale = await accountLanguage(message.userId);
    return locale ? { ...message, locale } : message;
  }

  async function accountLanguage(openId: string): Promise<Locale | undefined> {
    try {
      const info = await Promise.race([
        api.call<{ language?: string }>('/cgi-bin/user/info', undefined, { openid: openId, lang: 'zh_CN' }),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LANGUAGE_LOOKUP_MS).unref()),
      ]);
      // WeChat writes `zh_CN`, `zh_TW`, `en`.
      return localeHint(info?.language?.replace('_', '-'));
    } catch {
      return undefined;
    }
  }

  async function tellTryAgain(openId: string): Promise<void> {
    try {
      const text = translate('core.error.try_again', await localeOf(openId).catch(() => DEFAULT_LOCALE));
      await api.call('/cgi-bin/message/custom/send', { touser: openId, msgtype: 'text', text: { content: text } });
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'could not tell a WeChat resident to try again');
    }
  }

  const handle = createWechatCallback({
    token: config.token,
    ...(config.encodingAesKey ? { cipher: new WechatCipher(config.encodingAesKey, config.appId) } : {}),
    logger,
    receive,
    dedupKey: (fields) => readWechatMessage(fields)?.messageId,
    now,
    ...(options.answerWithinMs !== undefined ? { answerWithinMs: options.answerWithinMs } : {}),
  });
  logger.info({ path: config.path, safeMode: Boolean(config.encodingAesKey) }, 'WeChat callback ready');
  // Checked at start, so a wrong secret or a missing IP whitelist entry shows in the log at once;
  // callbacks are still taken meanwhile and replies wait in the outbox.
  api.accessToken().catch((error: unknown) => {
    const errcode = error instanceof WechatApiError ? error.errcode : undefined;
    logger.error({ errcode, err: error instanceof Error ? error.name : 'unknown' }, startupAdvice(errcode));
  });
  return {
    name: 'wechat',
    path: config.path,
    handle,
    api,
    onNoticeHeld: (listener) => heldListeners.push(listener),
    async close() {
      closed = true;
    },
  };
}

/** What an operator should check when WeChat refuses the account's credentials at start. */
function startupAdvice(errcode: number | undefined): string {
  switch (errcode) {
    case 40013:
      return 'WeChat does not know WECHAT_APP_ID; copy the AppID from 设置与开发 → 基本配置';
    case 40001:
    case 40125:
      return 'WeChat refused WECHAT_APP_SECRET; reset it on 设置与开发 → 基本配置 and set the new one';
    case 40164:
    case 61004:
      return "WeChat refuses this server's IP address; add it to the IP whitelist on 设置与开发 → 基本配置";
    case undefined:
      return 'WeChat could not be reached for an access token; replies wait in the outbox until it can';
    default:
      return 'WeChat refused the access token request; see docs/wechat.md';
  }
}

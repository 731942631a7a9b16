import type http from 'node:http';
import type { App } from '../app.js';
import type { InboundMessage } from '../channel.js';
import { conversationKey } from '../channel.js';
import { hashKey, type RunnerResult } from '../conversation-runner.js';
import { KeyedQueue } from '../keyed-queue.js';
import type { RunningChannel } from '../running-channel.js';
import { mediaType, removeUpload, saveUpload } from '../save-attachment.js';
import type { WechatConfig } from '../../config.js';
import type { ResidentEvent } from '../../flows/events.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import { readWechatMessage, voiceMediaType, type WechatInput } from './read-wechat-message.js';
import { WechatApi } from './wechat-api.js';
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
}

/** Tuning for tests; the defaults suit production. */
export interface WechatOptions {
  now?: () => number;
  /** How long the callback waits for a message before answering on WeChat's last try. */
  answerWithinMs?: number;
}

/** Choice ids that finish a step waiting for documents: a resident's voice message there is a document. */
const WAITING_FOR_FILES = new Set(['intake.documents.done']);
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
  app.dispatcher.register(
    'wechat',
    new WechatSender({ api, held, logger, attachmentsDir: app.config.attachmentsDir, numbered, localeOf, now }),
  );
  let closed = false;
  // A resident's messages are read one after another (downloads, lookups) so they reach the runner in arrival order.
  const order = new KeyedQueue();

  async function receive(fields: WechatFields): Promise<void> {
    const read = readWechatMessage(fields);
    if (!read || closed) return;
    const { openId, messageId, input } = read;
    // The resident wrote: WeChat lets us answer for 48 hours, so replies held until now go first.
    if (read.opensWindow) app.dispatcher.release('wechat', openId);
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
      case 'image':
        await submitFile(messageId, input.mediaId, 'photo.jpg', undefined, submit);
        return;
      case 'voice': {
        if (await waitsForFile(openId)) {
          await submitFile(messageId, input.mediaId, `voice.${input.format}`, voiceMediaType(input.format), submit);
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

  /** Whether the conversation would take a file now: staff are talking with the resident, or documents are asked for. */
  async function waitsForFile(openId: string): Promise<boolean> {
    const state = await app.runner.inspect('wechat', openId);
    if ((state?.context as { handoff?: unknown } | undefined)?.handoff === 'live') return true;
    return (await lastChoices(openId)).some((c) => WAITING_FOR_FILES.has(c.id));
  }

  /** A new resident's language from their WeChat account, as the conversation's first language. */
  async function withLocale(message: InboundMessage): Promise<InboundMessage> {
    if (await app.runner.inspect('wechat', message.userId)) return message;
    const locale = await accountLanguage(message.userId);
    // The channel's language hint (contract 2), read by the runner for a conversation it starts.
    const hinted = locale ? { ...message, locale } : message;
    return hinted;
  }

  async function accountLanguage(openId: string): Promise<Locale | undefined> {
    try {
      const info = await Promise.race([
        api.call<{ language?: string }>('/cgi-bin/user/info', undefined, { openid: openId, lang: 'zh_CN' }),
        new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LANGUAGE_LOOKUP_MS).unref()),
      ]);
      const language = info?.language?.toLowerCase() ?? '';
      if (language.startsWith('zh')) return 'zh-CN';
      if (language.startsWith('en')) return 'en';
      return undefined;
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
  return {
    name: 'wechat',
    path: config.path,
    handle,
    api,
    async close() {
      closed = true;
    },
  };
}

import { readFile } from 'node:fs/promises';
import type { Logger } from 'pino';
import { DeliveryError, type ChannelSender, type OutboundMessage } from '../channel.js';
import { hashKey } from '../conversation-runner.js';
import { attachmentPath } from '../save-attachment.js';
import type { Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import type { WechatHeldRepository } from './wechat-held-repository.js';
import { TOKEN_ERRORS, WechatApiError, type WechatApi } from './wechat-api.js';
import { splitUtf8 } from './split-utf8.js';

/** WeChat's limit for one customer-service text: 2048 bytes of UTF-8. */
export const MAX_TEXT_BYTES = 2048;
/** 45015: the resident last wrote over 48 hours ago; 45047: too many replies to one resident message. */
export const HOLD_ERRORS = new Set([45015, 45047]);
/**
 * The server's IP is not on the account's whitelist (40164, 61004): nothing can be sent until an
 * operator adds it, so messages wait, uncounted, instead of being given up.
 */
export const WHITELIST_ERRORS = new Set([40164, 61004]);
/** Images WeChat shows in the chat; other files cannot be sent by an official account. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

/** The choices last offered to a resident as numbered text (when the menu message was refused), by address. */
export class NumberedChoices {
  private readonly byAddress = new Map<string, { id: string; label: string }[]>();
  offered(address: string, choices: { id: string; label: string }[]): void {
    this.byAddress.set(address, choices);
  }
  clear(address: string): void {
    this.byAddress.delete(address);
  }
  /** The choice a typed number ("2", "２") picks, if numbered choices are on offer. */
  pick(address: string, text: string): string | undefined {
    const digits = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^\d{1,2}$/.test(digits)) return undefined;
    return this.byAddress.get(address)?.[Number(digits) - 1]?.id;
  }
}

export interface WechatSenderOptions {
  api: WechatApi;
  held: WechatHeldRepository;
  logger: Logger;
  attachmentsDir: string;
  numbered: NumberedChoices;
  /** The resident's language, for the few texts the sender writes itself. */
  localeOf: (address: string) => Promise<Locale>;
  now?: () => number;
}

type Part = () => Promise<void>;

/**
 * The sending half of the WeChat channel: customer-service messages (客服消息) for every outbox
 * message. Texts are split at 2048 bytes; choices go as a menu message whose options come back as
 * their ids, or as numbered text when WeChat refuses the menu; images are uploaded and sent, other
 * files explained. Replies WeChat will not take until the resident writes again are held.
 */
export class WechatSender implements ChannelSender {
  /** Parts already sent of a message being retried. */
  private readonly sentParts = new Map<number, number>();
  /** Messages held at least once in this process (their held rows are closed once they go out). */
  private readonly wasHeld = new Set<number>();
  private readonly now: () => number;

  constructor(private readonly options: WechatSenderOptions) {
    this.now = options.now ?? Date.now;
  }

  async send(message: OutboundMessage): Promise<void> {
    const parts = await this.parts(message);
    const done = this.sentParts.get(message.id) ?? 0;
    try {
      for (let i = done; i < parts.length; i++) {
        await parts[i]!();
        this.sentParts.set(message.id, i + 1);
      }
    } catch (error) {
      throw await this.deliveryError(message, error);
    }
    this.sentParts.delete(message.id);
    if (this.wasHeld.delete(message.id)) await this.options.held.delivered(message.id, this.now());
  }

  private async parts(message: OutboundMessage): Promise<Part[]> {
    const { payload, address } = message;
    switch (payload.kind) {
      case 'staff':
        throw new DeliveryError('Staff relays do not go to WeChat residents.', { permanent: true });
      case 'text': {
        if (payload.choices.length === 0) return splitUtf8(payload.text, MAX_TEXT_BYTES).map((chunk) => () => this.text(address, chunk));
        const optionBytes = payload.choices.reduce((n, c) => n + Buffer.byteLength(c.label, 'utf8') + 16, 0);
        const chunks = splitUtf8(payload.text, MAX_TEXT_BYTES);
        const last = chunks.pop() ?? '';
        const tail = splitUtf8(last, Math.max(256, MAX_TEXT_BYTES - optionBytes));
        const head = tail.pop() ?? '';
        return [...chunks, ...tail].map((chunk): Part => () => this.text(address, chunk)).concat(() => this.menu(address, head, payload.choices));
      }
      case 'file': {
        const { attachmentId, fileName, mimeType, caption } = payload;
        const captionPart: Part[] = caption ? [() => this.text(address, caption)] : [];
        if (!IMAGE_TYPES.has(mimeType)) {
          const locale = await this.options.localeOf(address);
          return [...captionPart, () => this.text(address, translate('wechat.file.not_image', locale, { fileName }))];
        }
        return [
          ...captionPart,
          async () => {
            const content = await readFile(attachmentPath(this.options.attachmentsDir, attachmentId));
            const mediaId = await this.options.api.uploadMedia('image', { content, fileName, mimeType });
            await this.custom({ touser: address, msgtype: 'image', image: { media_id: mediaId } });
          },
        ];
      }
    }
  }

  private text(address: string, content: string): Promise<void> {
    return this.custom({ touser: address, msgtype: 'text', text: { content } });
  }

  /** Choices as a menu message; numbered text when WeChat refuses the menu (an account without it, a bad option). */
  private async menu(address: string, head: string, choices: { id: string; label: string }[]): Promise<void> {
    try {
      await this.custom({
        touser: address,
        msgtype: 'msgmenu',
        msgmenu: { head_content: head, list: choices.map((c) => ({ id: c.id, content: c.label })), tail_content: '' },
      });
      this.options.numbered.clear(address);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !refusesMenu(error.errcode)) throw error;
      const locale = await this.options.localeOf(address);
      const lines = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
      const text = `${head}\n\n${translate('wechat.choices.numbered', locale)}\n${lines}`;
      const chunks = splitUtf8(text, MAX_TEXT_BYTES);
      for (const chunk of chunks) await this.text(address, chunk);
      this.options.numbered.offered(address, choices);
    }
  }

  private async custom(body: object): Promise<void> {
    await this.options.api.call('/cgi-bin/message/custom/send', body);
  }

  private async deliveryError(message: OutboundMessage, error: unknown): Promise<DeliveryError> {
    if (error instanceof DeliveryError) return error;
    const conversation = hashKey(message.conversationKey);
    if (error instanceof WechatApiError) {
      const { errcode } = error;
      if (HOLD_ERRORS.has(errcode)) {
        this.wasHeld.add(message.id);
        const first = await this.options.held.hold(message.id, message.conversationKey, errcode, this.now()).catch(() => false);
        if (first) this.options.logger.warn({ channel: 'wechat', outboxId: message.id, conversation, errcode }, 'WeChat will not take this reply until the resident writes again; it waits in the outbox');
        return new DeliveryError(`WeChat holds the reply (errcode ${errcode}) until the resident writes again.`, { held: true, cause: error });
      }
      if (WHITELIST_ERRORS.has(errcode)) {
        this.options.logger.error({ channel: 'wechat', errcode }, 'WeChat refuses this server\'s IP address: add it to the IP whitelist (docs/wechat.md); replies wait until then');
        return new DeliveryError(`WeChat refused the server's IP (errcode ${errcode}).`, { offline: true, cause: error });
      }
      if (errcode === 45009) return new DeliveryError('WeChat API daily limit reached (45009).', { retryAfterMs: 10 * 60_000, cause: error });
      if (errcode === 45011 || errcode === 45033) return new DeliveryError(`WeChat API rate limit (${errcode}).`, { retryAfterMs: 60_000, cause: error });
      if (errcode === -1 || TOKEN_ERRORS.has(errcode)) return new DeliveryError(`WeChat was busy (${errcode}).`, { cause: error });
      // Unknown resident, unsubscribed (43004), a message WeChat will never take: retrying changes nothing.
      return new DeliveryError(`WeChat refused the message (errcode ${errcode}).`, { permanent: true, cause: error });
    }
    if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      return new DeliveryError('The stored attachment to send is missing from the attachments folder.', { permanent: true, cause: error });
    }
    return new DeliveryError(`WeChat could not be reached (${error instanceof Error ? error.name : 'unknown'}).`, { cause: error });
  }
}

/** Refusals of a menu message that numbered text gets around (not limits, tokens or a busy server). */
function refusesMenu(errcode: number): boolean {
  return !(HOLD_ERRORS.has(errcode) || TOKEN_ERRORS.has(errcode) || WHITELIST_ERRORS.has(errcode) || errcode === -1 || errcode === 45009 || errcode === 45011 || errcode === 43004);
}

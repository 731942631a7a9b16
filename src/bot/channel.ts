import type { ConversationEvent } from '../flows/conversation-machine.js';
import type { RenderedReply } from '../flows/events.js';
import type { StaffRelay } from '../flows/staff-relay.js';
import type { Locale } from '../locales/catalog.js';

/** The channels residents (and staff) reach the bot through. */
export type ChannelName = 'web' | 'telegram' | 'console' | 'wechat';

/** One message from a resident, translated by a channel adapter. */
export interface InboundMessage {
  channel: ChannelName;
  /** Stable id of the resident on that channel. */
  userId: string;
  /** Where replies go (a Telegram chat id, a web chat user id, …). */
  address: string;
  /** The channel's own id for this message, used to drop duplicate deliveries. */
  messageId?: string;
  event: ConversationEvent;
  /** The channel's language hint (browser language, Telegram language_code, jsonl "locale"); used only for a new conversation. */
  locale?: Locale;
}

/** The longest text message a resident may send, on every channel; the web page shows it before sending. */
export const MAX_MESSAGE_CHARS = 2000;

/** What the outbox hands to a channel: a rendered reply, or a stored file to pass on. */
export type OutboundPayload =
  | ({ kind: 'text' } & RenderedReply)
  | { kind: 'file'; attachmentId: string; fileName: string; mimeType: string; caption?: string }
  /** For the staff channel: something a resident's conversation passes to staff. */
  | { kind: 'staff'; conversationKey: string; locale: 'zh-CN' | 'en'; relay: StaffRelay };

/** The outbox channel and address of everything meant for staff; the staff adapter picks the chat. */
export const STAFF_CHANNEL = 'staff';
export const STAFF_ADDRESS = 'staff';

export interface OutboundMessage {
  id: number;
  conversationKey: string;
  channel: string;
  address: string;
  payload: OutboundPayload;
  attempts: number;
  /** When it was committed (ms); a message older than the outbox's expiry is dead-lettered, not retried. */
  createdAt?: number;
}

/** A send that failed. `retryAfterMs` comes from the channel (Telegram's `retry_after`); `permanent` stops retries. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly options: {
      retryAfterMs?: number;
      permanent?: boolean;
      /** The resident is not connected (a closed web page): wait and try again, without counting it as a failed attempt. */
      offline?: boolean;
      /**
       * The channel may not write to the resident until they write again (WeChat's 48-hour rule): the
       * message and those after it wait, without counting attempts, until `OutboxDispatcher.release`.
       */
      held?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
  }
}

/** The sending half of a channel adapter. Throws {@link DeliveryError} (or anything) when a send fails. */
export interface ChannelSender {
  send(message: OutboundMessage): Promise<void>;
}

/** `channel:userId`, the key of a conversation. */
export function conversationKey(channel: ChannelName | string, userId: string): string {
  return `${channel}:${userId}`;
}

/** A channel's language tag (`en-GB`, `zh-TW`, Telegram's `language_code`) as one of ours, or undefined. */
export function localeHint(tag: unknown): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

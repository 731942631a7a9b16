import { localeHint, MAX_MESSAGE_CHARS } from '../channel.js';
import type { Locale } from '../../locales/catalog.js';

/** A web resident's id as the server issues it (see `resident-identity.ts`). */
const RESIDENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** The page's own id for one message, used to drop a message the page sends twice after a reconnect. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** A button's id as the page may send it back: ASCII letters, digits, `_ . : -` (a Telegram callback also holds at most 64 bytes). */
export const CHOICE_ID = /^[\w.:-]{1,128}$/;
/** At most this many ids in one checklist answer. */
const MAX_CHOICES = 32;

/** Whether `value` has the shape of a resident id: 16 to 64 characters of A-Z, a-z, 0-9, `_` and `-`. */
export function isResidentId(value: unknown): value is string {
  return typeof value === 'string' && RESIDENT_ID.test(value);
}

/** Whether `value` is a page message id: 8 to 64 characters of A-Z, a-z, 0-9, `_` and `-`. */
export function isMessageId(value: unknown): value is string {
  return typeof value === 'string' && MESSAGE_ID.test(value);
}

export { localeHint };

/**
 * What the page sends over the socket. Who sends it is never in a frame: the socket belongs to the
 * resident its identity cookie proved when it opened. `hello` opens the page (with the browser's
 * language, used only for a new conversation), `resume` follows a reconnect of the same page,
 * `received` confirms a bot message by its outbox id; the others are the resident's messages.
 * A `message` longer than {@link MAX_MESSAGE_CHARS} is read as `too_long`, so the page can be told.
 */
export type ClientFrame =
  | { type: 'hello' | 'welcome_back'; mid: string; locale?: Locale }
  | { type: 'resume'; mid: string }
  | { type: 'received'; mid: string; id: number }
  | { type: 'message'; mid: string; text: string }
  | { type: 'too_long'; mid: string }
  | { type: 'choice'; mid: string; id: string }
  | { type: 'choices'; mid: string; ids: string[] }
  | { type: 'refused_attachment'; mid: string; reason: 'type' | 'size'; fileName?: string };

/** A line of earlier conversation, shown after a reload. */
export type HistoryEntry = { from: 'resident' | 'bot'; text: string } | { from: 'resident' | 'bot'; file: string };

/** What the server sends to the page. `bot` and `file` carry the outbox id, so the page can drop a re-send. */
export type ServerFrame =
  /** `choices` (and `multiSelect`): the buttons of the last bot line, which the conversation still waits on. */
  | { type: 'history'; entries: HistoryEntry[]; choices?: { id: string; label: string }[]; multiSelect?: { doneId: string } }
  | { type: 'bot'; id: number; text: string; choices: { id: string; label: string }[]; multiSelect?: { doneId: string } }
  | { type: 'file'; id: number; fileName: string; mimeType: string; caption?: string }
  | { type: 'ack'; mid: string }
  | { type: 'failed'; mid: string; text: string }
  | { type: 'locale'; locale: Locale };

/** Reads one socket frame from the page; `null` for anything malformed (it is then ignored). */
export function parseClientFrame(raw: string): ClientFrame | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Record<string, unknown>;
  const { type, mid } = frame;
  if (!isMessageId(mid)) return null;
  switch (type) {
    case 'hello':
    case 'welcome_back': {
      const locale = localeHint(frame.locale);
      return locale ? { type, mid, locale } : { type, mid };
    }
    case 'resume':
      return { type, mid };
    case 'received':
      return Number.isSafeInteger(frame.id) ? { type, mid, id: frame.id as number } : null;
    case 'message': {
      const text = typeof frame.text === 'string' ? frame.text.trim() : '';
      if (text.length === 0) return null;
      return text.length <= MAX_MESSAGE_CHARS ? { type, mid, text } : { type: 'too_long', mid };
    }
    case 'choice':
      return typeof frame.id === 'string' && CHOICE_ID.test(frame.id) ? { type, mid, id: frame.id } : null;
    case 'choices': {
      const { ids } = frame;
      if (!Array.isArray(ids) || ids.length > MAX_CHOICES) return null;
      if (!ids.every((id): id is string => typeof id === 'string' && CHOICE_ID.test(id))) return null;
      return { type, mid, ids: [...new Set(ids)] };
    }
    case 'refused_attachment': {
      const { reason, fileName } = frame;
      if (reason !== 'type' && reason !== 'size') return null;
      return typeof fileName === 'string' && fileName.length <= 255 ? { type, mid, reason, fileName } : { type, mid, reason };
    }
    default:
      return null;
  }
}

import type { Locale } from '../../locales/catalog.js';

/** The resident's id on the web: a random id the page keeps in localStorage. */
const RESIDENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** The page's own id for one message, used to drop a message the page sends twice after a reconnect. */
const MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const CHOICE_ID = /^[\w.:-]{1,128}$/;

/** Longest text message the page may send, in characters. */
export const MAX_TEXT_LENGTH = 4000;

/** Whether `value` is a resident id the web chat accepts: 16 to 64 characters of A-Z, a-z, 0-9, `_` and `-`. */
export function isResidentId(value: unknown): value is string {
  return typeof value === 'string' && RESIDENT_ID.test(value);
}

/** Whether `value` is a page message id: 8 to 64 characters of A-Z, a-z, 0-9, `_` and `-`. */
export function isMessageId(value: unknown): value is string {
  return typeof value === 'string' && MESSAGE_ID.test(value);
}

/**
 * What the page sends over the socket. `hello` (a new resident) and `welcome_back` open the page,
 * `resume` follows a reconnect of the same page, `received` confirms a bot message by its outbox id;
 * the others are the resident's messages.
 */
export type ClientFrame =
  | { type: 'hello' | 'welcome_back' | 'resume'; user: string; mid: string }
  | { type: 'received'; user: string; mid: string; id: number }
  | { type: 'message'; user: string; mid: string; text: string }
  | { type: 'choice'; user: string; mid: string; id: string }
  | { type: 'refused_attachment'; user: string; mid: string; reason: 'type' | 'size'; fileName?: string };

/** A line of earlier conversation, shown after a reload. */
export type HistoryEntry = { from: 'resident' | 'bot'; text: string } | { from: 'resident' | 'bot'; file: string };

/** What the server sends to the page. `bot` and `file` carry the outbox id, so the page can drop a re-send. */
export type ServerFrame =
  | { type: 'history'; entries: HistoryEntry[] }
  | { type: 'bot'; id: number; text: string; choices: { id: string; label: string }[] }
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
  const { type, user, mid } = frame;
  if (!isResidentId(user) || !isMessageId(mid)) return null;
  switch (type) {
    case 'hello':
    case 'welcome_back':
    case 'resume':
      return { type, user, mid };
    case 'received':
      return Number.isSafeInteger(frame.id) ? { type, user, mid, id: frame.id as number } : null;
    case 'message': {
      const text = typeof frame.text === 'string' ? frame.text.trim() : '';
      return text.length > 0 && text.length <= MAX_TEXT_LENGTH ? { type, user, mid, text } : null;
    }
    case 'choice':
      return typeof frame.id === 'string' && CHOICE_ID.test(frame.id) ? { type, user, mid, id: frame.id } : null;
    case 'refused_attachment': {
      const { reason, fileName } = frame;
      if (reason !== 'type' && reason !== 'size') return null;
      return typeof fileName === 'string' && fileName.length <= 255
        ? { type, user, mid, reason, fileName }
        : { type, user, mid, reason };
    }
    default:
      return null;
  }
}

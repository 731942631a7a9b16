import type { Message } from 'telegraf/types';
import type { ResidentEvent } from '../../flows/events.js';
import { textEvent } from '../commands.js';

/** A file a resident sent, as Telegram describes it, before it is downloaded. */
export interface IncomingFile {
  fileId: string;
  /** The resident's own name for the file, cleaned: safe to show, never used as a path. */
  fileName: string;
  mimeType: string;
  /** What Telegram says the file weighs; absent when it does not say. */
  size?: number;
}

/** What a Telegram message means to the bot: an event now, or a file to fetch first. */
export type ReadMessage = { kind: 'event'; event: ResidentEvent } | { kind: 'file'; file: IncomingFile };

type UnsupportedKind = Extract<ResidentEvent, { type: 'user.unsupported' }>['kind'];

/** Content we answer with "I cannot understand this yet", by the message field that carries it. */
const UNSUPPORTED: ReadonlyArray<[field: string, kind: UnsupportedKind]> = [
  ['sticker', 'sticker'],
  ['voice', 'voice'],
  ['location', 'location'],
  ['venue', 'location'],
  ['animation', 'video'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['contact', 'contact'],
];

/** Service messages Telegram itself puts into a private chat; nobody typed them, so they get no answer. */
const SERVICE_FIELDS = [
  'pinned_message',
  'message_auto_delete_timer_changed',
  'write_access_allowed',
  'chat_background_set',
  'proximity_alert_triggered',
  'connected_website',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
] as const;

/**
 * Translates one Telegram message into what the conversation understands. Returns `undefined` for
 * service messages. Captions of photos and documents are not read: the file is the message.
 */
export function readMessage(message: Message): ReadMessage | undefined {
  if ('text' in message) return { kind: 'event', event: textEvent(message.text) };
  // An animation also carries a `document`: look for unsupported content first.
  for (const [field, kind] of UNSUPPORTED) {
    if (field in message) return { kind: 'event', event: { type: 'user.unsupported', kind } };
  }
  if ('photo' in message) {
    // Telegram sends several sizes, smallest first; a document needs the sharpest one.
    const largest = message.photo[message.photo.length - 1];
    if (largest) {
      return {
        kind: 'file',
        file: { fileId: largest.file_id, fileName: 'photo.jpg', mimeType: 'image/jpeg', ...sizeOf(largest.file_size) },
      };
    }
  }
  if ('document' in message) {
    const doc = message.document;
    return {
      kind: 'file',
      file: {
        fileId: doc.file_id,
        fileName: cleanFileName(doc.file_name ?? ''),
        mimeType: doc.mime_type ?? 'application/octet-stream',
        ...sizeOf(doc.file_size),
      },
    };
  }
  if (SERVICE_FIELDS.some((field) => field in message)) return undefined;
  return { kind: 'event', event: { type: 'user.unsupported', kind: 'other' } };
}

function sizeOf(size: number | undefined): { size?: number } {
  return size === undefined ? {} : { size };
}

/** No folders, no control or direction-changing characters, at most 120 characters. */
function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return [...clean].slice(0, 120).join('') || 'document';
}

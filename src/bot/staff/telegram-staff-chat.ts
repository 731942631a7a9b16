import { readAttachment } from '../../storage/attachment-files.js';
import type { Logger } from 'pino';
import type { Telegram } from 'telegraf';
import type { ForceReply, InlineKeyboardMarkup, Message, User } from 'telegraf/types';
import type { RenderedReply } from '../../flows/events.js';
import type { App } from '../app.js';
import { DeliveryError } from '../channel.js';
import { inlineKeyboard, splitText } from '../telegram/telegram-sender.js';
import type { StaffChatStore, StaffMember } from './telegram-staff-store.js';

/** What every part of the Telegram staff side shares. */
export interface StaffChatContext {
  app: App;
  /** `TELEGRAM_STAFF_CHAT_ID`. */
  chatId: string;
  store: StaffChatStore;
  logger: Logger;
  now: () => number;
}

/** Types Telegram shows inline as a photo; anything else goes as a document. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

/** The staff member behind a Telegram user: their display name is what residents and colleagues see. */
export function staffMember(user: User): StaffMember {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ').trim() || user.username || `staff ${user.id}`;
  return { userId: String(user.id), name };
}

/** Options of {@link postText}. */
export interface PostOptions {
  choices?: RenderedReply['choices'];
  /** Shows the message as a reply to this one (if it still exists). */
  replyTo?: number;
  /** Opens the reply box for whoever reads it (a question that wants a typed answer). */
  forceReply?: string;
}

/**
 * Posts a text to the staff chat, split at Telegram's length limit; buttons go under the last part.
 * Resolves with the posted messages.
 */
export async function postText(telegram: Telegram, chatId: string, text: string, options: PostOptions = {}): Promise<Message.TextMessage[]> {
  const parts = splitText(text);
  const markup: InlineKeyboardMarkup | ForceReply | undefined = options.choices?.length
    ? inlineKeyboard(options.choices)
    : options.forceReply !== undefined
      ? { force_reply: true, input_field_placeholder: options.forceReply.slice(0, 64) }
      : undefined;
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    sent.push(
      await telegram.sendMessage(chatId, part, {
        ...(last && markup ? { reply_markup: markup } : {}),
        ...(i === 0 && options.replyTo !== undefined ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } } : {}),
      }),
    );
  }
  return sent;
}

/** Posts a stored attachment (by its random id in `config.attachmentsDir`) to the staff chat. */
export async function postFile(
  telegram: Telegram,
  chatId: string,
  attachmentsDir: string,
  file: { id: string; fileName: string; mimeType: string },
  caption: string,
): Promise<Message> {
  if (!/^[\w-][\w.-]*$/.test(file.id)) throw new DeliveryError(`Attachment id "${file.id}" is not a stored file name.`, { permanent: true });
  const input = { source: await readAttachment(attachmentsDir, file.id), filename: file.fileName };
  const extra = { caption: caption.slice(0, 1024) };
  return PHOTO_TYPES.has(file.mimeType) ? telegram.sendPhoto(chatId, input, extra) : telegram.sendDocument(chatId, input, extra);
}

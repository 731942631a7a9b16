import path from 'node:path';
import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { DeliveryError, type ChannelSender, type OutboundMessage, type OutboundPayload } from '../channel.js';

/** Telegram's limits: characters in one message, bytes of a button's callback data. */
const MAX_TEXT = 4096;
const MAX_CALLBACK_DATA = 64;
/** Types Telegram shows inline as a photo; anything else goes as a document. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);

/**
 * The sending half of the Telegram channel: renders outbox messages as Bot API calls (texts with an
 * inline keyboard for choices, stored files as photos or documents) and turns Telegram's refusals
 * into {@link DeliveryError}s the outbox understands.
 */
export class TelegramSender implements ChannelSender {
  /**
   * How many parts of a split message Telegram already took, by outbox id: a retry goes on from the
   * next part instead of repeating them. Kept in memory, so a crash mid-message may repeat parts
   * (delivery is at least once; see docs/privacy.md).
   */
  private readonly partsSent = new Map<number, number>();

  constructor(
    private readonly telegram: Telegram,
    /** Where stored attachments live (`config.attachmentsDir`). */
    private readonly attachmentsDir: string,
  ) {}

  async send(message: OutboundMessage): Promise<void> {
    try {
      const { payload } = message;
      if (payload.kind === 'text') await this.sendText(message.id, message.address, payload);
      else if (payload.kind === 'file') await this.sendFile(message.address, payload);
      else throw new DeliveryError('Staff relays are sent by the staff adapter, not the resident sender.', { permanent: true });
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  private async sendText(outboxId: number, chatId: string, payload: Extract<OutboundPayload, { kind: 'text' }>): Promise<void> {
    const parts = splitText(payload.text);
    const keyboard = payload.choices.length > 0 ? inlineKeyboard(payload.choices) : undefined;
    for (let i = this.partsSent.get(outboxId) ?? 0; i < parts.length; i++) {
      const last = i === parts.length - 1;
      await this.telegram.sendMessage(chatId, parts[i]!, last && keyboard ? { reply_markup: keyboard } : {});
      if (!last) this.partsSent.set(outboxId, i + 1);
    }
    this.partsSent.delete(outboxId);
  }

  /** Forgets the progress of a message the outbox gave up on. */
  forget(outboxId: number): void {
    this.partsSent.delete(outboxId);
  }

  private async sendFile(chatId: string, payload: Extract<OutboundPayload, { kind: 'file' }>): Promise<void> {
    const source = attachmentPath(this.attachmentsDir, payload.attachmentId);
    const file = { source, filename: payload.fileName };
    const extra = payload.caption ? { caption: payload.caption } : {};
    if (PHOTO_TYPES.has(payload.mimeType)) await this.telegram.sendPhoto(chatId, file, extra);
    else await this.telegram.sendDocument(chatId, file, extra);
  }
}

/** One button per row: labels are sentences, and wide buttons are easier to hit. */
export function inlineKeyboard(choices: { id: string; label: string }[]): InlineKeyboardMarkup {
  for (const choice of choices) {
    if (Buffer.byteLength(choice.id) > MAX_CALLBACK_DATA) {
      throw new DeliveryError(
        `Choice id "${choice.id}" is longer than Telegram's ${MAX_CALLBACK_DATA}-byte limit for button data; give the choice a shorter id.`,
        { permanent: true },
      );
    }
  }
  return { inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: c.id }]) };
}

/** Splits a long text at paragraph or line breaks into parts Telegram accepts. */
export function splitText(text: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    const at = cut > max / 2 ? cut : max;
    parts.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  parts.push(rest);
  return parts;
}

/** The stored file of an attachment id; refuses ids that would leave the attachments folder. */
function attachmentPath(dir: string, attachmentId: string): string {
  if (!/^[\w-][\w.-]*$/.test(attachmentId)) {
    throw new DeliveryError(`Attachment id "${attachmentId}" is not a stored file name.`, { permanent: true });
  }
  return path.join(dir, attachmentId);
}

/** Maps a failed Bot API call to what the outbox should do: wait, retry later, or give up. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof TelegramError) {
    const message = `Telegram refused the message: ${error.code} ${error.description}`;
    if (error.code === 429) {
      const seconds = error.parameters?.retry_after ?? 1;
      return new DeliveryError(message, { retryAfterMs: seconds * 1000, cause: error });
    }
    // 403: the resident blocked the bot or deleted their account; 400: chat not found or a request
    // Telegram will never accept. Sending the same thing again cannot help.
    if (error.code === 403 || error.code === 400) return new DeliveryError(message, { permanent: true, cause: error });
    return new DeliveryError(message, { cause: error });
  }
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    return new DeliveryError('The stored attachment to send is missing from the attachments folder.', { permanent: true, cause: error });
  }
  const name = error instanceof Error ? error.name : 'unknown error';
  return new DeliveryError(`Telegram could not be reached (${name}).`, { cause: error });
}

import type { Telegram } from 'telegraf';
import type { AttachmentRef } from '../../flows/events.js';
import { hashKey } from '../conversation-runner.js';
import { postText, type StaffChatContext } from './telegram-staff-chat.js';
import { RELEASE_ID } from './telegram-staff-sender.js';
import type { StaffMember } from './telegram-staff-store.js';
import { residentLabel, staffText } from './telegram-staff-texts.js';

/** What staff are told after acting on a conversation: done (posted for everyone) or refused (shown to them). */
export type HandoffOutcome = { ok: true; text: string } | { ok: false; text: string };

/** What a member of staff sends a resident: text, or a file already stored under the attachments folder. */
export type StaffContent = { text: string } | { attachment: AttachmentRef };

/**
 * Staff taking, talking in and releasing resident conversations, and the pickup timeout. The
 * `handoffs` table decides who holds a conversation (first taker wins); the conversation itself is
 * told through `runner.dispatch`, so its own rules (the bot stays silent while a person holds it,
 * resumes where the resident was on release) apply.
 */
export class StaffHandoffs {
  constructor(private readonly chat: StaffChatContext) {}

  /** Takes the conversation for `staff`; posts who took it, with a Release button, under `replyTo`. */
  async take(telegram: Telegram, key: string, staff: StaffMember, replyTo?: number): Promise<HandoffOutcome> {
    const { store, app, logger } = this.chat;
    const resident = residentLabel(key);
    const result = await store.takeHandoff(key, staff, this.chat.now());
    if (!result.ok) return { ok: false, text: staffText('staffchat.handoff.held_by', { resident, name: result.holder.name }) };
    if (result.already) return { ok: false, text: staffText('staffchat.handoff.you_hold', { resident }) };
    let dispatched: Awaited<ReturnType<typeof app.runner.dispatch>>;
    try {
      dispatched = await app.runner.dispatch(key, { type: 'staff.joined', staffName: staff.name });
    } catch (error) {
      await store.releaseHandoff(key, this.chat.now());
      throw error;
    }
    if (dispatched === false) {
      await store.releaseHandoff(key, this.chat.now());
      return { ok: false, text: staffText('staffchat.handoff.gone') };
    }
    logger.info({ conversation: hashKey(key), staffUserId: staff.userId }, 'staff took a conversation');
    const text = staffText('staffchat.handoff.taken', { name: staff.name, resident });
    await this.postAbout(telegram, key, text, replyTo, [{ id: RELEASE_ID, label: staffText('staffchat.button.release') }]);
    return { ok: true, text };
  }

  /** Hands the conversation back to the bot, which resumes where the resident was. */
  async release(telegram: Telegram, key: string, staff: StaffMember, replyTo?: number): Promise<HandoffOutcome> {
    const resident = residentLabel(key);
    const holder = await this.chat.store.releaseHandoff(key, this.chat.now());
    if (!holder) return { ok: false, text: staffText('staffchat.handoff.not_live', { resident }) };
    await this.chat.app.runner.dispatch(key, { type: 'staff.released', staffName: staff.name });
    this.chat.logger.info({ conversation: hashKey(key), staffUserId: staff.userId }, 'staff released a conversation');
    const text = staffText('staffchat.handoff.released', { name: staff.name, resident });
    await this.postAbout(telegram, key, text, replyTo);
    return { ok: true, text };
  }

  /**
   * Passes a staff reply to the resident. Replying to a conversation nobody holds takes it first;
   * one held by a colleague is refused.
   */
  async relay(telegram: Telegram, key: string, staff: StaffMember, content: StaffContent, replyTo?: number): Promise<HandoffOutcome | undefined> {
    const current = await this.chat.store.handoff(key);
    if (current?.state !== 'live' || current.staffUserId !== staff.userId) {
      const taken = await this.take(telegram, key, staff, replyTo);
      if (!taken.ok) return taken;
    }
    const event =
      'text' in content
        ? { type: 'staff.message' as const, staffName: staff.name, text: content.text }
        : { type: 'staff.file' as const, staffName: staff.name, attachment: content.attachment };
    const dispatched = await this.chat.app.runner.dispatch(key, event);
    if (dispatched === false) return { ok: false, text: staffText('staffchat.handoff.gone') };
    return undefined;
  }

  /**
   * Tells residents nobody took within `handoff.pickupMinutes` (they are offered a call-back or 12348)
   * and notes it in the staff chat. Returns the conversations timed out.
   */
  async checkPickups(telegram: Telegram, at = this.chat.now()): Promise<string[]> {
    const { store, app, logger } = this.chat;
    const minutes = app.config.handoff.pickupMinutes;
    const keys = await store.timeOutWaiting(at - minutes * 60_000, at);
    for (const key of keys) {
      try {
        await app.runner.dispatch(key, { type: 'handoff.timeout' });
        await this.postAbout(telegram, key, staffText('staffchat.handoff.timed_out', { resident: residentLabel(key), minutes }));
        logger.info({ conversation: hashKey(key) }, 'nobody took a conversation in time; the resident was offered a call-back');
      } catch (error) {
        logger.error({ conversation: hashKey(key), err: error instanceof Error ? error.name : 'unknown' }, 'could not tell a resident nobody is free');
      }
    }
    return keys;
  }

  /** Posts a note about a conversation and links it, so replying to it reaches the resident too. */
  private async postAbout(telegram: Telegram, key: string, text: string, replyTo?: number, choices?: { id: string; label: string }[]): Promise<void> {
    const posted = await postText(telegram, this.chat.chatId, text, { ...(replyTo !== undefined ? { replyTo } : {}), ...(choices ? { choices } : {}) });
    for (const message of posted) {
      await this.chat.store.recordMessage({ chatId: this.chat.chatId, messageId: message.message_id, conversationKey: key, caseRef: null, kind: 'taken', at: this.chat.now() });
    }
  }
}

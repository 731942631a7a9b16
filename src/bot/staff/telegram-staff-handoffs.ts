import type { Telegram } from 'telegraf';
import { HandoffService, type StaffContent } from '../../staff/handoff-service.js';
import { hashKey } from '../conversation-runner.js';
import { postText, type StaffChatContext } from './telegram-staff-chat.js';
import { RELEASE_ID } from './telegram-staff-sender.js';
import type { StaffMember } from './telegram-staff-store.js';
import { residentLabel, staffText } from './telegram-staff-texts.js';

/** What staff are told after acting on a conversation: done (posted for everyone) or refused (shown to them). */
export type HandoffOutcome = { ok: true; text: string } | { ok: false; text: string };

export type { StaffContent };

/**
 * Staff taking, talking in and releasing resident conversations, and the pickup timeout. The
 * `handoffs` table decides who holds a conversation (first taker wins); the conversation itself is
 * told through `runner.dispatch`, so its own rules (the bot stays silent while a person holds it,
 * resumes where the resident was on release) apply.
 */
export class StaffHandoffs {
  /** The channel-neutral hand-off (shared with the console when it runs). */
  readonly service: HandoffService;

  constructor(
    private readonly chat: StaffChatContext,
    service?: HandoffService,
  ) {
    this.service =
      service ??
      new HandoffService({ handoffs: chat.store, runner: chat.app.runner, pickupMinutes: chat.app.config.handoff.pickupMinutes, now: chat.now });
  }

  /** Takes the conversation for `staff`; posts who took it, with a Release button, under `replyTo`. */
  async take(telegram: Telegram, key: string, staff: StaffMember, replyTo?: number): Promise<HandoffOutcome> {
    const resident = residentLabel(key);
    const result = await this.service.take(key, staff);
    if (!result.ok) {
      return result.code === 'held_by'
        ? { ok: false, text: staffText('staffchat.handoff.held_by', { resident, name: String(result.params?.name ?? '—') }) }
        : { ok: false, text: staffText('staffchat.handoff.gone') };
    }
    if (result.already) return { ok: false, text: staffText('staffchat.handoff.you_hold', { resident }) };
    this.chat.logger.info({ conversation: hashKey(key), staffUserId: staff.userId }, 'staff took a conversation');
    const text = staffText('staffchat.handoff.taken', { name: staff.name, resident });
    await this.postAbout(telegram, key, text, replyTo, [{ id: RELEASE_ID, label: staffText('staffchat.button.release') }]);
    return { ok: true, text };
  }

  /** Hands the conversation back to the bot, which resumes where the resident was. */
  async release(telegram: Telegram, key: string, staff: StaffMember, replyTo?: number): Promise<HandoffOutcome> {
    const resident = residentLabel(key);
    const released = await this.service.release(key, staff);
    if (!released.ok) return { ok: false, text: staffText('staffchat.handoff.not_live', { resident }) };
    this.chat.logger.info({ conversation: hashKey(key), staffUserId: staff.userId }, 'staff released a conversation');
    const text = staffText('staffchat.handoff.released', { name: staff.name, resident });
    await this.postAbout(telegram, key, text, replyTo);
    return { ok: true, text };
  }

  /**
   * Passes a staff reply to the resident. Replying to a conversation nobody holds takes it first
   * (and says so in the group); one held by a colleague is refused.
   */
  async relay(telegram: Telegram, key: string, staff: StaffMember, content: StaffContent, replyTo?: number): Promise<HandoffOutcome | undefined> {
    if (!(await this.service.holds(key, staff))) {
      const taken = await this.take(telegram, key, staff, replyTo);
      if (!taken.ok) return taken;
    }
    const sent = await this.service.send(key, staff, content);
    if (!sent.ok) return { ok: false, text: sent.code === 'held_by' ? staffText('staffchat.handoff.held_by', { resident: residentLabel(key), name: String(sent.params?.name ?? '—') }) : staffText('staffchat.handoff.gone') };
    return undefined;
  }

  /**
   * Tells residents nobody took within `handoff.pickupMinutes` (they are offered a call-back or 12348)
   * and notes it in the staff chat. Returns the conversations timed out.
   */
  async checkPickups(telegram: Telegram, at = this.chat.now()): Promise<string[]> {
    const { logger, app } = this.chat;
    const minutes = app.config.handoff.pickupMinutes;
    return this.service.checkPickups(
      at,
      async (key) => {
        await this.postAbout(telegram, key, staffText('staffchat.handoff.timed_out', { resident: residentLabel(key), minutes }));
        logger.info({ conversation: hashKey(key) }, 'nobody took a conversation in time; the resident was offered a call-back');
      },
      (key, error) => logger.error({ conversation: hashKey(key), err: error instanceof Error ? error.name : 'unknown' }, 'could not tell a resident nobody is free'),
    );
  }

  /** Posts a note about a conversation and links it, so replying to it reaches the resident too. */
  private async postAbout(telegram: Telegram, key: string, text: string, replyTo?: number, choices?: { id: string; label: string }[]): Promise<void> {
    const posted = await postText(telegram, this.chat.chatId, text, { ...(replyTo !== undefined ? { replyTo } : {}), ...(choices ? { choices } : {}) });
    for (const message of posted) {
      await this.chat.store.recordMessage({ chatId: this.chat.chatId, messageId: message.message_id, conversationKey: key, caseRef: null, kind: 'taken', at: this.chat.now() });
    }
  }
}

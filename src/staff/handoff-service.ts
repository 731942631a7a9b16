import type { ConversationEvent } from '../flows/conversation-machine.js';
import type { AttachmentRef } from '../flows/events.js';
import { hashKey } from '../bot/conversation-runner.js';
import { refusal, type Refusal } from './staff-access.js';
import type { StaffEventBus } from './staff-events.js';
import type { HandoffRepository, StaffMember } from './staff-ports.js';

/** How the service tells a resident conversation about staff (`ConversationRunner` fits). */
export interface ConversationDispatch {
  dispatch(key: string, event: ConversationEvent): Promise<unknown>;
}

/** What a member of staff sends: text, or a file already saved under the attachments folder. */
export type StaffContent = { text: string } | { attachment: AttachmentRef };

export interface HandoffServiceDeps {
  /** `StaffChatRepository` (Telegram) and the console's `HandoffRepository` both fit. */
  handoffs: Pick<HandoffRepository, 'takeHandoff' | 'releaseHandoff' | 'handoff' | 'timeOutWaiting'>;
  runner: ConversationDispatch;
  events?: StaffEventBus;
  /** Told about each text staff send (the console keeps it to label the transcript). */
  onStaffText?: (key: string, staff: StaffMember, text: string) => Promise<void>;
  pickupMinutes: number;
  now?: () => number;
}

/** The console's id of a conversation: the same short tag the Telegram group shows, not the channel's user id. */
export const liveId = (key: string) => hashKey(key);

/**
 * Hand-off to a person, the same for every front end (console, Telegram group): take (first wins),
 * send text or a file, release, and the pickup timeout. The conversation is told through
 * `runner.dispatch`, so its own rules apply: the bot stays silent while a person holds it and resumes
 * where the resident was on release. Refusals are values; the front end words them.
 */
export class HandoffService {
  private readonly now: () => number;

  constructor(private readonly deps: HandoffServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Takes `key` for `staff`; `already` when they held it before. Refused when a colleague holds it or the conversation is gone. */
  async take(key: string, staff: StaffMember): Promise<{ ok: true; already: boolean } | Refusal> {
    const result = await this.deps.handoffs.takeHandoff(key, staff, this.now());
    if (!result.ok) return refusal(409, 'held_by', 'console.error.held_by', { name: result.holder.name });
    if (result.already) return { ok: true, already: true };
    let dispatched: unknown;
    try {
      dispatched = await this.deps.runner.dispatch(key, { type: 'staff.joined', staffName: staff.name });
    } catch (error) {
      await this.deps.handoffs.releaseHandoff(key, this.now());
      throw error;
    }
    if (dispatched === false) {
      await this.deps.handoffs.releaseHandoff(key, this.now());
      return refusal(404, 'gone', 'console.error.gone');
    }
    this.deps.events?.publish({ type: 'live.changed', id: liveId(key), state: 'live' });
    return { ok: true, already: false };
  }

  /** Whether `staff` holds `key` now. */
  async holds(key: string, staff: StaffMember): Promise<boolean> {
    const current = await this.deps.handoffs.handoff(key);
    return current?.state === 'live' && current.staffUserId === staff.userId;
  }

  /** Passes a staff message to the resident; a conversation nobody holds is taken first, one a colleague holds is refused. */
  async send(key: string, staff: StaffMember, content: StaffContent): Promise<{ ok: true } | Refusal> {
    if ('text' in content && !content.text.trim()) return refusal(422, 'invalid', 'console.error.empty_text');
    if (!(await this.holds(key, staff))) {
      const taken = await this.take(key, staff);
      if (!taken.ok) return taken;
    }
    const event: ConversationEvent =
      'text' in content
        ? { type: 'staff.message', staffName: staff.name, text: content.text.trim() }
        : { type: 'staff.file', staffName: staff.name, attachment: content.attachment };
    const dispatched = await this.deps.runner.dispatch(key, event);
    if (dispatched === false) return refusal(404, 'gone', 'console.error.gone');
    if ('text' in content) await this.deps.onStaffText?.(key, staff, content.text.trim());
    this.deps.events?.publish({ type: 'live.message', id: liveId(key) });
    return { ok: true };
  }

  /** Hands the conversation back to the bot; refused when nobody holds it. */
  async release(key: string, staff: StaffMember): Promise<{ ok: true; holder: StaffMember } | Refusal> {
    const holder = await this.deps.handoffs.releaseHandoff(key, this.now());
    if (!holder) return refusal(409, 'not_live', 'console.error.not_live');
    await this.deps.runner.dispatch(key, { type: 'staff.released', staffName: staff.name });
    this.deps.events?.publish({ type: 'live.changed', id: liveId(key), state: 'released' });
    return { ok: true, holder };
  }

  /**
   * Tells residents nobody took within the pickup time (they are offered a call-back or 12348);
   * `onTimedOut` lets a front end note it. Returns the conversation keys timed out.
   */
  async checkPickups(at = this.now(), onTimedOut?: (key: string) => Promise<void>, onError?: (key: string, error: unknown) => void): Promise<string[]> {
    const keys = await this.deps.handoffs.timeOutWaiting(at - this.deps.pickupMinutes * 60_000, at);
    for (const key of keys) {
      try {
        await this.deps.runner.dispatch(key, { type: 'handoff.timeout' });
        this.deps.events?.publish({ type: 'live.changed', id: liveId(key), state: 'timed_out' });
        await onTimedOut?.(key);
      } catch (error) {
        onError?.(key, error);
      }
    }
    return keys;
  }
}

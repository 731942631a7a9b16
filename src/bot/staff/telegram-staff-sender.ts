import type { Telegram } from 'telegraf';
import type { ResidentEvent } from '../../flows/events.js';
import type { StaffRelay } from '../../flows/staff-relay.js';
import type { TranscriptEntry } from '../ports/conversation-repository.js';
import { DeliveryError, type ChannelSender, type OutboundMessage } from '../channel.js';
import { splitText, toDeliveryError } from '../telegram/telegram-sender.js';
import { staffNames } from '../../staff/staff-names.js';
import { staffCaseCard } from './telegram-staff-card.js';
import { postFile, postText, type StaffChatContext } from './telegram-staff-chat.js';
import type { StaffChatMessage } from './telegram-staff-store.js';
import { residentLabel, staffText } from './telegram-staff-texts.js';
import { label } from '../../staff/case-view.js';

/** Button ids of the hand-off cards; the conversation is found from the message the button is on. */
export const TAKE_ID = 'hand:take';
export const RELEASE_ID = 'hand:release';

/** Transcript lines shown with a request for a person, and how much of each. */
const TRANSCRIPT_ENTRIES = 10;
const TRANSCRIPT_LINE_CHARS = 300;

/** One message to post; `send` resolves with the id Telegram gave it. */
interface Part {
  kind: StaffChatMessage['kind'];
  caseRef?: string;
  send: () => Promise<number>;
}

/**
 * The outbox sender of the `staff` channel: posts what resident conversations pass to staff into
 * the staff chat (new-case cards with their buttons and files, requests for a person with the recent
 * transcript and a Take button, relayed messages and files, call-back requests) and remembers which
 * posted message belongs to which conversation, so staff can answer by replying. A retried message
 * skips the parts already posted. Failures become {@link DeliveryError}s the outbox retries.
 */
export class TelegramStaffSender implements ChannelSender {
  constructor(
    private readonly chat: StaffChatContext,
    private readonly telegram: Telegram,
  ) {}

  async send(message: OutboundMessage): Promise<void> {
    const { payload } = message;
    if (payload.kind !== 'staff') throw new DeliveryError('Only staff relays go to the staff chat.', { permanent: true });
    try {
      const parts = await this.parts(payload.conversationKey, payload.relay, message.id);
      const done = await this.chat.store.sentParts(message.id);
      for (const [i, part] of parts.entries()) {
        if (done.has(i)) continue;
        const messageId = await part.send();
        await this.chat.store.recordMessage({
          chatId: this.chat.chatId,
          messageId,
          conversationKey: payload.conversationKey,
          caseRef: part.caseRef ?? null,
          kind: part.kind,
          outboxId: message.id,
          part: i,
          at: this.chat.now(),
        });
      }
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  private async parts(key: string, relay: StaffRelay, outboxId: number): Promise<Part[]> {
    const { chatId, app } = this.chat;
    const resident = residentLabel(key);
    const text = (body: string, choices?: { id: string; label: string }[]): Part[] =>
      splitText(body).map((chunk, i, all) => ({
        kind: relay.kind === 'callback' ? 'callback' : relay.kind === 'handoff_request' ? 'handoff' : 'relay',
        send: async () => (await postText(this.telegram, chatId, chunk, i === all.length - 1 && choices ? { choices } : {}))[0]!.message_id,
      }));

    switch (relay.kind) {
      case 'new_case':
        return this.caseParts(relay.ref);
      case 'handoff_request': {
        // The wait starts when the request reaches staff; a retry after the card went out changes nothing.
        if (!(await this.chat.store.sentParts(outboxId)).has(0)) await this.chat.store.requestHandoff(key, this.chat.now());
        const entries = await app.repos.conversations.recentTranscript(key, TRANSCRIPT_ENTRIES);
        const lines = entries.map(transcriptLine).filter((l): l is string => l !== undefined);
        const transcript = lines.length > 0 ? lines.join('\n') : staffText('staffchat.handoff.no_transcript');
        return text(staffText('staffchat.handoff.request', { resident, transcript }), [{ id: TAKE_ID, label: staffText('staffchat.button.take') }]);
      }
      case 'handoff_left':
        await this.chat.store.leaveQueue(key, this.chat.now());
        return text(staffText('staffchat.handoff.left', { resident }));
      case 'message':
        return text(staffText('staffchat.relay.message', { resident, text: relay.text }));
      case 'attachment': {
        const { attachment } = relay;
        const caption = staffText('staffchat.relay.attachment', { resident, fileName: attachment.fileName });
        return [{ kind: 'relay', send: async () => (await postFile(this.telegram, chatId, app.config.attachmentsDir, attachment, caption)).message_id }];
      }
      case 'callback':
        return text(staffText('staffchat.callback', { resident, phone: relay.phone }));
      case 'case_withdrawn':
        return text(staffText('staffchat.withdrawn', { ref: relay.ref }));
      case 'case_note':
        // The words stay on the case (the console's 内部备注, marked as the applicant's): the group is told where to look.
        return text(staffText('staffchat.case_note', { ref: relay.ref }));
      case 'materials_received': {
        // The file itself, captioned with the case it completes (as the new case's files are).
        const caption = staffText('staffchat.case.attachment', { ref: relay.ref, fileName: relay.attachment.fileName });
        return [{ kind: 'file', caseRef: relay.ref, send: async () => (await postFile(this.telegram, chatId, app.config.attachmentsDir, relay.attachment, caption)).message_id }];
      }
      case 'danger':
        // Named in words (家庭暴力), not the id.
        return text(staffText('staffchat.danger', { resident, danger: label(`console.danger.${relay.danger}`, 'zh-CN', relay.danger) }));
    }
  }

  private async caseParts(ref: string): Promise<Part[]> {
    const { app, chatId } = this.chat;
    const { cases, pack } = app.services;
    const record = await cases.get(ref);
    if (!record) {
      this.chat.logger.warn({ case: ref }, 'a new case to announce to staff was not found');
      return [];
    }
    const [events, attachments, nameOf] = await Promise.all([cases.events(ref), app.repos.attachments.forCase(ref), staffNames(app.repos.staff?.accounts)]);
    const card = staffCaseCard(record, { pack, now: this.chat.now(), events, attachments, nameOf });
    return [
      { kind: 'case', caseRef: ref, send: async () => (await postText(this.telegram, chatId, card.text, { choices: card.choices })).at(-1)!.message_id },
      ...attachments.map(
        (file): Part => ({
          kind: 'file',
          caseRef: ref,
          send: async () =>
            (await postFile(this.telegram, chatId, app.config.attachmentsDir, file, staffText('staffchat.case.attachment', { ref, fileName: file.fileName }))).message_id,
        }),
      ),
    ];
  }
}

/** One line of the transcript shown to staff, or undefined for entries that say nothing. */
function transcriptLine(entry: TranscriptEntry): string | undefined {
  const clip = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > TRANSCRIPT_LINE_CHARS ? `${flat.slice(0, TRANSCRIPT_LINE_CHARS)}…` : flat;
  };
  if (entry.direction === 'out') {
    const text = (entry.body as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? staffText('staffchat.transcript.bot', { text: clip(text) }) : undefined;
  }
  const event = (entry.body as { event?: ResidentEvent } | null)?.event;
  if (!event) return undefined;
  const said =
    event.type === 'user.text'
      ? event.text
      : event.type === 'user.choice'
        ? `[${event.id}]`
        : event.type === 'user.command'
          ? `/${event.command}${event.arg ? ` ${event.arg}` : ''}`
          : event.type === 'user.attachment'
            ? `📎 ${event.attachment.fileName}`
            : `[${event.type.slice('user.'.length)}]`;
  return staffText('staffchat.transcript.resident', { text: clip(said) });
}

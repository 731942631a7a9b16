import type { BotReply, Param } from '../flows/events.js';
import type { CaseEvent } from '../knowledge/cases/case-lifecycle.js';
import { nameIn, type CasePack } from '../knowledge/cases/case-pack.js';
import { caseTextParams, ratingChoices } from '../knowledge/cases/case-status-view.js';
import { renderReply } from '../locales/render.js';
import type { CaseRecord } from '../knowledge/cases/case-repository.js';
import type { OutboundPayload } from '../bot/channel.js';
import { CASE_CATALOG } from '../bot/staff/case-catalog.js';

/** What to tell the resident about a transition, or why nothing is sent. */
export type ResidentNotice =
  | { send: true; reply: BotReply }
  /**
   * `chat_not_safe`: the resident said even messages in the chat could put them at risk, so nothing
   * is pushed; they see the new state when they ask (查询进度) and staff see the warning on the card.
   * `resident_action`: the resident did it in the chat, which answered them already.
   */
  | { send: false; reason: 'chat_not_safe' | 'resident_action' };

function noteLine(note: string | null): Param {
  return note ? { key: 'case.notice.note_line', params: { text: note } } : '';
}

/**
 * The resident's notice of a transition, as a message key and params in the case's language.
 *
 * Contact safety: `safeToContact: false` means staff must not phone or text; the resident asked to
 * be contacted in this chat instead ("不要打电话，只在这里联系"), so notices are still sent here.
 * Only `chatNotices: false` stops them, and then they are skipped, not deferred: the outbox has no
 * delayed delivery and `safeTimes` is free text, so there is no safe hour to wait for.
 *
 * A decline explains how to object (LAL 49); a materials request lists every missing document in
 * one notice (一次性告知, LAL 43); an acceptance names the lawyer; a close asks for a rating and says
 * how to complain (LAL 55).
 */
export function residentNotice(record: CaseRecord, event: CaseEvent, pack: CasePack): ResidentNotice {
  if (event.actor.kind === 'resident') return { send: false, reason: 'resident_action' };
  if (record.applicant.chatNotices === false) return { send: false, reason: 'chat_not_safe' };
  const base = caseTextParams(record, pack, event.at);
  const note = noteLine(event.note);
  const reply = (key: string, params: Record<string, Param>, choices?: BotReply['choices']): ResidentNotice => ({
    send: true,
    reply: { type: 'reply', key, params: { ...base, ...params }, ...(choices ? { choices } : {}) },
  });
  switch (event.action) {
    case 'claim':
      return reply('case.notice.claimed', {});
    case 'request_materials': {
      const documents = event.details.documents ?? record.requestedDocuments;
      return reply('case.notice.materials_requested', {
        documents: { items: documents.map((id, i) => ({ items: [`${i + 1}. `, nameIn(pack.documents, id)], separator: '' })) },
        note,
      });
    }
    case 'materials_received':
      return reply('case.notice.materials_received', {});
    case 'accept':
      return reply('case.notice.accepted', { lawyer: event.details.lawyer ?? record.lawyer ?? '—', note });
    case 'decline':
      return reply('case.notice.declined', { reason: event.note ?? '—', objection: { key: 'case.objection' } });
    case 'refer':
      return reply('case.notice.referred', { to: event.note ?? '—' });
    case 'close':
      // Closed while waiting for materials: they never came, which counts as a withdrawal (LAL 43) — not
      // "办结, thank you", and no rating of aid that was not given.
      if (event.from === 'materials_requested') return reply('case.notice.closed_no_materials', { note, hotline: pack.hotline });
      return reply('case.notice.closed', { note, complaint: { key: 'case.complaint', params: { hotline: pack.hotline } } }, ratingChoices(record.ref));
    case 'withdraw':
      return reply('case.notice.withdrawn', {});
    case 'reopen':
      return reply('case.notice.reopened', { note });
    case 'submit':
      return { send: false, reason: 'resident_action' };
  }
}

/** A notice rendered for the outbox in the case's language. */
export function noticePayload(record: CaseRecord, reply: BotReply): OutboundPayload {
  return { kind: 'text', ...renderReply(reply, record.locale, CASE_CATALOG) };
}

/** The notice as the conversation's transcript records the bot's replies: its key and rendered text and buttons. */
export function noticeTranscript(record: CaseRecord, reply: BotReply): { key: string; text: string } {
  return { key: reply.key, ...renderReply(reply, record.locale, CASE_CATALOG) };
}

/**
 * The `outbound` option of `CaseStore.applyTransition`: writes the resident's notice to the outbox and
 * the conversation's transcript in the same transaction as the change, so it is sent (with retries)
 * exactly when the change holds and stays in the resident's history.
 * `onNotice` learns what was decided, for the reply to staff.
 */
export function notifyResident(pack: CasePack, onNotice?: (notice: ResidentNotice) => void) {
  return (record: CaseRecord, event: CaseEvent): { payload: OutboundPayload; transcript: unknown }[] => {
    const notice = residentNotice(record, event, pack);
    onNotice?.(notice);
    return notice.send ? [{ payload: noticePayload(record, notice.reply), transcript: noticeTranscript(record, notice.reply) }] : [];
  };
}

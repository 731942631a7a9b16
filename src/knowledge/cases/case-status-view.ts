import type { BotReply, Choice, Param } from '../../flows/events.js';
import { NEXT_STEP_KEYS, STATUS_KEYS, isOverdue, isSameDayCase, type CaseStatus } from './case-lifecycle.js';
import type { CasePack } from './case-pack.js';
import { formatLocalDateTime, isoDate, localDate } from './local-time.js';
import { nameIn } from './case-pack.js';

/** What the resident's status view shows of a case. `CaseRecord` fits. */
export interface CaseSummary {
  ref: string;
  category: string;
  status: CaseStatus;
  createdAt: number;
  dueAt: number | null;
  lawyer: string | null;
  rating: number | null;
  urgent: boolean;
  sameDay: boolean;
  /** The documents staff asked for (ids of the pack's documents), shown while the case waits for them. */
  requestedDocuments?: readonly string[];
  /**
   * How the resident may be contacted (`CaseRecord.applicant` fits): "do not call" (`safeToContact: false`) and "no
   * calls, no messages" (`chatNotices: false` too) change what the next step promises. Absent: anything goes.
   */
  applicant?: { safeToContact?: boolean; chatNotices?: boolean };
}

/** The buttons that rate a closed case: ids `rate:<ref>:<1–5>`. */
export function ratingChoices(ref: string): Choice[] {
  return [1, 2, 3, 4, 5].map((n) => ({ id: `rate:${ref}:${n}`, key: 'case.rating.choice', params: { n } }));
}

/** Statuses in which the resident may withdraw an application from the chat: not decided yet. */
const WITHDRAWABLE: readonly CaseStatus[] = ['new', 'claimed', 'materials_requested'];

/** The button that starts withdrawing an undecided application: id `withdraw:<ref>`. */
export function withdrawChoice(ref: string): Choice {
  return { id: `withdraw:${ref}`, key: 'privacy.withdraw.choice', params: { ref } };
}

/** Reads a withdraw button id (`withdraw:FY-…` asks, `withdraw.confirm:FY-…` confirms); undefined for any other id. */
export function parseWithdrawChoice(id: string): { ref: string; confirmed: boolean } | undefined {
  const match = /^withdraw(\.confirm)?:(FY-\d{8}-\d{4,})$/.exec(id);
  return match ? { ref: match[2]!, confirmed: match[1] !== undefined } : undefined;
}

/** Reads a rating button id (`rate:FY-20261122-0001:5`); undefined for any other id. */
export function parseRatingChoice(id: string): { ref: string; score: number } | undefined {
  const match = /^rate:(FY-\d{8}-\d{4,}):([1-5])$/.exec(id);
  return match ? { ref: match[1]!, score: Number(match[2]) } : undefined;
}

/** When the decision is due, as a phrase: "by 2026-12-01", or "today" on the due day itself (in the pack's time zone). */
function dueParam(dueAt: number | null, pack: CasePack, now: number): Param {
  if (dueAt === null) return { key: 'case.due.unknown' };
  const due = isoDate(localDate(dueAt, pack.timeZone));
  if (due === isoDate(localDate(now, pack.timeZone))) return { key: 'case.due.today' };
  const [y, m, d] = due.split('-').map(Number) as [number, number, number];
  return { key: 'case.due.date', params: { date: { key: 'case.date', params: { y, d, month: { key: `case.month.${m}` } } } } };
}

/**
 * The params every case text may use: due date (as a phrase, seen from `now`), lawyer, hotline, decision
 * period, and when a complete application is decided (the day itself for an urgent or same-day case, LAL 44).
 */
export function caseTextParams(summary: Pick<CaseSummary, 'ref' | 'dueAt' | 'lawyer' | 'urgent' | 'sameDay'>, pack: CasePack, now: number = Date.now()): Record<string, Param> {
  return {
    ref: summary.ref,
    due: dueParam(summary.dueAt, pack, now),
    lawyer: summary.lawyer ?? '—',
    hotline: pack.hotline,
    days: pack.decisionDays,
    whenComplete: isSameDayCase(summary, pack) ? { key: 'case.when_complete.same_day' } : { key: 'case.when_complete.days', params: { days: pack.decisionDays } },
  };
}

/** The case's next step; waiting for documents, which ones and that they can be sent right here. */
function nextStep(c: CaseSummary, params: Record<string, Param>, pack: CasePack): Param {
  if (c.status === 'materials_requested' && c.requestedDocuments?.length) {
    const documents = { items: c.requestedDocuments.map((id, i) => ({ items: [`${i + 1}. `, nameIn(pack.documents, id)], separator: '' })) };
    return { key: 'case.next.materials_requested_list', params: { ...params, documents } };
  }
  if (c.status === 'new' || c.status === 'claimed') {
    // No calls and no messages: nothing will reach her, so she is told to check here herself, and by when. No calls
    // only: staff write here, never phone.
    if (c.applicant?.chatNotices === false) return { key: `case.next.${c.status}_quiet`, params };
    if (c.applicant?.safeToContact === false && c.status === 'claimed') return { key: 'case.next.claimed_no_calls', params };
  }
  return { key: c.status === 'closed' && c.rating !== null ? 'case.next.closed_rated' : NEXT_STEP_KEYS[c.status], params };
}

/**
 * The replies to "查询进度 / status": each of the resident's cases with its state and next step
 * (newest first), rating buttons on closed cases not yet rated, and how to complain (LAL 55).
 */
export function caseStatusReplies(cases: readonly CaseSummary[], pack: CasePack, now: number): BotReply[] {
  if (cases.length === 0) return [{ type: 'reply', key: 'case.status.none', params: { hotline: pack.hotline } }];
  const replies: BotReply[] = [{ type: 'reply', key: 'case.status.header', params: { count: cases.length } }];
  for (const c of cases) {
    const params = caseTextParams(c, pack, now);
    const item: BotReply = {
      type: 'reply',
      key: 'case.status.item',
      params: {
        ref: c.ref,
        category: { key: `category.${c.category}` },
        submitted: formatLocalDateTime(c.createdAt, pack.timeZone),
        status: { key: STATUS_KEYS[c.status] },
        next: nextStep(c, params, pack),
        overdue: isOverdue(c, now) ? { key: 'case.status.overdue', params: { hotline: pack.hotline } } : '',
      },
    };
    if (c.status === 'closed' && c.rating === null) item.choices = ratingChoices(c.ref);
    // Not decided yet: the resident may withdraw it (after one confirmation).
    if (WITHDRAWABLE.includes(c.status)) item.choices = [withdrawChoice(c.ref)];
    replies.push(item);
  }
  replies.push({ type: 'reply', key: 'case.complaint', params: { hotline: pack.hotline } });
  return replies;
}

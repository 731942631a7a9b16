import type { NameOf } from './staff-names.js';
import type { Param } from '../flows/events.js';
import { allowedActions, isOverdue, type CaseActionType } from '../knowledge/cases/case-lifecycle.js';
import { nameIn, type CasePack } from '../knowledge/cases/case-pack.js';
import { addDays, endOfLocalDay, localDate } from '../knowledge/cases/local-time.js';
import { localizeReasonForStaff } from '../knowledge/eligibility/localize-decision.js';
import type { Basis as BasisRef, Decision, Reason } from '../knowledge/eligibility/decision.js';
import { basisItems } from '../flows/intake/decision-replies.js';
import type { Locale } from '../locales/catalog.js';
import { MESSAGES } from '../locales/messages.js';
import { translate } from '../locales/render.js';
import type { StoredAttachment } from '../bot/ports/attachment-repository.js';
import type { CaseRecord, StoredCaseEvent } from '../knowledge/cases/case-repository.js';
import { RESIDENT_NOTE_AUTHOR, type CaseNote } from './staff-ports.js';

/**
 * What staff must know before they pick up the phone, shown on the inbox row, the case header and the live page:
 * `doNotCall`, the resident said it is not safe to phone or text them; `callTimesOnly`, they may be phoned only at the
 * times they gave (the case page says which).
 */
export function contactWarnings(record: Pick<CaseRecord, 'applicant'>): { doNotCall: boolean; callTimesOnly: boolean } {
  const { safeToContact, safeTimes } = record.applicant;
  return { doNotCall: safeToContact === false, callTimesOnly: safeToContact !== false && Boolean(safeTimes) };
}

/** A label for `key`, or `fallback` when the catalog has no such key (an id the pack added). */
export function label(key: string, locale: Locale, fallback: string, params?: Record<string, Param>): string {
  return MESSAGES[key] ? translate(key, locale, params) : fallback;
}

/** The last millisecond of `now`'s day in the centre's time zone (one time-zone computation, not one per case). */
const endOfToday = (now: number, timeZone: string) => endOfLocalDay(localDate(now, timeZone), timeZone);

/** Whether an undecided case is due by the end of today (and not yet overdue). */
export function isDueToday(record: Pick<CaseRecord, 'status' | 'dueAt' | 'decidedAt'>, now: number, timeZone: string, todayEnds = endOfToday(now, timeZone)): boolean {
  return record.dueAt !== null && record.decidedAt === null && !isOverdue(record, now) && record.dueAt <= todayEnds;
}

/**
 * Sorts the inbox: overdue first, then today's work, then urgent, then by due date, then oldest. Today's
 * work is the cases due today and the urgent cases waiting for the resident's materials (their deadline is
 * paused, not gone: a hearing in 3 days still comes, and the materials may be in or need chasing). Within
 * overdue cases and today's work the urgent ones (LAL 44: a deadline within days) come first: on a busy
 * day every same-day case is due tonight, and an urgent one must not wait behind those that came earlier.
 */
export function sortInbox(cases: CaseRecord[], now: number, timeZone: string): CaseRecord[] {
  const todayEnds = endOfToday(now, timeZone);
  const today = (c: CaseRecord) => isDueToday(c, now, timeZone, todayEnds) || (c.urgent && c.status === 'materials_requested');
  const rank = new Map(cases.map((c) => [c, isOverdue(c, now) ? 0 : today(c) ? 1 : c.urgent ? 2 : 3]));
  const urgentFirst = (a: CaseRecord, b: CaseRecord) => Number(b.urgent) - Number(a.urgent);
  return cases.sort(
    (a, b) =>
      rank.get(a)! - rank.get(b)! ||
      urgentFirst(a, b) ||
      (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) ||
      a.createdAt - b.createdAt ||
      (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
}

export type CaseSummaryView = ReturnType<typeof caseSummaryView>;

const asIs: NameOf = (login) => login;

/** A case as a line of the inbox; `assigneeName` is the assignee as colleagues know them. */
export function caseSummaryView(record: CaseRecord, pack: CasePack, now: number, locale: Locale, todayEnds = endOfToday(now, pack.timeZone), nameOf: NameOf = asIs) {
  return {
    ref: record.ref,
    status: record.status,
    statusLabel: label(`console.status.${record.status}`, locale, record.status),
    category: record.category,
    categoryLabel: label(`category.${record.category}`, locale, record.category),
    office: record.route,
    officeLabel: record.route ? nameIn(pack.offices, record.route)[locale] : null,
    region: record.region,
    regionLabel: record.region ? nameIn(pack.regions, record.region)[locale] : null,
    channel: record.channel,
    urgent: record.urgent,
    sameDay: record.sameDay,
    ...contactWarnings(record),
    dueAt: record.decidedAt === null ? record.dueAt : null,
    overdue: isOverdue(record, now),
    dueToday: isDueToday(record, now, pack.timeZone, todayEnds),
    assignee: record.assignee,
    assigneeName: record.assignee === null ? null : nameOf(record.assignee),
    lawyer: record.lawyer,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** An answer's label as staff read it: the console's own, else the resident-worded one, else the key. */
function factLabel(key: string, locale: Locale): string {
  return label(`console.fact.${key}`, locale, label(`fact.${key}`, locale, key));
}

/**
 * The days the applicant said were left before a hearing or limitation period, with the day they fall on:
 * "3 天" is true on the day of the application only, and staff read it later.
 */
function deadlineValue(days: number, submittedAt: number, pack: CasePack, locale: Locale): string {
  const { year, month, day } = addDays(localDate(submittedAt, pack.timeZone), days);
  const date: Param = { key: 'case.date', params: { y: year, d: day, month: { key: `case.month.${month}` } } };
  return label('console.unit.deadlineDays.dated', locale, String(days), { n: String(days), date });
}

function answerValue(value: unknown, key: string, pack: CasePack, locale: Locale): string {
  const yes = locale === 'en' ? 'yes' : '是';
  const no = locale === 'en' ? 'no' : '否';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.map((v) => answerValue(v, key, pack, locale)).join(locale === 'en' ? ', ' : '、');
  if (typeof value === 'string') {
    if (key === 'region') return nameIn(pack.regions, value)[locale];
    if (key === 'category') return label(`category.${value}`, locale, value);
    if (key === 'groups') return label(`group.${value}`, locale, value);
    return label(`${key}.${value}`, locale, value);
  }
  if (value === null || value === undefined) return '—';
  // A number with its unit ("3000 元/月", "4 人"): a bare 3000 leaves staff to guess a month or a year.
  if (typeof value === 'number') return label(`console.unit.${key}`, locale, String(value), { n: String(value) });
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Every article and local rule the decision rests on or its reasons cite, written as the chat writes them. */
export function basisTexts(decision: Record<string, unknown>, pack: CasePack, locale: Locale): string[] {
  const isBasis = (b: unknown): b is BasisRef => {
    const o = b as { source?: unknown; article?: unknown; rule?: unknown } | null;
    return !!o && ((o.source === 'LAL' && typeof o.article === 'number') || (o.source === 'local' && typeof o.rule === 'string'));
  };
  const own = Array.isArray(decision.basis) ? decision.basis : [];
  const fromReasons = (Array.isArray(decision.reasons) ? decision.reasons : []).flatMap((r) => {
    const cites = (r as { cites?: unknown } | null)?.cites;
    return Array.isArray(cites) ? cites : [];
  });
  const cited = [...own, ...fromReasons].filter(isBasis);
  return basisItems(cited, pack.rules ?? []).map((item) => item[locale]);
}

/** A decision reason as staff read it: about the applicant, never "您" (the chat's wording is the resident's). */
function reasonText(reason: unknown, locale: Locale, decision: Record<string, unknown>): string | undefined {
  try {
    return localizeReasonForStaff(reason as Reason, locale, decision as Partial<Pick<Decision, 'missingFacts' | 'wouldChangeIf'>>, (fact) => ({
      'zh-CN': factLabel(fact, 'zh-CN'),
      en: factLabel(fact, 'en'),
    }));
  } catch {
    return undefined;
  }
}

/** Notices not yet delivered, as the case page says it: how many, since when, and why in the staff's language. */
export function undeliveredView(undelivered: { count: number; since: number; errcode: number } | null, locale: Locale) {
  if (!undelivered) return null;
  const { count, since, errcode } = undelivered;
  return { count, since, reason: label(`wechat.reason.${errcode}`, locale, String(errcode)) };
}

/** Everything the case page shows. */
export function caseDetailView(
  record: CaseRecord,
  extra: {
    pack: CasePack;
    now: number;
    locale: Locale;
    events: readonly StoredCaseEvent[];
    attachments: readonly StoredAttachment[];
    notes: readonly CaseNote[];
    undelivered?: { count: number; since: number; errcode: number } | null;
    /** Staff as colleagues know them (console actions record the login name). */
    nameOf?: NameOf;
  },
) {
  const nameOf = extra.nameOf ?? asIs;
  const { pack, locale } = extra;
  const decision = record.decision as Record<string, unknown>;
  const facts = record.facts as Record<string, unknown>;
  const answers = Object.entries(facts)
    // "Submitted despite a negative assessment" is a row only when it is so: "否" on an eligible case read as a warning.
    .filter(([key, v]) => key !== 'unsure' && key !== 'ageAtLeast' && !(key === 'submitAnyway' && v !== true) && v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([key, value]) => ({
      key,
      label: factLabel(key, locale),
      // An age said roughly ("七十多了") is recorded as its lowest: never shown as if exact.
      value:
        key === 'age' && facts.ageAtLeast === true
          ? label('console.answer.age_at_least', locale, String(value), { age: String(value) })
          : key === 'deadlineDays' && typeof value === 'number'
            ? deadlineValue(value, record.createdAt, pack, locale)
            : answerValue(value, key, pack, locale),
    }));
  // Questions the applicant answered "not sure" (the intake lists them in `unsure`): under their own label, not as a field.
  for (const step of Array.isArray(facts.unsure) ? facts.unsure : []) {
    if (typeof step === 'string' && !answers.some((a) => a.key === step)) {
      answers.push({ key: step, label: factLabel(step, locale), value: label('console.answer.unsure', locale, '?') });
    }
  }
  const summaryParts = [
    label(`category.${record.category}`, locale, record.category),
    record.region ? nameIn(pack.regions, record.region)[locale] : null,
    label(`outcome.${record.decision.outcome}`, locale, record.decision.outcome),
    record.urgent ? (locale === 'en' ? 'urgent' : '紧急') : null,
  ].filter(Boolean);
  return {
    ...caseSummaryView(record, pack, extra.now, locale, undefined, nameOf),
    summary: summaryParts.join(locale === 'en' ? ' · ' : ' · '),
    description: record.description,
    answers,
    decision: {
      outcome: record.decision.outcome,
      outcomeLabel: label(`outcome.${record.decision.outcome}`, locale, record.decision.outcome),
      meansTest: typeof decision.meansTest === 'string' ? decision.meansTest : null,
      reasons: (Array.isArray(decision.reasons) ? decision.reasons : []).map((r) => reasonText(r, locale, decision)).filter((r): r is string => r !== undefined),
      basis: basisTexts(decision, pack, locale),
      documents: (record.decision.documents ?? []).map((id) => ({ id, label: nameIn(pack.documents, id)[locale] })),
      policyVersion: record.policyVersion,
    },
    locale: record.locale,
    contact: {
      relation: record.applicant.relation,
      relationLabel: label(`console.relation.${record.applicant.relation}`, locale, record.applicant.relation),
      name: record.applicant.name ?? null,
      phone: record.applicant.phone ?? null,
      safeToContact: record.applicant.safeToContact,
      safeTimes: record.applicant.safeTimes ?? null,
      /** What the applicant wrote about contacting them, as typed. */
      contactWords: record.applicant.contactWords ?? null,
      /** Documents the applicant said they have, in their words. */
      documentsNote: record.applicant.documentsNote ?? null,
      /** A relative applying: who they are to the applicant, in their words. */
      kinship: record.applicant.kinship ?? null,
      /** A relative applying: their own name, whom to ask for on the phone (theirs). */
      relativeName: record.applicant.relativeName ?? null,
      /** What the banner says: never phone or text; only at the applicant's times; any time. */
      safety: !record.applicant.safeToContact ? ('never' as const) : record.applicant.safeTimes ? ('times' as const) : ('safe' as const),
      chatNotices: record.applicant.chatNotices !== false,
    },
    requestedDocuments: record.requestedDocuments.map((id) => ({ id, label: nameIn(pack.documents, id)[locale] })),
    decidedAt: record.decidedAt,
    resolution: record.resolution,
    attachments: extra.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      at: a.createdAt,
      /** Sent since staff asked for materials (the request is the case's last change), as the inbox counts them. */
      sinceRequest: record.status === 'materials_requested' && a.createdAt >= record.updatedAt,
      url: `/api/attachments/${encodeURIComponent(a.id)}`,
      downloadUrl: `/api/attachments/${encodeURIComponent(a.id)}?download=1`,
    })),
    timeline: extra.events.map((e) => ({
      action: e.action,
      actionLabel: label(`console.action.${e.action}`, locale, e.action),
      from: e.from,
      to: e.to,
      actor: e.actor.kind === 'resident' ? label('console.resident', locale, 'resident') : e.actor.kind === 'system' ? label('console.system', locale, 'system') : nameOf(e.actor.name),
      actorKind: e.actor.kind,
      // An assignment's note is the new assignee's login name.
      note: String(e.action) === 'assign' && e.note ? nameOf(e.note) : e.note,
      details: {
        ...(e.details.lawyer ? { lawyer: e.details.lawyer } : {}),
        ...(e.details.documents ? { documents: e.details.documents.map((id) => nameIn(pack.documents, id)[locale]) } : {}),
      },
      at: e.at,
    })),
    // The applicant's own message (left in the chat after sending materials) is marked, not named.
    notes: extra.notes.map((n) =>
      n.author === RESIDENT_NOTE_AUTHOR ? { id: n.id, author: null, fromResident: true, text: n.text, at: n.at } : { id: n.id, author: nameOf(n.author), text: n.text, at: n.at },
    ),
    /** Notices the resident's channel holds until they write again (WeChat's 48-hour rule), or null. */
    undelivered: undeliveredView(extra.undelivered ?? null, locale),
    rating: record.rating,
    ratingComment: record.ratingComment,
  };
}

/** The actions staff may take now, as the console's action names. */
export function consoleActions(record: CaseRecord, canSupervise: boolean): string[] {
  const names: Partial<Record<CaseActionType, string>> = {
    claim: 'claim',
    request_materials: 'request-materials',
    materials_received: 'materials-received',
    accept: 'accept',
    decline: 'decline',
    refer: 'refer',
    close: 'close',
    reopen: 'reopen',
  };
  const actions = allowedActions(record.status, 'staff', record)
    .filter((a) => a !== 'reopen' || canSupervise)
    .map((a) => names[a])
    .filter((a): a is string => a !== undefined);
  if (canSupervise && !['closed', 'withdrawn'].includes(record.status)) actions.push('assign');
  return [...actions, 'notes'];
}

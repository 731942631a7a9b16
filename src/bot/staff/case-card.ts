import type { Param, RenderedReply } from '../../flows/events.js';
import { allowedActions, isOverdue, type CaseActionType } from '../../knowledge/cases/case-lifecycle.js';
import { nameIn, type CasePack } from '../../knowledge/cases/case-pack.js';
import { formatLocalDateTime } from '../../knowledge/cases/local-time.js';
import type { Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import type { StoredAttachment } from '../ports/attachment-repository.js';
import type { CaseRecord, StoredCaseEvent } from '../../knowledge/cases/case-repository.js';
import { CASE_CATALOG } from './case-catalog.js';

/** Staff actions that have a button, and the word in the button id (`staff:<word>:<ref>`). */
const BUTTON_WORDS = {
  claim: 'claim',
  request_materials: 'materials',
  materials_received: 'received',
  accept: 'accept',
  decline: 'decline',
  refer: 'refer',
  close: 'close',
} as const satisfies Partial<Record<CaseActionType, string>>;
export type StaffButtonAction = keyof typeof BUTTON_WORDS;

/** A pressed staff button: open a case card, or act on a case. */
export type StaffChoice = { kind: 'show'; ref: string } | { kind: 'action'; action: StaffButtonAction; ref: string };

/** The id of a staff button: `staff:claim:FY-20261122-0001`, `staff:show:…` opens the card. */
export function staffChoiceId(action: StaffButtonAction | 'show', ref: string): string {
  return `staff:${action === 'show' ? 'show' : BUTTON_WORDS[action]}:${ref}`;
}

/** Reads a staff button id; undefined for any other id. */
export function parseStaffChoice(id: string): StaffChoice | undefined {
  const match = /^staff:([a-z]+):(FY-\d{8}-\d{4,})$/.exec(id);
  if (!match) return undefined;
  const [, word, ref] = match as unknown as [string, string, string];
  if (word === 'show') return { kind: 'show', ref };
  const action = (Object.keys(BUTTON_WORDS) as StaffButtonAction[]).find((a) => BUTTON_WORDS[a] === word);
  return action ? { kind: 'action', action, ref } : undefined;
}

/**
 * What staff must still supply before an action can be applied: the adapter asks for it
 * (`staff.ask.*`) and then calls `performCaseAction`. Null when the button alone is enough.
 */
export function staffActionNeeds(action: StaffButtonAction): 'documents' | 'lawyer' | 'reason' | 'destination' | null {
  switch (action) {
    case 'request_materials':
      return 'documents';
    case 'accept':
      return 'lawyer';
    case 'decline':
      return 'reason';
    case 'refer':
      return 'destination';
    default:
      return null;
  }
}

/** Options of {@link renderCaseCard}. */
export interface CaseCardOptions {
  pack: CasePack;
  now: number;
  /** Staff texts are Chinese-first with English glosses; `en` gives English only. */
  locale?: Locale;
  events?: readonly StoredCaseEvent[];
  attachments?: readonly StoredAttachment[];
  /** Most recent events shown (default 8). */
  historyLimit?: number;
  /** Staff as colleagues know them: a console account's display name for its login name (default: as recorded). */
  nameOf?: (login: string) => string;
}

const asRecorded = (login: string) => login;

const DESCRIPTION_LIMIT = 1500;

/** Translates a staff or vocabulary key; a key with no text (an unknown id) falls back to `fallback`. */
function t(key: string, locale: Locale, params?: Record<string, Param>, fallback?: string): string {
  if (fallback !== undefined && !CASE_CATALOG[key]) return fallback;
  return translate(key, locale, params, CASE_CATALOG);
}

/** `🔴 紧急 🟠 当日受理 ` */
export function caseFlags(record: Pick<CaseRecord, 'urgent' | 'sameDay'>, locale: Locale): string {
  return (record.urgent ? t('staff.card.urgent', locale) : '') + (record.sameDay ? t('staff.card.same_day', locale) : '');
}

/** The buttons staff can press on a case in its current status. */
export function caseCardChoices(record: CaseRecord, locale: Locale = 'zh-CN'): RenderedReply['choices'] {
  return allowedActions(record.status, 'staff', record)
    .filter((a): a is StaffButtonAction => a in BUTTON_WORDS)
    .map((action) => ({ id: staffChoiceId(action, record.ref), label: t(`staff.action.${action}`, locale) }));
}

/**
 * A case as a staff card: flags, status, deadline, applicant and contact safety, assessment,
 * documents, description, attachments and recent history, with the buttons allowed now.
 * Channel-neutral: the Telegram staff adapter sends `text` and turns `choices` into buttons.
 */
export function renderCaseCard(record: CaseRecord, options: CaseCardOptions): RenderedReply {
  const locale = options.locale ?? 'zh-CN';
  const { pack, now } = options;
  const none = t('staff.card.none', locale);
  const when = (at: number) => formatLocalDateTime(at, pack.timeZone);
  const names = (ids: readonly string[]) => ids.map((id) => nameIn(pack.documents, id)[locale]).join(listSeparator(locale)) || none;
  const lines: string[] = [];

  lines.push(t('staff.card.header', locale, { flags: caseFlags(record, locale), ref: record.ref, category: t(`category.${record.category}`, locale, {}, record.category) }));
  lines.push(t('staff.card.status', locale, { status: t(`staff.status.${record.status}`, locale), assignee: record.assignee === null ? none : (options.nameOf ?? asRecorded)(record.assignee) }));
  if (record.status === 'materials_requested') lines.push(t('staff.card.due_paused', locale));
  else if (record.decidedAt !== null) lines.push(t('staff.card.decided', locale, { at: when(record.decidedAt) }));
  else if (record.dueAt !== null) {
    lines.push(t('staff.card.due', locale, { due: when(record.dueAt), overdue: isOverdue(record, now) ? t('staff.card.overdue', locale) : '' }));
  }
  const { applicant } = record;
  lines.push(t('staff.card.applicant', locale, { name: applicant.name ?? none, relation: t(`staff.card.relation.${applicant.relation}`, locale) }));
  // Whose number: a relative who applied gave their own, not the applicant's.
  lines.push(t(applicant.phone ? `staff.card.phone.${applicant.relation}` : 'staff.card.phone.none', locale, { phone: applicant.phone ?? none }));
  if (!applicant.safeToContact) lines.push(t('staff.card.unsafe', locale));
  if (applicant.chatNotices === false) lines.push(t('staff.card.no_chat_notices', locale));
  if (applicant.safeTimes) lines.push(t('staff.card.safe_times', locale, { times: applicant.safeTimes }));
  if (applicant.contactWords) lines.push(t('staff.card.contact_words', locale, { words: applicant.contactWords }));
  if (applicant.documentsNote) lines.push(t('staff.card.documents_note', locale, { note: applicant.documentsNote }));
  if (applicant.relativeName) lines.push(t('staff.card.relative_name', locale, { name: applicant.relativeName }));
  if (applicant.kinship) lines.push(t('staff.card.kinship', locale, { kinship: applicant.kinship }));
  lines.push(
    t('staff.card.place', locale, {
      region: record.region ? nameIn(pack.regions, record.region)[locale] : none,
      office: record.route ? nameIn(pack.offices, record.route)[locale] : none,
    }),
  );
  const meansTest = typeof record.decision.meansTest === 'string' ? record.decision.meansTest : 'unknown';
  lines.push(
    t('staff.card.assessment', locale, {
      outcome: t(`outcome.${record.decision.outcome}`, locale, {}, record.decision.outcome),
      meansTest: t(`meansTest.${meansTest}`, locale, {}, meansTest),
      policyVersion: record.policyVersion,
    }),
  );
  lines.push(t('staff.card.documents', locale, { documents: names(record.decision.documents ?? []) }));
  if (record.requestedDocuments.length > 0) lines.push(t('staff.card.requested', locale, { documents: names(record.requestedDocuments) }));
  if (record.lawyer) lines.push(t('staff.card.lawyer', locale, { lawyer: record.lawyer }));
  if (record.description) {
    const text = [...record.description];
    const description = text.length > DESCRIPTION_LIMIT ? `${text.slice(0, DESCRIPTION_LIMIT).join('')}…` : record.description;
    lines.push(t('staff.card.description', locale, { description }));
  }
  if (options.attachments) {
    lines.push(
      t(options.attachments.length === 1 ? 'staff.card.attachments.one' : 'staff.card.attachments', locale, {
        count: options.attachments.length,
        names: options.attachments.map((a) => a.fileName).join(listSeparator(locale)),
      }),
    );
  }
  lines.push(t('staff.card.submitted', locale, { at: when(record.createdAt), channel: t(`staff.channel.${record.channel}`, locale, {}, record.channel) }));
  if (record.rating !== null) lines.push(t('staff.card.rating', locale, { rating: record.rating, comment: record.ratingComment ?? '' }));
  if (options.events && options.events.length > 0) {
    lines.push(t('staff.card.history', locale));
    for (const event of options.events.slice(-(options.historyLimit ?? 8))) lines.push(eventLine(event, pack, locale, options.nameOf));
  }
  return { text: lines.join('\n'), choices: caseCardChoices(record, locale) };
}

/** One line of a case's history: `2026-11-22 10:05 王芳：认领 → 审查中`. */
export function eventLine(event: StoredCaseEvent, pack: CasePack, locale: Locale = 'zh-CN', nameOf: (login: string) => string = asRecorded): string {
  const actor = event.actor.kind === 'resident' ? t('staff.card.resident', locale) : nameOf(event.actor.name);
  const documents = event.details.documents?.map((id) => nameIn(pack.documents, id)[locale]).join(listSeparator(locale));
  const extra = [event.details.lawyer, documents, event.note].filter(Boolean).join(locale === 'en' ? '; ' : '；');
  return t('staff.card.event', locale, {
    at: formatLocalDateTime(event.at, pack.timeZone),
    actor,
    action: t(`staff.action.${event.action}`, locale),
    to: t(`staff.status.${event.to}`, locale),
    note: extra ? (locale === 'en' ? ` (${extra})` : `（${extra}）`) : '',
  });
}

/** One line of the queue or of /mine. */
export function caseLine(record: CaseRecord, pack: CasePack, now: number, locale: Locale = 'zh-CN', nameOf: (login: string) => string = asRecorded): string {
  const none = t('staff.card.none', locale);
  return t('staff.queue.line', locale, {
    flags: caseFlags(record, locale),
    ref: record.ref,
    category: t(`category.${record.category}`, locale, {}, record.category),
    status: t(`staff.status.${record.status}`, locale),
    due: record.dueAt === null || record.decidedAt !== null ? none : formatLocalDateTime(record.dueAt, pack.timeZone),
    overdue: isOverdue(record, now) ? t('staff.card.overdue', locale) : '',
    assignee: record.assignee === null ? none : nameOf(record.assignee),
    place: t('staff.queue.place', locale, {
      office: record.route ? nameIn(pack.offices, record.route)[locale] : none,
      region: record.region ? nameIn(pack.regions, record.region)[locale] : none,
    }),
  });
}

/** `、` between Chinese list items, `, ` between English ones. */
export function listSeparator(locale: Locale): string {
  return locale === 'en' ? ', ' : '、';
}

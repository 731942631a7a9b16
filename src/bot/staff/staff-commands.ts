import type { AccountRepository } from '../../staff/staff-ports.js';
import { staffNames } from '../../staff/staff-names.js';
import type { RenderedReply } from '../../flows/events.js';
import type { CaseStatus } from '../../knowledge/cases/case-lifecycle.js';
import type { CasePack } from '../../knowledge/cases/case-pack.js';
import { isMonth, monthOf } from '../../knowledge/cases/local-time.js';
import type { Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import type { AttachmentRepository } from '../ports/attachment-repository.js';
import { isCaseRef, type CaseRecord, type CaseStats, type CaseRepository } from '../../knowledge/cases/case-repository.js';
import type { CaseActionResult } from '../../staff/case-actions.js';
import { CASE_CATALOG } from './case-catalog.js';
import { caseLine, renderCaseCard, staffChoiceId } from './case-card.js';

/** What the staff commands read. */
export interface StaffDeps {
  cases: CaseRepository;
  attachments?: AttachmentRepository;
  pack: CasePack;
  /** Staff texts are Chinese-first with English glosses; `en` gives English only. */
  locale?: Locale;
  /** Console accounts, to name them as colleagues know them (王芳, not `wangfang`). */
  accounts?: Pick<AccountRepository, 'list'>;
}

/** At most this many "open the card" buttons under a list. */
const MAX_LIST_BUTTONS = 10;

const text = (key: string, locale: Locale, params?: Record<string, string | number>) => translate(key, locale, params, CASE_CATALOG);

async function listReply(cases: CaseRecord[], header: string, deps: StaffDeps, now: number): Promise<RenderedReply> {
  const locale = deps.locale ?? 'zh-CN';
  const nameOf = await staffNames(deps.accounts);
  return {
    text: [header, ...cases.map((c) => caseLine(c, deps.pack, now, locale, nameOf))].join('\n'),
    choices: cases.slice(0, MAX_LIST_BUTTONS).map((c) => ({ id: staffChoiceId('show', c.ref), label: c.ref })),
  };
}

/** `/queue`: cases awaiting a decision, urgent first, then by due date, overdue ones flagged. */
export async function queueReply(deps: StaffDeps, now: number): Promise<RenderedReply> {
  const locale = deps.locale ?? 'zh-CN';
  const cases = await deps.cases.listOpen({ awaitingDecision: true });
  if (cases.length === 0) return { text: text('staff.queue.empty', locale), choices: [] };
  return listReply(cases, text('staff.queue.header', locale, { count: cases.length }), deps, now);
}

/** `/mine`: the open cases a staff member claimed. */
export async function mineReply(deps: StaffDeps, staffName: string, now: number): Promise<RenderedReply> {
  const locale = deps.locale ?? 'zh-CN';
  const cases = await deps.cases.listByAssignee(staffName);
  if (cases.length === 0) return { text: text('staff.mine.empty', locale, { name: staffName }), choices: [] };
  return listReply(cases, text('staff.mine.header', locale, { name: staffName, count: cases.length }), deps, now);
}

/** `/case REF`: the full card with history and attachments, and the buttons allowed now. */
export async function caseReply(deps: StaffDeps, ref: string, now: number): Promise<RenderedReply> {
  const locale = deps.locale ?? 'zh-CN';
  const record = isCaseRef(ref) ? await deps.cases.get(ref) : undefined;
  if (!record) return { text: text('staff.case.not_found', locale, { ref }), choices: [] };
  const [events, attachments, nameOf] = await Promise.all([deps.cases.events(ref), deps.attachments?.forCase(ref), staffNames(deps.accounts)]);
  return renderCaseCard(record, { pack: deps.pack, now, locale, events, nameOf, ...(attachments ? { attachments } : {}) });
}

function counts(items: Record<string, number>, labelKey: (id: string) => string, locale: Locale): string {
  const entries = Object.entries(items)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return text('staff.stats.none', locale);
  return entries
    .map(([id, n]) => {
      const key = labelKey(id);
      return `${CASE_CATALOG[key] ? text(key, locale) : id} ${n}`;
    })
    .join(locale === 'en' ? ', ' : '，');
}

/** The statistics as staff read them. */
export function renderStats(stats: CaseStats, locale: Locale = 'zh-CN'): string {
  const none = text('staff.stats.none', locale);
  return [
    text('staff.stats.header', locale, { period: stats.month ?? text('staff.stats.all_time', locale) }),
    text('staff.stats.received', locale, { count: stats.received, urgent: stats.urgent }),
    text('staff.stats.by_category', locale, { items: counts(stats.byCategory, (id) => `category.${id}`, locale) }),
    text('staff.stats.by_group', locale, { items: counts(stats.byGroup, (id) => `group.${id}`, locale) }),
    text('staff.stats.by_channel', locale, { items: counts(stats.byChannel, (id) => `staff.channel.${id}`, locale) }),
    text('staff.stats.by_assessment', locale, { items: counts(stats.byAssessment, (id) => `outcome.${id}`, locale) }),
    text('staff.stats.by_status', locale, { items: counts(stats.byStatus, (id) => `staff.status.${id as CaseStatus}`, locale) }),
    text('staff.stats.decided', locale, { count: stats.decided, ...stats.byResolution }),
    stats.medianHoursToDecision === null
      ? text('staff.stats.median_none', locale)
      : text(stats.medianHoursToDecision === 1 ? 'staff.stats.median.one' : 'staff.stats.median', locale, { hours: stats.medianHoursToDecision }),
    text(stats.ratings.count === 1 ? 'staff.stats.ratings.one' : 'staff.stats.ratings', locale, { average: stats.ratings.average ?? none, count: stats.ratings.count }),
  ].join('\n');
}

/** `/stats [YYYY-MM]`: a month's figures (the current month in the centre's time zone by default). */
export async function statsReply(deps: StaffDeps, month: string | undefined, now: number): Promise<RenderedReply> {
  const locale = deps.locale ?? 'zh-CN';
  if (month !== undefined && !isMonth(month)) return { text: text('staff.stats.usage', locale), choices: [] };
  const stats = await deps.cases.stats(month ?? monthOf(now, deps.pack.timeZone));
  return { text: renderStats(stats, locale), choices: [] };
}

/**
 * Answers a staff command typed in a staff chat (`/queue`, `/case REF`, `/mine`, `/stats [YYYY-MM]`,
 * also `/queue@botname`). Undefined when `input` is not one of them, so the adapter can go on.
 */
export async function staffCommandReply(deps: StaffDeps, input: string, staffName: string, now: number): Promise<RenderedReply | undefined> {
  const [head, ...rest] = input.trim().split(/\s+/);
  const command = head?.toLowerCase().replace(/@\w+$/, '');
  const arg = rest[0];
  switch (command) {
    case '/queue':
      return queueReply(deps, now);
    case '/mine':
      return mineReply(deps, staffName, now);
    case '/case':
      return arg ? caseReply(deps, arg.toUpperCase(), now) : { text: text('staff.case.usage', deps.locale ?? 'zh-CN'), choices: [] };
    case '/stats':
      return statsReply(deps, arg, now);
    default:
      return undefined;
  }
}

/** What staff are told after pressing a button or running an action: the change and whether the resident was notified, or why it was refused. */
export function actionResultText(result: CaseActionResult, ref: string, locale: Locale = 'zh-CN'): string {
  if (!result.ok) {
    switch (result.reason) {
      case 'not_found':
        return text('staff.refused.not_found', locale, { ref });
      case 'not_allowed':
        return text('staff.refused.not_allowed', locale, {
          ref,
          status: text(`staff.status.${result.status}`, locale),
          action: text(`staff.action.${result.action}`, locale),
        });
      case 'already_claimed':
        return text('staff.refused.already_claimed', locale, { ref, by: result.by });
      case 'materials_already_requested':
        return text('staff.refused.materials_already_requested', locale, { ref });
      default:
        return text(`staff.refused.${result.reason}`, locale, { ref });
    }
  }
  const { event } = result;
  const done = text('staff.done', locale, {
    ref,
    from: event.from ? text(`staff.status.${event.from}`, locale) : '—',
    to: text(`staff.status.${event.to}`, locale),
    actor: event.actor.name,
  });
  const notice = result.notice;
  const told = !notice
    ? text('staff.done.silent', locale)
    : notice.send
      ? text('staff.done.notified', locale)
      : notice.reason === 'chat_not_safe'
        ? text('staff.done.not_notified_unsafe', locale)
        : text('staff.done.silent', locale);
  return `${done}\n${told}`;
}

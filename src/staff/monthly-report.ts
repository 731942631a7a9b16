import { AWAITING_DECISION, type CaseStatus } from '../knowledge/cases/case-lifecycle.js';
import { nameIn, type CasePack } from '../knowledge/cases/case-pack.js';
import type { Locale } from '../locales/catalog.js';
import type { ReportCaseRow } from './staff-ports.js';
import { label } from './case-view.js';
import { median } from '../knowledge/cases/median.js';

export interface Count {
  id: string;
  label: string;
  count: number;
}

/** The figures of a month for a centre or one office (统计报表). */
export interface MonthlyReport {
  month: string;
  office: string | null;
  officeLabel: string | null;
  received: number;
  urgent: number;
  byCategory: Count[];
  byGroup: Count[];
  byOutcome: Count[];
  byChannel: Count[];
  decided: number;
  byResolution: Count[];
  /** Median days from submission to decision, over decisions made in the month. */
  medianDaysToDecision: number | null;
  /** Cases due in the month decided late or still undecided past their due date. */
  overdue: number;
  satisfaction: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number>; comments: { ref: string; score: number; text: string; at: number }[] };
}

function parse(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function counts(values: string[], labelOf: (id: string) => string): Count[] {
  const map = new Map<string, number>();
  for (const v of values) map.set(v, (map.get(v) ?? 0) + 1);
  return [...map.entries()].map(([id, count]) => ({ id, label: labelOf(id), count })).sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}


/** Pure: the report from the rows of `[from, to)`, labelled in `locale`. */
export function monthlyReport(
  rows: readonly ReportCaseRow[],
  input: { month: string; from: number; to: number; office: string | null; now: number; pack: CasePack; locale: Locale },
): MonthlyReport {
  const { from, to, locale, pack, now } = input;
  const inRange = (at: number | null) => at !== null && at >= from && at < to;
  const received = rows.filter((r) => inRange(r.created_at));
  const decided = rows.filter((r) => inRange(r.decided_at) && r.resolution !== null);
  const rated = rows.filter((r) => inRange(r.rated_at) && r.rating !== null);
  const overdue = rows.filter(
    (r) =>
      inRange(r.due_at) &&
      ((r.decided_at !== null && r.decided_at > r.due_at!) || (r.decided_at === null && AWAITING_DECISION.includes(r.status as CaseStatus) && r.due_at! < now)),
  );
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } as MonthlyReport['satisfaction']['distribution'];
  for (const r of rated) distribution[String(r.rating) as keyof typeof distribution]++;
  const average = rated.length ? Math.round((rated.reduce((s, r) => s + r.rating!, 0) / rated.length) * 100) / 100 : null;
  return {
    month: input.month,
    office: input.office,
    officeLabel: input.office ? nameIn(pack.offices, input.office)[locale] : null,
    received: received.length,
    urgent: received.filter((r) => r.urgent === 1).length,
    byCategory: counts(received.map((r) => r.category), (id) => label(`category.${id}`, locale, id)),
    byGroup: counts(
      received.flatMap((r) => {
        const groups = parse(r.facts).groups;
        return Array.isArray(groups) ? [...new Set(groups.filter((g): g is string => typeof g === 'string'))] : [];
      }),
      (id) => label(`group.${id}`, locale, id),
    ),
    byOutcome: counts(received.map((r) => String(parse(r.decision).outcome ?? 'unknown')), (id) => label(`outcome.${id}`, locale, id)),
    byChannel: counts(received.map((r) => r.channel), (id) => label(`console.channel.${id}`, locale, id)),
    decided: decided.length,
    byResolution: counts(decided.map((r) => r.resolution!), (id) => label(`console.resolution.${id}`, locale, id)),
    medianDaysToDecision: median(decided.map((r) => (r.decided_at! - r.created_at) / 86_400_000)),
    overdue: overdue.length,
    satisfaction: {
      count: rated.length,
      average,
      distribution,
      comments: rated
        .filter((r) => r.rating_comment)
        .map((r) => ({ ref: r.ref, score: r.rating!, text: r.rating_comment!, at: r.rated_at! }))
        .sort((a, b) => b.at - a.at),
    },
  };
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote always; neutralise formulas a spreadsheet would run.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The same figures as CSV rows `section,id,label,count` (UTF-8 with BOM for Excel). */
export function monthlyReportCsv(report: MonthlyReport, locale: Locale): string {
  const t = (key: string) => label(key, locale, key);
  const rows: (string | number | null)[][] = [[...t('console.report.csv_header').split(',')]];
  const summary = t('console.report.section.summary');
  rows.push([summary, 'month', report.month, null]);
  if (report.office) rows.push([summary, 'office', report.officeLabel, report.office]);
  rows.push([summary, 'received', t('console.report.received'), report.received]);
  rows.push([summary, 'urgent', t('console.report.urgent'), report.urgent]);
  rows.push([summary, 'decided', t('console.report.decided'), report.decided]);
  rows.push([summary, 'median_days_to_decision', t('console.report.median_days'), report.medianDaysToDecision]);
  rows.push([summary, 'overdue', t('console.report.overdue'), report.overdue]);
  rows.push([summary, 'satisfaction_average', t('console.report.satisfaction'), report.satisfaction.average]);
  rows.push([summary, 'ratings', t('console.report.ratings'), report.satisfaction.count]);
  const sections: [string, Count[]][] = [
    ['category', report.byCategory],
    ['group', report.byGroup],
    ['outcome', report.byOutcome],
    ['resolution', report.byResolution],
    ['channel', report.byChannel],
  ];
  for (const [name, list] of sections) for (const c of list) rows.push([t(`console.report.section.${name}`), c.id, c.label, c.count]);
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

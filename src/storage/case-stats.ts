import { CASE_STATUSES, isCaseStatus, type CaseStatus, type Resolution } from '../knowledge/cases/case-lifecycle.js';
import { monthRange } from '../knowledge/cases/local-time.js';
import { parseDecision, parseObject, type CaseRow } from './case-rows.js';
import type { Database } from './database.js';
import type { CaseStats } from '../knowledge/cases/case-repository.js';
import { median } from '../knowledge/cases/median.js';

export type { CaseStats } from '../knowledge/cases/case-repository.js';

/**
 * Counts a month (`YYYY-MM` in `timeZone`), or all time when `month` is undefined: cases received
 * with their breakdowns, decisions made, median hours to decision, and ratings given in the period.
 */
export async function countCaseStats(db: Database, month: string | undefined, timeZone: string): Promise<CaseStats> {
  const range = month === undefined ? { from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER } : monthRange(month, timeZone);
  const received = await db.all<Pick<CaseRow, 'category' | 'channel' | 'facts' | 'decision' | 'status' | 'urgent' | 'same_day'>>(
    'SELECT category, channel, facts, decision, status, urgent, same_day FROM cases WHERE created_at >= ? AND created_at < ?',
    [range.from, range.to],
  );
  const decided = await db.all<{ resolution: string; created_at: number; decided_at: number }>(
    'SELECT resolution, created_at, decided_at FROM cases WHERE decided_at >= ? AND decided_at < ? AND resolution IS NOT NULL',
    [range.from, range.to],
  );
  const rated = await db.all<{ rating: number }>(
    'SELECT rating FROM cases WHERE rated_at >= ? AND rated_at < ? AND rating IS NOT NULL',
    [range.from, range.to],
  );

  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  const stats: CaseStats = {
    month: month ?? null,
    received: received.length,
    urgent: 0,
    byCategory: {},
    byGroup: {},
    byChannel: {},
    byAssessment: {},
    byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
    decided: decided.length,
    byResolution: { accepted: 0, declined: 0, referred: 0 },
    medianHoursToDecision: median(decided.map((d) => (d.decided_at - d.created_at) / 3_600_000)),
    ratings: { count: rated.length, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
  };
  for (const row of received) {
    if (row.urgent === 1) stats.urgent++;
    count(stats.byCategory, row.category);
    count(stats.byChannel, row.channel);
    count(stats.byAssessment, parseDecision(row.decision).outcome);
    if (isCaseStatus(row.status)) stats.byStatus[row.status]++;
    const groups = parseObject(row.facts).groups;
    if (Array.isArray(groups)) for (const g of new Set(groups)) if (typeof g === 'string') count(stats.byGroup, g);
  }
  for (const row of decided) if (row.resolution in stats.byResolution) stats.byResolution[row.resolution as Resolution]++;
  for (const row of rated) {
    const key = String(row.rating) as keyof CaseStats['ratings']['distribution'];
    if (key in stats.ratings.distribution) stats.ratings.distribution[key]++;
  }
  if (rated.length > 0) stats.ratings.average = round(rated.reduce((sum, r) => sum + r.rating, 0) / rated.length, 2);
  return stats;
}


function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

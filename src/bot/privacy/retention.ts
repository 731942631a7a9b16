import { fileCipherFor } from '../../storage/attachment-files.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../storage/database.js';
import { RetentionStore, type RetentionCount, type RetentionCutoffs, type RetentionKind } from '../../storage/retention-store.js';

/** Retention periods in days, from the configuration (`RETAIN_*_DAYS`). */
export type RetentionDays = Record<RetentionKind, number>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The cutoffs of a purge run at `now`. */
export function cutoffsAt(days: RetentionDays, now: number): RetentionCutoffs {
  return Object.fromEntries(Object.entries(days).map(([kind, d]) => [kind, now - d * DAY_MS])) as RetentionCutoffs;
}

/** What one purge found or removed: rows by kind, and stored files. */
export interface PurgeReport {
  counts: RetentionCount[];
  files: number;
}

/**
 * Stored files no record or conversation refers to any more, older than `before` (ms): the documents
 * of abandoned applications once their conversation was purged, or of anything erased whose file
 * deletion failed.
 */
async function orphanFiles(store: RetentionStore, dir: string, before: number): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const orphans: string[] = [];
  for (const name of names) {
    if (!/^[0-9a-f]{32}$/.test(name)) continue;
    const stat = await fs.stat(path.join(dir, name)).catch(() => null);
    if (!stat || stat.mtimeMs >= before) continue;
    if (!(await store.fileInUse(name))) orphans.push(name);
  }
  return orphans;
}

/**
 * Applies the retention periods: with `dryRun`, only counts what would go. Rows go in small batches,
 * each its own short transaction (`batchSize` rows with what refers to them, see RetentionStore.purge);
 * then the files of purged cases and files nothing refers to.
 */
export async function purge(
  db: Database,
  attachmentsDir: string,
  days: RetentionDays,
  options: { now?: number; dryRun?: boolean; batchSize?: number } = {},
): Promise<PurgeReport> {
  const now = options.now ?? Date.now();
  const store = new RetentionStore(db, fileCipherFor(attachmentsDir));
  const cutoffs = cutoffsAt(days, now);
  if (options.dryRun) {
    const counts = await store.plan(cutoffs);
    const caseFiles = await store.countFinishedCaseFiles(cutoffs.closedCases);
    const orphans = await orphanFiles(store, attachmentsDir, cutoffs.idleConversations);
    return { counts, files: caseFiles + orphans.length };
  }
  const { counts, attachmentIds } = await store.purge(cutoffs, options.batchSize === undefined ? {} : { batchSize: options.batchSize });
  const orphans = await orphanFiles(store, attachmentsDir, cutoffs.idleConversations);
  const files = [...new Set([...attachmentIds, ...orphans])];
  await Promise.all(files.map((id) => fs.rm(path.join(attachmentsDir, id), { force: true })));
  return { counts, files: files.length };
}

const LABELS: Record<RetentionKind, string> = {
  transcript: 'transcript lines',
  idleConversations: 'idle conversations (incl. abandoned applications)',
  sentOutbox: 'delivered outbox messages',
  deadLetters: 'undeliverable outbox messages',
  closedCases: 'finished cases (with their events and files)',
};

/** The report as `fayuan purge` prints it: one line per kind with its period and the age of the oldest. */
export function formatReport(report: PurgeReport, days: RetentionDays, now: number, dryRun: boolean): string {
  const verb = dryRun ? 'would delete' : 'deleted';
  const lines = report.counts.map((c) => {
    const age = c.oldestAt === null ? '' : `, oldest ${Math.floor((now - c.oldestAt) / DAY_MS)} days old`;
    return `${verb} ${String(c.count).padStart(6)}  ${LABELS[c.kind]} older than ${days[c.kind]} days${age}`;
  });
  lines.push(`${verb} ${String(report.files).padStart(6)}  stored files (of finished cases, or referred to by nothing)`);
  return `${lines.join('\n')}\n`;
}

import { isDeepStrictEqual } from 'node:util';
import type { FaqEntry } from './faq-entry.js';
import { toFaqEntry, validateEntry, type EntryProblem } from './validate-entry.js';

/** Problems of one entry of a batch, named by its id (or its position when it has none). */
export interface BatchProblem {
  entry: string;
  problems: EntryProblem[];
}

/** What saving a batch of entries would do. */
export interface ChangePlan {
  added: FaqEntry[];
  changed: FaqEntry[];
  unchanged: string[];
  problems: BatchProblem[];
}

/**
 * Validates a batch of entries (from files an operator wrote) against the current entries: each is
 * checked against the current entries it does not replace plus the rest of the batch. `mode` says
 * whether ids must be new (`add`), must exist (`edit`) or may be either (`import`).
 */
export function planChanges(batch: readonly unknown[], current: readonly FaqEntry[], mode: 'add' | 'edit' | 'import'): ChangePlan {
  const plan: ChangePlan = { added: [], changed: [], unchanged: [], problems: [] };
  const byId = new Map(current.map((e) => [e.id, e]));
  const batchIds = batch.map((value) => (value as { id?: unknown } | null)?.id).map((id) => (typeof id === 'string' ? id : undefined));
  const replaced = new Set(batchIds.filter((id): id is string => id !== undefined));
  const context = [...current.filter((e) => !replaced.has(e.id)), ...batch.filter(isEntryShaped)];
  const seen = new Set<string>();
  batch.forEach((value, i) => {
    const id = batchIds[i];
    const label = id ?? `entry ${i + 1}`;
    const problems = validateEntry(value, context);
    if (id !== undefined && seen.has(id)) problems.push({ field: 'id', message: `The id "${id}" appears twice in what you are saving.`, key: 'kbValidation.idTwice', params: { id } });
    if (id !== undefined && mode === 'add' && byId.has(id)) {
      problems.push({ field: 'id', message: `An entry "${id}" already exists. Use "fayuan kb edit ${id} --file …" to change it.`, key: 'kbValidation.idExists', params: { id } });
    }
    if (id !== undefined && mode === 'edit' && !byId.has(id)) {
      problems.push({ field: 'id', message: `There is no entry "${id}". Use "fayuan kb add --file …" to create it.`, key: 'kbValidation.idUnknown', params: { id } });
    }
    if (id !== undefined) seen.add(id);
    if (problems.length > 0) {
      plan.problems.push({ entry: label, problems });
      return;
    }
    const entry = toFaqEntry(value, context);
    const existing = byId.get(entry.id);
    if (!existing) plan.added.push(entry);
    else if (isDeepStrictEqual(normalize(existing), normalize(entry))) plan.unchanged.push(entry.id);
    else plan.changed.push(entry);
  });
  return plan;
}

/** Entries that list `id` under `related`: they need editing when `id` is removed. */
export function entriesRelatedTo(id: string, entries: readonly FaqEntry[]): string[] {
  return entries.filter((e) => e.id !== id && e.related.includes(id)).map((e) => e.id);
}

/** Entries whose review date is before `today` (YYYY-MM-DD), oldest first. */
export function staleEntries(entries: readonly FaqEntry[], today: string): FaqEntry[] {
  return entries.filter((e) => e.reviewBy !== undefined && e.reviewBy < today).sort((a, b) => (a.reviewBy! < b.reviewBy! ? -1 : 1));
}

function normalize(entry: FaqEntry): unknown {
  return JSON.parse(JSON.stringify(entry));
}

function isEntryShaped(value: unknown): value is FaqEntry {
  const v = value as Partial<FaqEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.questions === 'object' && v.questions !== null && typeof v.title === 'object' && v.title !== null;
}

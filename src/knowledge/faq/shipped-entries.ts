import { isDeepStrictEqual } from 'node:util';
import { planChanges, type BatchProblem } from './entry-changes.js';
import type { FaqEntry } from './faq-entry.js';

/**
 * What the store knows of one entry id the release ships or shipped: the operator's current text (undefined when
 * removed or never stored), whether the id was ever stored, and the shipped text this deployment last took or saw.
 */
export interface ShippedRecord {
  id: string;
  current: FaqEntry | undefined;
  everStored: boolean;
  lastShipped: FaqEntry | undefined;
}

/**
 * What a new release's entry files do to a knowledge base that already holds entries: `save` (shipped entries the
 * operator never edited, and entries new in this release) become new versions; `remember` is the shipped text of
 * each other changed entry, `pending` when the operator edited the entry (the console offers the new text), settled
 * when there is nothing to offer (the operator removed the entry, or already has the same text).
 */
export interface ShippedPlan {
  save: FaqEntry[];
  remember: { entry: FaqEntry; pending: boolean }[];
  /** Shipped entries that could not be saved (they clash with the operator's entries); not remembered, so tried again. */
  problems: BatchProblem[];
}

/**
 * Decides, for each shipped entry, whether the store takes the new shipped text: only where the operator's current
 * text is still the shipped text last taken (never edited, or edited back), and only when the text changed since.
 * An entry the operator removed stays removed; one the operator edited keeps the operator's text and the new shipped
 * text waits beside it. Shipped entries are checked against the operator's entries like any other save.
 */
export function planShippedUpdate(shipped: readonly FaqEntry[], records: readonly ShippedRecord[], currentEntries: readonly FaqEntry[]): ShippedPlan {
  const byId = new Map(records.map((r) => [r.id, r]));
  const candidates: FaqEntry[] = [];
  const remember: ShippedPlan['remember'] = [];
  for (const entry of shipped) {
    const record = byId.get(entry.id);
    if (record?.lastShipped && same(record.lastShipped, entry)) continue;
    if (!record || (!record.everStored && record.current === undefined)) candidates.push(entry);
    else if (record.current === undefined) remember.push({ entry, pending: false });
    else if (same(record.current, entry)) remember.push({ entry, pending: false });
    else if (record.lastShipped && same(record.current, record.lastShipped)) candidates.push(entry);
    else remember.push({ entry, pending: true });
  }
  const plan = planChanges(candidates, currentEntries, 'import');
  const refused = new Set(plan.problems.map((p) => p.entry));
  const save = candidates.filter((e) => !refused.has(e.id));
  // An update that clashes with the operator's entries is offered like one to an edited entry; a new one is left out.
  for (const entry of candidates) if (refused.has(entry.id) && byId.get(entry.id)?.current) remember.push({ entry, pending: true });
  const problems = plan.problems.filter((p) => !byId.get(p.entry)?.current);
  return { save, remember, problems };
}

/** Whether the operator's current text differs from a shipped text waiting for them. */
export function differs(current: FaqEntry, shipped: FaqEntry): boolean {
  return !same(current, shipped);
}

function same(a: FaqEntry, b: FaqEntry): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

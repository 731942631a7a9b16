import type { Locale } from '../../../locales/catalog.js';
import type { FaqEntry } from '../faq-entry.js';
import type { IndexData, RankingOptions } from '../faq-index.js';
import type { SynonymGroup } from '../synonyms.js';
import type { AnalyzerOptions } from '../text-analyzer.js';

/** How the index is built; the worker keeps its analyser (and analysed entries) while this is unchanged. */
export interface IndexSetup {
  synonyms: readonly SynonymGroup[];
  analyzer: AnalyzerOptions;
  ranking: RankingOptions;
}

/**
 * Messages to the index worker, handled in order. The worker keeps the current entries: `reset`
 * empties them, `put` adds or replaces (by id, keeping an entry's position), `remove` drops ids,
 * `build` indexes what it holds and answers with a {@link BuiltMessage} of the same `id`. `release`
 * hands back (transferred) the buffers of an index the main thread no longer searches.
 */
export type ToIndexWorker =
  | { type: 'reset' }
  | { type: 'release'; buffers: ArrayBuffer[] }
  | { type: 'put'; entries: FaqEntry[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'build'; id: number; setup: IndexSetup };

/** The worker's answer to `build`: the index data per locale (typed arrays transferred), or an error. */
export type BuiltMessage =
  | { type: 'built'; id: number; data: Record<Locale, IndexData>; entryCount: number }
  | { type: 'failed'; id: number; message: string };

import type { Locale } from '../../../locales/catalog.js';
import type { FaqEntry } from '../faq-entry.js';
import type { RankingOptions } from '../faq-index.js';
import type { SynonymGroup } from '../synonyms.js';
import type { AnalyzerOptions } from '../text-analyzer.js';
import type { SharedLayout } from './shared-index.js';

/** How the index is built; the worker keeps its analyser (and analysed entries) while this is unchanged. */
export interface IndexSetup {
  synonyms: readonly SynonymGroup[];
  analyzer: AnalyzerOptions;
  ranking: RankingOptions;
}

/**
 * Messages to the index worker, handled in order. The worker keeps the current entries: `reset`
 * empties them, `put` adds or replaces (by id, keeping an entry's position), `remove` drops ids,
 * `build` indexes what it holds and answers with a {@link BuiltMessage} of the same `id`, written into
 * the worker's shared buffer that is not `reading` (the one the main thread's current index views).
 */
export type ToIndexWorker =
  | { type: 'reset' }
  | { type: 'put'; entries: FaqEntry[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'build'; id: number; setup: IndexSetup; reading: number | undefined };

/**
 * The worker's answer to `build`: where the index data of each locale lies in one of its shared
 * buffers (the buffer itself only the first time and when it grew), or an error.
 */
export type BuiltMessage =
  | { type: 'built'; id: number; layout: SharedLayout; buffer?: SharedArrayBuffer; entryCount: number }
  | { type: 'failed'; id: number; message: string };

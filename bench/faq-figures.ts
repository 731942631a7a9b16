import * as faqLatency from './faq-latency.js';

export interface FaqFigures {
  faqBuildMs: number;
  faqEditStallMs: number;
  faqQueryP99Ms: number;
}

type MeasureFaq = (opts: { entries: number }) => Promise<FaqFigures>;

/**
 * The three FAQ figures at `entries` entries: from the FAQ helper's `measureFaq` (bench/faq-latency.ts)
 * when it exists; otherwise from the older latency benchmark, where an edit is picked up on the event
 * loop, so the stall is the whole refresh.
 */
export async function faqFigures(entries: number, log: (line: string) => void): Promise<FaqFigures> {
  const measure = (faqLatency as Record<string, unknown>).measureFaq as MeasureFaq | undefined;
  if (typeof measure === 'function') return measure({ entries });
  const result = await faqLatency.runFaqLatencyBench({ entries, log });
  return { faqBuildMs: result.buildMs, faqEditStallMs: result.refreshMs, faqQueryP99Ms: result.p99Ms };
}

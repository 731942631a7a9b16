import type { SearchOutcome } from './faq-index.js';

/** What the bot does with a question: answer it, offer up to three entries, or say it does not know. */
export type Band = 'answer' | 'suggest' | 'unknown';

/** The decision for one question. `topic` is set only in the `answer` band; `candidates` are the ids offered, best first. */
export interface BandDecision {
  band: Band;
  topic: string | null;
  /** Calibrated confidence (0–1) that the best entry is the right one. */
  score: number;
  candidates: string[];
}

/**
 * A logistic model over features of a search outcome, fitted on held-out phrasings and off-topic
 * questions (`fayuan kb eval --calibrate`), plus the two thresholds that split it into bands.
 */
export interface ConfidenceModel {
  weights: { bias: number } & ConfidenceFeatures;
  /** At or above: answer directly. */
  answerAt: number;
  /** At or above (and below `answerAt`): offer the top entries as "did you mean". */
  suggestAt: number;
}

/** Fitted by `fayuan kb eval --calibrate` on the seed knowledge base; see docs/knowledge-base.md. */
export const DEFAULT_CONFIDENCE: ConfidenceModel = {
  weights: { bias: -2.86, coverage: -0.58, margin: 0.8, known: 1.98, runnerUp: 2.29, coverageMargin: 4.74 },
  answerAt: 0.6,
  suggestAt: 0.2,
};

/**
 * What the confidence model reads; all are in 0–1 and do not depend on the size of the index.
 * `coverage`: how much of the question the best entry contains; `margin`: how far the best entry's
 * score is ahead of the second's; `known`: how much of the question the index knows at all;
 * `runnerUp`: the second entry's coverage; `coverageMargin`: coverage × margin.
 */
export interface ConfidenceFeatures {
  coverage: number;
  margin: number;
  known: number;
  runnerUp: number;
  coverageMargin: number;
}

export const FEATURE_NAMES = ['coverage', 'margin', 'known', 'runnerUp', 'coverageMargin'] as const satisfies readonly (keyof ConfidenceFeatures)[];

export function confidenceFeatures(outcome: SearchOutcome): ConfidenceFeatures {
  const [first, second] = outcome.ranked;
  if (!first) return { coverage: 0, margin: 0, known: outcome.known, runnerUp: 0, coverageMargin: 0 };
  const margin = second ? (first.score - second.score) / first.score : 1;
  return { coverage: first.coverage, margin, known: outcome.known, runnerUp: second ? second.coverage : 0, coverageMargin: first.coverage * margin };
}

/** The calibrated probability that the best entry of `outcome` is the right answer. */
export function confidenceOf(outcome: SearchOutcome, model: ConfidenceModel = DEFAULT_CONFIDENCE): number {
  if (outcome.ranked.length === 0) return 0;
  const f = confidenceFeatures(outcome);
  let z = model.weights.bias;
  for (const name of FEATURE_NAMES) z += model.weights[name] * f[name];
  return 1 / (1 + Math.exp(-z));
}

/** Splits a search outcome into the three bands. */
export function decideBand(outcome: SearchOutcome, model: ConfidenceModel = DEFAULT_CONFIDENCE, offer = 3): BandDecision {
  const score = confidenceOf(outcome, model);
  const candidates = outcome.ranked.slice(0, offer).map((r) => r.id);
  if (score >= model.answerAt) return { band: 'answer', topic: candidates[0] ?? null, score, candidates };
  if (score >= model.suggestAt && candidates.length > 0) return { band: 'suggest', topic: null, score, candidates };
  return { band: 'unknown', topic: null, score, candidates: [] };
}

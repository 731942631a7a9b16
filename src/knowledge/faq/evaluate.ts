import fs from 'node:fs';
import { isLocale, LOCALES, type Locale } from '../../locales/catalog.js';
import {
  confidenceFeatures,
  CORRECT_FEATURES,
  IN_DOMAIN_FEATURES,
  logistic,
  type ConfidenceFeatures,
  type ConfidenceModel,
  type FeatureName,
  type LogisticModel,
} from './confidence.js';
import type { FaqEntry } from './faq-entry.js';
import { DEFAULT_RANKING, FaqIndex, IndexCache, type RankingOptions } from './faq-index.js';
import { KnowledgeBase } from './knowledge-base.js';
import { SynonymDictionary, type SynonymGroup } from './synonyms.js';
import { DEFAULT_ANALYZER_OPTIONS, TextAnalyzer, type AnalyzerOptions } from './text-analyzer.js';

/** One labelled question: `topic` is the entry that should answer it, null for an off-topic question. */
export interface LabelledQuestion {
  question: string;
  locale: Locale;
  topic: string | null;
}

/** Reads a JSONL file of `{"question","locale","topic"}` lines; throws with the line number on a bad line. */
export function readLabelledQuestions(file: string): LabelledQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const value = JSON.parse(line) as Partial<LabelledQuestion>;
      if (typeof value.question !== 'string' || !isLocale(value.locale) || !(value.topic === null || typeof value.topic === 'string')) {
        throw new Error(`${file}:${number}: expected {"question": "…", "locale": "zh-CN" | "en", "topic": "<id>" | null}`);
      }
      return { question: value.question, locale: value.locale, topic: value.topic };
    });
}

/** Figures for one locale's in-domain questions. */
export interface LocaleFigures {
  questions: number;
  /** The first entry the bot would answer with or offer is the right one (as `kb ask --jsonl` reports it). */
  accuracyAt1: number;
  /** The right entry is among those the bot would answer with or offer (at most three). */
  accuracyAt3: number;
  /** Answered directly, with the right entry. */
  answeredCorrectly: number;
  /** Answered directly, with a wrong entry. */
  answeredWrongly: number;
  /** Offered as "did you mean" buttons (right entry among them or not). */
  suggested: number;
}

export interface EvalReport {
  locales: Record<Locale, LocaleFigures>;
  outOfDomain: { questions: number; rejected: number; rejection: number };
  /** Questions answered directly with a wrong entry, or off-topic questions answered at all, over all questions. */
  confidentWrong: { count: number; rate: number };
  misses: { question: string; locale: Locale; expected: string | null; got: string | null; band: string; candidates: string[] }[];
}

const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Runs labelled questions through a knowledge base (without recording anything) and computes the figures. */
export function evaluateKnowledgeBase(kb: KnowledgeBase, questions: readonly LabelledQuestion[], outOfDomain: readonly LabelledQuestion[]): EvalReport {
  const counts = Object.fromEntries(LOCALES.map((l) => [l, { n: 0, at1: 0, at3: 0, right: 0, wrong: 0, suggested: 0 }])) as Record<
    Locale,
    { n: number; at1: number; at3: number; right: number; wrong: number; suggested: number }
  >;
  const misses: EvalReport['misses'] = [];
  let confidentWrong = 0;
  for (const q of questions) {
    const match = kb.match(q.question, q.locale);
    const offered = match.candidates;
    const c = counts[q.locale];
    c.n++;
    if (offered[0] === q.topic) c.at1++;
    if (q.topic !== null && offered.includes(q.topic)) c.at3++;
    if (match.band === 'answer' && match.topic === q.topic) c.right++;
    if (match.band === 'answer' && match.topic !== q.topic) {
      c.wrong++;
      confidentWrong++;
    }
    if (match.band === 'suggest') c.suggested++;
    if (!(match.band === 'answer' && match.topic === q.topic)) {
      misses.push({ question: q.question, locale: q.locale, expected: q.topic, got: offered[0] ?? null, band: match.band, candidates: offered });
    }
  }
  let rejected = 0;
  for (const q of outOfDomain) {
    const match = kb.match(q.question, q.locale);
    if (match.band === 'answer') {
      confidentWrong++;
      misses.push({ question: q.question, locale: q.locale, expected: null, got: match.topic, band: match.band, candidates: match.candidates });
    } else rejected++;
  }
  const locales = Object.fromEntries(
    LOCALES.map((l) => {
      const c = counts[l];
      return [l, {
        questions: c.n,
        accuracyAt1: share(c.at1, c.n),
        accuracyAt3: share(c.at3, c.n),
        answeredCorrectly: share(c.right, c.n),
        answeredWrongly: share(c.wrong, c.n),
        suggested: share(c.suggested, c.n),
      }];
    }),
  ) as Record<Locale, LocaleFigures>;
  return {
    locales,
    outOfDomain: { questions: outOfDomain.length, rejected, rejection: share(rejected, outOfDomain.length) },
    confidentWrong: { count: confidentWrong, rate: share(confidentWrong, questions.length + outOfDomain.length) },
    misses,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The report as lines for the terminal; the last line is one JSON object with every figure. */
export function formatEvalReport(report: EvalReport): string[] {
  const lines: string[] = [];
  for (const locale of LOCALES) {
    const f = report.locales[locale];
    lines.push(
      `${locale.padEnd(5)} ${String(f.questions).padStart(4)} questions  accuracy@1 ${pct(f.accuracyAt1)}  accuracy@3 ${pct(f.accuracyAt3)}  ` +
        `answered correctly ${pct(f.answeredCorrectly)}  answered wrongly ${pct(f.answeredWrongly)}  suggested ${pct(f.suggested)}`,
    );
  }
  const o = report.outOfDomain;
  lines.push(`out-of-domain ${o.questions} questions  rejected ${o.rejected} (${pct(o.rejection)})`);
  lines.push(`confident wrong answers ${report.confidentWrong.count} (${pct(report.confidentWrong.rate)} of all questions)`);
  lines.push(
    JSON.stringify({
      accuracyAt1: Object.fromEntries(LOCALES.map((l) => [l, round(report.locales[l].accuracyAt1)])),
      accuracyAt3: Object.fromEntries(LOCALES.map((l) => [l, round(report.locales[l].accuracyAt3)])),
      answeredCorrectly: Object.fromEntries(LOCALES.map((l) => [l, round(report.locales[l].answeredCorrectly)])),
      oodRejection: round(o.rejection),
      confidentWrongRate: round(report.confidentWrong.rate),
      questions: LOCALES.reduce((n, l) => n + report.locales[l].questions, 0),
      outOfDomain: o.questions,
    }),
  );
  return lines;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** One labelled search used to fit the confidence model. */
interface CalibrationRow {
  features: ConfidenceFeatures;
  correct: boolean;
  inDomain: boolean;
}

/** Everything needed to rebuild an index the way the knowledge base does. */
export interface IndexSetup {
  synonyms: readonly SynonymGroup[];
  analyzer?: AnalyzerOptions;
  ranking?: RankingOptions;
}

/**
 * Leave-one-out over the entries' own phrasings: each alternative question is searched in an index
 * built without it. This measures how well the index generalises to wording it has not seen, without
 * touching the evaluation set. Returns the search outcome per held-out phrasing.
 */
export function leaveOneOut(entries: readonly FaqEntry[], setup: IndexSetup, each: (result: { locale: Locale; topic: string; question: string; outcome: ReturnType<FaqIndex['search']> }) => void): void {
  const analyzer = new TextAnalyzer(new SynonymDictionary(setup.synonyms), setup.analyzer ?? DEFAULT_ANALYZER_OPTIONS);
  const ranking = setup.ranking ?? DEFAULT_RANKING;
  // Each build differs from the last by one entry: the cache spares re-analysing the others.
  const cache = new IndexCache();
  for (const locale of LOCALES) {
    for (const entry of entries) {
      entry.questions[locale].forEach((question, i) => {
        const reduced = entries.map((e) =>
          e === entry ? { ...e, questions: { ...e.questions, [locale]: e.questions[locale].filter((_, j) => j !== i) } } : e,
        );
        const outcome = FaqIndex.build(reduced, locale, analyzer, ranking, cache).search(question, 3);
        each({ locale, topic: entry.id, question, outcome });
      });
    }
  }
}

/** Accuracy@1 and @3 of {@link leaveOneOut} per locale. */
export function leaveOneOutAccuracy(entries: readonly FaqEntry[], setup: IndexSetup): Record<Locale, { at1: number; at3: number; n: number }> {
  const acc = Object.fromEntries(LOCALES.map((l) => [l, { at1: 0, at3: 0, n: 0 }])) as Record<Locale, { at1: number; at3: number; n: number }>;
  leaveOneOut(entries, setup, ({ locale, topic, outcome }) => {
    const a = acc[locale];
    a.n++;
    if (outcome.ranked[0]?.id === topic) a.at1++;
    if (outcome.ranked.some((r) => r.id === topic)) a.at3++;
  });
  for (const l of LOCALES) {
    acc[l].at1 = share(acc[l].at1, acc[l].n);
    acc[l].at3 = share(acc[l].at3, acc[l].n);
  }
  return acc;
}

/**
 * Fits the confidence model. `inDomain`: logistic regression of "the knowledge base covers this
 * question" over leave-one-out phrasings (yes) and a separate set of off-topic questions (no, never
 * the evaluation set), weighted so both count equally. `correct`: logistic regression of "the best
 * entry is the right one" over the leave-one-out phrasings. Then the thresholds: `answerAt` is the
 * lowest at which at most `maxWrongShare` of answered phrasings would be answered wrongly and at most
 * `maxOodAnswered` of off-topic questions answered; `suggestAt` the lowest at which at most
 * `maxOodSuggested` of off-topic questions would get "did you mean" buttons.
 */
export function calibrateConfidence(
  entries: readonly FaqEntry[],
  setup: IndexSetup,
  offTopic: readonly LabelledQuestion[],
  targets = { maxWrongShare: 0.065, maxOodAnswered: 0.07, maxOodSuggested: 0.3 },
): { model: ConfidenceModel; rows: number } {
  const rows: CalibrationRow[] = [];
  leaveOneOut(entries, setup, ({ topic, outcome }) => {
    rows.push({ features: confidenceFeatures(outcome), correct: outcome.ranked[0]?.id === topic, inDomain: true });
  });
  const kb = KnowledgeBase.fromEntries(entries, { synonyms: setup.synonyms, analyzer: setup.analyzer, ranking: setup.ranking });
  for (const q of offTopic) rows.push({ features: confidenceFeatures(kb.search(q.question, q.locale, 3)), correct: false, inDomain: false });

  const inDomainCount = rows.filter((r) => r.inDomain).length;
  const oodWeight = share(inDomainCount, rows.length - inDomainCount) || 1;
  const inDomain = fitLogistic(rows, IN_DOMAIN_FEATURES, (r) => r.inDomain, (r) => (r.inDomain ? 1 : oodWeight));
  const inDomainRows = rows.filter((r) => r.inDomain);
  const correct = fitLogistic(inDomainRows, CORRECT_FEATURES, (r) => r.correct, () => 1);
  const draft: ConfidenceModel = { inDomain, correct, answerAt: 1, suggestAt: 1 };
  const scored = rows.map((r) => ({ ...r, p: logistic(inDomain, r.features) * logistic(correct, r.features) }));
  const ood = scored.filter((r) => !r.inDomain);

  const candidates = [...new Set(scored.map((r) => Math.round(r.p * 100) / 100))].sort((a, b) => a - b);
  const answerAt =
    candidates.find((t) => {
      const answered = scored.filter((r) => r.inDomain && r.p >= t);
      const wrong = answered.filter((r) => !r.correct).length;
      return share(wrong, answered.length) <= targets.maxWrongShare && share(ood.filter((r) => r.p >= t).length, ood.length) <= targets.maxOodAnswered;
    }) ?? 0.99;
  const suggestAt = Math.min(answerAt, candidates.find((t) => share(ood.filter((r) => r.p >= t).length, ood.length) <= targets.maxOodSuggested) ?? answerAt);
  return { model: { ...draft, answerAt, suggestAt }, rows: rows.length };
}

/** Weighted logistic regression by gradient descent with a little L2. */
function fitLogistic(
  rows: readonly CalibrationRow[],
  features: readonly FeatureName[],
  label: (row: CalibrationRow) => boolean,
  weightOf: (row: CalibrationRow) => number,
): LogisticModel {
  let w = new Array<number>(features.length + 1).fill(0);
  const totalWeight = rows.reduce((s, r) => s + weightOf(r), 0);
  const x = rows.map((r) => features.map((f) => r.features[f]));
  for (let iteration = 0; iteration < 5000; iteration++) {
    const gradient = new Array<number>(features.length + 1).fill(0);
    rows.forEach((row, k) => {
      const z = w[0]! + x[k]!.reduce((s, v, i) => s + v * w[i + 1]!, 0);
      const error = (1 / (1 + Math.exp(-z)) - (label(row) ? 1 : 0)) * weightOf(row);
      gradient[0]! += error;
      x[k]!.forEach((v, i) => (gradient[i + 1]! += error * v));
    });
    w = w.map((v, i) => v - 2 * (gradient[i]! / totalWeight + (i > 0 ? 0.001 * v : 0)));
  }
  return { bias: round(w[0]!), weights: Object.fromEntries(features.map((f, i) => [f, round(w[i + 1]!)])) };
}

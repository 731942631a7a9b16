import fs from 'node:fs';
import { isLocale, LOCALES, type Locale } from '../../locales/catalog.js';
import {
  confidenceFeatures,
  decideBand,
  heldBack,
  CORRECT_FEATURES,
  LONG_STORY_MIN_MARGIN,
  IN_DOMAIN_FEATURES,
  logistic,
  type ConfidenceFeatures,
  type ConfidenceModel,
  type FeatureName,
  type LocaleThresholds,
  type LogisticModel,
} from './confidence.js';
import type { FaqEntry } from './faq-entry.js';
import { DEFAULT_RANKING, FaqIndex, IndexCache, type RankingOptions, type SearchOutcome } from './faq-index.js';
import { KnowledgeBase } from './knowledge-base.js';
import { SynonymDictionary, type SynonymGroup } from './synonyms.js';
import { DEFAULT_ANALYZER_OPTIONS, TextAnalyzer, type AnalyzerOptions } from './text-analyzer.js';

/** One labelled question: `topic` is the entry that should answer it, null for an off-topic question. */
export interface LabelledQuestion {
  question: string;
  locale: Locale;
  topic: string | null;
}

/**
 * Reads a JSONL file of `{"question","locale","topic"}` lines; lines starting with `#` are comments.
 * Throws with the line number on a bad line.
 */
export function readLabelledQuestions(file: string): LabelledQuestion[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      const value = JSON.parse(line) as Partial<LabelledQuestion>;
      if (typeof value.question !== 'string' || !isLocale(value.locale) || !(value.topic === null || typeof value.topic === 'string')) {
        throw new Error(`${file}:${number}: expected {"question": "…", "locale": "zh-CN" | "en", "topic": "<id>" | null}`);
      }
      return { question: value.question, locale: value.locale, topic: value.topic };
    });
}

/** Figures for one locale's in-domain questions (shares of that locale's questions, 0–1). */
export interface LocaleFigures {
  questions: number;
  /** Answered directly, with the right entry: what the resident gets without another tap. */
  answeredCorrectly: number;
  /** Answered directly, with a wrong entry (confident-wrong). */
  answeredWrongly: number;
  /** Offered as "did you mean" buttons with the right entry among them. */
  suggestedRight: number;
  /** Offered "did you mean" buttons without the right entry, or told "I do not know". */
  missed: number;
  /** The first entry the bot would answer with or offer is the right one (as `kb ask --jsonl` reports it). */
  accuracyAt1: number;
  /** The right entry is among those the bot would answer with or offer (at most three). */
  accuracyAt3: number;
  /** Offered as "did you mean" buttons (right entry among them or not). */
  suggested: number;
}

/** Off-topic questions of one locale. */
export interface OffTopicFigures {
  questions: number;
  /** Not answered directly (did-you-mean or "I do not know"). */
  declined: number;
  /** `declined` as a share. */
  declinedShare: number;
  /** Told "I do not know" (no legal topics offered). */
  unknown: number;
}

export interface EvalMiss {
  question: string;
  locale: Locale;
  expected: string | null;
  got: string | null;
  band: string;
  candidates: string[];
}

export interface EvalReport {
  locales: Record<Locale, LocaleFigures>;
  offTopic: Record<Locale, OffTopicFigures>;
  outOfDomain: { questions: number; rejected: number; rejection: number };
  /** Questions answered directly with a wrong entry, or off-topic questions answered at all, over all questions. */
  confidentWrong: { count: number; rate: number };
  misses: EvalMiss[];
}

const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Runs labelled questions through a knowledge base (without recording anything) and computes the figures. */
export function evaluateKnowledgeBase(kb: KnowledgeBase, questions: readonly LabelledQuestion[], outOfDomain: readonly LabelledQuestion[]): EvalReport {
  type Counts = { n: number; at1: number; at3: number; right: number; wrong: number; suggested: number; suggestedRight: number };
  const counts = Object.fromEntries(LOCALES.map((l) => [l, { n: 0, at1: 0, at3: 0, right: 0, wrong: 0, suggested: 0, suggestedRight: 0 }])) as Record<Locale, Counts>;
  const off = Object.fromEntries(LOCALES.map((l) => [l, { questions: 0, declined: 0, declinedShare: 0, unknown: 0 }])) as Record<Locale, OffTopicFigures>;
  const misses: EvalMiss[] = [];
  let confidentWrong = 0;
  for (const q of questions) {
    if (q.topic === null) continue;
    const match = kb.match(q.question, q.locale);
    const offered = match.candidates;
    const c = counts[q.locale];
    c.n++;
    if (offered[0] === q.topic) c.at1++;
    if (offered.includes(q.topic)) c.at3++;
    if (match.band === 'answer' && match.topic === q.topic) c.right++;
    if (match.band === 'answer' && match.topic !== q.topic) {
      c.wrong++;
      confidentWrong++;
    }
    if (match.band === 'suggest') {
      c.suggested++;
      if (offered.includes(q.topic)) c.suggestedRight++;
    }
    if (!(match.band === 'answer' && match.topic === q.topic)) {
      misses.push({ question: q.question, locale: q.locale, expected: q.topic, got: offered[0] ?? null, band: match.band, candidates: offered });
    }
  }
  for (const q of [...outOfDomain, ...questions.filter((x) => x.topic === null)]) {
    const match = kb.match(q.question, q.locale);
    const o = off[q.locale];
    o.questions++;
    if (match.band === 'answer') {
      confidentWrong++;
      misses.push({ question: q.question, locale: q.locale, expected: null, got: match.topic, band: match.band, candidates: match.candidates });
    } else {
      o.declined++;
      if (match.band === 'unknown') o.unknown++;
    }
  }
  for (const l of LOCALES) off[l].declinedShare = share(off[l].declined, off[l].questions);
  const locales = Object.fromEntries(
    LOCALES.map((l) => {
      const c = counts[l];
      return [l, {
        questions: c.n,
        answeredCorrectly: share(c.right, c.n),
        answeredWrongly: share(c.wrong, c.n),
        suggestedRight: share(c.suggestedRight, c.n),
        missed: share(c.n - c.right - c.wrong - c.suggestedRight, c.n),
        accuracyAt1: share(c.at1, c.n),
        accuracyAt3: share(c.at3, c.n),
        suggested: share(c.suggested, c.n),
      }];
    }),
  ) as Record<Locale, LocaleFigures>;
  const oodTotal = LOCALES.reduce((n, l) => n + off[l].questions, 0);
  const oodDeclined = LOCALES.reduce((n, l) => n + off[l].declined, 0);
  const total = LOCALES.reduce((n, l) => n + counts[l].n, 0) + oodTotal;
  return {
    locales,
    offTopic: off,
    outOfDomain: { questions: oodTotal, rejected: oodDeclined, rejection: share(oodDeclined, oodTotal) },
    confidentWrong: { count: confidentWrong, rate: share(confidentWrong, total) },
    misses,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** The table that leads `kb eval`: per language, answered-and-correct, confident-wrong, did-you-mean, off-topic declined. */
export function formatEvalTable(title: string, report: EvalReport): string[] {
  const lines = [title, 'locale  questions  answered-correct  confident-wrong  did-you-mean (right among)  missed   off-topic declined'];
  for (const locale of LOCALES) {
    const f = report.locales[locale];
    const o = report.offTopic[locale];
    lines.push(
      `${locale.padEnd(7)} ${String(f.questions).padStart(9)}  ${pct(f.answeredCorrectly).padStart(16)}  ${pct(f.answeredWrongly).padStart(15)}  ` +
        `${pct(f.suggestedRight).padStart(26)}  ${pct(f.missed).padStart(6)}   ${pct(o.declinedShare).padStart(6)} (${o.declined}/${o.questions})`,
    );
  }
  return lines;
}

/** The report as lines for the terminal (the older accuracy@k view) and one JSON object with every figure. */
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
  lines.push(JSON.stringify(reportFigures(report)));
  return lines;
}

/** Every figure of a report as a plain object (rounded), for JSON output. */
export function reportFigures(report: EvalReport): Record<string, unknown> {
  const per = (f: (l: Locale) => number) => Object.fromEntries(LOCALES.map((l) => [l, round(f(l))]));
  return {
    answeredCorrectly: per((l) => report.locales[l].answeredCorrectly),
    confidentWrong: per((l) => report.locales[l].answeredWrongly),
    suggestedRight: per((l) => report.locales[l].suggestedRight),
    offTopicDeclined: per((l) => report.offTopic[l].declinedShare),
    accuracyAt1: per((l) => report.locales[l].accuracyAt1),
    accuracyAt3: per((l) => report.locales[l].accuracyAt3),
    oodRejection: round(report.outOfDomain.rejection),
    confidentWrongRate: round(report.confidentWrong.rate),
    questions: LOCALES.reduce((n, l) => n + report.locales[l].questions, 0),
    outOfDomain: report.outOfDomain.questions,
  };
}

/** Two entries that take each other's questions: how many of A's went to B and of B's to A. */
export interface ConfusionPair {
  a: string;
  b: string;
  aToB: number;
  bToA: number;
}

/**
 * Pairs of entries that steal each other's questions: a question of A whose first offered (or
 * answered) entry is B. Counted over labelled questions (use the dev half, never the frozen test half).
 */
export function confusionPairs(kb: KnowledgeBase, questions: readonly LabelledQuestion[], extra: readonly { expected: string; got: string }[] = []): ConfusionPair[] {
  const pairs = new Map<string, ConfusionPair>();
  const add = (expected: string, got: string) => {
    const [a, b] = expected < got ? [expected, got] : [got, expected];
    const key = `${a} ${b}`;
    const pair = pairs.get(key) ?? { a, b, aToB: 0, bToA: 0 };
    if (expected === a) pair.aToB++;
    else pair.bToA++;
    pairs.set(key, pair);
  };
  for (const q of questions) {
    if (q.topic === null) continue;
    const got = kb.match(q.question, q.locale).candidates[0];
    if (got !== undefined && got !== q.topic) add(q.topic, got);
  }
  for (const { expected, got } of extra) if (expected !== got) add(expected, got);
  return [...pairs.values()].sort((x, y) => y.aToB + y.bToA - (x.aToB + x.bToA) || x.a.localeCompare(y.a));
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

/** Leave-one-phrasing-out judged the way the bot judges: answered-correct, confident-wrong and accuracy@1/@3 per locale. */
export interface LeaveOneOutFigures {
  n: number;
  answeredCorrectly: number;
  answeredWrongly: number;
  at1: number;
  at3: number;
}

/**
 * {@link leaveOneOut} with the confidence bands of `model`; also returns each held-out phrasing whose
 * best-ranked entry was another one (for `kb eval --confusions`).
 */
export function leaveOneOutJudged(
  entries: readonly FaqEntry[],
  setup: IndexSetup,
  model: ConfidenceModel,
): { figures: Record<Locale, LeaveOneOutFigures>; swaps: { expected: string; got: string }[] } {
  const acc = Object.fromEntries(LOCALES.map((l) => [l, { n: 0, answeredCorrectly: 0, answeredWrongly: 0, at1: 0, at3: 0 }])) as Record<Locale, LeaveOneOutFigures>;
  const swaps: { expected: string; got: string }[] = [];
  leaveOneOut(entries, setup, ({ locale, topic, outcome }) => {
    const a = acc[locale];
    const band = decideBand(outcome, model, 3, locale);
    a.n++;
    if (band.band === 'answer' && band.topic === topic) a.answeredCorrectly++;
    if (band.band === 'answer' && band.topic !== topic) a.answeredWrongly++;
    const first = outcome.ranked[0]?.id;
    if (first === topic) a.at1++;
    else if (first !== undefined) swaps.push({ expected: topic, got: first });
    if (outcome.ranked.some((r) => r.id === topic)) a.at3++;
  });
  for (const l of LOCALES) {
    const a = acc[l];
    a.answeredCorrectly = share(a.answeredCorrectly, a.n);
    a.answeredWrongly = share(a.answeredWrongly, a.n);
    a.at1 = share(a.at1, a.n);
    a.at3 = share(a.at3, a.n);
  }
  return { figures: acc, swaps };
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
 * Limits the calibration keeps within on the dev half, per language: `maxWrong` of the resident
 * questions answered with a wrong entry (below the 3% goal: unseen questions come out worse than the
 * ones the thresholds were fitted on), `maxOodAnswered` of off-topic questions answered,
 * `maxOodSuggested` given buttons; `maxWrongShare` of answers wrong where there are no resident questions.
 */
export interface CalibrationTargets {
  maxWrong: number;
  maxWrongShare: number;
  maxOodAnswered: number;
  maxOodSuggested: number;
}

export const CALIBRATION_TARGETS: CalibrationTargets = { maxWrong: 0.025, maxWrongShare: 0.065, maxOodAnswered: 0.08, maxOodSuggested: 0.3 };

/**
 * Fits the confidence model. `inDomain`: logistic regression of "the knowledge base covers this
 * question" over leave-one-out phrasings and resident questions of the dev half (yes) and off-topic
 * questions (no; never the frozen test half), weighted so both count equally. `correct`: logistic
 * regression of "the best entry is the right one" over the in-domain rows. Then the thresholds, per
 * language, on the resident questions and off-topic questions of that language: `answerAt` is the
 * lowest at which at most `maxWrong` of all the language's resident questions would be answered with
 * a wrong entry and at most `maxOodAnswered` of its off-topic questions answered; `suggestAt` the
 * lowest at which at most `maxOodSuggested` of off-topic questions would get "did you mean" buttons.
 * Without resident questions the thresholds come from the held-out phrasings.
 */
export function calibrateConfidence(
  entries: readonly FaqEntry[],
  setup: IndexSetup,
  offTopic: readonly LabelledQuestion[],
  resident: readonly LabelledQuestion[] = [],
  targets: CalibrationTargets = CALIBRATION_TARGETS,
  untuned: readonly LabelledQuestion[] = [],
): { model: ConfidenceModel; rows: number } {
  const kb = KnowledgeBase.fromEntries(entries, { synonyms: setup.synonyms, analyzer: setup.analyzer, ranking: setup.ranking });
  const rows = [
    ...heldOutPhrasingRows(entries, setup),
    ...questionRows(kb, resident, offTopic).map((r) => r.row),
    ...untunedRows(kb, untuned).map((r) => r.row),
  ];
  return { model: fitConfidence(rows, targets), rows: rows.length };
}

/** Rows of untuned questions (eval/faq/fresh): resident questions and off-topic ones (topic null) in one list. */
function untunedRows(kb: KnowledgeBase, questions: readonly LabelledQuestion[]) {
  return questionRows(kb, questions.filter((q) => q.topic !== null), questions.filter((q) => q.topic === null)).map((r) => ({ ...r, row: { ...r.row, untuned: true } }));
}

/** One search labelled for fitting: its features, whether the best entry is right, whether the question is in the domain. */
type FitRow = CalibrationRow & {
  locale: Locale;
  resident: boolean;
  /** Content words of the question (for the rules that hold answers back). */
  words: number;
  /** A question of eval/faq/fresh: written after the last tuning and never tuned on. */
  untuned?: boolean;
};

/** Calibration rows of the leave-one-out phrasings (in domain, not resident questions). */
function heldOutPhrasingRows(entries: readonly FaqEntry[], setup: IndexSetup): FitRow[] {
  const rows: FitRow[] = [];
  leaveOneOut(entries, setup, ({ locale, topic, outcome }) => {
    rows.push({ features: confidenceFeatures(outcome), correct: outcome.ranked[0]?.id === topic, inDomain: true, locale, resident: false, words: outcome.words });
  });
  return rows;
}

/** Calibration rows of resident questions (in domain) and off-topic questions, each with its question and search outcome. */
function questionRows(kb: KnowledgeBase, resident: readonly LabelledQuestion[], offTopic: readonly LabelledQuestion[]) {
  const out: { question: LabelledQuestion; outcome: SearchOutcome; row: FitRow }[] = [];
  for (const q of resident) {
    if (q.topic === null) continue;
    const outcome = kb.search(q.question, q.locale, 3);
    out.push({ question: q, outcome, row: { features: confidenceFeatures(outcome), correct: outcome.ranked[0]?.id === q.topic, inDomain: true, locale: q.locale, resident: true, words: outcome.words } as FitRow });
  }
  for (const q of offTopic) {
    const outcome = kb.search(q.question, q.locale, 3);
    out.push({ question: { ...q, topic: null }, outcome, row: { features: confidenceFeatures(outcome), correct: false, inDomain: false, locale: q.locale, resident: false, words: outcome.words } as FitRow });
  }
  return out;
}

/** Held-out figures of a k-fold cross-validation of the calibration, per language (shares, 0–1). */
export interface CrossValidationFigures {
  questions: number;
  answeredCorrectly: number;
  answeredWrongly: number;
  offTopic: number;
  offTopicDeclined: number;
}

/**
 * k-fold cross-validation of {@link calibrateConfidence}: the dev half's resident and off-topic
 * questions and the untuned ones (eval/faq/fresh) are split into `k` folds (question i of each set
 * into fold i mod k); for each fold the model is fitted on the held-out phrasings, `alwaysTrain`
 * (calibration-ood) and the other folds, and judged on that fold. What the held-out folds score tells
 * a general gain from one fitted to the questions; the untuned questions' figures are reported apart.
 */
export function crossValidateCalibration(
  entries: readonly FaqEntry[],
  setup: IndexSetup,
  resident: readonly LabelledQuestion[],
  offTopic: readonly LabelledQuestion[],
  alwaysTrain: readonly LabelledQuestion[],
  k = 5,
  targets: CalibrationTargets = CALIBRATION_TARGETS,
  untuned: readonly LabelledQuestion[] = [],
): { dev: Record<Locale, CrossValidationFigures>; untuned: Record<Locale, CrossValidationFigures> } {
  const kb = KnowledgeBase.fromEntries(entries, { synonyms: setup.synonyms, analyzer: setup.analyzer, ranking: setup.ranking });
  const fixed = [...heldOutPhrasingRows(entries, setup), ...questionRows(kb, [], alwaysTrain).map((r) => r.row)];
  const folded = [...questionRows(kb, resident, offTopic), ...untunedRows(kb, untuned)].map((r) => ({ ...r, fold: 0 }));
  // Fold numbers per set, so each fold holds its share of the dev half and of the untuned questions.
  let devIndex = 0;
  let untunedIndex = 0;
  for (const r of folded) r.fold = (r.row.untuned ? untunedIndex++ : devIndex++) % k;
  const empty = () => Object.fromEntries(LOCALES.map((l) => [l, { questions: 0, answeredCorrectly: 0, answeredWrongly: 0, offTopic: 0, offTopicDeclined: 0 }])) as Record<Locale, CrossValidationFigures>;
  const acc = { dev: empty(), untuned: empty() };
  for (let fold = 0; fold < k; fold++) {
    const model = fitConfidence([...fixed, ...folded.filter((r) => r.fold !== fold).map((r) => r.row)], targets);
    for (const { question, outcome, row } of folded.filter((r) => r.fold === fold)) {
      const band = decideBand(outcome, model, 3, question.locale);
      const a = (row.untuned ? acc.untuned : acc.dev)[question.locale];
      if (question.topic === null) {
        a.offTopic++;
        if (band.band !== 'answer') a.offTopicDeclined++;
        continue;
      }
      a.questions++;
      if (band.band === 'answer' && band.topic === question.topic) a.answeredCorrectly++;
      if (band.band === 'answer' && band.topic !== question.topic) a.answeredWrongly++;
    }
  }
  for (const figures of [acc.dev, acc.untuned]) {
    for (const l of LOCALES) {
      const a = figures[l];
      a.answeredCorrectly = share(a.answeredCorrectly, a.questions);
      a.answeredWrongly = share(a.answeredWrongly, a.questions);
      a.offTopicDeclined = share(a.offTopicDeclined, a.offTopic);
    }
  }
  return acc;
}

/**
 * Two thresholds (in domain, right entry) replace the one on their product only when they answer at
 * least this share more of the judged resident questions: searched over hundreds of pairs, a smaller
 * gain is mostly the pair that fits these questions (5-fold on eval/faq/fresh: with any gain the
 * held-out folds answered fewer rightly than with the product alone).
 */
const GATE_MIN_GAIN = 0.02;

/** Long-story margins calibration tries per language, the default first (kept on a tie). */
const STORY_MARGINS = [LONG_STORY_MIN_MARGIN, 0.1, 0];

/**
 * Fits both logistic models and the thresholds per language on calibration rows (see
 * {@link calibrateConfidence}). The limits must hold on the dev half and, separately, on the
 * untuned questions: questions something was tuned on match the index better than new ones, so
 * thresholds judged on them alone answer new questions wrongly more often than they promise. Among
 * the thresholds within the limits, the ones answering most untuned resident questions rightly win
 * (most dev ones for a language without untuned questions). Answering is judged as the bot judges it,
 * with the rules that hold answers back; the long-story margin is chosen with the thresholds.
 */
function fitConfidence(rows: readonly FitRow[], targets: CalibrationTargets): ConfidenceModel {
  const inDomainCount = rows.filter((r) => r.inDomain).length;
  const oodWeight = share(inDomainCount, rows.length - inDomainCount) || 1;
  const inDomain = fitLogistic(rows, IN_DOMAIN_FEATURES, (r) => r.inDomain, (r) => (r.inDomain ? 1 : oodWeight));
  const inDomainRows = rows.filter((r) => r.inDomain);
  const correct = fitLogistic(inDomainRows, CORRECT_FEATURES, (r) => r.correct, () => 1);
  const scored = rows.map((r) => {
    const pIn = logistic(inDomain, r.features);
    const pRight = logistic(correct, r.features);
    return { ...r, pIn, pRight, p: pIn * pRight };
  });
  type Scored = (typeof scored)[number];
  const candidates = [...new Set(scored.map((r) => Math.round(r.p * 100) / 100))].sort((a, b) => a - b);

  const thresholds = (pool: Scored[]): LocaleThresholds => {
    const ood = pool.filter((r) => !r.inDomain);
    const suggestOf = (answerAt: number) => Math.min(answerAt, candidates.find((t) => share(ood.filter((r) => r.p >= t).length, ood.length) <= targets.maxOodSuggested) ?? answerAt);
    const groups = [pool.filter((r) => !r.untuned), pool.filter((r) => r.untuned)].filter((g) => g.length > 0);
    // Off-topic questions are judged together (a few dozen untuned ones alone make a coarse limit).
    const withinLimits = (pass: (r: Scored) => boolean) =>
      share(ood.filter(pass).length, ood.length) <= targets.maxOodAnswered &&
      groups.every((g) => {
        const residents = g.filter((r) => r.inDomain && r.resident);
        if (residents.length > 0) return share(residents.filter((r) => pass(r) && !r.correct).length, residents.length) <= targets.maxWrong;
        const answered = g.filter((r) => r.inDomain && pass(r));
        return share(answered.filter((r) => !r.correct).length, answered.length) <= targets.maxWrongShare;
      });
    const residents = pool.filter((r) => r.inDomain && r.resident);
    if (residents.length === 0) {
      const answerAt = candidates.find((t) => withinLimits((r) => r.p >= t)) ?? 0.99;
      return { answerAt, suggestAt: suggestOf(answerAt) };
    }
    const judged = residents.some((r) => r.untuned) ? residents.filter((r) => r.untuned) : residents;
    const right = (pass: (r: Scored) => boolean) => judged.filter((r) => pass(r) && r.correct).length;
    let best: { count: number; thresholds: LocaleThresholds } | undefined;
    let bestGate: { count: number; thresholds: LocaleThresholds } | undefined;
    for (const storyMargin of STORY_MARGINS) {
      const kept = (r: Scored) => !heldBack(r.words, r.features, storyMargin);
      const answerAt = candidates.find((t) => withinLimits((r) => r.p >= t && kept(r))) ?? 0.99;
      const plain = { answerAt, suggestAt: suggestOf(answerAt), storyMargin };
      const count = right((r) => r.p >= answerAt && kept(r));
      if (!best || count > best.count) best = { count, thresholds: plain };
      // Two separate thresholds (in domain, right entry) instead of one on their product.
      for (let a = 0.3; a <= 0.951; a += 0.025) {
        for (let b = 0.3; b <= 0.991; b += 0.025) {
          const pass = (r: Scored) => r.pIn >= a && r.pRight >= b && kept(r);
          if (!withinLimits(pass)) continue;
          const n = right(pass);
          if (!bestGate || n > bestGate.count) bestGate = { count: n, thresholds: { ...plain, gate: { inDomainAt: round(a), correctAt: round(b) } } };
        }
      }
    }
    if (bestGate && bestGate.count - best!.count >= GATE_MIN_GAIN * judged.length) return bestGate.thresholds;
    return best!.thresholds;
  };
  const overall = thresholds(scored);
  const locales = Object.fromEntries(LOCALES.map((l) => [l, thresholds(scored.filter((r) => r.locale === l))])) as Record<Locale, LocaleThresholds>;
  return { inDomain, correct, answerAt: overall.answerAt, suggestAt: overall.suggestAt, locales };
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

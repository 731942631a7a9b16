import { createRequire } from 'node:module';
import { LOCALES, type Locale } from '../../locales/catalog.js';
import type { FaqEntry } from './faq-entry.js';
import { DEFAULT_SOFTMAX } from './discriminative.js';
import { DEFAULT_RANKING, FaqIndex, IndexCache, type RankingOptions } from './faq-index.js';
import type { LabelledQuestion } from './evaluate.js';
import { SynonymDictionary, type SynonymGroup } from './synonyms.js';
import { DEFAULT_ANALYZER_OPTIONS, TextAnalyzer, type AnalyzerOptions } from './text-analyzer.js';

// Only the TF-IDF module: the top-level `natural` package loads dotenv and prints to the console.
const require = createRequire(import.meta.url);
const TfIdf = require('natural/lib/natural/tfidf/tfidf.js') as new () => {
  addDocument(doc: string[], key?: string): void;
  tfidfs(terms: string[], callback?: (i: number, measure: number) => void): number[];
};

/** Builds a search over entries of one locale that returns entry ids, best first. */
type RankerFactory = (entries: readonly FaqEntry[], locale: Locale, analyzer: TextAnalyzer) => (question: string) => string[];

/** One configuration to compare. */
export interface RankerConfig {
  name: string;
  analyzer?: Partial<AnalyzerOptions>;
  synonyms?: boolean;
  ranking?: Partial<RankingOptions>;
  /** `natural`: natural's TfIdf over the same terms (titles, questions and tags as one document). */
  engine?: 'faq-index' | 'natural-tfidf';
}

/** The configurations `fayuan kb eval --compare` measures; the first is the default. */
export const COMPARED_CONFIGS: RankerConfig[] = [
  { name: 'BM25, English re-ranked by the classifier (default)' },
  { name: 'BM25 alone (no classifier)', ranking: { softmax: null } },
  { name: 'BM25 re-ranked by the classifier in both languages', ranking: { softmax: DEFAULT_SOFTMAX, classified: LOCALES } },
  { name: 'BM25 without synonyms', synonyms: false },
  { name: 'BM25 without bigrams', analyzer: { bigrams: false } },
  { name: 'BM25 without segmenter words', analyzer: { words: false } },
  { name: 'BM25 with single characters', analyzer: { unigrams: true } },
  { name: 'BM25 also indexing the answer text (weight 0.5)', ranking: { weights: { title: 2, questions: 1, tags: 2, answer: 0.5 } } },
  { name: 'BM25 with titles and tags weighted 1', ranking: { weights: { title: 1, questions: 1, tags: 1, answer: 0 } } },
  { name: 'BM25 k1 = 2.0', ranking: { k1: 2 } },
  { name: 'BM25 without spelling correction', ranking: { spelling: false } },
  { name: 'TF-IDF (own index, sqrt tf)', ranking: { ranking: 'tfidf' } },
  { name: 'TF-IDF (natural TfIdf)', engine: 'natural-tfidf' },
];

const faqIndexRanker = (ranking: RankingOptions): RankerFactory => {
  const cache = new IndexCache();
  return (entries, locale, analyzer) => {
    const index = FaqIndex.build(entries, locale, analyzer, ranking, cache);
    return (question) => index.search(question, 3).ranked.map((r) => r.id);
  };
};

const termMemo = new WeakMap<TextAnalyzer, Map<string, string[]>>();
const memoTerms = (analyzer: TextAnalyzer, text: string) => {
  let memo = termMemo.get(analyzer);
  if (!memo) termMemo.set(analyzer, (memo = new Map()));
  let terms = memo.get(text);
  if (!terms) memo.set(text, (terms = analyzer.terms(text)));
  return terms;
};

const naturalTfIdfRanker: RankerFactory = (entries, locale, analyzer) => {
  const tfidf = new TfIdf();
  for (const entry of entries) {
    // The same weights as the index: titles and tags count twice.
    const texts = [entry.title[locale], entry.title[locale], ...entry.questions[locale], ...entry.tags, ...entry.tags];
    tfidf.addDocument(texts.flatMap((t) => memoTerms(analyzer, t)), entry.id);
  }
  return (question) => {
    const terms = [...new Set(analyzer.terms(question))];
    const scores = tfidf.tfidfs(terms);
    return scores
      .map((score, i) => ({ id: entries[i]!.id, score }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((s) => s.id);
  };
};

/** Accuracy@1/@3 per locale, for held-out phrasings (leave-one-out) and for the evaluation questions. */
export interface ComparisonRow {
  name: string;
  leaveOneOut: Record<Locale, { at1: number; at3: number }>;
  evaluation: Record<Locale, { at1: number; at3: number }>;
}

/** Measures each configuration the same way; used to choose the defaults (docs/knowledge-base.md). */
export function compareRankers(
  entries: readonly FaqEntry[],
  synonymGroups: readonly SynonymGroup[],
  questions: readonly LabelledQuestion[],
  configs: readonly RankerConfig[] = COMPARED_CONFIGS,
): ComparisonRow[] {
  return configs.map((config) => {
    const analyzer = new TextAnalyzer(
      config.synonyms === false ? SynonymDictionary.empty : new SynonymDictionary(synonymGroups),
      { ...DEFAULT_ANALYZER_OPTIONS, ...config.analyzer },
    );
    const ranking = { ...DEFAULT_RANKING, ...config.ranking, weights: { ...DEFAULT_RANKING.weights, ...config.ranking?.weights } };
    const factory = config.engine === 'natural-tfidf' ? naturalTfIdfRanker : faqIndexRanker(ranking);
    const loo = {} as ComparisonRow['leaveOneOut'];
    const evaluation = {} as ComparisonRow['evaluation'];
    for (const locale of LOCALES) {
      let n = 0, at1 = 0, at3 = 0;
      for (const entry of entries) {
        entry.questions[locale].forEach((question, i) => {
          const reduced = entries.map((e) => (e === entry ? { ...e, questions: { ...e.questions, [locale]: e.questions[locale].filter((_, j) => j !== i) } } : e));
          const ranked = factory(reduced, locale, analyzer)(question);
          n++;
          if (ranked[0] === entry.id) at1++;
          if (ranked.includes(entry.id)) at3++;
        });
      }
      loo[locale] = { at1: at1 / n, at3: at3 / n };
      const search = factory(entries, locale, analyzer);
      const mine = questions.filter((q) => q.locale === locale && q.topic !== null);
      let e1 = 0, e3 = 0;
      for (const q of mine) {
        const ranked = search(q.question);
        if (ranked[0] === q.topic) e1++;
        if (ranked.includes(q.topic!)) e3++;
      }
      evaluation[locale] = { at1: e1 / Math.max(1, mine.length), at3: e3 / Math.max(1, mine.length) };
    }
    return { name: config.name, leaveOneOut: loo, evaluation };
  });
}

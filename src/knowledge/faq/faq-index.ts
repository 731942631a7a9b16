import type { Locale } from '../../locales/catalog.js';
import type { FaqEntry } from './faq-entry.js';
import { SpellingCorrector } from './spelling.js';
import { TextAnalyzer, type EvidenceUnit } from './text-analyzer.js';

/** How entries are scored; the defaults are the configuration that measured best (docs/knowledge-base.md). */
export interface RankingOptions {
  ranking: 'bm25' | 'tfidf';
  k1: number;
  b: number;
  /** How much a term counts in each part of an entry. */
  weights: { title: number; questions: number; tags: number; answer: number };
  /** Correct English words one edit away from a known term. */
  spelling: boolean;
  /** Weight of a question word the index has never seen, relative to the rarest known word. */
  unknownWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  ranking: 'bm25',
  k1: 1.2,
  b: 0.75,
  weights: { title: 2, questions: 1, tags: 2, answer: 0 },
  spelling: true,
  unknownWeight: 1,
};

/** One ranked entry. */
export interface RankedEntry {
  id: string;
  score: number;
  /** Share (0–1) of the question's content words, weighted by rarity, that this entry contains. */
  coverage: number;
}

/** What a search found: entries best first, and how much of the question the index knows at all. */
export interface SearchOutcome {
  ranked: RankedEntry[];
  /** Number of content words in the question. */
  words: number;
  /** Share (0–1) of the question's weight made of words that occur somewhere in the index. */
  known: number;
}

interface Posting {
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * An in-memory inverted index over the entries of one locale, ranked by BM25 (or TF-IDF). Building
 * is linear in the text; a search touches only the postings of the question's terms.
 */
export class FaqIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly idf = new Map<string, number>();
  private readonly docNorm: Float64Array;
  private readonly scores: Float64Array;
  private readonly seen: Uint8Array;
  private readonly entryIds: string[];
  private readonly unknownIdf: number;
  private readonly corrector: SpellingCorrector | undefined;
  private readonly cache = new Map<string, SearchOutcome>();

  private constructor(
    entries: readonly FaqEntry[],
    readonly locale: Locale,
    readonly analyzer: TextAnalyzer,
    readonly options: RankingOptions,
  ) {
    this.entryIds = entries.map((e) => e.id);
    const { weights } = options;
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    const lengths: number[] = [];
    entries.forEach((entry, doc) => {
      const terms = new Map<string, number>();
      let length = 0;
      const add = (texts: readonly string[], weight: number) => {
        if (weight <= 0) return;
        for (const text of texts) {
          for (const term of analyzer.terms(text)) {
            terms.set(term, (terms.get(term) ?? 0) + weight);
            length += weight;
          }
        }
      };
      add(entry.questions[locale], weights.questions);
      add([entry.title[locale]], weights.title);
      add(entry.tags, weights.tags);
      add([entry.answer[locale]], weights.answer);
      lengths.push(length);
      for (const [term, tf] of terms) {
        const list = lists.get(term) ?? { docs: [], weights: [] };
        list.docs.push(doc);
        list.weights.push(tf);
        lists.set(term, list);
      }
    });

    const n = entries.length;
    const avgLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, n);
    this.docNorm = Float64Array.from(lengths.map((l) => options.k1 * (1 - options.b + (options.b * l) / Math.max(1e-9, avgLength))));
    this.scores = new Float64Array(n);
    this.seen = new Uint8Array(n);
    for (const [term, list] of lists) {
      this.postings.set(term, { docs: Int32Array.from(list.docs), weights: Float32Array.from(list.weights) });
      this.idf.set(term, this.idfOf(list.docs.length, n));
    }
    this.unknownIdf = this.idfOf(0, n) * options.unknownWeight;
    this.corrector = options.spelling
      ? new SpellingCorrector(lists.keys(), (term) => lists.get(term)?.docs.length ?? 0)
      : undefined;
  }

  /** Builds the index of `entries` in one locale. */
  static build(
    entries: readonly FaqEntry[],
    locale: Locale,
    analyzer: TextAnalyzer = new TextAnalyzer(),
    options: RankingOptions = DEFAULT_RANKING,
  ): FaqIndex {
    return new FaqIndex(entries, locale, analyzer, options);
  }

  /** Number of entries indexed. */
  get size(): number {
    return this.entryIds.length;
  }

  /** Ranks entries for `question`; at most `limit` are returned, best first. Results are cached per question. */
  search(question: string, limit = 5): SearchOutcome {
    const key = `${limit}\u0000${question}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const outcome = this.compute(question, limit);
    if (this.cache.size >= 5000) this.cache.clear();
    this.cache.set(key, outcome);
    return outcome;
  }

  private idfOf(df: number, n: number): number {
    return this.options.ranking === 'bm25' ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 1 + Math.log((n + 1) / (df + 1));
  }

  /** The known term a search term stands for: itself, or its spelling correction. */
  private resolve(term: string): string {
    if (this.postings.has(term) || !this.corrector) return term;
    return this.corrector.correct(term) ?? term;
  }

  private compute(question: string, limit: number): SearchOutcome {
    const analysis = this.analyzer.analyze(question);
    const terms = new Set(analysis.terms.map((t) => this.resolve(t)));
    const { scores, seen, docNorm, options } = this;
    const bm25 = options.ranking === 'bm25';
    const touched: number[] = [];
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf.get(term)!;
      const { docs, weights } = posting;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const tf = weights[i]!;
        if (seen[d] === 0) {
          seen[d] = 1;
          touched.push(d);
        }
        scores[d] = scores[d]! + (bm25 ? (idf * tf * (options.k1 + 1)) / (tf + docNorm[d]!) : idf * Math.sqrt(tf));
      }
    }

    // Keep the best `limit` documents with a small insertion list: cheaper than sorting thousands.
    const top: { doc: number; score: number }[] = [];
    for (const d of touched) {
      const score = scores[d]!;
      scores[d] = 0;
      seen[d] = 0;
      if (top.length === limit && score <= top[top.length - 1]!.score) continue;
      let i = top.length;
      while (i > 0 && top[i - 1]!.score < score) i--;
      top.splice(i, 0, { doc: d, score });
      if (top.length > limit) top.pop();
    }

    const units = analysis.units.map((u) => ({ ...u, word: this.resolve(u.word) }));
    const weighted = units.map((u) => ({ unit: u, weight: this.unitWeight(u) })).filter((w) => w.weight > 0);
    const total = weighted.reduce((sum, w) => sum + w.weight, 0);
    const known = weighted.reduce((sum, w) => sum + (this.isKnown(w.unit) ? w.weight : 0), 0);
    const ranked = top.map(({ doc, score }) => ({
      id: this.entryIds[doc]!,
      score,
      coverage: total > 0 ? weighted.reduce((sum, w) => sum + w.weight * this.covered(w.unit, doc), 0) / total : 0,
    }));
    return { ranked, words: weighted.length, known: total > 0 ? known / total : 0 };
  }

  private unitWeight(unit: EvidenceUnit): number {
    const idf = this.idf.get(unit.word);
    if (idf !== undefined) return idf;
    // Numbers nothing mentions ("35", "3000") say nothing about the topic either way.
    if (/^\d+$/.test(unit.word)) return 0;
    return this.unknownIdf;
  }

  private isKnown(unit: EvidenceUnit): boolean {
    return this.idf.has(unit.word) || unit.synonyms.some((s) => this.idf.has(s)) || unit.parts.some((p) => this.idf.has(p));
  }

  /** How much (0–1) of one content word document `doc` contains. */
  private covered(unit: EvidenceUnit, doc: number): number {
    if (this.contains(unit.word, doc) || unit.synonyms.some((s) => this.contains(s, doc))) return 1;
    if (unit.parts.length === 0) return 0;
    let found = 0;
    for (const part of unit.parts) if (this.contains(part, doc)) found++;
    return found / unit.parts.length;
  }

  private contains(term: string, doc: number): boolean {
    const posting = this.postings.get(term);
    if (!posting) return false;
    const { docs } = posting;
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = docs[mid]!;
      if (value === doc) return true;
      if (value < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

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
  /** The score as a share (0–1) of the most the question's terms could score: high when they are central to the entry. */
  strength: number;
  /** Share (0–1) of the question's content words, weighted by rarity, that this entry contains. */
  coverage: number;
  /**
   * How much matching evidence (0–1) the entry has regardless of the question's length: the rarity
   * weight of the question words it contains, over that of {@link EVIDENCE_WORDS} of the rarest words.
   * A long story with a few strong words of the entry scores high here, though its coverage is low.
   */
  evidence: number;
}

/** Rare words' worth of matching evidence that counts as full evidence. */
export const EVIDENCE_WORDS = 3;

/** What a search found: entries best first, and how much of the question the index knows at all. */
export interface SearchOutcome {
  ranked: RankedEntry[];
  /** Number of content words in the question. */
  words: number;
  /** Share (0–1) of the question's weight made of words that occur somewhere in the index. */
  known: number;
}

interface Posting {
  /** Documents containing the term, ascending. */
  docs: Int32Array;
  /** The term's score contribution to each of those documents, computed once when the index is built. */
  scores: Float32Array;
}

/** An entry's distinct terms with their weighted counts (compact: kept for every entry between builds), and its weighted length. */
interface DocumentTerms {
  terms: string[];
  counts: Float32Array;
  length: number;
}

function documentTerms(entry: FaqEntry, locale: Locale, analyzer: TextAnalyzer, options: RankingOptions): DocumentTerms {
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
  const { weights } = options;
  add(entry.questions[locale], weights.questions);
  add([entry.title[locale]], weights.title);
  add(entry.tags, weights.tags);
  add([entry.answer[locale]], weights.answer);
  return { terms: [...terms.keys()], counts: Float32Array.from(terms.values()), length };
}

/**
 * Analysed entries kept between index builds. Valid only for one analyzer and ranking; entries not
 * used by the latest build are dropped, so the cache never outgrows the knowledge base.
 */
export class IndexCache {
  private docs = new Map<string, DocumentTerms>();
  private used = new Map<string, DocumentTerms>();
  private owner: { analyzer: TextAnalyzer; options: RankingOptions } | undefined;

  /** Starts a build; forgets everything when the analyzer or ranking changed. */
  prepare(analyzer: TextAnalyzer, options: RankingOptions): void {
    if (this.owner?.analyzer !== analyzer || this.owner.options !== options) {
      this.owner = { analyzer, options };
      this.docs = new Map();
    }
    this.used = new Map();
  }

  get(key: string): DocumentTerms | undefined {
    return this.docs.get(key) ?? this.used.get(key);
  }

  set(key: string, value: DocumentTerms): void {
    this.used.set(key, value);
  }

  /** Ends a build: keeps what it used. */
  sweep(): void {
    this.docs = this.used;
    this.used = new Map();
  }
}

/** A Chinese number with an optional counter (五千, 十五岁, 三个月, 一年); 几 is left out: 几天 asks how long. */
const CHINESE_NUMBER = /^[零一二两三四五六七八九十百千万半\d]+(?:个|年|月|天|岁|口|人|块|元|次|号|周|日|多)*$/u;

/** Above this many documents a term is "common": it only adds to documents rarer terms already found. */
const COMMON_TERM_MIN_DOCS = 64;

/**
 * An in-memory inverted index over the entries of one locale, ranked by BM25 (or TF-IDF). Building
 * is linear in the text; a search touches only the postings of the question's terms.
 */
export class FaqIndex {
  private readonly postings = new Map<string, Posting>();
  private readonly idf = new Map<string, number>();
  private readonly scores: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly entryIds: string[];
  private readonly unknownIdf: number;
  /** The weight of a word no entry contains (the rarest possible). */
  private readonly unknownIdfBase: number;
  private readonly corrector: SpellingCorrector | undefined;

  private constructor(
    entries: readonly FaqEntry[],
    readonly locale: Locale,
    readonly analyzer: TextAnalyzer,
    readonly options: RankingOptions,
    cache: IndexCache | undefined,
  ) {
    this.entryIds = entries.map((e) => e.id);
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    const lengths: number[] = [];
    cache?.prepare(analyzer, options);
    entries.forEach((entry, doc) => {
      const key = cache ? `${locale}\u0000${JSON.stringify(entry)}` : '';
      const analysed = cache?.get(key) ?? documentTerms(entry, locale, analyzer, options);
      cache?.set(key, analysed);
      lengths.push(analysed.length);
      analysed.terms.forEach((term, i) => {
        const list = lists.get(term) ?? { docs: [], weights: [] };
        list.docs.push(doc);
        list.weights.push(analysed.counts[i]!);
        lists.set(term, list);
      });
    });

    const n = entries.length;
    const avgLength = lengths.reduce((sum, l) => sum + l, 0) / Math.max(1, n);
    const docNorm = lengths.map((l) => options.k1 * (1 - options.b + (options.b * l) / Math.max(1e-9, avgLength)));
    this.scores = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    const bm25 = options.ranking === 'bm25';
    for (const [term, list] of lists) {
      const idf = this.idfOf(list.docs.length, n);
      const scores = list.docs.map((d, i) => {
        const tf = list.weights[i]!;
        return bm25 ? (idf * tf * (options.k1 + 1)) / (tf + docNorm[d]!) : idf * Math.sqrt(tf);
      });
      this.postings.set(term, { docs: Int32Array.from(list.docs), scores: Float32Array.from(scores) });
      this.idf.set(term, idf);
    }
    this.unknownIdfBase = this.idfOf(0, n);
    this.unknownIdf = this.unknownIdfBase * options.unknownWeight;
    this.corrector = options.spelling
      ? new SpellingCorrector(lists.keys(), (term) => lists.get(term)?.docs.length ?? 0)
      : undefined;
  }

  /**
   * Builds the index of `entries` in one locale. With a `cache`, entries analysed for an earlier
   * index (same text, same analyzer) are not analysed again, so a rebuild after one edit is quick.
   */
  static build(
    entries: readonly FaqEntry[],
    locale: Locale,
    analyzer: TextAnalyzer = new TextAnalyzer(),
    options: RankingOptions = DEFAULT_RANKING,
    cache?: IndexCache,
  ): FaqIndex {
    const index = new FaqIndex(entries, locale, analyzer, options, cache);
    cache?.sweep();
    return index;
  }

  /** Number of entries indexed. */
  get size(): number {
    return this.entryIds.length;
  }

  /** Ranks entries for `question`; at most `limit` are returned, best first. */
  search(question: string, limit = 5): SearchOutcome {
    return this.compute(question, limit);
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
    // Preallocated buffers: a search allocates next to nothing, which keeps garbage-collection pauses short.
    const { scores, seen, touched } = this;
    let count = 0;
    // Rare terms first. A common term (in many documents) then only adds to documents a rarer term
    // already found, looked up by binary search: with thousands of entries this skips long posting
    // lists, and a document that shares only common words with the question could not win anyway.
    const postings = [...terms].flatMap((t) => this.postings.get(t) ?? []).sort((a, b) => a.docs.length - b.docs.length);
    for (const posting of postings) {
      const { docs, scores: contributions } = posting;
      if (count > 0 && docs.length > COMMON_TERM_MIN_DOCS && docs.length > count * 8) {
        for (let k = 0; k < count; k++) {
          const d = touched[k]!;
          const i = indexOf(docs, d);
          if (i >= 0) scores[d] = scores[d]! + contributions[i]!;
        }
        continue;
      }
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (seen[d] === 0) {
          seen[d] = 1;
          touched[count++] = d;
        }
        scores[d] = scores[d]! + contributions[i]!;
      }
    }

    // Keep the best `limit` documents with a small insertion list: cheaper than sorting thousands.
    const top: { doc: number; score: number }[] = [];
    for (let k = 0; k < count; k++) {
      const d = touched[k]!;
      const score = scores[d]!;
      scores[d] = 0;
      seen[d] = 0;
      if (top.length === limit && score <= top[top.length - 1]!.score) continue;
      let i = top.length;
      while (i > 0 && top[i - 1]!.score < score) i--;
      top.splice(i, 0, { doc: d, score });
      if (top.length > limit) top.pop();
    }

    let ceiling = 0;
    for (const term of terms) ceiling += this.idf.get(term) ?? (/^\d+$/.test(term) ? 0 : this.unknownIdf);
    ceiling *= this.options.ranking === 'bm25' ? this.options.k1 + 1 : 2;
    const units = analysis.units.map((u) => ({ ...u, word: this.resolve(u.word) }));
    const weighted = units.map((u) => ({ unit: u, weight: this.unitWeight(u) })).filter((w) => w.weight > 0);
    const total = weighted.reduce((sum, w) => sum + w.weight, 0);
    const known = weighted.reduce((sum, w) => sum + (this.isKnown(w.unit) ? w.weight : 0), 0);
    const ranked = top.map(({ doc, score }) => {
      const covered = weighted.reduce((sum, w) => sum + w.weight * this.covered(w.unit, doc), 0);
      return {
        id: this.entryIds[doc]!,
        score,
        strength: ceiling > 0 ? Math.min(1, score / ceiling) : 0,
        coverage: total > 0 ? covered / total : 0,
        evidence: Math.min(1, covered / (EVIDENCE_WORDS * this.unknownIdfBase)),
      };
    });
    return { ranked, words: weighted.length, known: total > 0 ? known / total : 0 };
  }

  private unitWeight(unit: EvidenceUnit): number {
    const idf = this.idf.get(unit.word);
    if (idf !== undefined) return idf;
    // Numbers nothing mentions ("35", "3000", 五千, 十五岁, 三个月) say nothing about the topic either way.
    if (/^\d+$/.test(unit.word) || CHINESE_NUMBER.test(unit.word)) return 0;
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
    return posting !== undefined && indexOf(posting.docs, doc) >= 0;
  }
}

/** Position of `doc` in an ascending list, or -1. */
function indexOf(docs: Int32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = docs[mid]!;
    if (value === doc) return mid;
    if (value < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

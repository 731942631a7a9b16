import { ENGLISH_ADVERB_STEMS } from './english-adverbs.js';
import type { Locale } from '../../locales/catalog.js';
import type { FaqEntry } from './faq-entry.js';
import { findSorted, packedCount, packSorted, packStrings, stringAt, type PackedStrings, type SortedStringsData } from './sorted-strings.js';
import { chineseWords, isFunctionChar } from './chinese.js';
import { pinyinKey } from './homophones.js';
import { BIGRAM_PREFIX, TextAnalyzer } from './text-analyzer.js';
import { accumulate, DEFAULT_SOFTMAX, indexOf, passesWithin, trainSoftmax, type SoftmaxOptions, type SoftmaxTrainingSet } from './discriminative.js';

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
  /** Read a Chinese character pair the index does not know as a known pair of the same pinyin (申情 → 申请). */
  homophones: boolean;
  /**
   * The discriminative classifier trained with the index (discriminative.ts), or null for none; with
   * `fuse` > 0 it re-ranks BM25's best entries.
   */
  softmax: SoftmaxOptions | null;
  /** The languages whose index trains the classifier (the others rank by BM25 alone). */
  classified: readonly Locale[];
  /**
   * How much the classifier re-ranks BM25's best `fuseDepth` entries (questions of two content words
   * or more): an entry's score becomes its BM25 score plus `fuse` × the best BM25 score × its log-odds
   * against the classifier's favourite among them, losing at most the best score; 0 keeps BM25's order.
   */
  fuse: number;
  fuseDepth: number;
  /**
   * A story of `words` content words or more is re-ranked `scale` times as strongly: its incidental rare words
   * (a deposit, a room, a station) add up in BM25, while the classifier weighs each word by what it told apart in
   * training.
   */
  storyFuse: { words: number; scale: number };
  /**
   * The languages in which a question made of exactly the terms of one entry's own phrasing (or title) is that
   * entry's ({@link SearchOutcome.phrasingOf}): its other words are stopwords, spelling slips or numbers.
   */
  ownPhrasings: readonly Locale[];
}

export const DEFAULT_RANKING: RankingOptions = {
  ranking: 'bm25',
  k1: 1.2,
  b: 0.75,
  weights: { title: 2, questions: 1, tags: 2, answer: 0 },
  spelling: true,
  unknownWeight: 1,
  homophones: true,
  softmax: DEFAULT_SOFTMAX,
  // English only: re-ranking zh-CN broke three Chinese transcripts (session 11, docs/knowledge-base.md);
  // zh-CN keeps BM25's order and its confidence model.
  classified: ['en'],
  fuse: 0.3,
  fuseDepth: 5,
  // Session 19: measured on the English tuned sets, the report-only pool and the dev half (docs/knowledge-base.md).
  storyFuse: { words: 10, scale: 2 },
  // English only (session 15): measured there; zh-CN's terms are character pairs, rarely a phrasing's exact set.
  ownPhrasings: ['en'],
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
  /**
   * The entry one of whose own phrasings (or its title) has exactly the question's terms, when only one entry has
   * such a phrasing: "do i have to pay anything for this?" is `cost`'s "do i have to pay anything". It is ranked first.
   */
  phrasingOf?: string;
  /**
   * The most of the question's content words that one phrasing (or the title) of the best entry holds together
   * (English, where the index keeps the phrasings' term sets): 1 when each word came from another phrasing, as in an
   * off-topic question that shares a word or two with several of an entry's phrasings.
   */
  together?: number;
}

/** An entry's distinct terms with their weighted counts (compact: kept for every entry between builds), and its weighted length. */
interface DocumentTerms {
  terms: string[];
  counts: Float32Array;
  length: number;
  /** The classifier's training examples (each phrasing, the title, the tags): distinct terms, concatenated. */
  examples: string[];
  /** Example `e`'s terms are `examples[exampleStarts[e] .. exampleStarts[e+1])`. */
  exampleStarts: Int32Array;
  /** The first this many examples are the phrasings and the title (the tags, if any, come after). */
  sayings: number;
}

function documentTerms(entry: FaqEntry, locale: Locale, analyzer: TextAnalyzer, options: RankingOptions): DocumentTerms {
  const terms = new Map<string, number>();
  let length = 0;
  const examples: string[] = [];
  const exampleStarts = [0];
  const add = (texts: readonly string[], weight: number, asExamples: 'each' | 'one' | 'none') => {
    if (weight <= 0) return;
    let example = new Set<string>();
    for (const text of texts) {
      for (const term of analyzer.terms(text)) {
        terms.set(term, (terms.get(term) ?? 0) + weight);
        length += weight;
        example.add(term);
      }
      if (asExamples === 'each' && example.size > 0) {
        examples.push(...example);
        exampleStarts.push(examples.length);
        example = new Set();
      }
    }
    if (asExamples === 'one' && example.size > 0) {
      examples.push(...example);
      exampleStarts.push(examples.length);
    }
  };
  const { weights } = options;
  add(entry.questions[locale], weights.questions, 'each');
  add([entry.title[locale]], weights.title, 'one');
  const sayings = exampleStarts.length - 1;
  // The tags are one example, as the title is.
  add(entry.tags, weights.tags, 'one');
  add([entry.answer[locale]], weights.answer, 'none');
  return { terms: [...terms.keys()], counts: Float32Array.from(terms.values()), length, examples, exampleStarts: Int32Array.from(exampleStarts), sayings };
}

/**
 * {@link DocumentTerms} with each term as its number in a {@link Lexicon} instead of a string: what
 * the cache keeps, so thousands of entries' terms are not kept as millions of separate strings.
 */
interface NumberedTerms extends Omit<DocumentTerms, 'terms' | 'examples'> {
  numbers: Int32Array;
  /** The training examples' terms as numbers. */
  examples: Int32Array;
}

/**
 * Numbers for terms, kept with the cache between builds: a build then counts and places the postings
 * of cached entries by number, without looking up millions of term strings. Terms of entries since
 * edited or removed keep their numbers until the analyzer changes (a few per edit).
 */
class Lexicon {
  private readonly numbers = new Map<string, number>();
  readonly terms: string[] = [];

  numberAll(terms: readonly string[]): Int32Array {
    return Int32Array.from(terms, (term) => this.numberOf(term));
  }

  numberOf(term: string): number {
    let k = this.numbers.get(term);
    if (k === undefined) {
      k = this.terms.length;
      this.numbers.set(term, k);
      this.terms.push(term);
    }
    return k;
  }
}

/**
 * Analysed entries kept between index builds. Valid only for one analyzer and ranking; entries not
 * used by the latest build are dropped, so the cache never outgrows the knowledge base.
 */
export class IndexCache {
  private docs = new Map<string, NumberedTerms>();
  private used = new Map<string, NumberedTerms>();
  /** The term numbers of the analyses kept here (replaced with them when the analyzer changes). */
  lexicon = new Lexicon();
  private owner: { analyzer: TextAnalyzer; options: RankingOptions } | undefined;
  /**
   * Each entry object's key, made once: the index worker keeps its entry objects between builds, so
   * a rebuild after an edit neither serialises nor hashes the thousands of unchanged entries again.
   */
  private readonly keys = new WeakMap<FaqEntry, Partial<Record<Locale, string>>>();

  /** The cache key of an entry's analysis in `locale`: its whole content, so an edited entry is analysed again. */
  keyOf(entry: FaqEntry, locale: Locale): string {
    // One key per language: the same entry object is built in both.
    const keys = this.keys.get(entry) ?? {};
    let key = keys[locale];
    if (key === undefined) {
      key = `${locale}\u0000${JSON.stringify(entry)}`;
      keys[locale] = key;
      this.keys.set(entry, keys);
    }
    return key;
  }

  /** Starts a build; forgets everything when the analyzer or ranking changed. */
  prepare(analyzer: TextAnalyzer, options: RankingOptions): void {
    if (this.owner?.analyzer !== analyzer || this.owner.options !== options) {
      this.owner = { analyzer, options };
      this.docs = new Map();
      this.lexicon = new Lexicon();
    }
    this.used = new Map();
  }

  get(key: string): NumberedTerms | undefined {
    return this.docs.get(key) ?? this.used.get(key);
  }

  set(key: string, value: NumberedTerms): void {
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

/**
 * English stems of dates, times and amounts: month names (as stemmed: octob, septemb) and their short forms, weekdays
 * (tuesdai) and the weekend, hours and minutes, and numbers with an ending (3rd, 9pm, 20k, 5000yuan, 16yo, 1990s). When
 * no entry mentions one, it says nothing about the topic, as a bare number does not: "my employer hasnt paid me since
 * october" is not less about wages for "october", nor "is 12348 free to call and what hours its open" about the
 * hotline for "hours" (session 16: it weighed as the rarest word and the question got buttons).
 */
const ENGLISH_DATE_OR_AMOUNT =
  /^(?:januari|februari|march|april|june|juli|august|septemb|octob|novemb|decemb|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mondai|tuesdai|wednesdai|thursdai|fridai|saturdai|sundai|tue|tues|thur|thurs|weekend|hour|minut|\d+(?:st|nd|rd|th|am|pm|k|yuan|rmb|kuai|usd|dollar|hr|hour|min|dai|month|year|yr|week|yo|s))$/;

/**
 * A term no entry needs to mention for a question to be about it: a number, a Chinese amount, an English date or amount,
 * or an English adverb (roughly, fully, somehow, quickly: how, not what; session 17). Read only for a term the index
 * does not know: unknown, each weighed as the rarest word ("how much will legal aid cost me roughly" got "I do not know").
 */
function saysNothing(term: string): boolean {
  return /^\d+$/.test(term) || CHINESE_NUMBER.test(term) || ENGLISH_DATE_OR_AMOUNT.test(term) || ENGLISH_ADVERB_STEMS.has(term);
}

/** The entries whose phrasings' term sets a search index keeps at most (see `FaqIndex.together`). */
const PHRASING_SETS_KEPT = 1000;

/** English words shorter than this are not spelling-corrected: too many short words are other real words (wifi → wife). */
const SPELLING_MIN_LENGTH = 6;

/**
 * Everything a built index holds, as typed arrays (strings packed as UTF-16 code units): what a worker
 * thread builds and hands to the main thread in a shared buffer (worker/shared-index.ts), with no
 * strings or lists to copy, and what the main thread searches in place. Term `t` (position in
 * `terms`, sorted) occurs in documents `docs[postingStarts[t] .. postingStarts[t+1])`, ascending, with
 * the BM25 (or TF-IDF) contributions in `scores` at the same positions, computed once at build time.
 */
export interface IndexData {
  locale: Locale;
  options: RankingOptions;
  /** Entry `d`'s id is stringAt(entryIds, d). */
  entryIds: PackedStrings;
  terms: SortedStringsData;
  postingStarts: Int32Array;
  docs: Int32Array;
  scores: Float32Array;
  idf: Float64Array;
  /** The weight of a word no entry contains (the rarest possible). */
  unknownIdfBase: number;
  /**
   * Symmetric-delete spelling table: each English vocabulary term of SPELLING_MIN_LENGTH letters or
   * more, and its one-letter deletions, as keys; the terms each key stands for in `candidates`.
   */
  spelling: CorrectionTable | null;
  /** Homophone table: the toneless pinyin of each Chinese character-pair term as keys, the terms as candidates. */
  homophones: CorrectionTable | null;
  /** The discriminative classifier's weight at each posting (empty without one; see discriminative.ts). */
  softmax: Float32Array;
  /**
   * The phrasings' and titles' term sets (sorted term positions, joined by spaces) as keys, and for key `k` the entry
   * whose phrasing it is, `owners[k]`, or -1 when phrasings of two entries have it (null: not in this language).
   */
  phrasings: { keys: SortedStringsData; owners: Int32Array } | null;
}

/** Keys (packed, sorted) and, for key `k`, the term positions `candidates[candidateStarts[k] .. candidateStarts[k+1])`. */
export interface CorrectionTable {
  keys: SortedStringsData;
  candidateStarts: Int32Array;
  candidates: Int32Array;
}

function idfOf(options: RankingOptions, df: number, n: number): number {
  return options.ranking === 'bm25' ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 1 + Math.log((n + 1) / (df + 1));
}

/**
 * Builds the data of the index of `entries` in one locale. With a `cache`, entries analysed for an
 * earlier build (same text, same analyzer) are not analysed again. Pure computation: runs on the main
 * thread for small knowledge bases and tests, and in the index worker for the bot.
 */
export function buildIndexData(
  entries: readonly FaqEntry[],
  locale: Locale,
  analyzer: TextAnalyzer,
  options: RankingOptions = DEFAULT_RANKING,
  cache?: IndexCache,
): IndexData {
  // Typed arrays throughout, no list per term: a rebuild after each edit (in the worker, over
  // thousands of entries) then leaves little garbage, and its collections little work for the cores
  // the main thread needs.
  const n = entries.length;
  cache?.prepare(analyzer, options);
  const lexicon = cache?.lexicon ?? new Lexicon();
  const analysedDocs: NumberedTerms[] = [];
  let total = 0;
  for (const entry of entries) {
    const key = cache ? cache.keyOf(entry, locale) : '';
    let analysed = cache?.get(key);
    if (!analysed) {
      const terms = documentTerms(entry, locale, analyzer, options);
      analysed = {
        counts: terms.counts,
        length: terms.length,
        numbers: lexicon.numberAll(terms.terms),
        examples: lexicon.numberAll(terms.examples),
        exampleStarts: terms.exampleStarts,
        sayings: terms.sayings,
      };
    }
    cache?.set(key, analysed);
    analysedDocs.push(analysed);
    total += analysed.numbers.length;
  }
  cache?.sweep();

  const avgLength = analysedDocs.reduce((sum, a) => sum + a.length, 0) / Math.max(1, n);
  const docNorm = analysedDocs.map((a) => options.k1 * (1 - options.b + (options.b * a.length) / Math.max(1e-9, avgLength)));
  const bm25 = options.ranking === 'bm25';
  /** Each term number's number of documents. */
  const df = new Int32Array(lexicon.terms.length);
  for (const analysed of analysedDocs) for (const k of analysed.numbers) df[k]!++;
  const { data: terms, order } = packSorted(lexicon.terms.filter((_, k) => df[k]! > 0));
  /** Sorted position of each term number. */
  const positions = new Int32Array(lexicon.terms.length);
  const postingStarts = new Int32Array(order.length + 1);
  let offset = 0;
  order.forEach((term, t) => {
    const k = lexicon.numberOf(term);
    positions[k] = t;
    postingStarts[t] = offset;
    offset += df[k]!;
  });
  postingStarts[order.length] = offset;
  // Postings in document order (so ascending within each term), each score first holding the weighted count.
  const docs = new Int32Array(total);
  const scores = new Float32Array(total);
  const next = postingStarts.slice(0, order.length);
  analysedDocs.forEach((analysed, d) => {
    for (let i = 0; i < analysed.numbers.length; i++) {
      const at = next[positions[analysed.numbers[i]!]!]!++;
      docs[at] = d;
      scores[at] = analysed.counts[i]!;
    }
  });
  const idf = new Float64Array(order.length);
  for (let t = 0; t < order.length; t++) {
    const termIdf = idfOf(options, postingStarts[t + 1]! - postingStarts[t]!, n);
    idf[t] = termIdf;
    for (let at = postingStarts[t]!; at < postingStarts[t + 1]!; at++) {
      const tf = scores[at]!;
      const d = docs[at]!;
      scores[at] = bm25 ? (termIdf * tf * (options.k1 + 1)) / (tf + docNorm[d]!) : termIdf * Math.sqrt(tf);
    }
  }
  // Untrained, the classifier would only repeat BM25: a knowledge base too large to train within the budget has none.
  const trained = options.softmax !== null && options.classified.includes(locale) && passesWithin(trainingVisits(analysedDocs, positions, postingStarts), options.softmax.epochs) > 0;
  const softmax = trained ? trainSoftmax(trainingSet(analysedDocs, positions, postingStarts, docs), options.softmax!, scores) : new Float32Array(0);
  return {
    locale,
    options,
    entryIds: packStrings(entries.map((e) => e.id)),
    terms,
    postingStarts,
    docs,
    scores,
    idf,
    unknownIdfBase: idfOf(options, 0, n),
    spelling: options.spelling ? spellingTable(order) : null,
    homophones: options.homophones ? homophoneTable(order) : null,
    softmax,
    phrasings: options.ownPhrasings.includes(locale) ? phrasingTable(analysedDocs, positions) : null,
  };
}

/** The key of a set of term positions: sorted, joined by spaces. */
function termSetKey(positions: Iterable<number>): string {
  return [...new Set(positions)].sort((a, b) => a - b).join(' ');
}

/** Each phrasing's (and title's) term set, with the entry that has it, or -1 when two entries do. */
function phrasingTable(analysedDocs: readonly NumberedTerms[], positions: Int32Array): { keys: SortedStringsData; owners: Int32Array } {
  const owners = new Map<string, number>();
  analysedDocs.forEach((a, d) => {
    for (let k = 0; k < a.sayings; k++) {
      const key = termSetKey(Array.from(a.examples.subarray(a.exampleStarts[k]!, a.exampleStarts[k + 1]!), (n) => positions[n]!));
      const owner = owners.get(key);
      owners.set(key, owner === undefined || owner === d ? d : -1);
    }
  });
  const { data: keys, order } = packSorted(owners.keys());
  return { keys, owners: Int32Array.from(order, (key) => owners.get(key)!) };
}

/** The postings one training pass visits at most: each example's terms' entries. */
function trainingVisits(analysedDocs: readonly NumberedTerms[], positions: Int32Array, postingStarts: Int32Array): number {
  let visits = 0;
  for (const a of analysedDocs) {
    for (const n of a.examples) visits += postingStarts[positions[n]! + 1]! - postingStarts[positions[n]!]!;
  }
  return visits;
}

/** The classifier's examples with their terms as sorted positions, rarest first (the order a search adds them in). */
function trainingSet(analysedDocs: readonly NumberedTerms[], positions: Int32Array, postingStarts: Int32Array, docs: Int32Array): SoftmaxTrainingSet {
  let examples = 0;
  let total = 0;
  for (const a of analysedDocs) {
    examples += a.exampleStarts.length - 1;
    total += a.examples.length;
  }
  const labels = new Int32Array(examples);
  const exampleStarts = new Int32Array(examples + 1);
  const terms = new Int32Array(total);
  const df = (t: number) => postingStarts[t + 1]! - postingStarts[t]!;
  let e = 0;
  let at = 0;
  analysedDocs.forEach((a, d) => {
    for (let k = 0; k + 1 < a.exampleStarts.length; k++) {
      labels[e] = d;
      exampleStarts[e] = at;
      const mine = Array.from(a.examples.subarray(a.exampleStarts[k]!, a.exampleStarts[k + 1]!), (n) => positions[n]!);
      mine.sort((x, y) => df(x) - df(y) || x - y);
      terms.set(mine, at);
      at += mine.length;
      e++;
    }
  });
  exampleStarts[examples] = at;
  return { classes: analysedDocs.length, postingStarts, docs, labels, exampleStarts, terms };
}

function spellingTable(order: readonly string[]): CorrectionTable {
  const byKey = new Map<string, number[]>();
  order.forEach((term, t) => {
    if (term.length < SPELLING_MIN_LENGTH || !/^[a-z]+$/.test(term)) return;
    for (const key of [term, ...deletions(term)]) addCandidate(byKey, key, t);
  });
  return packCorrections(byKey);
}

function homophoneTable(order: readonly string[]): CorrectionTable {
  const byKey = new Map<string, number[]>();
  order.forEach((term, t) => {
    if (isHanBigramTerm(term)) addCandidate(byKey, pinyinKey(term.slice(BIGRAM_PREFIX.length)), t);
  });
  return packCorrections(byKey);
}

const HAN_BIGRAM_TERM = new RegExp(`^${BIGRAM_PREFIX}\\p{Script=Han}{2}$`, 'u');

function isHanBigramTerm(term: string): boolean {
  return HAN_BIGRAM_TERM.test(term);
}

function addCandidate(byKey: Map<string, number[]>, key: string, t: number): void {
  const list = byKey.get(key);
  if (!list) byKey.set(key, [t]);
  else if (!list.includes(t)) list.push(t);
}

function packCorrections(byKey: Map<string, number[]>): CorrectionTable {
  const { data: keys, order: keyOrder } = packSorted(byKey.keys());
  const candidateStarts = new Int32Array(keyOrder.length + 1);
  let total = 0;
  keyOrder.forEach((key, k) => {
    candidateStarts[k] = total;
    total += byKey.get(key)!.length;
  });
  candidateStarts[keyOrder.length] = total;
  const candidates = new Int32Array(total);
  keyOrder.forEach((key, k) => candidates.set(byKey.get(key)!, candidateStarts[k]!));
  return { keys, candidateStarts, candidates };
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * An in-memory inverted index over the entries of one locale, ranked by BM25 (or TF-IDF). Building
 * is linear in the text; a search touches only the postings of the question's terms. The index is
 * immutable: a rebuilt one replaces it whole.
 */
export class FaqIndex {
  private readonly scores: Float64Array;
  /** Per entry, the classifier's summed weights for the question being searched (its logit). */
  private readonly softmaxSums: Float64Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  private readonly unknownIdf: number;
  /** Per entry, its phrasings' term sets (see {@link together}), made when a search first needs them. */
  private readonly phrasingSets = new Map<number, { terms: Int32Array; starts: Int32Array }>();
  readonly locale: Locale;
  readonly options: RankingOptions;

  private constructor(
    private readonly data: IndexData,
    readonly analyzer: TextAnalyzer,
  ) {
    const n = packedCount(data.entryIds);
    this.locale = data.locale;
    this.options = data.options;
    this.scores = new Float64Array(n);
    this.softmaxSums = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.unknownIdf = data.unknownIdfBase * data.options.unknownWeight;
  }

  /**
   * Builds the index of `entries` in one locale. With a `cache`, entries analysed for an earlier
   * index (same text, same analyzer) are not analysed again, so a rebuild after one edit is quicker.
   */
  static build(
    entries: readonly FaqEntry[],
    locale: Locale,
    analyzer: TextAnalyzer = new TextAnalyzer(),
    options: RankingOptions = DEFAULT_RANKING,
    cache?: IndexCache,
  ): FaqIndex {
    return new FaqIndex(buildIndexData(entries, locale, analyzer, options, cache), analyzer);
  }

  /** An index over data built elsewhere (the index worker); `analyzer` must match the one it was built with. */
  static fromData(data: IndexData, analyzer: TextAnalyzer): FaqIndex {
    return new FaqIndex(data, analyzer);
  }

  /** Number of entries indexed. */
  get size(): number {
    return packedCount(this.data.entryIds);
  }

  /** Ranks entries for `question`; at most `limit` are returned, best first. */
  search(question: string, limit = 5): SearchOutcome {
    return this.compute(question, limit);
  }

  private termId(term: string): number {
    return findSorted(this.data.terms, term);
  }

  private df(t: number): number {
    return this.data.postingStarts[t + 1]! - this.data.postingStarts[t]!;
  }

  /** The known term a search term stands for (itself, its spelling correction or its homophone), or -1. */
  private resolve(term: string): number {
    const t = this.termId(term);
    if (t >= 0) return t;
    // A month is not a slip of another word ("octob" is not "doctor").
    if (ENGLISH_DATE_OR_AMOUNT.test(term)) return -1;
    const { spelling } = this.data;
    // One letter shorter than the vocabulary's words: a stem missing a letter (aplic → applic, from
    // "aplication") finds its word, while short stems are never changed into other short words.
    if (!spelling || term.length < SPELLING_MIN_LENGTH - 1 || !/^[a-z]+$/.test(term)) return -1;
    return this.mostCommon(spelling, [term, ...deletions(term)]);
  }

  /** Of the terms a correction table gives for any of `keys`, the one in most entries, or -1. */
  private mostCommon(table: CorrectionTable, keys: readonly string[]): number {
    let best = -1;
    for (const key of keys) {
      const k = findSorted(table.keys, key);
      if (k < 0) continue;
      for (let i = table.candidateStarts[k]!; i < table.candidateStarts[k + 1]!; i++) {
        const candidate = table.candidates[i]!;
        if (best < 0 || this.df(candidate) > this.df(best)) best = candidate;
      }
    }
    return best;
  }

  /**
   * The question with homophone typos of Chinese character pairs replaced (申情 → 申请): a pair the
   * index does not know becomes the known pair of the same toneless pinyin, when that makes more of
   * the run's pairs known (so 我想报警 keeps 想 even if some 相报 were known), lands inside a word the
   * index knows, and changes no function character.
   */
  correctHomophones(question: string): string {
    const table = this.data.homophones;
    if (!table) return question;
    return question.replace(/\p{Script=Han}{2,}/gu, (run) => {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = chars[i]! + chars[i + 1]!;
        if (this.knowsPair(pair)) continue;
        const t = this.mostCommon(table, [pinyinKey(pair)]);
        if (t < 0) continue;
        const replacement = [...stringAt(this.data.terms, t).slice(BIGRAM_PREFIX.length)];
        const candidate = [...chars];
        candidate[i] = replacement[0]!;
        candidate[i + 1] = replacement[1]!;
        const changed = [i, i + 1].filter((k) => candidate[k] !== chars[k]);
        // Particles and pronouns are typed right and stay (号吗 is not 号码).
        if (changed.some((k) => isFunctionChar(chars[k]!))) continue;
        if (this.knownPairs(candidate, i - 1, i + 2) > this.knownPairs(chars, i - 1, i + 2) && this.inKnownWords(candidate, changed)) {
          chars.splice(0, chars.length, ...candidate);
        }
      }
      return chars.join('');
    });
  }

  /**
   * True when each changed position lies inside a word of two or more characters that the index
   * knows, in the corrected run's segmentation: 申情 → 申请 makes the word 申请; 明天限号 → 明天线号
   * makes only the loose characters 线 and 号, so it is not corrected.
   */
  private inKnownWords(chars: readonly string[], positions: readonly number[]): boolean {
    const words = chineseWords(chars.join(''));
    return positions.every((p) => words.some(({ word, index }) => index <= p && p < index + word.length && word.length >= 2 && this.termId(word) >= 0));
  }

  private knowsPair(pair: string): boolean {
    return this.termId(BIGRAM_PREFIX + pair) >= 0;
  }

  /** Known character pairs starting at positions from..to of `chars`. */
  private knownPairs(chars: readonly string[], from: number, to: number): number {
    let known = 0;
    for (let i = Math.max(0, from); i <= to && i + 1 < chars.length; i++) if (this.knowsPair(chars[i]! + chars[i + 1]!)) known++;
    return known;
  }

  private compute(question: string, limit: number): SearchOutcome {
    const analysis = this.analyzer.analyze(this.correctHomophones(question));
    const { postingStarts, docs, scores: contributions, idf } = this.data;
    const ids = new Set<number>();
    const resolved = new Map<string, number>();
    const idOf = (term: string) => {
      let t = resolved.get(term);
      if (t === undefined) {
        t = this.resolve(term);
        resolved.set(term, t);
      }
      return t;
    };
    let unknownTerms = 0;
    for (const term of new Set(analysis.terms)) {
      const t = idOf(term);
      if (t >= 0) ids.add(t);
      else if (!saysNothing(term)) unknownTerms++;
    }
    // Preallocated buffers: a search allocates next to nothing, which keeps garbage-collection pauses short.
    const { scores, softmaxSums, seen, touched } = this;
    const { softmax } = this.data;
    const classify = softmax.length > 0;
    // Rare terms first. A common term (in many documents) then only adds to documents a rarer term
    // already found, looked up by binary search: with thousands of entries this skips long posting
    // lists, and a document that shares only common words with the question could not win anyway.
    const order = [...ids].sort((a, b) => this.df(a) - this.df(b));
    const count = accumulate(postingStarts, docs, order, 0, order.length, seen, touched, (i, d) => {
      scores[d] = scores[d]! + contributions[i]!;
      if (classify) softmaxSums[d] = softmaxSums[d]! + softmax[i]!;
    });

    // Keep the best documents with a small insertion list: cheaper than sorting thousands.
    const fusing = classify && this.options.fuse > 0;
    const keep = fusing ? Math.max(limit, this.options.fuseDepth) : limit;
    const top: { doc: number; score: number; logit: number }[] = [];
    for (let k = 0; k < count; k++) {
      const d = touched[k]!;
      const score = scores[d]!;
      const logit = softmaxSums[d]!;
      scores[d] = 0;
      softmaxSums[d] = 0;
      seen[d] = 0;
      if (top.length === keep && score <= top[top.length - 1]!.score) continue;
      let i = top.length;
      while (i > 0 && top[i - 1]!.score < score) i--;
      top.splice(i, 0, { doc: d, score, logit });
      if (top.length > keep) top.pop();
    }
    let ceiling = unknownTerms * this.unknownIdf;
    for (const t of ids) ceiling += idf[t]!;
    ceiling *= this.options.ranking === 'bm25' ? this.options.k1 + 1 : 2;
    const units = analysis.units.map((u) => ({ word: idOf(u.word), raw: u.word, parts: u.parts.map(idOf), synonyms: u.synonyms.map(idOf) }));
    const weighted = units.map((unit) => ({ unit, weight: this.unitWeight(unit.word, unit.raw) })).filter((w) => w.weight > 0);
    const total = weighted.reduce((sum, w) => sum + w.weight, 0);
    const known = weighted.reduce((sum, w) => sum + (this.isKnown(w.unit) ? w.weight : 0), 0);
    // BM25's best few re-ranked: each loses up to the best score by its log-odds against the classifier's
    // favourite among them. Not for a question of one content word: both would follow the same word, and
    // the rules for one-word questions (decideBand) read BM25's margin.
    if (fusing && top.length > 1 && weighted.length > 1) {
      const best = top[0]!.score;
      const favourite = Math.max(...top.map((x) => x.logit));
      const story = this.options.storyFuse;
      const fuse = this.options.fuse * (weighted.length >= story.words ? story.scale : 1);
      for (const x of top) x.score += best * Math.max(-1, fuse * (x.logit - favourite));
      top.sort((x, y) => y.score - x.score || x.doc - y.doc);
    }
    // A question in the very terms of one entry's phrasing is that entry's, first whatever the scores.
    const owner = unknownTerms === 0 && ids.size > 0 ? this.phrasingOwner(ids) : -1;
    if (owner >= 0) {
      const at = top.findIndex((x) => x.doc === owner);
      const mine = at >= 0 ? top.splice(at, 1)[0]! : { doc: owner, score: this.scoreOf(owner, ids), logit: 0 };
      top.unshift(mine);
    }
    top.splice(limit);

    const ranked = top.map(({ doc, score }) => {
      const covered = weighted.reduce((sum, w) => sum + w.weight * this.covered(w.unit, doc), 0);
      return {
        id: stringAt(this.data.entryIds, doc),
        score,
        strength: ceiling > 0 ? Math.min(1, score / ceiling) : 0,
        coverage: total > 0 ? covered / total : 0,
        evidence: Math.min(1, covered / (EVIDENCE_WORDS * this.data.unknownIdfBase)),
      };
    });
    const together = top.length > 0 && this.data.phrasings ? this.together(weighted.map((w) => w.unit), top[0]!.doc) : undefined;
    return {
      ranked,
      words: weighted.length,
      known: total > 0 ? known / total : 0,
      ...(owner >= 0 ? { phrasingOf: stringAt(this.data.entryIds, owner) } : {}),
      ...(together !== undefined ? { together } : {}),
    };
  }

  /** The most of `units` one phrasing (or the title) of document `doc` holds; phrasings two entries share are left out. */
  private together(units: readonly ResolvedUnit[], doc: number): number {
    const { terms, starts } = this.phrasingsOf(doc);
    let best = 0;
    for (let p = 0; p + 1 < starts.length; p++) {
      const from = starts[p]!;
      const to = starts[p + 1]!;
      let held = 0;
      for (const unit of units) if (indexOf(terms, from, to, unit.word) >= 0 || unit.synonyms.some((s) => indexOf(terms, from, to, s) >= 0)) held++;
      if (held > best) best = held;
    }
    return best;
  }

  /**
   * Document `doc`'s phrasings' and title's term sets (sorted term positions, phrasing `p` at
   * `terms[starts[p] .. starts[p+1])`), read from the phrasing table when a search first needs them; at most
   * {@link PHRASING_SETS_KEPT} entries' are kept.
   */
  private phrasingsOf(doc: number): { terms: Int32Array; starts: Int32Array } {
    let sets = this.phrasingSets.get(doc);
    if (sets === undefined) {
      const terms: number[] = [];
      const starts = [0];
      const table = this.data.phrasings;
      if (table) {
        for (let k = 0; k < table.owners.length; k++) {
          if (table.owners[k] !== doc) continue;
          const key = stringAt(table.keys, k);
          if (key !== '') for (const t of key.split(' ')) terms.push(Number(t));
          starts.push(terms.length);
        }
      }
      sets = { terms: Int32Array.from(terms), starts: Int32Array.from(starts) };
      if (this.phrasingSets.size >= PHRASING_SETS_KEPT) this.phrasingSets.clear();
      this.phrasingSets.set(doc, sets);
    }
    return sets;
  }

  /** The entry whose own phrasing has exactly the terms `ids`, or -1 (none, or two entries'). */
  private phrasingOwner(ids: ReadonlySet<number>): number {
    const table = this.data.phrasings;
    if (!table) return -1;
    const k = findSorted(table.keys, termSetKey(ids));
    return k < 0 ? -1 : table.owners[k]!;
  }

  /** BM25's score of document `doc` for the terms `ids` (for an entry the kept best few left out). */
  private scoreOf(doc: number, ids: ReadonlySet<number>): number {
    const { postingStarts, docs, scores } = this.data;
    let score = 0;
    for (const t of ids) {
      const at = indexOf(docs, postingStarts[t]!, postingStarts[t + 1]!, doc);
      if (at >= 0) score += scores[at]!;
    }
    return score;
  }

  private unitWeight(t: number, raw: string): number {
    if (t >= 0) return this.data.idf[t]!;
    // Numbers nothing mentions ("35", "3000", 五千, 十五岁, 三个月) say nothing about the topic either way.
    if (saysNothing(raw)) return 0;
    return this.unknownIdf;
  }

  private isKnown(unit: ResolvedUnit): boolean {
    return unit.word >= 0 || unit.synonyms.some((s) => s >= 0) || unit.parts.some((p) => p >= 0);
  }

  /** How much (0–1) of one content word document `doc` contains. */
  private covered(unit: ResolvedUnit, doc: number): number {
    if (this.contains(unit.word, doc) || unit.synonyms.some((s) => this.contains(s, doc))) return 1;
    if (unit.parts.length === 0) return 0;
    let found = 0;
    for (const part of unit.parts) if (this.contains(part, doc)) found++;
    return found / unit.parts.length;
  }

  private contains(t: number, doc: number): boolean {
    return t >= 0 && indexOf(this.data.docs, this.data.postingStarts[t]!, this.data.postingStarts[t + 1]!, doc) >= 0;
  }
}

/** A content word of a question with its terms resolved to term positions (-1: unknown). */
interface ResolvedUnit {
  word: number;
  raw: string;
  parts: number[];
  synonyms: number[];
}

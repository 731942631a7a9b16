/**
 * A discriminative ranker beside BM25: multinomial logistic regression (softmax over entries) whose
 * weights live on the index's postings — one weight per (term, entry that contains the term), none
 * for a term an entry lacks. Trained on the entries' own texts only (each phrasing, the title, the
 * tags: one example each, its distinct terms as binary features), so a word found in many entries
 * ("lawyer", "free", "help") learns small weights: it does not tell them apart. Pure computation over
 * typed arrays; deterministic for a given seed.
 */

/** How the classifier is trained; the defaults are the ones measured (docs/knowledge-base.md, session 11). */
export interface SoftmaxOptions {
  /** Passes over the examples. */
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty per update of a weight. */
  l2: number;
  /** Seed of the order the examples are visited in. */
  seed: number;
  /**
   * Scale of the prior: the weights start at, and the L2 penalty pulls them towards, this times the
   * postings' BM25 contributions (0: towards 0). The classifier then corrects BM25 where the entries'
   * own texts say it is wrong, rather than learning from nothing.
   */
  prior: number;
  /**
   * Trainings averaged: the weights of `ensemble` trainings, each visiting the examples in its own order (seeds
   * `seed`, `seed + 1`, …), are averaged. One training's weights depend on the order it met the examples in, so any
   * new phrasing (which reshuffles every pass) moved unrelated questions; the average depends much less on it.
   */
  ensemble?: number;
}

/**
 * Most postings a training may visit (over all its passes), about a second of the worker's time: a
 * knowledge base too large for `epochs` passes gets fewer, and one too large for a single pass gets
 * no classifier (BM25 alone ranks; see `buildIndexData`).
 */
export const TRAINING_BUDGET = 10_000_000;

export const DEFAULT_SOFTMAX: SoftmaxOptions = { epochs: 4, rate: 0.3, l2: 0.01, seed: 11, prior: 0.5, ensemble: 1 };

/**
 * The index's posting lists (term `t` occurs in the entries `docs[postingStarts[t] .. postingStarts[t+1])`,
 * ascending) and the training examples: example `e` is of entry `labels[e]` and has the distinct term
 * positions `terms[exampleStarts[e] .. exampleStarts[e+1])`, rarest first.
 */
export interface SoftmaxTrainingSet {
  classes: number;
  postingStarts: Int32Array;
  docs: Int32Array;
  labels: Int32Array;
  exampleStarts: Int32Array;
  terms: Int32Array;
}

/**
 * Above this many entries a term only adds to entries that rarer terms of the same text already
 * reached (as in the BM25 search, so training and search see the same candidates); the entries it
 * alone would reach count with score 0.
 */
export const COMMON_TERM_MIN_DOCS = 64;

/**
 * Collects the entries a text's terms reach and their summed weights, the way both training and search
 * do: every posting of a rare term; of a common term, only those of entries already reached. Calls
 * `visit(posting, entry)` for each posting used. Returns the number of entries reached (in `touched`).
 */
export function accumulate(
  postingStarts: Int32Array,
  docs: Int32Array,
  terms: ArrayLike<number>,
  from: number,
  to: number,
  seen: Uint8Array,
  touched: Int32Array,
  visit: (posting: number, doc: number) => void,
): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const t = terms[k]!;
    const start = postingStarts[t]!;
    const end = postingStarts[t + 1]!;
    if (count > 0 && end - start > COMMON_TERM_MIN_DOCS && end - start > count * 8) {
      for (let j = 0; j < count; j++) {
        const d = touched[j]!;
        const i = indexOf(docs, start, end, d);
        if (i >= 0) visit(i, d);
      }
      continue;
    }
    for (let i = start; i < end; i++) {
      const d = docs[i]!;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched[count++] = d;
      }
      visit(i, d);
    }
  }
  return count;
}

/** A small deterministic generator (mulberry32): the same seed visits the examples in the same order. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains the classifier by AdaGrad on the softmax's log-loss and returns one weight per posting
 * (aligned with `docs`). An entry that none of an example's terms reaches scores 0 and has no weight
 * to update, so a step costs the example's postings, not the number of entries. With `ensemble` > 1
 * the weights of that many trainings (seeds `seed`, `seed + 1`, …) are averaged, as many as fit in
 * {@link TRAINING_BUDGET} with full passes (at least one).
 */
export function trainSoftmax(set: SoftmaxTrainingSet, options: SoftmaxOptions = DEFAULT_SOFTMAX, bm25?: Float32Array): Float32Array {
  let visits = 0;
  for (const t of set.terms) visits += set.postingStarts[t + 1]! - set.postingStarts[t]!;
  // The trainings share the budget: a knowledge base too large for all of them at full passes gets fewer.
  const runs = trainingsWithin(visits, options.epochs, options.ensemble ?? 1);
  if (runs === 1) return trainOnce(set, options, bm25, TRAINING_BUDGET);
  const sum = new Float32Array(set.docs.length);
  for (let r = 0; r < runs; r++) {
    const weights = trainOnce(set, { ...options, seed: options.seed + r }, bm25, TRAINING_BUDGET / runs);
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + weights[i]! / runs;
  }
  return sum;
}

function trainOnce(set: SoftmaxTrainingSet, options: SoftmaxOptions, bm25: Float32Array | undefined, budget: number): Float32Array {
  const { classes, postingStarts, docs, labels, exampleStarts, terms } = set;
  const prior = new Float32Array(docs.length);
  if (bm25 && options.prior > 0) for (let i = 0; i < prior.length; i++) prior[i] = options.prior * bm25[i]!;
  const weights = Float32Array.from(prior);
  const squares = new Float32Array(docs.length);
  const scores = new Float64Array(classes);
  const seen = new Uint8Array(classes);
  const touched = new Int32Array(classes);
  let used: Int32Array = new Int32Array(256);
  let usedDocs: Int32Array = new Int32Array(256);
  const examples = labels.length;
  const order = Int32Array.from({ length: examples }, (_, e) => e);
  const random = generator(options.seed);
  for (let epoch = 0; epoch < epochsWithin(set, options.epochs, budget); epoch++) {
    for (let i = examples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    for (const e of order) {
      let n = 0;
      const count = accumulate(postingStarts, docs, terms, exampleStarts[e]!, exampleStarts[e + 1]!, seen, touched, (posting, d) => {
        if (n === used.length) {
          used = grow(used);
          usedDocs = grow(usedDocs);
        }
        used[n] = posting;
        usedDocs[n++] = d;
        scores[d] = scores[d]! + weights[posting]!;
      });
      // Softmax over the entries reached; the others all score 0.
      let top = 0;
      for (let k = 0; k < count; k++) top = Math.max(top, scores[touched[k]!]!);
      let z = (classes - count) * Math.exp(-top);
      for (let k = 0; k < count; k++) {
        const d = touched[k]!;
        scores[d] = Math.exp(scores[d]! - top);
        z += scores[d]!;
      }
      const label = labels[e]!;
      for (let k = 0; k < n; k++) {
        const posting = used[k]!;
        const d = usedDocs[k]!;
        const gradient = scores[d]! / z - (d === label ? 1 : 0) + options.l2 * (weights[posting]! - prior[posting]!);
        squares[posting] = squares[posting]! + gradient * gradient;
        weights[posting] = weights[posting]! - (options.rate * gradient) / Math.sqrt(squares[posting]! + 1e-8);
      }
      for (let k = 0; k < count; k++) {
        const d = touched[k]!;
        scores[d] = 0;
        seen[d] = 0;
      }
    }
  }
  return weights;
}

/** The passes over `set` that fit in {@link TRAINING_BUDGET}, at most `epochs`: a pass visits at most each example's terms' postings. */
export function epochsWithin(set: SoftmaxTrainingSet, epochs: number, budget = TRAINING_BUDGET): number {
  let visits = 0;
  for (const t of set.terms) visits += set.postingStarts[t + 1]! - set.postingStarts[t]!;
  return passesWithin(visits, epochs, budget);
}

/** How many trainings of `epochs` passes of `visits` postings each fit in `budget`: at most `ensemble`, at least one. */
export function trainingsWithin(visits: number, epochs: number, ensemble: number, budget = TRAINING_BUDGET): number {
  return Math.max(1, Math.min(Math.floor(ensemble), Math.floor(budget / Math.max(1, visits * epochs))));
}

/** How many passes of `visits` postings each fit in `budget`, at most `epochs`. */
export function passesWithin(visits: number, epochs: number, budget = TRAINING_BUDGET): number {
  return Math.min(epochs, Math.floor(budget / Math.max(1, visits)));
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Position of `doc` in the ascending range docs[from, to), or -1. */
export function indexOf(docs: Int32Array, from: number, to: number, doc: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = docs[mid]!;
    if (value === doc) return mid;
    if (value < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_SOFTMAX, epochsWithin, trainingsWithin, trainSoftmax, type SoftmaxOptions, type SoftmaxTrainingSet } from '../../../src/knowledge/faq/discriminative.js';
import { buildIndexData, DEFAULT_RANKING, FaqIndex } from '../../../src/knowledge/faq/faq-index.js';
import { TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';
import { entry, SMALL_KB } from './fixtures.js';

/**
 * Three entries (0 wages, 1 divorce, 2 cost) over five terms: 0 boss, 1 wife, 2 fee, 3 paid, 4 lawyer.
 * "lawyer" is in every entry; "paid" in wages and cost.
 */
const TERMS: Record<string, number> = { boss: 0, wife: 1, fee: 2, paid: 3, lawyer: 4 };
const EXAMPLES: [entry: number, words: string[]][] = [
  [0, ['boss', 'paid']],
  [0, ['boss', 'lawyer']],
  [0, ['boss']],
  [1, ['wife', 'lawyer']],
  [1, ['wife']],
  [2, ['fee', 'lawyer']],
  [2, ['fee', 'paid']],
  [2, ['lawyer', 'fee']],
];

/** The training set of {@link EXAMPLES}: postings built from which entries each term occurs in. */
function toySet(): SoftmaxTrainingSet {
  const entriesOf = Object.values(TERMS).map((t) => [...new Set(EXAMPLES.filter(([, words]) => words.some((w) => TERMS[w] === t)).map(([d]) => d))].sort());
  const postingStarts = Int32Array.from([0, ...entriesOf.map((_, t) => entriesOf.slice(0, t + 1).flat().length)]);
  const docs = Int32Array.from(entriesOf.flat());
  const df = (t: number) => entriesOf[t]!.length;
  const terms: number[] = [];
  const exampleStarts = [0];
  for (const [, words] of EXAMPLES) {
    terms.push(...words.map((w) => TERMS[w]!).sort((a, b) => df(a) - df(b) || a - b));
    exampleStarts.push(terms.length);
  }
  return { classes: 3, postingStarts, docs, labels: Int32Array.from(EXAMPLES, ([d]) => d), exampleStarts: Int32Array.from(exampleStarts), terms: Int32Array.from(terms) };
}

/** The classifier's logit of each entry for a question made of `words`. */
function logits(set: SoftmaxTrainingSet, weights: Float32Array, words: string[]): number[] {
  const out = [0, 0, 0];
  for (const w of words) {
    const t = TERMS[w]!;
    for (let i = set.postingStarts[t]!; i < set.postingStarts[t + 1]!; i++) out[set.docs[i]!]! += weights[i]!;
  }
  return out;
}

const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));
const pureLR: SoftmaxOptions = { ...DEFAULT_SOFTMAX, prior: 0, epochs: 30 };

describe('the discriminative classifier', () => {
  it('trains to the same weights every time with the same seed', () => {
    const a = trainSoftmax(toySet(), pureLR);
    const b = trainSoftmax(toySet(), pureLR);
    expect([...a]).toEqual([...b]);
  });

  it('averages the weights of several trainings, each visiting the examples in its own order (session 20)', () => {
    const one = { ...pureLR, ensemble: 1 };
    const seeds = [0, 1, 2].map((r) => trainSoftmax(toySet(), { ...one, seed: pureLR.seed + r }));
    const averaged = trainSoftmax(toySet(), { ...pureLR, ensemble: 3 });
    averaged.forEach((w, i) => expect(w).toBeCloseTo((seeds[0]![i]! + seeds[1]![i]! + seeds[2]![i]!) / 3, 5));
    expect([...trainSoftmax(toySet(), { ...pureLR, ensemble: 3 })]).toEqual([...averaged]);
  });

  it('trains fewer times when the trainings together would pass the budget, and at least once (session 20)', () => {
    expect(trainingsWithin(1_000, 4, 8, 10_000_000)).toBe(8);
    expect(trainingsWithin(1_000_000, 4, 8, 10_000_000)).toBe(2);
    expect(trainingsWithin(5_000_000, 4, 8, 10_000_000)).toBe(1);
    expect(trainingsWithin(1_000, 4, 1, 10_000_000)).toBe(1);
  });

  it.each([
    { question: ['boss', 'paid'], entry: 0 },
    { question: ['wife', 'lawyer'], entry: 1 },
    { question: ['fee', 'paid'], entry: 2 },
    { question: ['paid', 'lawyer', 'fee'], entry: 2 },
    { question: ['boss', 'lawyer'], entry: 0 },
  ])('ranks $question to entry $entry', ({ question, entry: expected }) => {
    const set = toySet();
    expect(argmax(logits(set, trainSoftmax(set, pureLR), question))).toBe(expected);
  });

  it('gives a word of every entry less weight than the words that tell them apart', () => {
    const set = toySet();
    const weights = trainSoftmax(set, pureLR);
    const spread = (word: string) => {
      const l = logits(set, weights, [word]);
      return Math.max(...l) - Math.min(...l);
    };
    expect(spread('lawyer')).toBeLessThan(spread('boss'));
    expect(spread('lawyer')).toBeLessThan(spread('wife'));
    expect(spread('lawyer')).toBeLessThan(spread('fee'));
  });

  it.each([
    { budget: 1_000_000, epochs: 4 },
    { budget: 50, epochs: 2 },
    { budget: 30, epochs: 1 },
    { budget: 10, epochs: 0 },
  ])('makes as many passes as a budget of $budget postings allows: $epochs', ({ budget, epochs }) => {
    // A pass over the toy set visits at most 24 postings (each example's terms' entries).
    expect(epochsWithin(toySet(), 4, budget)).toBe(epochs);
  });

  it('starts from the BM25 weights it is given and stays near them with a strong prior', () => {
    const set = toySet();
    const bm25 = Float32Array.from(set.docs, () => 1);
    const weights = trainSoftmax(set, { ...DEFAULT_SOFTMAX, prior: 2, l2: 10, epochs: 2 }, bm25);
    for (const w of weights) expect(Math.abs(w - 2)).toBeLessThan(0.5);
  });
});

describe('the classifier in the index', () => {
  const analyzer = new TextAnalyzer();
  const withClassifier = { ...DEFAULT_RANKING, softmax: DEFAULT_SOFTMAX };

  it('is trained with the index and ranks a clearly worded question to its entry', () => {
    const index = FaqIndex.build(SMALL_KB, 'en', analyzer, withClassifier);
    expect(index.search('my boss has not paid my wages for months').ranked[0]!.id).toBe('wage_arrears');
  });

  it.each(['pay', 'paid', 'divorce'])('leaves a question of one content word to BM25 (order and scores): %s', (question) => {
    const fused = FaqIndex.build(SMALL_KB, 'en', analyzer, { ...withClassifier, fuse: 1000 });
    const plain = FaqIndex.fromData(buildIndexData(SMALL_KB, 'en', analyzer, { ...DEFAULT_RANKING, softmax: null }), analyzer);
    expect(fused.search(question).ranked).toEqual(plain.search(question).ranked);
  });

  it('re-ranks a story of ten content words or more twice as strongly, a shorter question as before (session 19)', () => {
    const story = 'my boss has not paid my wages for three months and now my wife wants a divorce because we cannot pay the rent';
    const short = 'boss not paid wages, wife wants divorce';
    const index = FaqIndex.build(SMALL_KB, 'en', analyzer, withClassifier);
    const single = FaqIndex.build(SMALL_KB, 'en', analyzer, { ...withClassifier, storyFuse: { words: 10, scale: 1 } });
    const double = FaqIndex.build(SMALL_KB, 'en', analyzer, { ...withClassifier, fuse: 2 * DEFAULT_RANKING.fuse, storyFuse: { words: 10, scale: 1 } });
    expect(index.search(story).words).toBeGreaterThanOrEqual(10);
    expect(index.search(story).ranked.length).toBeGreaterThan(1);
    expect(index.search(story).ranked).toEqual(double.search(story).ranked);
    expect(index.search(story).ranked).not.toEqual(single.search(story).ranked);
    expect(index.search(short).words).toBeLessThan(10);
    expect(index.search(short).ranked).toEqual(single.search(short).ranked);
  });

  it('is left out when turned off, and BM25 alone ranks', () => {
    const data = buildIndexData(SMALL_KB, 'en', analyzer, { ...DEFAULT_RANKING, softmax: null });
    expect(data.softmax.length).toBe(0);
  });

  it('is trained by default for English only: zh-CN keeps BM25 alone', () => {
    expect(buildIndexData(SMALL_KB, 'en', analyzer).softmax.length).toBeGreaterThan(0);
    expect(buildIndexData(SMALL_KB, 'zh-CN', analyzer).softmax.length).toBe(0);
    expect(buildIndexData(SMALL_KB, 'zh-CN', analyzer, { ...DEFAULT_RANKING, classified: ['zh-CN', 'en'] }).softmax.length).toBeGreaterThan(0);
  });

  it('builds the same index twice', () => {
    const entries = [...SMALL_KB, entry('privacy', { questions: { 'zh-CN': ['会保密吗'], en: ['will my boss find out', 'is this private'] } })];
    const a = buildIndexData(entries, 'en', analyzer, withClassifier);
    const b = buildIndexData(entries, 'en', analyzer, withClassifier);
    expect(a.softmax.length).toBeGreaterThan(0);
    expect([...a.softmax]).toEqual([...b.softmax]);
  });
});

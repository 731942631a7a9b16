import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.js';
import { INTENT_IDS, NO_INTENT, readIntentExamples, type IntentExample, type IntentId } from './intent-examples.js';
import { intentFeatures } from './intent-features.js';

// Import the classifier modules alone: the top-level `natural` package loads dotenv and prints to the console.
const require = createRequire(import.meta.url);

interface NaturalClassifier {
  addDocument(tokens: string[], label: string): void;
  train(): void;
  getClassifications(tokens: string[]): { label: string; value: number }[];
}
type NaturalClassifierClass = new () => NaturalClassifier;

const BACKENDS = {
  bayes: () => require('natural/lib/natural/classifiers/bayes_classifier.js') as NaturalClassifierClass,
  logistic: () => require('natural/lib/natural/classifiers/logistic_regression_classifier.js') as NaturalClassifierClass,
};

/** What the classifier found: an intent and how sure it is (0–1). */
export interface IntentResult {
  intent: IntentId;
  confidence: number;
}

export interface IntentClassifierOptions {
  /** `bayes` measured best (docs/knowledge-base.md); `logistic` is kept for comparison. */
  backend: keyof typeof BACKENDS;
  /** Below this confidence the classifier reports no intent. */
  threshold: number;
}

export const DEFAULT_INTENT_OPTIONS: IntentClassifierOptions = { backend: 'bayes', threshold: 0.6 };

/**
 * Maps free text to what the resident wants to do (apply, ask, check status, talk to a person, …),
 * trained from `knowledge/intents/*.yaml`. Ordinary answers ("35", "是的") give `null`.
 *
 * @example
 * const classifier = IntentClassifier.fromDirectory('knowledge/intents');
 * classifier.classify('转人工'); // { intent: 'human', confidence: 0.97 }
 */
export class IntentClassifier {
  private readonly model: NaturalClassifier;
  private readonly vocabulary = new Set<string>();
  private readonly exact = new Map<string, string>();

  constructor(examples: readonly IntentExample[], readonly options: IntentClassifierOptions = DEFAULT_INTENT_OPTIONS) {
    this.model = new (BACKENDS[options.backend]())();
    for (const example of examples) {
      const features = intentFeatures(example.text);
      if (features.length === 0) continue;
      features.forEach((f) => this.vocabulary.add(f));
      this.model.addDocument(features, example.label);
      this.exact.set(exactKey(example.text), example.label);
    }
    this.model.train();
  }

  static fromDirectory(dir: string, options?: IntentClassifierOptions): IntentClassifier {
    return new IntentClassifier(readIntentExamples(dir), options);
  }

  /** The intent of `text`, or null when it has none or the classifier is not sure enough. */
  classify(text: string): IntentResult | null {
    const scored = this.score(text);
    if (!scored || scored.label === NO_INTENT || scored.confidence < this.options.threshold) return null;
    return { intent: scored.label as IntentId, confidence: scored.confidence };
  }

  /** The best label (including `none`) with its normalised probability, before thresholding. */
  score(text: string): { label: string; confidence: number } | undefined {
    // A message typed exactly like a training example is that example.
    const exact = this.exact.get(exactKey(text));
    if (exact !== undefined) return { label: exact, confidence: 1 };
    const features = intentFeatures(text).filter((f) => this.vocabulary.has(f));
    if (features.length === 0) return undefined;
    const ranked = this.model.getClassifications(features);
    const total = ranked.reduce((sum, r) => sum + r.value, 0);
    const best = ranked[0];
    if (!best || !(total > 0)) return undefined;
    return { label: best.label, confidence: best.value / total };
  }
}

function exactKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

let defaultClassifier: IntentClassifier | undefined;

/**
 * Classifies with the classifier trained from the project's `knowledge/intents` (loaded on first use).
 *
 * @example classifyIntent('I want to talk to a person') // { intent: 'human', confidence: 0.9 }
 */
export function classifyIntent(text: string): IntentResult | null {
  defaultClassifier ??= IntentClassifier.fromDirectory(path.join(PROJECT_ROOT, 'knowledge', 'intents'));
  return defaultClassifier.classify(text);
}

/** Whether {@link classifyIntent}'s classifier is trained already (its first call trains it). */
export function intentClassifierTrained(): boolean {
  return defaultClassifier !== undefined;
}

export { INTENT_IDS, type IntentId };

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LOCALES, type Locale } from '../../locales/catalog.js';

/** What a resident's free text asks the bot to do. */
export type IntentId = 'apply' | 'question' | 'status' | 'human' | 'restart' | 'cancel' | 'language' | 'greeting' | 'thanks';

export const INTENT_IDS: readonly IntentId[] = ['apply', 'question', 'status', 'human', 'restart', 'cancel', 'language', 'greeting', 'thanks'];

/** The label of ordinary answers ("35", "是的"): trained on, but never returned as an intent. */
export const NO_INTENT = 'none';

/** One labelled training text. */
export interface IntentExample {
  text: string;
  label: IntentId | typeof NO_INTENT;
  locale: Locale;
}

/**
 * Reads `knowledge/intents/*.yaml`. Each file has `intent:` (an intent id or `none`) and
 * `examples:` with a list per locale. Throws with the file name when a file is malformed.
 */
export function readIntentExamples(dir: string): IntentExample[] {
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const examples: IntentExample[] = [];
  for (const file of files) {
    const doc = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { intent?: unknown; examples?: Record<string, unknown> } | null;
    const label = doc?.intent;
    if (typeof label !== 'string' || !(label === NO_INTENT || (INTENT_IDS as readonly string[]).includes(label))) {
      throw new Error(`${file}: "intent:" must be one of ${[...INTENT_IDS, NO_INTENT].join(', ')}.`);
    }
    for (const locale of LOCALES) {
      const list = doc?.examples?.[locale];
      if (!Array.isArray(list)) throw new Error(`${file}: "examples:" needs a list for ${locale}.`);
      for (const text of list) examples.push({ text: String(text), label: label as IntentExample['label'], locale });
    }
  }
  return examples;
}

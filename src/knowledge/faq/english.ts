import { createRequire } from 'node:module';
import { expandShorthand, normalizeEnglishWord } from './english-spelling.js';

// Import the stemmer module alone: the top-level `natural` package loads dotenv and prints to the console.
const require = createRequire(import.meta.url);
const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(token: string): string };

/**
 * Words that say nothing about the topic. Question words that do (who, where, when, long) and
 * negations are kept.
 */
const STOPWORDS = new Set(
  `a about above after again am an and any anything are as at be been being but by could did didnt do does doesnt doing
  dont for from get gets getting got had has hasnt have havent having he hed hes her here hers herself him himself his how
  i id if im in into is isnt it its itself ive just let lets me might mine more most much must my myself of off on once
  only or other our ours ourselves out over own please same she shes should so some such than thank thanks that thats the
  their theirs them themselves then there these they theyre this those through to too under until up us very want wants
  was wasnt we were what whats which while why will with would you youre your yours yourself hi hello also really still
  tell know need someone something anyone can cant cannot wont wouldnt couldnt shouldnt arent wasnt werent aint gonna wanna ok okay
  allowed allow able`.split(/\s+/),
);

/**
 * Splits English (or any Latin-script) text into lower-case words; apostrophes are dropped ("don't" →
 * "dont") and chat shorthand is written out ("wat r u" → "what are you", "cops" → "police").
 */
export function englishWords(text: string): string[] {
  return (text.replace(/['’]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? []).map(expandShorthand);
}

/** Stems already computed (bounded): the same words recur across entries and questions. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of one lower-case word, after irregular plurals and British spellings are normalised (wives → wife, labour → labor). */
export function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(normalizeEnglishWord(word));
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** True for words that carry no topic (articles, pronouns, auxiliaries). */
export function isEnglishStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

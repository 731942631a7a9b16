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
  allowed allow able
  sorry basically literally totally seriously honestly anyway anyways yes yeah yep hey dear sir madam kindly lol omg btw tbh
  um uh hmm guys bit each anymore somebody anybody everybody somewhere anywhere whether shall may maybe possibly`.split(/\s+/),
);

/**
 * Splits English (or any Latin-script) text into lower-case words; contractions are written out
 * ("won't" → "will not", "dad's" → "dad") and so are chat shorthand and informal spellings ("wat r u"
 * → "what are you", "wont" → "will not", "wanna" → "want to").
 */
export function englishWords(text: string): string[] {
  return (markAges(expandContractions(text.toLowerCase())).replace(WHEN_IT_HAPPENED, ' ').match(/[a-z0-9]+/g) ?? []).flatMap((word) => expandShorthand(word).split(' '));
}

/**
 * When something happened, in a story: "last night", "yesterday", "this morning". It says nothing about the topic, but
 * an entry whose story phrasings tell it ("he hit me last night") drew the question ("police took my husband last
 * night, can i see him" was answered about domestic violence). Dropped as the stopwords are. "night" alone ("noise at
 * night"), what is still to come ("my hearing is tomorrow", "next week": urgency) and "last week / month / year" stay
 * (dropping them too turned a long road-accident story, english-stories.test.ts, into "did you mean"). The day it happened
 ("on friday", "last monday", "since tuesday", session 20) is dropped too; a day still to come ("this friday", "the
 deadline is friday") stays ("they told me on friday dont come back monday" was answered about urgent cases).
 */
const WHEN_IT_HAPPENED = /\b(?:(?:last|this|yesterday|sunday|monday|tuesday|wednesday|thursday|friday|saturday) (?:night|morning|evening|afternoon)|yesterday|tonight|(?:on|last|since) (?:sunday|monday|tuesday|wednesday|thursday|friday|saturday))\b/g;

/** A person's age written out: "16 years old", "15yo", "aged 70", "my son is 16", "i am 75", "my daughter 15". */
const AGE_STATED = new RegExp(
  [
    String.raw`\b(\d{1,3}) ?(?:years?|yrs?|yr)[ -]?old\b`,
    String.raw`\b(\d{1,3}) ?(?:yo|y\/o)\b`,
    String.raw`\baged? (\d{1,3})\b`,
    String.raw`\b(?:son|daughter|child|kid|boy|girl|nephew|niece|grandson|granddaughter|grandchild|brother|sister|cousin|he|she|i|mother|father|mom|mum|dad|grandma|grandpa|grandmother|grandfather|husband|wife)(?: is| was| am| are)?(?: only| just| now| already)? (\d{1,3})\b` +
      String.raw`(?! ?(?:yuan|rmb|kuai|k\b|%|percent|thousand|hundred|million|months?\b|days?\b|weeks?\b|hours?\b|times\b|km\b|people|workers|of\b))`,
  ].join('|'),
  'g',
);

/**
 * A stated age says who the resident is: under 18 a minor, 60 or over elderly (the groups the entries name: minors,
 * elder support, help for elderly applicants). The age is a number, which says nothing about the topic on its own
 * ("my son is 16 and police arrest him" read as an adult's arrest); the group's word is added after it.
 */
export function markAges(text: string): string {
  return text.replace(AGE_STATED, (found: string, ...groups: unknown[]) => {
    const age = Number(groups.slice(0, 4).find((g) => typeof g === 'string'));
    if (age >= 1 && age < 18) return `${found} minor`;
    if (age >= 60 && age <= 110) return `${found} elderly`;
    return found;
  });
}

const NEGATED: Record<string, string> = { won: 'will', can: 'can', shan: 'shall', ain: 'is' };

/**
 * Contractions written with an apostrophe: a negation keeps its "not" (won't → will not, didn't → did
 * not, as "will not pay" is written out in entries), the other endings ('s, 're, 've, 'll, 'd, 'm)
 * are dropped (they are auxiliaries and pronoun forms, stopwords anyway; "dad's" → "dad").
 */
export function expandContractions(text: string): string {
  return text
    .replace(/\b(won|can|shan|ain)['’]t\b/g, (_, verb: string) => `${NEGATED[verb]} not`)
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’](?:s|re|ve|ll|d|m)\b/g, '')
    .replace(/['’]/g, '');
}

/**
 * Words the Porter stemmer would join to an unrelated word, kept apart: "news" is not "new" ("any news on my case" is
 * not "a new lawyer"), "business" is not "busy"; "tried" / "tries" are "try" (Porter gives "tri" and "try").
 */
const UNSTEMMED: Record<string, string> = { news: 'news', business: 'business', businesses: 'business', tried: 'try', tries: 'try' };

/**
 * Word families the Porter stemmer splits between the verb a resident writes and the noun an entry writes, joined:
 * recognised / recognition (work-injury recognition), notarised / notary, injured / injury, qualified / qualification,
 * detained / detention, defend / defence.
 */
const STEM_FAMILIES: Record<string, string> = { recogn: 'recognit', notar: 'notari', qualif: 'qualifi', detent: 'detain', defend: 'defens' };

/** Stems already computed (bounded): the same words recur across entries and questions. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of one lower-case word, after irregular plurals and British spellings are normalised (wives → wife, labour → labor). */
export function stem(word: string): string {
  if (/^\d+$/.test(word)) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    const normalized = normalizeEnglishWord(word);
    const porter = UNSTEMMED[normalized] ?? porterStemmer.stem(normalized);
    stemmed = STEM_FAMILIES[porter] ?? porter;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** True for words that carry no topic (articles, pronouns, auxiliaries). */
export function isEnglishStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

import fs from 'node:fs';
import { parse } from 'yaml';
import { HAN } from './chinese.js';
import { englishWords, stem } from './english.js';

/** Words and phrases residents use for one thing: `{ id: 'wage_arrears', terms: ['欠薪', '讨薪', 'unpaid wages'] }`. */
export interface SynonymGroup {
  id: string;
  terms: string[];
}

/** Stems of the English articles, which synonym phrases match with or without. */
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * Object pronouns (as stemmed): English puts them inside a phrasal verb ("knocked me off", "laid him off", "paid us
 * back"), so a phrase written without one ("knocked off") still matches with one in the text, as with articles.
 */
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'it'].map(stem));

/** A synonym group found in a text, and where. */
export interface SynonymMatch {
  id: string;
  start: number;
  end: number;
}

/** Normalises text for matching: full-width to half-width (NFKC) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Finds synonym groups in text. Chinese terms match as substrings, so they do not depend on how a
 * sentence is segmented; English terms match as sequences of stemmed words ("hits me" matches "he hit me").
 */
export class SynonymDictionary {
  private readonly han = new Map<string, { term: string; id: string }[]>();
  private readonly latin = new Map<string, { stems: string[]; id: string }[]>();

  constructor(readonly groups: readonly SynonymGroup[]) {
    for (const group of groups) {
      for (const raw of group.terms) {
        const term = normalizeText(raw).trim();
        if (term === '') continue;
        if (HAN.test(term)) {
          const first = term[0]!;
          const list = this.han.get(first) ?? [];
          list.push({ term, id: group.id });
          this.han.set(first, list);
        } else {
          const all = englishWords(term).map(stem);
          // Articles are left out of a phrase, so "hit by a car" also matches "hit by car" (see matchStems).
          const stems = all.length > 1 && all.some((s) => !ARTICLES.has(s)) ? all.filter((s) => !ARTICLES.has(s)) : all;
          if (stems.length === 0) continue;
          const list = this.latin.get(stems[0]!) ?? [];
          list.push({ stems, id: group.id });
          this.latin.set(stems[0]!, list);
        }
      }
    }
  }

  static readonly empty = new SynonymDictionary([]);

  /**
   * Synonym groups found in normalised Chinese text, with the span each term covers (`end` exclusive).
   * A group is reported once per position, with its longest term there.
   */
  matchHan(text: string): SynonymMatch[] {
    const found: SynonymMatch[] = [];
    for (let i = 0; i < text.length; i++) {
      const candidates = this.han.get(text[i]!);
      if (!candidates) continue;
      const here = new Map<string, number>();
      for (const { term, id } of candidates) {
        if (text.startsWith(term, i) && term.length > (here.get(id) ?? 0)) here.set(id, term.length);
      }
      for (const [id, length] of here) found.push({ id, start: i, end: i + length });
    }
    return found;
  }

  /**
   * Synonym groups found in a sequence of stemmed English words; spans are word positions. Articles
   * inside the text are skipped, as they are left out of the phrases: residents writing English as a
   * second language drop or add them ("taken away by police", "hit by car", "take him to the court").
   * `stopwords` marks the positions of stopwords: a one-word term never matches there, as its stem may be a
   * stopword's ("canned" and "can" are both "can": every "can i …" was read as a dismissal).
   */
  matchStems(stems: readonly string[], stopwords?: readonly boolean[]): SynonymMatch[] {
    const found: SynonymMatch[] = [];
    for (let i = 0; i < stems.length; i++) {
      const candidates = this.latin.get(stems[i]!);
      if (!candidates) continue;
      const here = new Map<string, { words: number; end: number }>();
      for (const { stems: phrase, id } of candidates) {
        if (phrase.length <= (here.get(id)?.words ?? 0)) continue;
        if (phrase.length === 1 && stopwords?.[i]) continue;
        let j = i;
        let k = 0;
        for (; k < phrase.length && j < stems.length; j++) {
          if (k > 0 && ARTICLES.has(stems[j]!) && !ARTICLES.has(phrase[k]!)) continue;
          if (k > 0 && OBJECT_PRONOUNS.has(stems[j]!) && !OBJECT_PRONOUNS.has(phrase[k]!)) continue;
          if (stems[j] !== phrase[k]) break;
          k++;
        }
        if (k === phrase.length) here.set(id, { words: phrase.length, end: j });
      }
      for (const [id, { end }] of here) found.push({ id, start: i, end });
    }
    return found;
  }
}

/** Reads the synonym file format (`groups: { id: [term, …] }`); returns the groups and any problems found. */
export function parseSynonyms(text: string): { groups: SynonymGroup[]; problems: string[] } {
  const problems: string[] = [];
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    return { groups: [], problems: [`The synonym file is not valid YAML: ${(error as Error).message}`] };
  }
  const groupsValue = (doc as { groups?: unknown } | null)?.groups;
  if (groupsValue === undefined || groupsValue === null || typeof groupsValue !== 'object' || Array.isArray(groupsValue)) {
    return { groups: [], problems: ['The synonym file needs a "groups:" section with one line per group: "id: [word, word, …]".'] };
  }
  const groups: SynonymGroup[] = [];
  for (const [id, terms] of Object.entries(groupsValue as Record<string, unknown>)) {
    if (!/^[a-z][a-z0-9_]*$/.test(id)) problems.push(`Synonym group "${id}": use lower-case letters, digits and _ for the id.`);
    if (!Array.isArray(terms) || terms.length < 2 || !terms.every((t) => typeof t === 'string' || typeof t === 'number')) {
      problems.push(`Synonym group "${id}" needs a list of at least two words, like [欠薪, 讨薪].`);
      continue;
    }
    groups.push({ id, terms: terms.map(String) });
  }
  return { groups, problems };
}

/** Loads a synonym file; a missing file gives an empty dictionary. */
export function loadSynonymsFile(file: string): { groups: SynonymGroup[]; problems: string[] } {
  if (!fs.existsSync(file)) return { groups: [], problems: [] };
  return parseSynonyms(fs.readFileSync(file, 'utf8'));
}

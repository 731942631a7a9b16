import { WORDNET_SYNONYMS_DATA } from './wordnet-synonyms-data.js';

let table: Map<string, readonly string[]> | undefined;

/**
 * WordNet synonyms of an English word stem (words of the same synset, most frequent senses first),
 * as stems; empty for words WordNet does not list or that are not common. Generated from WordNet 3.1
 * by scripts/wordnet-synonyms.ts; parsed on first use.
 */
export function wordnetSynonyms(stem: string): readonly string[] {
  if (!table) {
    table = new Map();
    for (const line of WORDNET_SYNONYMS_DATA.split('\n')) {
      const [key, ...values] = line.split(' ');
      if (key) table.set(key, values);
    }
  }
  return table.get(stem) ?? [];
}

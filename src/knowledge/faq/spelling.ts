/**
 * Corrects misspelt English terms to a term of the index vocabulary one edit away, using the
 * symmetric-delete method: every vocabulary term is stored with its one-character deletions, so a
 * look-up costs a handful of map reads instead of a scan of the vocabulary.
 */
export class SpellingCorrector {
  private readonly byDeletion = new Map<string, string[]>();

  /** `frequency(term)` ranks candidates: the more common vocabulary term wins a tie. */
  constructor(
    vocabulary: Iterable<string>,
    private readonly frequency: (term: string) => number,
    private readonly minLength = 6,
  ) {
    for (const term of vocabulary) {
      if (term.length < minLength || !/^[a-z]+$/.test(term)) continue;
      for (const key of [term, ...deletions(term)]) {
        const list = this.byDeletion.get(key) ?? [];
        if (!list.includes(term)) list.push(term);
        this.byDeletion.set(key, list);
      }
    }
  }

  /** The closest vocabulary term, or undefined when none is near enough or the word is too short to judge. */
  correct(word: string): string | undefined {
    if (word.length < this.minLength || !/^[a-z]+$/.test(word)) return undefined;
    let best: string | undefined;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        if (best === undefined || this.frequency(candidate) > this.frequency(best)) best = candidate;
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

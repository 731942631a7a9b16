/**
 * Misspellings of the English words the understanding step reads ("i want aply legal aid", "my husbend hit me",
 * "my boss didnt pay my salery", "my son was arested"), each read as the word meant. Only the words that decide what a
 * message means are listed (applying, the family, work, money owed, arrest and violence), and a typed word is mended
 * only when it is a slip of exactly one of them (asking for a person or a deletion too: "speek", "delet"):
 * - one letter left out, added or two swapped ("aply", "appply", "husbnad"), or a vowel typed for another vowel, or a
 *   letter for one that sounds alike (c/s/k, s/z, i/y: "husbend", "divorse"); two such slips in a word of nine
 *   letters or more ("aplicasion");
 * - never an ordinary word one letter away by another kind of slip ("rather" is not "father", "polite" not "police",
 *   "apple" not "apply", "employed" not "employer"), nor the few that are one slip away (`ORDINARY`: "contact" is
 *   not "contract", "bother" not "brother");
 * - never a word that starts with a listed one ("applying", "husbands") or starts one ("month", "disable": other forms
 *   of the words), except a listed word's final e left off ("delet", "divorc").
 * Chat shorthand is spelled out too ("u" → you, "ur" → your, "pls" → please). Pure: text without such slips comes back as
 * it was.
 *
 * @example
 * mendEnglishSlips('i want aply legal aid') // 'i want apply legal aid'
 * mendEnglishSlips('my husbend hit me again') // 'my husband hit me again'
 */

/** The words that decide what an English message means, as the steering, danger and category patterns read them. */
const VOCABULARY = [
  'apply', 'application', 'legal', 'person', 'speak', 'delete',
  'husband', 'boyfriend', 'girlfriend', 'partner', 'mother', 'father', 'daughter', 'brother', 'sister', 'children',
  'salary', 'employer', 'company', 'contract', 'months', 'unpaid', 'compensation', 'insurance',
  'lawyer', 'arrested', 'detained', 'police', 'divorce', 'custody', 'inheritance', 'landlord', 'deposit',
  'accident', 'injured', 'injury', 'hospital', 'disability', 'disabled', 'pregnant',
  'violence', 'abuse', 'abused', 'threatened', 'threatens', 'beating', 'suicide',
] as const;

/** Ordinary words that one slip of the kinds above would make a listed word: kept as typed. */
const ORDINARY = new Set(['farther', 'layer', 'moths', 'abase', 'contact', 'contacts', 'contrast', 'bother', 'brothel', 'occident']);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const SOUND_ALIKE = ['cks', 'sz', 'iy', 'dt', 'bp', 'gj', 'mn', 'lr'];

/** What one letter typed for another costs: 1 for a vowel for a vowel or a letter that sounds alike, else 2 (as left out and added). */
function substitution(a: string, b: string): number {
  if (a === b) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 1;
  return SOUND_ALIKE.some((group) => group.includes(a) && group.includes(b)) ? 1 : 2;
}

/** The slips between a typed word and a listed one (optimal string alignment, substitutions weighed as above). */
function slips(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + substitution(a[i - 1]!, b[j - 1]!));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Words already looked at; cleared when full, like the knowledge base's stem caches (every word residents type passes here). */
const MENDED_LIMIT = 20_000;
const mended = new Map<string, string | null>();

/** The listed word a typed word is a slip of, or `null`. */
function meant(word: string): string | null {
  const cached = mended.get(word);
  if (cached !== undefined) return cached;
  let found: string | null = null;
  if (word.length >= 4 && !ORDINARY.has(word) && !VOCABULARY.some((w) => (w.startsWith(word) && w !== `${word}e`) || word.startsWith(w))) {
    const near = VOCABULARY.filter((w) => w[0] === word[0] || w[1] === word[1]).filter((w) => Math.abs(w.length - word.length) <= 1 && slips(word, w) <= (w.length >= 9 ? 2 : 1));
    found = near.length === 1 ? near[0]! : null;
  }
  if (mended.size >= MENDED_LIMIT) mended.clear();
  mended.set(word, found);
  return found;
}

/** Chat shorthand for the words the patterns read: "what time do u open", "can u help", "ur office". */
const SHORTHAND: Record<string, string> = { u: 'you', ur: 'your', pls: 'please', plz: 'please', thx: 'thanks', wat: 'what' };

/** The text with the slips of the listed words mended, and chat shorthand spelled out; other words as typed. */
export function mendEnglishSlips(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  const spelled = text.replace(/(?<![A-Za-z'’\p{Script=Han}\d-])(u|ur|pls|plz|thx|wat)(?![A-Za-z'’\p{Script=Han}\d-])/giu, (word) => SHORTHAND[word.toLowerCase()] ?? word);
  return spelled.replace(/[A-Za-z]{4,}/g, (word) => meant(word.toLowerCase()) ?? word);
}

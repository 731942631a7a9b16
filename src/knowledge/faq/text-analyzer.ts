import { characterBigrams, chineseWords, hanRuns, HAN } from './chinese.js';
import { englishWords, isEnglishStopword, stem } from './english.js';
import { normalizeText, SynonymDictionary } from './synonyms.js';
import type { Locale } from '../../locales/catalog.js';

/** Which kinds of terms the analyzer produces; the defaults are the ones that measured best (docs/knowledge-base.md). */
export interface AnalyzerOptions {
  /** Dictionary words from `Intl.Segmenter` (Chinese) or stems (English). */
  words: boolean;
  /** Overlapping character pairs inside each run of Han characters. */
  bigrams: boolean;
  /** Single Han characters (measured: not helpful, off by default). */
  unigrams: boolean;
  /** One extra term per synonym group found. */
  synonyms: boolean;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = { words: true, bigrams: true, unigrams: false, synonyms: true };

/**
 * One content word of a question, for judging how much of the question an entry covers. The word
 * counts as covered when the entry has `word`, or one of `synonyms`, or (for longer Chinese words)
 * in proportion to the character bigrams `parts` it has.
 */
export interface EvidenceUnit {
  word: string;
  parts: string[];
  synonyms: string[];
}

/** The terms a text is indexed or searched by, and its content words. */
export interface Analysis {
  terms: string[];
  units: EvidenceUnit[];
}

/** Prefix of a synonym-group term; group `wage_arrears` becomes term `~wage_arrears`. */
export const SYNONYM_PREFIX = '~';
/** Prefix of a Chinese character-pair term. */
export const BIGRAM_PREFIX = '#';
const UNIGRAM_PREFIX = '!';

/** Han characters → zh-CN, anything else → en. */
export function detectLocale(text: string): Locale {
  return HAN.test(text) ? 'zh-CN' : 'en';
}

/**
 * Turns a question or an entry's text into index terms: Chinese words and character bigrams, English
 * Porter stems without stopwords, and one term per synonym group that occurs. Mixed text is handled
 * by script, so "12348电话" or an English word inside Chinese still match.
 */
export class TextAnalyzer {
  constructor(
    readonly synonyms: SynonymDictionary = SynonymDictionary.empty,
    readonly options: AnalyzerOptions = DEFAULT_ANALYZER_OPTIONS,
  ) {}

  /** Index terms of `text` (with repeats, so counts are term frequencies). */
  terms(text: string): string[] {
    return this.analyze(text, false).terms;
  }

  /** Terms and content words of `text`; `withUnits: false` skips the content words (index building needs none). */
  analyze(text: string, withUnits = true): Analysis {
    const normalized = normalizeText(text);
    const terms: string[] = [];
    const units: EvidenceUnit[] = [];
    const { words, bigrams, unigrams, synonyms } = this.options;

    const hanMatches = synonyms ? this.synonyms.matchHan(normalized) : [];
    for (const { run, index } of hanRuns(normalized)) {
      for (const { word, index: offset } of chineseWords(run)) {
        if (words) terms.push(word);
        if (!withUnits) continue;
        const start = index + offset;
        const end = start + word.length;
        units.push({
          word,
          parts: word.length >= 2 ? characterBigrams(word).map((g) => BIGRAM_PREFIX + g) : [],
          // A word inside (or around) a synonym term is covered by that group.
          synonyms: hanMatches.filter((m) => m.start < end && start < m.end).map((m) => SYNONYM_PREFIX + m.id),
        });
      }
      if (bigrams) for (const gram of characterBigrams(run)) terms.push(BIGRAM_PREFIX + gram);
      if (unigrams) for (const char of run) terms.push(UNIGRAM_PREFIX + char);
    }
    for (const m of hanMatches) terms.push(SYNONYM_PREFIX + m.id);

    const latin = englishWords(normalized.replace(/\p{Script=Han}+/gu, ' '));
    if (latin.length > 0) {
      const stems = latin.map(stem);
      const stopwords = latin.map(isEnglishStopword);
      const latinMatches = synonyms ? this.synonyms.matchStems(stems, stopwords) : [];
      stems.forEach((stemmed, i) => {
        if (stopwords[i]) return;
        if (words) terms.push(stemmed);
        if (!withUnits) return;
        units.push({
          word: stemmed,
          parts: [],
          synonyms: latinMatches.filter((m) => m.start <= i && i < m.end).map((m) => SYNONYM_PREFIX + m.id),
        });
      });
      for (const m of latinMatches) terms.push(SYNONYM_PREFIX + m.id);
    }
    return { terms, units };
  }
}

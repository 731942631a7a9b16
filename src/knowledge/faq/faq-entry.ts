import type { Locale, Localized } from '../../locales/catalog.js';

/** Text in each locale as a list (alternative questions, next steps). */
export type LocalizedList = Record<Locale, string[]>;

/**
 * One knowledge-base entry: a FAQ topic written for residents in both languages.
 * The entry id is the topic id of domain.md §4 (`wage_arrears`, `divorce`, …).
 */
export interface FaqEntry {
  id: string;
  /** A short heading, also used as the label of a "did you mean" button. */
  title: Localized;
  /** Alternative questions phrased the way residents talk (at least five per locale). */
  questions: LocalizedList;
  /** The answer itself, at most three short sentences. May contain policy placeholders such as `{hotline}`. */
  answer: Localized;
  /** What to do next, one step per item. */
  nextSteps: LocalizedList;
  /** The legal basis in plain words ("Legal Aid Law, article 31"). */
  basis: Localized;
  /** When to contact the centre or the hotline. */
  contact: Localized;
  /** Extra search words (colloquial names, keywords); either language. */
  tags: string[];
  /** Ids of related entries. */
  related: string[];
  /** Date (YYYY-MM-DD) by which an operator should check the entry again. */
  reviewBy?: string;
}

/** The fields an entry file may contain, in the order they are written back to files. */
export const ENTRY_FIELDS = [
  'id',
  'title',
  'questions',
  'answer',
  'nextSteps',
  'basis',
  'contact',
  'tags',
  'related',
  'reviewBy',
] as const;

/** The placeholders an answer may use; their values come from the policy pack at render time. */
export const POLICY_PLACEHOLDERS = ['hotline', 'decisionDays', 'thresholdSummary', 'localScopeSummary', 'centreName'] as const;

export type PolicyPlaceholder = (typeof POLICY_PLACEHOLDERS)[number];

/**
 * Local values an answer reads instead of hard-coding numbers. Build it from the policy pack of the
 * resident's region; text values may differ per locale.
 */
export type PolicyValues = Record<PolicyPlaceholder, string | number | Localized>;

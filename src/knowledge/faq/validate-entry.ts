import { LOCALES, type Locale } from '../../locales/catalog.js';
import { ENTRY_FIELDS, POLICY_PLACEHOLDERS, type FaqEntry } from './faq-entry.js';
import { HAN } from './chinese.js';
import type { Params } from '../../flows/events.js';

/**
 * One thing wrong with an entry, in words an operator can act on. `field` is a path such as `questions.en`.
 * `message` is the English text (for the CLI); `key` and `params` render it in either language from
 * src/locales/kb-validation.ts (the console shows it in the operator's language).
 */
export interface EntryProblem {
  field: string;
  message: string;
  key: string;
  params?: Params;
}

/** The localized name of an entry field or language, as a message parameter. */
const fieldName = (field: string) => ({ key: `kbValidation.field.${field}` });
const languageName = (locale: Locale) => ({ key: `kbValidation.language.${locale}` });

const MIN_QUESTIONS = 5;
const MAX_ANSWER_SENTENCES = 3;

/** Lower case, no spaces or punctuation: two phrasings that differ only in those are the same phrasing. */
export function phrasingKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Counts sentences: Chinese 。！？ and English . ! ? followed by a space or the end. */
export function countSentences(text: string): number {
  const parts = text
    .trim()
    .split(/(?<=[。！？!?])|(?<=\.)(?=\s|$)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return parts.length;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an entry (as read from a file or the database) before it is saved: both locales present,
 * required fields filled, answers short, placeholders known, and no phrasing that already belongs to
 * one of `others` (entries with the same id are ignored, so an edited entry may keep its phrasings).
 * `related` ids must be among `others` unless `relatedMustExist` is false.
 * Returns the problems; an empty list means the entry may be saved.
 */
export function validateEntry(
  entry: unknown,
  others: readonly FaqEntry[] = [],
  options: { relatedMustExist?: boolean } = {},
): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const problem = (field: string, message: string, key: string, params?: Params) =>
    problems.push({ field, message, key, ...(params ? { params } : {}) });
  if (!isRecord(entry)) {
    return [{ field: '', message: 'An entry must be a set of fields such as "id:", "title:" and "questions:".', key: 'kbValidation.notAnEntry' }];
  }

  for (const key of Object.keys(entry)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
      problem(key, `Unknown field "${key}". The fields are: ${ENTRY_FIELDS.join(', ')}.`, 'kbValidation.unknownField', { name: key });
    }
  }

  const id = entry.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(id)) {
    problem('id', 'The id must be lower-case letters, digits and _ (for example "wage_arrears").', 'kbValidation.badId');
  }

  const localizedText = (field: string, maxSentences?: number) => {
    const value = entry[field];
    if (!isRecord(value)) {
      problem(field, `"${field}" needs a text for each language: "zh-CN:" and "en:".`, 'kbValidation.textMissingAll', { field: fieldName(field) });
      return;
    }
    for (const locale of LOCALES) {
      const text = value[locale];
      if (typeof text !== 'string' || text.trim() === '') {
        problem(`${field}.${locale}`, `"${field}" has no ${locale} text.`, 'kbValidation.textMissing', {
          field: fieldName(field),
          language: languageName(locale),
        });
        continue;
      }
      checkPlaceholders(`${field}.${locale}`, text);
      if (maxSentences !== undefined && countSentences(text) > maxSentences) {
        problem(
          `${field}.${locale}`,
          `The ${locale} answer has ${countSentences(text)} sentences; keep it to ${maxSentences} and move the rest to "nextSteps".`,
          'kbValidation.answerTooLong',
          { language: languageName(locale), count: countSentences(text), max: maxSentences },
        );
      }
    }
  };

  const localizedList = (field: string, min: number) => {
    const value = entry[field];
    if (!isRecord(value)) {
      problem(field, `"${field}" needs a list for each language: "zh-CN:" and "en:".`, 'kbValidation.listMissingAll', { field: fieldName(field) });
      return;
    }
    for (const locale of LOCALES) {
      const list = value[locale];
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string' && item.trim() !== '')) {
        problem(`${field}.${locale}`, `"${field}" needs a ${locale} list of texts, one per line starting with "- ".`, 'kbValidation.listMissing', {
          field: fieldName(field),
          language: languageName(locale),
        });
        continue;
      }
      if (list.length < min) {
        problem(`${field}.${locale}`, `"${field}" has ${list.length} ${locale} items; at least ${min} are needed.`, 'kbValidation.listTooShort', {
          field: fieldName(field),
          language: languageName(locale),
          count: list.length,
          min,
        });
      }
      for (const item of list as string[]) checkPlaceholders(`${field}.${locale}`, item);
    }
  };

  const checkPlaceholders = (field: string, text: string) => {
    // Any word in braces, Chinese too: an operator who typed {热线} would otherwise publish it word for word.
    for (const [, name] of text.matchAll(/\{([^{}\s]{1,30})\}/gu)) {
      if (!(POLICY_PLACEHOLDERS as readonly string[]).includes(name!)) {
        const allowed = POLICY_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
        problem(field, `Unknown placeholder {${name}}. Use one of ${allowed}.`, 'kbValidation.unknownPlaceholder', { name: name!, allowed });
      }
    }
  };

  localizedText('title');
  localizedText('answer', MAX_ANSWER_SENTENCES);
  localizedText('basis');
  localizedText('contact');
  localizedList('questions', MIN_QUESTIONS);
  localizedList('nextSteps', 1);

  // Questions must be written in their own language, so they land in the right index.
  if (isRecord(entry.questions)) {
    const zh = entry.questions['zh-CN'];
    const en = entry.questions.en;
    if (Array.isArray(zh)) for (const q of zh) if (typeof q === 'string' && !HAN.test(q)) problem('questions.zh-CN', `"${q}" is not Chinese; move it to the en list.`, 'kbValidation.questionNotChinese', { question: q });
    if (Array.isArray(en)) for (const q of en) if (typeof q === 'string' && HAN.test(q)) problem('questions.en', `"${q}" contains Chinese; move it to the zh-CN list.`, 'kbValidation.questionHasChinese', { question: q });
  }

  const tags = entry.tags;
  if (!Array.isArray(tags) || !tags.every((v) => (typeof v === 'string' && v.trim() !== '') || typeof v === 'number')) {
    problem('tags', '"tags" must be a list of words, like [欠薪, wages, 12348].', 'kbValidation.badTags');
  }
  const related = entry.related;
  if (!Array.isArray(related) || !related.every((v) => typeof v === 'string')) {
    problem('related', '"related" must be a list of entry ids, like [labor_arbitration, cost].', 'kbValidation.badRelated');
  }
  if (Array.isArray(entry.related)) {
    const known = new Set(others.map((o) => o.id));
    for (const rel of entry.related) {
      if (typeof rel !== 'string') continue;
      if (rel === id) problem('related', 'An entry cannot be related to itself.', 'kbValidation.relatedSelf');
      else if (options.relatedMustExist !== false && !known.has(rel)) problem('related', `Related entry "${rel}" does not exist.`, 'kbValidation.relatedMissing', { id: rel });
    }
  }

  if (entry.reviewBy !== undefined) {
    const value = entry.reviewBy instanceof Date ? entry.reviewBy.toISOString().slice(0, 10) : entry.reviewBy;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      problem('reviewBy', 'reviewBy must be a date written YYYY-MM-DD, for example 2027-06-30.', 'kbValidation.badReviewBy');
    }
  }

  // A phrasing that already belongs to another entry would make the bot answer it arbitrarily.
  if (isRecord(entry.questions)) {
    for (const locale of LOCALES) {
      const list = entry.questions[locale];
      if (!Array.isArray(list)) continue;
      const owners = phrasingOwners(others, locale);
      const seen = new Set<string>();
      for (const q of list) {
        if (typeof q !== 'string') continue;
        const key = phrasingKey(q);
        if (seen.has(key)) problem(`questions.${locale}`, `"${q}" is listed twice.`, 'kbValidation.questionTwice', { question: q });
        seen.add(key);
        const owner = owners.get(key)?.find((o) => o !== id);
        if (owner) problem(`questions.${locale}`, `"${q}" already belongs to entry "${owner}". Reword it or remove it from one of them.`, 'kbValidation.questionTaken', {
            question: q,
            owner,
          });
      }
    }
  }
  return problems;
}

const ownerCache = new WeakMap<readonly FaqEntry[], Partial<Record<Locale, Map<string, string[]>>>>();

/** Phrasing key → ids of the entries that use it; computed once per list of entries and locale. */
function phrasingOwners(entries: readonly FaqEntry[], locale: Locale): Map<string, string[]> {
  let byLocale = ownerCache.get(entries);
  if (!byLocale) ownerCache.set(entries, (byLocale = {}));
  const cached = byLocale[locale];
  if (cached) return cached;
  const owners = new Map<string, string[]>();
  for (const entry of entries) {
    // Entries being validated together may themselves be malformed; use only what is well formed.
    const title: unknown = entry.title?.[locale];
    const questions: unknown = entry.questions?.[locale];
    const texts = [title, ...(Array.isArray(questions) ? questions : [])].filter((t): t is string => typeof t === 'string');
    for (const q of texts) {
      const key = phrasingKey(q);
      const list = owners.get(key) ?? [];
      if (!list.includes(entry.id)) list.push(entry.id);
      owners.set(key, list);
    }
  }
  byLocale[locale] = owners;
  return owners;
}

/**
 * Validates `entry` and, when it has no problems, returns it typed as {@link FaqEntry} (with
 * `reviewBy` as a YYYY-MM-DD string); otherwise throws {@link InvalidEntryError}.
 */
export function toFaqEntry(entry: unknown, others: readonly FaqEntry[] = []): FaqEntry {
  const problems = validateEntry(entry, others);
  if (problems.length > 0) throw new InvalidEntryError(problems);
  const raw = entry as Record<string, unknown>;
  const reviewBy = raw.reviewBy instanceof Date ? raw.reviewBy.toISOString().slice(0, 10) : (raw.reviewBy as string | undefined);
  const result = { ...(raw as unknown as FaqEntry), tags: (raw.tags as unknown[]).map(String) };
  if (reviewBy === undefined) delete result.reviewBy;
  else result.reviewBy = reviewBy;
  return result;
}

/** An entry did not pass {@link validateEntry}; `problems` lists why. */
export class InvalidEntryError extends Error {
  override name = 'InvalidEntryError';
  constructor(readonly problems: EntryProblem[]) {
    super(`The entry is not valid:\n${problems.map((p) => `- ${p.field ? `${p.field}: ` : ''}${p.message}`).join('\n')}`);
  }
}

import type { Locale, Localized } from '../../locales/catalog.js';
import { faqMessages } from '../../locales/faq.js';
import type { FaqEntry, PolicyValues } from './faq-entry.js';

const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;

/**
 * Fills policy placeholders (`{hotline}`, `{decisionDays}`, …) in one text. Unknown placeholders
 * stay visible so a missing value is noticed rather than silently dropped.
 */
export function fillPolicyValues(text: string, locale: Locale, values: Partial<PolicyValues>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (values as Record<string, unknown>)[name];
    if (value === undefined || value === null) return whole;
    return isLocalized(value) ? value[locale] : String(value);
  });
}

/** The parts of a rendered answer, for channels that lay them out themselves. */
export interface RenderedAnswer {
  title: string;
  answer: string;
  nextSteps: string[];
  basis: string;
  contact: string;
}

/** An entry's texts in one locale with the policy values filled in. */
export function renderAnswerParts(entry: FaqEntry, locale: Locale, values: Partial<PolicyValues>): RenderedAnswer {
  const fill = (text: string) => fillPolicyValues(text, locale, values);
  return {
    title: fill(entry.title[locale]),
    answer: fill(entry.answer[locale]),
    nextSteps: entry.nextSteps[locale].map(fill),
    basis: fill(entry.basis[locale]),
    contact: fill(entry.contact[locale]),
  };
}

/**
 * The answer as one message: the short answer first, then what to do next, the legal basis, and
 * when to contact the centre.
 *
 * @example renderAnswer(entry, 'zh-CN', DEMO_POLICY_VALUES)
 */
export function renderAnswer(entry: FaqEntry, locale: Locale, values: Partial<PolicyValues>): string {
  const parts = renderAnswerParts(entry, locale, values);
  const heading = (key: keyof typeof faqMessages) => faqMessages[key][locale];
  const steps = parts.nextSteps.map((step, i) => `${i + 1}. ${step}`).join('\n');
  return [
    parts.answer,
    `${heading('faq.heading.nextSteps')}\n${steps}`,
    `${heading('faq.heading.basis')}${parts.basis}`,
    parts.contact,
  ].join('\n\n');
}

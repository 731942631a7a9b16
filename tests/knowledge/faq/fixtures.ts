import path from 'node:path';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile, type SynonymGroup } from '../../../src/knowledge/faq/synonyms.js';
import type { Locale } from '../../../src/locales/catalog.js';
import type { FaqEntry } from '../../../src/knowledge/faq/faq-entry.js';

/** A valid entry; override any field. Phrasings are derived from the id so fixtures never collide. */
export function entry(id: string, overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id,
    title: { 'zh-CN': `${id}标题`, en: `${id} title` },
    questions: {
      'zh-CN': [1, 2, 3, 4, 5].map((n) => `${id}问题${n}`),
      en: [1, 2, 3, 4, 5].map((n) => `${id} question ${n}`),
    },
    answer: { 'zh-CN': '这是答案。请拨打{hotline}。', en: 'This is the answer. Call {hotline}.' },
    nextSteps: { 'zh-CN': ['准备材料。'], en: ['Prepare your papers.'] },
    basis: { 'zh-CN': '《法律援助法》第二条', en: 'Legal Aid Law, article 2' },
    contact: { 'zh-CN': '拨打{hotline}。', en: 'Call {hotline}.' },
    tags: [],
    related: [],
    ...overrides,
  };
}

/** Three small entries that look like real ones, for ranking tests. */
export const SMALL_KB: FaqEntry[] = [
  entry('wage_arrears', {
    title: { 'zh-CN': '被拖欠工资怎么办', en: 'My employer has not paid my wages' },
    questions: {
      'zh-CN': ['老板不给工资怎么办', '包工头跑了工钱要不回来', '公司拖欠工资三个月了', '农民工讨薪找谁', '干完活老板不结账'],
      en: ['my boss has not paid me', 'the company owes me salary', 'the contractor ran away without paying', 'how do i get unpaid wages', 'employer keeps delaying my pay'],
    },
    tags: ['欠薪', '工钱', 'wages'],
  }),
  entry('divorce', {
    title: { 'zh-CN': '离婚怎么办', en: 'Getting divorced' },
    questions: {
      'zh-CN': ['我想离婚他不同意', '离婚财产怎么分', '去民政局离婚要多久', '起诉离婚要准备什么', '离婚冷静期是什么'],
      en: ['how do i get a divorce', 'my wife refuses to divorce', 'how is property split in a divorce', 'what is the cooling off period', 'filing for divorce'],
    },
    tags: ['离婚', 'divorce', 'custody'],
  }),
  entry('cost', {
    title: { 'zh-CN': '法律援助收费吗', en: 'Does legal aid cost anything?' },
    questions: {
      'zh-CN': ['法律援助要不要钱', '援助律师会收我钱吗', '申请法援要交多少费用', '免费律师真的不收钱吗', '诉讼费能免吗'],
      en: ['is legal aid free', 'will the lawyer charge me', 'how much does legal aid cost', 'do i pay court fees', 'are there hidden costs'],
    },
    tags: ['收费', 'free', 'fee'],
  }),
];

/**
 * The shipped knowledge base (knowledge/faq with knowledge/synonyms.yaml), built in memory, and the entry a question
 * leads to: the one answered, or the first offered.
 */
export function shippedKnowledgeBase(): { kb: KnowledgeBase; entries: FaqEntry[]; synonyms: SynonymGroup[]; first: (question: string, locale?: Locale) => string | undefined } {
  const knowledge = path.resolve(import.meta.dirname, '../../../knowledge');
  const { entries } = readEntryFiles(path.join(knowledge, 'faq'));
  const synonyms = loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups;
  const kb = KnowledgeBase.fromEntries(entries, { synonyms });
  const first = (question: string, locale: Locale = 'en') => {
    const { match } = kb.judge(question, locale);
    return match.band === 'answer' ? (match.topic ?? undefined) : match.candidates[0];
  };
  return { kb, entries, synonyms, first };
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decideBand, DEFAULT_CONFIDENCE } from '../../../src/knowledge/faq/confidence.js';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { FaqIndex } from '../../../src/knowledge/faq/faq-index.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';
import { TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';
import { entry, SMALL_KB } from './fixtures.js';

describe('the naive-Bayes second opinion beside BM25', () => {
  const courtFees = entry('court_fees', {
    title: { 'zh-CN': '诉讼费', en: 'Court fees' },
    questions: {
      'zh-CN': ['诉讼费多少', '诉讼费能减免吗', '交不起诉讼费', '诉讼费谁出', '法院收费'],
      en: ['how much are court fees', 'can court fees be waived', 'i cannot afford the court fee', 'who pays the court costs', 'what does the court charge'],
    },
  });
  const index = FaqIndex.build([...SMALL_KB, courtFees], 'en', new TextAnalyzer());

  it.each([
    // question, BM25's best entry, whether the classifier puts it first too
    ['my boss has not paid my wages', 'wage_arrears', 1],
    ['do i pay court fees', 'court_fees', 1],
    // BM25 follows the rare word "divorce"; the classifier the words of the cost phrasings (lawyer, charge, me).
    ['will the lawyer charge me for the divorce', 'divorce', 0],
  ] as const)('%s: BM25 ranks %s first; the classifier agrees: %d', (question, best, agrees) => {
    const outcome = index.search(question, 3);
    expect(outcome.ranked[0]?.id).toBe(best);
    expect(outcome.opinion.agrees).toBe(agrees);
    // Agreeing, BM25's best entry is also likelier than its runner-up; disagreeing, less likely.
    if (agrees) expect(outcome.opinion.gap).toBeGreaterThan(0);
    else expect(outcome.opinion.gap).toBeLessThan(0);
  });

  it('is learnt from the same entries: an edited entry changes it at the next build', () => {
    const question = 'will the lawyer charge me for the divorce';
    const divorce = SMALL_KB.find((e) => e.id === 'divorce')!;
    const edited = { ...divorce, questions: { ...divorce.questions, en: [...divorce.questions.en, 'will the divorce lawyer charge me', 'does a divorce lawyer charge me'] } };
    const rebuilt = FaqIndex.build([...SMALL_KB.filter((e) => e !== divorce), edited, courtFees], 'en', new TextAnalyzer());
    expect(rebuilt.search(question, 3).opinion.agrees).toBe(1);
  });
});

describe('what the second opinion changes for a resident (seed knowledge base, English)', () => {
  const knowledge = path.resolve(import.meta.dirname, '../../../knowledge');
  const { entries } = readEntryFiles(path.join(knowledge, 'faq'));
  const kb = KnowledgeBase.fromEntries(entries, { synonyms: loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups });
  const agreeing = { agrees: 1, gap: 1 };
  const disagreeing = { agrees: 0, gap: -1 };

  it.each([
    // BM25 ranks judgment_enforcement ("win") first; the classifier prefers another entry: buttons with
    // the cost entry among them, where an agreeing opinion would have answered the wrong entry.
    ['do i pay the lawyer if i win', 'cost'],
    ['do i have to pay the lawyer when the case is won', 'cost'],
  ])('"%s" gets did-you-mean with %s among the buttons instead of a wrong answer', (question, right) => {
    const match = kb.match(question, 'en');
    expect(match.band).toBe('suggest');
    expect(match.candidates).toContain(right);
    const outcome = kb.search(question, 'en', 3);
    expect(outcome.opinion.agrees).toBe(0);
    expect(decideBand({ ...outcome, opinion: agreeing }, DEFAULT_CONFIDENCE, 3, 'en')).toMatchObject({ band: 'answer', topic: outcome.ranked[0]!.id });
    expect(outcome.ranked[0]!.id).not.toBe(right);
  });

  it('answers a right question both rankers agree on that it would otherwise not answer', () => {
    const question = 'which office do i go to for legal aid in my town';
    expect(kb.match(question, 'en')).toMatchObject({ band: 'answer', topic: 'where_to_apply' });
    const outcome = kb.search(question, 'en', 3);
    expect(outcome.opinion.agrees).toBe(1);
    expect(decideBand({ ...outcome, opinion: disagreeing }, DEFAULT_CONFIDENCE, 3, 'en').band).not.toBe('answer');
  });

  it('leaves Chinese decisions alone: the zh-CN model has no weight for it', () => {
    const outcome = kb.search('老板欠我工资不给怎么办', 'zh-CN', 3);
    const asIs = decideBand(outcome, DEFAULT_CONFIDENCE, 3, 'zh-CN');
    expect(decideBand({ ...outcome, opinion: disagreeing }, DEFAULT_CONFIDENCE, 3, 'zh-CN')).toEqual(asIs);
    expect(decideBand({ ...outcome, opinion: agreeing }, DEFAULT_CONFIDENCE, 3, 'zh-CN')).toEqual(asIs);
  });
});

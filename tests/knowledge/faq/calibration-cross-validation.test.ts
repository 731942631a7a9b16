import { describe, expect, it } from 'vitest';
import { crossValidateCalibration, type LabelledQuestion } from '../../../src/knowledge/faq/evaluate.js';
import { SMALL_KB } from './fixtures.js';

// Resident questions and off-topic ones written for this test (not entry phrasings).
const resident: LabelledQuestion[] = [
  { question: 'my boss still owes me three months of wages', locale: 'en', topic: 'wage_arrears' },
  { question: 'the foreman ran off and nobody paid us', locale: 'en', topic: 'wage_arrears' },
  { question: '老板欠了我半年工钱', locale: 'zh-CN', topic: 'wage_arrears' },
  { question: '包工头不给结工资', locale: 'zh-CN', topic: 'wage_arrears' },
];
const offTopic: LabelledQuestion[] = [
  { question: 'what is the weather like tomorrow', locale: 'en', topic: null },
  { question: 'how do i cook rice', locale: 'en', topic: null },
  { question: '明天会下雨吗', locale: 'zh-CN', topic: null },
  { question: '红烧肉怎么做', locale: 'zh-CN', topic: null },
];

describe('crossValidateCalibration', () => {
  const held = crossValidateCalibration(SMALL_KB, { synonyms: [] }, resident, offTopic, [], 2).dev;

  it('judges every dev question exactly once, on a model fitted without its fold', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(held[locale].questions).toBe(2);
      expect(held[locale].offTopic).toBe(2);
    }
  });

  it('reports shares between 0 and 1 that add up', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const f = held[locale];
      for (const x of [f.answeredCorrectly, f.answeredWrongly, f.offTopicDeclined]) expect(x).toBeGreaterThanOrEqual(0);
      expect(f.answeredCorrectly + f.answeredWrongly).toBeLessThanOrEqual(1);
      expect(f.offTopicDeclined).toBeLessThanOrEqual(1);
    }
  });
});

describe('crossValidateCalibration with untuned questions', () => {
  const untuned: LabelledQuestion[] = [
    { question: 'boss no give salary two month', locale: 'en', topic: 'wage_arrears' },
    { question: 'the contractor still hasnt paid any of us', locale: 'en', topic: 'wage_arrears' },
    { question: 'how do i make pancakes', locale: 'en', topic: null },
    { question: 'which phone plan is cheapest', locale: 'en', topic: null },
  ];
  const held = crossValidateCalibration(SMALL_KB, { synonyms: [] }, resident, offTopic, [], 2, undefined, untuned);

  it('reports the untuned questions apart from the dev half, each judged once', () => {
    expect(held.untuned.en.questions).toBe(2);
    expect(held.untuned.en.offTopic).toBe(2);
    expect(held.untuned['zh-CN'].questions).toBe(0);
    expect(held.dev.en.questions).toBe(2);
  });
});

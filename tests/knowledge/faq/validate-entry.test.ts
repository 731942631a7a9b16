import { describe, expect, it } from 'vitest';
import { countSentences, toFaqEntry, validateEntry, InvalidEntryError } from '../../../src/knowledge/faq/validate-entry.js';
import { entry } from './fixtures.js';

const fields = (entryValue: unknown, others = [entry('other')]) => validateEntry(entryValue, others).map((p) => p.field);

describe('validateEntry', () => {
  it('accepts a complete entry in both languages', () => {
    expect(validateEntry(entry('cost', { related: ['other'] }), [entry('other')])).toEqual([]);
  });

  it('flags a missing locale', () => {
    const broken = { ...entry('cost'), answer: { 'zh-CN': '答案。' } };
    expect(fields(broken)).toContain('answer.en');
  });

  it('needs at least five alternative questions per locale', () => {
    const few = entry('cost', { questions: { 'zh-CN': ['一', '二'], en: ['a', 'b', 'c', 'd', 'e'] } });
    expect(validateEntry(few, [])).toEqual([expect.objectContaining({ field: 'questions.zh-CN', message: expect.stringContaining('at least 5') })]);
  });

  it('flags a phrasing that already belongs to another entry, ignoring punctuation and case', () => {
    const other = entry('divorce', { questions: { ...entry('divorce').questions, en: ['How do I get a divorce?', 'b', 'c', 'd', 'e'] } });
    const mine = entry('custody', { questions: { ...entry('custody').questions, en: ['how do i get a divorce', 'x', 'y', 'z', 'w'] } });
    const problems = validateEntry(mine, [other]);
    expect(problems).toEqual([expect.objectContaining({ field: 'questions.en', message: expect.stringContaining('already belongs to entry "divorce"') })]);
  });

  it('lets an edited entry keep its own phrasings', () => {
    expect(validateEntry(entry('cost'), [entry('cost')])).toEqual([]);
  });

  it('keeps answers to three sentences', () => {
    const long = entry('cost', { answer: { 'zh-CN': '一。二。三。四。', en: 'One. Two. Three.' } });
    expect(fields(long)).toEqual(['answer.zh-CN']);
  });

  it('only allows placeholders the policy pack fills', () => {
    const typo = entry('cost', { contact: { 'zh-CN': '拨打{hotlne}。', en: 'Call {hotline}.' } });
    expect(validateEntry(typo, [])[0]!.message).toContain('{hotlne}');
  });

  it('refuses a placeholder written in Chinese, which would be published word for word (session 11)', () => {
    const chinese = entry('cost', { contact: { 'zh-CN': '拨打{热线}投诉。', en: 'Call {hotline}.' } });
    expect(validateEntry(chinese, []).map((p) => p.message).join('\n')).toContain('{热线}');
    expect(validateEntry(entry('cost', { contact: { 'zh-CN': '拨打{hotline}投诉。', en: 'Call {hotline}.' } }), [])).toEqual([]);
  });

  it('requires related entries to exist', () => {
    expect(fields(entry('cost', { related: ['nowhere'] }))).toEqual(['related']);
  });

  it('rejects unknown fields and a badly written review date', () => {
    const value = { ...entry('cost'), questons: [], reviewBy: '30/06/2027' };
    expect(fields(value)).toEqual(expect.arrayContaining(['questons', 'reviewBy']));
  });

  it('puts Chinese and English questions in their own lists', () => {
    const mixed = entry('cost', { questions: { 'zh-CN': ['how much', '二', '三', '四', '五'], en: ['a', 'b', 'c', 'd', '多少钱'] } });
    expect(fields(mixed)).toEqual(['questions.zh-CN', 'questions.en']);
  });

  it('explains a value that is not an entry at all', () => {
    expect(validateEntry('just text')[0]!.message).toContain('"id:"');
  });
});

describe('toFaqEntry', () => {
  it('turns numeric tags into text', () => {
    const value = { ...entry('hotline'), tags: [12348, '热线'] };
    expect(toFaqEntry(value).tags).toEqual(['12348', '热线']);
  });

  it('throws with every problem listed', () => {
    expect(() => toFaqEntry({ id: 'Bad Id' })).toThrow(InvalidEntryError);
  });
});

describe('countSentences', () => {
  it.each([
    ['一句话。', 1],
    ['第一句。第二句！第三句？', 3],
    ['One. Two! Three?', 3],
    ['Fined up to 3,000 yuan (LAL 64). Really.', 2],
  ])('counts %s as %i', (text, n) => {
    expect(countSentences(text)).toBe(n);
  });
});

import { describe, expect, it } from 'vitest';
import { deadlineIn, readDeadline } from '../../../src/flows/intake/deadline-words.js';

/** 2026-12-01 is a Tuesday. */
const TODAY = '2026-12-01';

describe('a deadline named by its day, counted from today', () => {
  it.each([
    ['后天就开庭了', 2],
    ['明天开庭', 1],
    ['大后天', 3],
    ['12月10日开庭', 9],
    ['12月1号', 0],
    ['11月30日', 364], // already past this year: next year's
    ['2027年1月5日', 35],
    ['下个月15号开庭', 45],
    ['15号', 14],
    ['这个月20号截止', 19],
    ['下周三', 8],
    ['周五', 3],
    ['星期一', 6], // Monday has passed this week: the coming one
    ['next monday', 6],
    ['this friday', 3],
    ['on the 15th', 14],
    ['december 10', 9],
    ['10 Dec', 9],
    ['the hearing is tomorrow', 1],
  ])('%s → %i days', (typed, days) => expect(readDeadline(typed, TODAY)).toBe(days));

  it.each(['2000元', '我也不知道', '2月30日', '2026年11月1日', '老板欠我钱'])('names no day ahead: %s', (typed) => expect(readDeadline(typed, TODAY)).toBeNull());
});

describe('deadlineIn: a deadline told in a story (session 16)', () => {
  // A Thursday.
  const today = '2026-12-03';
  it.each([
    ['我儿子被派出所抓了 他17岁 下周三开庭 我们请不起律师', 6, '下周三开庭'],
    ['我儿子被派出所抓了下周三就开庭了', 6, '下周三就开庭'],
    ['开庭是12月20号', 17, '开庭是12月20号'],
    ['还有5天就开庭了', 5, '还有5天就开庭'],
    ['十天后开庭', 10, '十天后开庭'],
    ['my boss owes me 3 months wages and wont pay, the arbitration hearing is in 5 days', 5, 'arbitration hearing is in 5 days'],
    ['court on 20 december', 17, 'court on 20 december'],
  ])('%s → %i days', (text, days, words) => {
    expect(deadlineIn(text, today)).toEqual({ days, words });
  });

  it.each(['我想起诉他', '干了3天 老板不给钱', '拘留15天', 'we go to court someday', '老板欠我三个月工资'])('names none: %s', (text) => {
    expect(deadlineIn(text, today)).toBeNull();
  });
});

describe('deadlineIn: arbitration named in English (session 16)', () => {
  it('reads "the arbitration is on 15 december"', () => {
    expect(deadlineIn('my boss owes me wages, the arbitration is on 15 december', '2026-12-03')).toEqual({ days: 12, words: 'arbitration is on 15 december' });
  });
});

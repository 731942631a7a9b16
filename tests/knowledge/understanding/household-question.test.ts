import { describe, expect, it } from 'vitest';
import { asksWhoCounts } from '../../../src/knowledge/understanding/household-question.js';
import { householdFromWords } from '../../../src/flows/intake/number-words.js';

// At the household question (session 18): who counts is answered there; people listed are counted.
describe('asksWhoCounts', () => {
  it.each(['家里几口人算哪些人', '我老公算不算', '孩子在外地上学要算吗', '算哪些人', 'who counts as my household?', 'does my husband count', 'should i include my parents', 'what counts as a household'])(
    '%s',
    (text) => expect(asksWhoCounts(text)).toBe(true),
  );
  it.each(['3', '三口人', '我和两个孩子', 'me and my 2 kids', 'four of us', '我一个人'])('%s: an answer', (text) => expect(asksWhoCounts(text)).toBe(false));
});

describe('householdFromWords with people listed by spaces', () => {
  it.each([
    ['我 孩子 还有我婆婆', 3],
    ['我 老伴', 2],
    ['我，两个孩子', 3],
  ] as const)('%s → %i', (text, n) => expect(householdFromWords(text)).toBe(n));
});

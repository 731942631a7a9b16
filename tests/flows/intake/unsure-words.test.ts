import { describe, expect, it } from 'vitest';
import { afterUnsureClause, afterUnsureWords, mentionsUnsure, saysUnsure } from '../../../src/flows/intake/unsure-words.js';

/** Session 16: one list of "not sure" words for every question, read four ways (it was four near-copies in steps.ts). */
describe('unsure-words', () => {
  it.each(['不清楚', '我也不知道啊', '还不清楚', '俺不晓得', '说不准', 'not sure', "i'm not really sure", 'dunno', 'idk', 'no idea', 'not sure tbh', 'unknown', '没听说过有什么期限', 'never heard of one'])(
    'the whole answer is not sure: %s',
    (text) => expect(saysUnsure(text)).toBe(true),
  );

  it.each(['不知道 大概还有十天', '清楚', '我知道', 'sure', 'i know', '45'])('the whole answer is not "not sure": %s', (text) => expect(saysUnsure(text)).toBe(false));

  it.each(['yes? not sure', '好像有 不确定', '请没请律师我也不知道', 'i dont know if he has one'])('says it anywhere: %s', (text) => expect(mentionsUnsure(text)).toBe(true));

  it.each(['是', 'no lawyer', '请不起', 'unsurely? no', 'sidk'])('says it nowhere: %s', (text) => expect(mentionsUnsure(text)).toBe(false));

  it.each([
    ['不知道 大概还有十天', '大概还有十天'],
    ['我也不清楚，10天吧', '10天吧'],
    ['not sure, maybe 10 days', 'maybe 10 days'],
    ['10天', '10天'],
  ])('the answer after leading words: %s → %s', (text, rest) => expect(afterUnsureWords(text)).toBe(rest));

  it.each([
    ['不知道叫啥，应该是县里吧', '应该是县里吧'],
    ["i dont know the name of this place, its the city i think", 'its the city i think'],
    ['示例县', '示例县'],
  ])('the answer after a first clause: %s → %s', (text, rest) => expect(afterUnsureClause(text)).toBe(rest));
});

import { describe, expect, it } from 'vitest';
import { readAge } from '../../../src/knowledge/understanding/story.js';

/** Session 16: a relative's age said as "he is 19" after the relative was named ("police took my son 2 days ago, he is 19"). */
describe('readAge: he or she after a relative named', () => {
  it.each([
    ['police took my son 2 days ago, he is 19, they say he steal phone', 19],
    ['my son was arrested, he is 17', 17],
    ["my daughter got hit by a car, she's 15 years old", 15],
  ])('%s → the relative is %i', (text, years) => expect(readAge(text)).toEqual({ years, atLeast: false, whose: 'relative' }));

  it.each(['my son owes money, he is 30 days late', 'he is 19', 'my boss says he is 5 days late with pay'])('no age: %s', (text) =>
    expect(readAge(text)).toBeUndefined(),
  );
});

/**
 * Session 19: the same in Chinese, without 岁 ("我儿子昨天晚上被派出所带走了 说是打架 他才十六"): the age question offered
 * nothing, though the mother had said it. 才/都/已经/只有 before the number say it is an age.
 */
describe('readAge: 他/她 after a relative named, with 才 or 都 and no 岁', () => {
  it.each([
    ['我儿子昨天晚上被派出所带走了 说是打架 他才十六 我该咋办啊', 16, false],
    ['我女儿被同学打了，她才12', 12, false],
    ['我爸被人骗了钱，他都七十多了', 70, true],
  ])('%s → the relative is %i', (text, years, atLeast) => expect(readAge(text)).toEqual({ years, atLeast, whose: 'relative' }));

  it.each([
    '我儿子借了钱，他才三个月就还不上了',
    '我老公打我，他已经两次动手了',
    '老板欠我工资，他才给了两千',
    '他才十六',
  ])('no age: %s', (text) => expect(readAge(text)).toBeUndefined());
});

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

import { describe, expect, it } from 'vitest';
import { mendEnglishSlips } from '../../../src/knowledge/understanding/english-slips.js';

describe('mendEnglishSlips', () => {
  it.each([
    ['i want aply legal aid', 'i want apply legal aid'],
    ['i want to appply', 'i want to apply'],
    ['my husbend hit me again', 'my husband hit me again'],
    ['my boss didnt pay my salery for 3 monts', 'my boss didnt pay my salary for 3 months'],
    ['my son was arested', 'my son was arrested'],
    ['i want a divorse', 'i want a divorce'],
    ['i need a lawer', 'i need a lawyer'],
    ['an aplication form', 'an application form'],
  ])('reads %j as %j', (typed, meant) => expect(mendEnglishSlips(typed)).toBe(meant));

  it.each([
    'i would rather not say',
    'sorry to bother you',
    'he is very polite',
    'i bought an apple phone',
    'i was employed there for two years',
    'how do i contact you',
    'i am an employee',
    'my husbands family',
    'she is applying for me',
    'being honest, my mother is old',
  ])('leaves ordinary words as typed: %j', (typed) => expect(mendEnglishSlips(typed)).toBe(typed));
});

describe('chat shorthand', () => {
  it('spells out u, ur and pls as words', () => {
    expect(mendEnglishSlips('what time do u open tomorrow')).toBe('what time do you open tomorrow');
    expect(mendEnglishSlips('can u help pls')).toBe('can you help please');
  });
  it('leaves a U in other words, or next to Chinese or digits, as typed', () => {
    for (const typed of ['我的U盘丢了', 'U-turn', 'unit 5u', 'Uber driver hit me', "you're"]) expect(mendEnglishSlips(typed)).toBe(typed);
  });
});

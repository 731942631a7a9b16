import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/knowledge/understanding/simplified.js';

describe('the text as the understanding step reads it', () => {
  it.each([
    ['我想申請法律援助', '我想申请法律援助'],
    ['老闆欠我工資三個月了', '老板欠我工资三个月了'],
    ['我老公打我 我要離婚', '我老公打我 我要离婚'],
    ['我兒子被警察帶走了', '我儿子被警察带走了'],
    ['我想申清法律援助', '我想申请法律援助'],
    ['申情法援', '申请法援'],
    ['我要伸请律师', '我要申请律师'],
  ])('reads %s as %s', (typed, read) => {
    expect(toSimplified(typed)).toBe(read);
  });

  it.each([['老板欠我工资'], ['他深情地说'], ['声情并茂'], ['my boss owes me wages'], ['申请法律援助要带啥材料']])(
    'leaves %s as it was',
    (text) => {
      expect(toSimplified(text)).toBe(text);
    },
  );
});

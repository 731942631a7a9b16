import { describe, expect, it } from 'vitest';
import { categoryNamedInstead, correctionTarget, correctionWithValue } from '../../../src/flows/intake/correction-words.js';
import { categoryFromText } from '../../../src/flows/intake/category-words.js';
import type { CategoryId } from '../../../src/knowledge/eligibility/vocabulary.js';
import type { StepId } from '../../../src/flows/intake/intake-types.js';

const ANSWERED: StepId[] = ['category', 'relation', 'region', 'age', 'disability', 'groups', 'deadlineDays', 'needsPreservation', 'description', 'documents', 'name', 'phone'];

describe('a correction typed at the summary names the answer to ask again', () => {
  it.each([
    ['年龄填错了 应该是54', 'age'],
    ['电话写错了', 'phone'],
    ['改电话 13911112222', 'phone'],
    ['名字写错了，是张山', 'name'],
    ['地区选错了', 'region'],
    ['the phone number is wrong', 'phone'],
    ['my age is wrong', 'age'],
  ])('%s → %s', (text, step) => expect(correctionTarget(text, ANSWERED)).toBe(step));

  it.each([
    ['同意'],
    ['应该是54'],                       // says what, not which answer
    ['电话和名字都写错了'],              // two answers: the change list decides
    ['收入填错了'],                      // not asked in this application
    ['等一下 我再想想'],
  ])('leaves %s to the summary', (text) => expect(correctionTarget(text, ANSWERED)).toBeNull());
});

// Session 10: a correction with its new value is one step ("年龄写错了，是58" → the age 58), not the question first.
describe('the new value a correction carries', () => {
  it.each([
    ['年龄写错了，是58', 'age', '58'],
    ['年龄填错了 应该是54', 'age', '54'],
    ['电话号码不对 应该是139 1111 2222', 'phone', '139 1111 2222'],
    ['改电话 13911112222', 'phone', '13911112222'],
    ['名字写错了，是张山', 'name', '张山'],
    ['年龄改成51岁', 'age', '51岁'],
    ['年龄 52', 'age', '52'],
    ['我的年龄是60', 'age', '60'],
    ["my age is wrong, it's 58", 'age', '58'],
    ['change my phone number to 13911112222', 'phone', '13911112222'],
    ['age should be 58', 'age', '58'],
  ])('%s → %s %s', (text, step, value) => expect(correctionWithValue(text, ANSWERED)).toEqual({ step, value }));

  it.each([
    ['电话写错了'],                       // which, not what: asked again
    ['名字写错了，帮我改一下'],            // a request, not a name
    ['电话和名字都写错了'],
    ['应该是54'],
    ['情况说明写错了，应该是去年的事'],    // a description is written again, not patched
    ['同意'],
  ])('has no value in %s', (text) => expect(correctionWithValue(text, ANSWERED)).toBeNull());
});

describe('the recorded category denied and another named in the middle of an application', () => {
  it.each([
    ['不对 不是工伤 是欠工资', 'work_injury', '欠工资'],
    ['不是工伤，是老板欠钱', 'work_injury', '老板欠钱'],
  ])('%s names %s wrong, then %s', (text, recorded, named) => {
    expect(categoryNamedInstead(text, recorded as CategoryId, categoryFromText)).toBe(named);
  });
  it.each([
    ['不是工伤 是欠工资', 'wages'], // the one already recorded
    ['不是我 是我儿子', 'criminal_defense'], // no category named
    ['不是的', 'wages'],
  ])('%s with %s recorded is not a change of category', (text, recorded) => {
    expect(categoryNamedInstead(text, recorded as CategoryId, categoryFromText)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { statedAnswers } from '../../../src/knowledge/understanding/stated-answers.js';

describe('answers to later questions stated along with another answer', () => {
  it.each([
    ['示例县 我一个月挣两千', { monthlyIncome: 2000 }],
    ['示例县，每月收入3000左右', { monthlyIncome: 3000 }],
    ['农村，月工资两千五', { monthlyIncome: 2500 }],
    ['城里 工资一个月四千', { monthlyIncome: 4000 }],
    ['我在示例市，挣3000一个月', { monthlyIncome: 3000 }],
    ['3 people, i earn 2500 a month', { householdSize: 3, monthlyIncome: 2500 }],
    ['the county, we make about 6,000 per month', { monthlyIncome: 6000 }],
    ['示例县，我今年52岁，家里4口人', { age: { years: 52, atLeast: false, whose: 'self' }, householdSize: 4 }],
    ['农村 一家三口', { householdSize: 3 }],
    ['城镇，我们家有5个人', { householdSize: 5 }],
    ['the city, family of 4', { householdSize: 4 }],
    ['urban, there are three of us', { householdSize: 3 }],
    // Session 11: the relative's age told as "he" ("他今年三十五" at the defender question of an application for a son).
    ['他今年三十五', { age: { years: 35, atLeast: false, whose: 'relative' } }],
    ['她今年都八十二了', { age: { years: 82, atLeast: false, whose: 'relative' } }],
  ])('%s', (text, expected) => {
    expect(statedAnswers(text)).toEqual(expected);
  });

  it.each([
    ['示例县'],
    ['老板欠了我三个月工资两万块'],
    ['45'],
    ['我七十多了'],
    ['the city please'],
  ])('%s states nothing more', (text) => {
    expect(statedAnswers(text)).toEqual({});
  });
});

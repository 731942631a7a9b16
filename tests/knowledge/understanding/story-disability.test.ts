import { describe, expect, it } from 'vitest';
import { readDisability, statedFacts } from '../../../src/knowledge/understanding/story.js';

/**
 * Session 20: a disability stated in the story ("我是聋哑人 在厂里干了三年 老板突然说不要我了", "I'm blind and my landlord
 * kept my deposit") was not offered at the disability question, as an age is at the age question. Read here, offered
 * there in one tap, never recorded unconfirmed.
 */
describe('readDisability: a disability the story states, and whose', () => {
  it.each([
    ['我是聋哑人 在厂里干了三年 老板突然说不要我了', 'hearing', 'self'],
    ['俺是盲人，老板欠了俺两个月工资', 'visual', 'self'],
    ['我眼睛看不见了，工地老板不给钱', 'visual', 'self'],
    ['我是哑巴 老板一直不给我发工资', 'speech', 'self'],
    ['我坐轮椅的，单位把我辞退了', 'physical', 'self'],
    ['我是肢体残疾，在厂里受了伤', 'physical', 'self'],
    ['我是残疾人，老板拖欠我三个月工资', 'unspecified', 'self'],
    ['我有残疾证 老板不给我工资', 'unspecified', 'self'],
    ['我儿子是聋哑人，被派出所抓了', 'hearing', 'relative'],
    ['我妈是残疾人，我哥不给赡养费', 'unspecified', 'relative'],
    ['我爸眼睛瞎了，我弟不管他', 'visual', 'relative'],
    ["I'm blind and my landlord kept my deposit", 'visual', 'self'],
    ['I am deaf and my boss has not paid me for 3 months', 'hearing', 'self'],
    ["i'm in a wheelchair and the company fired me", 'physical', 'self'],
    ['I am disabled and my employer owes me wages', 'unspecified', 'self'],
    ['my son is deaf and mute, the police arrested him', 'hearing', 'relative'],
  ])('%s → %s (%s)', (text, kind, whose) => expect(readDisability(text)).toEqual({ kind, whose }));

  it.each([
    // Denied.
    '我不是残疾人，老板欠我工资',
    '我没有残疾，就是老板不给钱',
    "I'm not disabled but my boss owes me money",
    // Not yet certified: asked at the question, never assumed.
    '我腿断了 残疾证还没办下来 老板不给赔偿',
    '我是残疾人 残疾证还没办下来',
    // Not stated as a disability.
    '我眼睛不好使 老板还扣我工资',
    '老板说听不见我说话，把我开除了',
    '我耳朵有点背，老板欠我工资',
    // Someone who is not the resident or a relative.
    '老板专门欺负残疾人，欠我们工资',
    'the boss hires blind workers and does not pay them',
  ])('nothing: %s', (text) => expect(readDisability(text)).toBeUndefined());
});

describe('statedFacts: the disability beside the age', () => {
  it('keeps a deaf worker\'s disability with the story\'s other facts', () =>
    expect(statedFacts('我是聋哑人 在厂里干了三年 老板突然说不要我了', 'labor_contract').disability).toEqual({ kind: 'hearing', whose: 'self' }));
});

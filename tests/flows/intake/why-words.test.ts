import { describe, expect, it } from 'vitest';
import { asksWhy } from '../../../src/flows/intake/why-words.js';

describe('asksWhy', () => {
  it.each([['为什么要问年龄'], ['为什么？'], ['why?'], ['问这个干嘛'], ['为啥要填这个'], ['why do you need my age?'], ['what is this for'], ['凭什么要告诉你收入']])(
    'hears "%s" as asking why the question is asked',
    (text) => expect(asksWhy(text)).toBe(true),
  );

  it.each([['45'], ['没有残疾'], ['为什么老板不给我发工资，我在工地干了半年，包工头说钱被挪用了，一直拖着不给，我该怎么办'], ['不清楚'], ['whyte']])(
    'does not take "%s" for it',
    (text) => expect(asksWhy(text)).toBe(false),
  );
});

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

describe('asksWhy: the question on screen not understood', () => {
  it.each([['啥期限？我不懂'], ['什么意思'], ['这是啥意思啊'], ['看不懂'], ['我不明白'], ['什么叫保全？'], ['what do you mean?'], ["i don't understand"], ['i dont understand'], ['huh?']])(
    'hears "%s" as not understanding the question',
    (text) => expect(asksWhy(text)).toBe(true),
  );

  it.each([['我不懂法律，老板欠我钱怎么办'], ['不懂就问，法援要钱吗'], ['what does legal aid cover?'], ['不知道']])('does not take "%s" for it', (text) =>
    expect(asksWhy(text)).toBe(false),
  );
});

describe('asksWhy: as residents type it (session 9)', () => {
  it.each([['y do u need this'], ['whats this for'], ['what for?'], ['要这个干啥'], ['问这个做啥'], ['你问这个干什么'], ['这个有啥用']])(
    'hears "%s" as asking why',
    (text) => expect(asksWhy(text)).toBe(true),
  );

  it.each([['我不知道干什么好'], ['他干啥都不管'], ['老板说这个月不发了']])('does not take "%s" for it', (text) => expect(asksWhy(text)).toBe(false));
});

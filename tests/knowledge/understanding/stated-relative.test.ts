import { describe, expect, it } from 'vitest';
import { statedRelative } from '../../../src/knowledge/understanding/stated-relative.js';

describe('statedRelative (whom a resident says they apply for)', () => {
  it.each([
    ['我替我妈申请', 'child', 'zh-CN'],
    ['帮我爸问一下', 'child', 'zh-CN'],
    ['我想给我老公申请法律援助', 'spouse', 'zh-CN'],
    ['替我儿子申请', 'parent', 'zh-CN'],
    ['帮俺娘问问', 'child', 'zh-CN'],
    ['为我奶奶咨询一下赡养的事', 'grandchild', 'zh-CN'],
    ['帮我姐打官司', 'sibling', 'zh-CN'],
    // Session 11: a relative something was done to ("我儿子被拘留了") — their matter, brought by the resident.
    ['我儿子被拘留了 能申请法律援助吗', 'parent', 'zh-CN'],
    ['俺爸前天被车撞了', 'child', 'zh-CN'],
    ["I'm applying for my mother", 'child', 'en'],
    ['can i apply on behalf of my husband', 'spouse', 'en'],
    ['asking for my son, he was arrested', 'parent', 'en'],
  ])('%s → the resident is the applicant’s %s', (text, role, locale) => {
    expect(statedRelative(text)).toEqual({ role, locale });
  });

  it.each([
    ['我妈的事'],               // whose matter, but not that the resident applies for her
    ['帮家里人申请'],            // no role to offer
    ['我给我老公打电话他不接'],    // 给 as "to", no application
    ['老板不给我钱'],
    ['我老公打我'],             // the resident's own matter
    ['我儿子欠了别人钱'],         // no 被: not said that it was done to him
    ['老板被抓了'],
    ['I work for my uncle'],
    ['apply for my cousin'],    // a relation the kinship question has no one-word role for
  ])('does not guess from %s', (text) => {
    expect(statedRelative(text)).toBeUndefined();
  });
});

describe("statedRelative: the resident's own role said directly", () => {
  it.each([
    ['我是他妈', 'parent', 'zh-CN'],
    ['俺是她闺女', 'child', 'zh-CN'],
    ['我是他老婆', 'spouse', 'zh-CN'],
    ['im his mom', 'parent', 'en'],
    ["I'm her daughter", 'child', 'en'],
  ])('%s → %s', (text, role, locale) => expect(statedRelative(text)).toEqual({ role, locale, own: true }));

  it.each([['I am their lawyer'], ['我是他同事']])('does not guess from %s', (text) => expect(statedRelative(text)).toBeUndefined());
});

describe('statedRelative: a relative named as the one it happened to, with words between or in English (session 16)', () => {
  it.each([
    ['我儿子今年17 昨天被派出所抓了', 'parent', 'zh-CN'],
    ['我老公在工地上被砸伤了', 'spouse', 'zh-CN'],
    ['my son was arrested by police yesterday, he is 17', 'parent', 'en'],
    ['the cops took my husband last night', 'spouse', 'en'],
    ['my dad got hit by a car on his way home', 'child', 'en'],
  ])('%s → %s', (text, role, locale) => expect(statedRelative(text)).toEqual({ role, locale }));

  it.each([
    ['my husband got drunk and was hitting me again'],
    ['my husband was drunk and hit me'],
    ['我老公喝醉了被我赶出去了'],
    ['我儿子打架把人打伤了'],
  ])('does not guess from %s', (text) => expect(statedRelative(text)).toBeUndefined());
});

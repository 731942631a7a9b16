import { describe, expect, it } from 'vitest';
import { unansweredText } from '../../../src/knowledge/faq/unanswered-text.js';

describe('unansweredText (what `kb unanswered` may keep of a question the bot could not answer)', () => {
  it.each([
    ['a bare name', '王秀英'],
    ['a bare two-character name', '张伟'],
    ['a compound surname', '欧阳娜娜'],
    ['a name with its form of address', '李大爷'],
    ['a name said as who one is', '我是王秀英'],
    ['a name after 我叫', '我叫王建国。'],
    ['a phone number', '13800138000'],
    ['a phone number with words', '我的手机号是 138-0013-8000'],
    ['an ID-card number', '110101199003074512'],
    ['an ID-card number with words', '身份证号：11010119900307451X'],
    ['a name and a phone number', '王秀英 13800138000'],
    ['a name, a phone and an ID number', '姓名王秀英，电话13800138000，身份证110101199003074512'],
    ['an English name', 'Wang Xiuying'],
    ['an English name said as such', 'my name is John Smith'],
    ['a landline', '010-12345678'],
    // Session 16: a relative's name, typed by a wife whose husband the police took.
    ["a relative's name said as such", 'his name is Zhang Wei'],
    ["a relative's name after 他叫", '他叫张伟'],
  ])('keeps nothing of %s (%s)', (_kind, text) => {
    expect(unansweredText(text)).toBeNull();
  });

  it.each([
    ['a question with a phone number: the number masked', '我的电话13812345678，小区停车位被占了', '我的电话[PHONE]，小区停车位被占了'],
    ['a question with an ID number: the number masked', '身份证110101199003074512丢了怎么补办', '身份证[ID]丢了怎么补办'],
    ['a question after a name: the name masked', '我叫张三，老板欠我工资', '我叫[NAME]，老板欠我工资'],
    ['an ordinary question', '怎么养猫', '怎么养猫'],
    // Only the words that introduce personal data, with none after them: nothing personal to keep out.
    ['asking for a phone number, with none given', '电话', '电话'],
    ['the same, 手机号', '手机号', '手机号'],
    ['a callback asked for', 'call me', 'call me'],
    ['an unfinished sentence', '我是', '我是'],
    ['a short topic word that starts like a surname', '高利贷', '高利贷'],
    ['another', '方法', '方法'],
    ['a short topic', '安全生产', '安全生产'],
    ['an English question', 'how do I get my deposit back', 'how do I get my deposit back'],
    ['an English topic in capitals', 'Online Shopping', 'Online Shopping'],
  ])('keeps %s', (_kind, text, kept) => {
    expect(unansweredText(text)).toBe(kept);
  });
});

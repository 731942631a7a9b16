import { describe, expect, it } from 'vitest';
import { onlyPhoneIn, readName, readPhone, statedNameIn } from '../../../src/flows/intake/contact-validation.js';

describe('a phone number as residents type it', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['010-12345678', '01012345678'],
    // Session 4: the words around it.
    ['my number is 138 1234 5678', '13812345678'],
    ['我的电话是13812345678', '13812345678'],
    ['手机：13812345678', '13812345678'],
    ['电话13812345678。', '13812345678'],
    ["it's 13812345678", '13812345678'],
  ])('%s → %s', (typed, phone) => expect(readPhone(typed)).toBe(phone));

  it.each(['12345', '1381234567', '我没有手机', '13812345678 or 13900001111'])('is not a number: %s', (typed) => expect(readPhone(typed)).toBeNull());
});

describe('a name as residents type it', () => {
  it.each([
    ['张三', '张三'],
    ['Li Ming', 'Li Ming'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    // Session 4: "my name is …", "我叫…" gave the name with the words in front.
    ["its Li Ming", 'Li Ming'],
    ['my name is Li Ming', 'Li Ming'],
    ["I'm Wang Fang", 'Wang Fang'],
    ['我叫王秀英', '王秀英'],
    ['我是张三', '张三'],
    ['名字：李四', '李四'],
    ['Imran Khan', 'Imran Khan'],
    ['Itsuki', 'Itsuki'],
  ])('%s → %s', (typed, name) => expect(readName(typed)).toBe(name));
});

describe('a name said with more (session 9)', () => {
  it.each([
    ['我叫王大力，在工地干了半年，老板不给钱', '王大力'],
    ['王大力 13912345678', '王大力'],
    ['俺叫李二狗', '李二狗'],
    ['本人张伟', '张伟'],
    ['Li Wei, 138 0013 8000', 'Li Wei'],
  ])('reads %s as %s', (text, name) => {
    expect(readName(text)).toBe(name);
  });

  it.each([['张三3'], ['我在工地干了半年，老板不给钱，现在也找不到人'], ['老板跑了，怎么办']])('still refuses %s', (text) => {
    expect(readName(text)).toBeNull();
  });
});

// Session 10: "张伟 怎么办" was recorded as the name "张伟 怎么办".
describe('a name followed by a question', () => {
  it.each([
    ['张伟 怎么办', '张伟'],
    ['李强怎么办啊', '李强'],
    ['王秀英，然后呢？', '王秀英'],
    ['张伟 接下来怎么弄', '张伟'],
    ['我叫刘芳 这样可以吗', '刘芳'],
    ['Li Wei what now', 'Li Wei'],
    ['Li Wei, what do i do next?', 'Li Wei'],
  ])('reads %s as %s', (text, name) => expect(readName(text)).toBe(name));

  it.each([['怎么办'], ['要写真名吗'], ['老板跑了怎么办'], ['what now'], ['这个怎么填']])('is no name: %s', (text) => {
    expect(readName(text)).toBeNull();
  });
});

describe('the one mobile number inside a longer answer at the phone question', () => {
  it.each([
    ['我没有手机 用我姐姐的 13912345678', '13912345678'],
    ['打我女儿电话139 1234 5678，她会转告我', '13912345678'],
    ['i dont have phone, use my friend 13700001111', '13700001111'],
    // Several numbers, or none: not guessed.
    ['13700001111 or 13800002222', null],
    ['我没有手机', null],
    ['我家座机 0571-88886666', null],
  ])('%s → %s', (text, phone) => {
    expect(onlyPhoneIn(text)).toBe(phone);
  });
});

describe('statedNameIn (a name introduced in the account)', () => {
  it.each([
    ['我叫李建国，今年52岁，在示例县一个工地干了8个月', '李建国'],
    ['你好，我叫王秀英。老公天天打我', '王秀英'],
    ['my name is Ali Khan, my boss did not pay me', 'Ali Khan'],
  ])('%s → %s', (text, name) => expect(statedNameIn(text)).toBe(name));
  it.each(['我是农民工，老板欠我工资', '老板叫王大力，欠我三万', '我叫他还钱他不还，怎么办'])('%s names no resident', (text) => expect(statedNameIn(text)).toBeNull());
});

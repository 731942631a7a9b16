import { describe, expect, it } from 'vitest';
import { redactPersonalData } from '../../../src/knowledge/faq/redact.js';

describe('redactPersonalData', () => {
  it.each([
    ['电话13812345678', '电话[PHONE]'],
    ['call +86 138-1234-5678 please', 'call [PHONE] please'],
    ['座机010-12345678', '座机[PHONE]'],
    ['身份证110101199003074512', '身份证[ID]'],
    ['id 11010119900307451X ok', 'id [ID] ok'],
    ['卡号6222 0212 3456 7890 123', '卡号[CARD]'],
    ['write to zhang.san@example.com', 'write to [EMAIL]'],
    ['我叫张三，老板欠我工资', '我叫[NAME]，老板欠我工资'],
    ['我叫李四今年35岁', '我叫[NAME]今年35岁'],
    ['My name is John Smith and I need help', 'My name is [NAME] and I need help'],
    ['我住在中山路12号3单元', '我住在[ADDRESS]'],
    ['案号1234567', '案号[NUMBER]'],
    ['１３８１２３４５６７８', '[PHONE]'],
  ])('redacts %s', (input, output) => {
    expect(redactPersonalData(input)).toBe(output);
  });

  it('keeps amounts, ages and ordinary words', () => {
    expect(redactPersonalData('我是农民工，老板欠我3000块，干了2年')).toBe('我是农民工，老板欠我3000块，干了2年');
    expect(redactPersonalData('my name is not important, call 12348')).toBe('my name is not important, call 12348');
  });
});

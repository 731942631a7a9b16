import { describe, expect, it } from 'vitest';
import { standardMandarin, withoutFinalParticles } from '../../../src/knowledge/understanding/colloquial.js';

describe('colloquial Chinese read in standard words for the knowledge base', () => {
  it.each([
    ['啥是法律援助啊 俺不懂', '什么是法律援助啊'],
    ['咋申请啊 俺不会弄', '怎么申请啊'],
    ['老板欠俺工钱咋整', '老板欠我工钱怎么办'],
    ['法援要钱不', '法援要钱吗'],
    ['多久能批下来呗', '多久能批下来'],
    ['法律援助是什么哈', '法律援助是什么'],
    ['俺不知道咋弄 欠薪咋办', '欠薪怎么办'],
    ['俺想问问法律援助要钱不', '法律援助要钱吗'],
    ['离婚了娃归谁啊', '离婚了孩子归谁啊'],
    ['俺家那口子老打俺', '我爱人老打我'],
    ['俺爹走了 房子咋分呗', '我爸走了 房子怎么分'],
    ['法援是个啥玩意儿', '法援是什么'],
  ])('reads %s as %s', (typed, standard) => {
    expect(standardMandarin(typed)).toBe(standard);
  });

  it.each([
    ['哈尔滨的法援中心在哪'],
    ['回娘家住了半年，他不让我回去'],
    ['合同看不懂怎么办'],
    ['what is legal aid'],
  ])('leaves %s as it is', (text) => {
    expect(standardMandarin(text)).toBe(text);
  });

  it('keeps an aside that is the whole message (there is nothing else to ask with)', () => {
    expect(standardMandarin('俺不懂')).toBe('我不懂');
  });

  it.each([
    ['没残疾哈', '没残疾'],
    ['俺是农民工呗', '俺是农民工'],
    ['哈尔滨', '哈尔滨'],
    ['no haha', 'no haha'],
  ])('an answer %s is read against the options as %s', (typed, read) => {
    expect(withoutFinalParticles(typed)).toBe(read);
  });
});

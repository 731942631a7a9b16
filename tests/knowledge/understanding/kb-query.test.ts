import { describe, expect, it } from 'vitest';
import { kbQuery } from '../../../src/knowledge/understanding/kb-query.js';

describe('the words the knowledge base is asked with', () => {
  it.each([
    ['我替我老公申请可以吗', '我替家里人申请可以吗'],
    ['我给我老公申请法律援助可以吗', '我给家里人申请法律援助可以吗'],
    ['能替我婆婆申请法援吗', '能替家里人申请法援吗'],
    ['我代我媳妇申请行不行', '我代家里人申请行不行'],
    ['帮我爸办法律援助要带什么', '帮家里人办法律援助要带什么'],
  ])('names the relative an application is for as a family member: %s', (text, asked) => {
    expect(kbQuery(text)).toBe(asked);
  });

  it.each([
    ['我怕我老公知道我来咨询，你们会替我保密吗'],
    ['我老公打我，我能申请法律援助吗'],
    ['帮我老公打官司要多少钱'],
    ['我儿子被抓了怎么办'],
    ['can I apply for my husband'],
  ])('leaves other questions as they are: %s', (text) => {
    expect(kbQuery(text)).toBe(text);
  });

  it.each([
    ['孩子会不会坐牢啊 我好害怕', '孩子会不会坐牢啊'],
    ['我好着急，老板跑了工资还能要回来吗', '老板跑了工资还能要回来吗'],
    ['will my son go to jail? im so scared', 'will my son go to jail?'],
  ])('leaves out a feeling said in a clause of its own: %s', (text, asked) => {
    expect(kbQuery(text)).toBe(asked);
  });

  it.each([['我好害怕'], ['我怕老公知道'], ['我好害怕他回来打我 怎么办'], ['im scared']])('keeps a feeling that is the question or tied to it: %s', (text) => {
    expect(kbQuery(text)).toBe(text);
  });
});

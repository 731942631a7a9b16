import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { FaqIndex } from '../../../src/knowledge/faq/faq-index.js';
import { loadSynonymsFile, SynonymDictionary } from '../../../src/knowledge/faq/synonyms.js';
import { TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';

// The seed knowledge base: which pair of characters is "known" depends on the real vocabulary.
const knowledge = path.resolve(import.meta.dirname, '../../../knowledge');
const { entries } = readEntryFiles(path.join(knowledge, 'faq'));
const synonyms = loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups;
const kb = KnowledgeBase.fromEntries(entries, { synonyms });
const zh = FaqIndex.build(entries, 'zh-CN', new TextAnalyzer(new SynonymDictionary(synonyms)));
const offered = (question: string) => {
  const { match } = kb.judge(question);
  return match.band === 'answer' ? [match.topic] : match.candidates;
};

describe('homophone typos from pinyin input', () => {
  it.each([
    ['请律师要多少前', 'cost'], // 前 → 钱
    ['发律援助怎么申情', 'how_to_apply'], // 发 → 法, 情 → 请
    ['老版不给公资 咋办', 'wage_arrears'], // 老版 → 老板, 公资 → 工资
  ])('finds the entry for %s instead of "I cannot answer that yet"', (question, topic) => {
    expect(offered(question)).toContain(topic);
  });

  it('does not rewrite a character that forms no known word after the change', () => {
    // 限号 would read as 线号 (of 热线号码), but 线 and 号 stay loose characters: no correction.
    const { match } = kb.judge('明天限号吗');
    expect(match.band).not.toBe('answer');
  });

  it('rewrites the typo pairs and leaves correctly written words as they are', () => {
    expect(zh.correctHomophones('发律援助怎么申情')).toBe('法律援助怎么申请');
    expect(zh.correctHomophones('请律师要多少前')).toBe('请律师要多少钱');
    for (const written of ['拖欠工资怎么办', '我想报警', '孩子抚养费不给', '明天限号吗']) expect(zh.correctHomophones(written)).toBe(written);
  });
});

describe('English as residents type it', () => {
  it('corrects a long word missing a letter (aplication)', () => {
    expect(offered('how do i check my aplication')).toEqual(offered('how do i check my application'));
  });

  // Written for this test, not taken from the evaluation set: a resident's everyday word finds the
  // entry written with the other one (general-vocabulary synonyms, contractions, informal spellings).
  it.each([
    ['the landlord evicted me and kept my deposit', 'rent_deposit'],
    ["my boss hasn't paid me for two months", 'wage_arrears'],
    ['my boss hasnt paid me for two months', 'wage_arrears'],
    ['i was conned out of my savings by a man on the phone', 'fraud_scam'],
    ['the judge ordered him to pay but he never did', 'judgment_enforcement'],
    ['a loan shark keeps ringing my mum at work', 'debt_collection'],
  ])('offers the right entry first for "%s"', (question, topic) => {
    expect(offered(question)[0]).toBe(topic);
  });

  it('reads "allowed" as carrying no topic, so it does not pull in an entry that happens to use it', () => {
    expect(offered('who is allowed to get legal aid')).toContain('who_qualifies');
  });
});

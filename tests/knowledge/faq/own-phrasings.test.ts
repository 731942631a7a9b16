import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';
import { entry } from './fixtures.js';

// The seed knowledge base: whether a question of one common word is answered depends on the real vocabulary.
const knowledge = path.resolve(import.meta.dirname, '../../../knowledge');
const { entries } = readEntryFiles(path.join(knowledge, 'faq'));
const synonyms = loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups;
const kb = KnowledgeBase.fromEntries(entries, { synonyms });

describe('a question in the words of an entry phrasing (session 15)', () => {
  // "do i have to pay anything" is a phrasing of `cost`; asked with "for this?" after it, its only content word is
  // "pay", which twenty entries share, so the best entry won by 6% and the resident got "did you mean".
  it('is answered with that entry when the other words are stopwords', () => {
    for (const q of ['do i have to pay anything for this?', 'do i have to pay anything', 'Do I have to pay anything??']) {
      expect(kb.judge(q, 'en').match, q).toMatchObject({ band: 'answer', topic: 'cost' });
    }
  });

  it('is answered with that entry when typed with a slip the spelling correction mends', () => {
    // "i got sacked" is labor_contract's; "dismisssed" one letter off "dismissed" is mended by the index.
    expect(kb.judge('i got sacked', 'en').match).toMatchObject({ band: 'answer', topic: 'labor_contract' });
  });

  it('every English phrasing of the seed entries is answered with its own entry, unless another entry has its words', () => {
    const missed: string[] = [];
    const shared: string[] = [];
    for (const e of entries) {
      for (const q of e.questions.en) {
        const owner = kb.search(q, 'en', 3).phrasingOf;
        if (owner === undefined) shared.push(q);
        else expect(owner).toBe(e.id);
        const { match } = kb.judge(q, 'en');
        if (owner !== undefined && (match.band !== 'answer' || match.topic !== e.id)) missed.push(`${e.id}: ${q} → ${match.band} ${match.topic ?? ''}`);
      }
    }
    expect(missed).toEqual([]);
    // Phrasings of two entries with the same words once stopwords are left out ("can i get legal aid", "how can i get
    // legal aid"): left to the ranking. Few, and worth rewording in the entries.
    expect(shared.length).toBeLessThan(40);
  });

  it('does not decide between two entries that both have a phrasing of the same words', () => {
    const two = [
      entry('alpha', { questions: { 'zh-CN': ['甲问题一', '甲问题二', '甲问题三', '甲问题四', '甲问题五'], en: ['do i have to pay', 'alpha one', 'alpha two', 'alpha three', 'alpha four'] } }),
      entry('beta', { questions: { 'zh-CN': ['乙问题一', '乙问题二', '乙问题三', '乙问题四', '乙问题五'], en: ['do i pay', 'beta one', 'beta two', 'beta three', 'beta four'] } }),
    ];
    const small = KnowledgeBase.fromEntries(two);
    expect(small.search('do i have to pay anything', 'en').phrasingOf).toBeUndefined();
    expect(KnowledgeBase.fromEntries([two[0]!, entry('gamma')]).search('do i have to pay anything', 'en').phrasingOf).toBe('alpha');
  });
});

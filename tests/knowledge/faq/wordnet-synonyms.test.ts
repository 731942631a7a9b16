import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING, FaqIndex } from '../../../src/knowledge/faq/faq-index.js';
import { stem } from '../../../src/knowledge/faq/english.js';
import { TextAnalyzer } from '../../../src/knowledge/faq/text-analyzer.js';
import { wordnetSynonyms } from '../../../src/knowledge/faq/wordnet-synonyms.js';
import { SMALL_KB } from './fixtures.js';

const analyzer = new TextAnalyzer();
const withWordnet = FaqIndex.build(SMALL_KB, 'en', analyzer, { ...DEFAULT_RANKING, wordnet: { weight: 0.5, perWord: 2 } });
const without = FaqIndex.build(SMALL_KB, 'en', analyzer, { ...DEFAULT_RANKING, wordnet: { weight: 0, perWord: 2 } });

describe('WordNet synonyms of words the index does not know', () => {
  it('lists common synonyms of a word, as stems, most frequent senses first', () => {
    expect(wordnetSynonyms(stem('attorney'))).toContain(stem('lawyer'));
    expect(wordnetSynonyms(stem('remuneration')).slice(0, 2)).toEqual([stem('wage'), stem('pay')]);
    expect(wordnetSynonyms('zzzq')).toEqual([]);
  });

  it('finds the entry whose phrasings use a synonym of a word no entry uses', () => {
    expect(without.search('where is my remuneration').ranked).toEqual([]);
    expect(withWordnet.search('where is my remuneration').ranked[0]!.id).toBe('wage_arrears');
  });

  it('trusts a synonym less than the word itself', () => {
    const bySynonym = withWordnet.search('where is my remuneration');
    const byWord = withWordnet.search('where is my wage');
    expect(bySynonym.known).toBeLessThan(byWord.known);
    expect(bySynonym.ranked[0]!.coverage).toBeLessThan(byWord.ranked[0]!.coverage);
    expect(bySynonym.ranked[0]!.score).toBeLessThan(byWord.ranked[0]!.score);
  });

  it('leaves words the index knows, and Chinese indexes, as they were', () => {
    expect(withWordnet.search('my wife refuses to divorce')).toEqual(without.search('my wife refuses to divorce'));
    const zh = FaqIndex.build(SMALL_KB, 'zh-CN', analyzer);
    expect(zh.search('where is my remuneration').ranked).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markAges } from '../../../src/knowledge/faq/english.js';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';

// Session 19: English as residents write it, on the seed knowledge base. The questions are written for this test,
// not taken from an evaluation set.
const knowledge = path.resolve(import.meta.dirname, '../../../knowledge');
const { entries } = readEntryFiles(path.join(knowledge, 'faq'));
const synonyms = loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups;
const kb = KnowledgeBase.fromEntries(entries, { synonyms });
const first = (question: string) => {
  const { match } = kb.judge(question, 'en');
  return match.band === 'answer' ? match.topic : match.candidates[0];
};

describe('a stated age (session 19)', () => {
  it.each([
    ['my boy is 15', 'my boy is 15 minor'],
    ['a 13 year old girl', 'a 13 year old minor girl'],
    ['our 17yo', 'our 17yo minor'],
    ['aged 72', 'aged 72 elderly'],
    ['i am 81 and live alone', 'i am 81 elderly and live alone'],
    ['my niece 9 was hurt', 'my niece 9 minor was hurt'],
  ])('marks "%s" as a minor or an elderly person', (text, marked) => {
    expect(markAges(text)).toBe(marked);
  });

  it.each([
    'my brother is 30',
    'she is 4 months pregnant',
    'he was 2 hours late',
    'i am 15 days late with the rent',
    'the 12 workers were not paid',
    'deposit is 3000',
  ])('leaves "%s" alone: an adult, or not an age', (text) => {
    expect(markAges(text)).toBe(text);
  });

  it('reads a teenager arrested as a minor\'s case', () => {
    expect(first('cops picked up my lad, he is 16, will they give him a lawyer')).toBe('minors');
  });
});

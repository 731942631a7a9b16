import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { evaluateKnowledgeBase, readLabelledQuestions } from '../../../src/knowledge/faq/evaluate.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';
import { phrasingKey } from '../../../src/knowledge/faq/validate-entry.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const questions = readLabelledQuestions(path.join(ROOT, 'eval/faq/questions.jsonl'));
const outOfDomain = readLabelledQuestions(path.join(ROOT, 'eval/faq/out-of-domain.jsonl'));
const { entries } = readEntryFiles(path.join(ROOT, 'knowledge/faq'));
const synonyms = loadSynonymsFile(path.join(ROOT, 'knowledge/synonyms.yaml')).groups;

describe('the labelled evaluation set', () => {
  it('has at least 200 questions in both languages and 30 off-topic ones', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const zh = questions.filter((q) => q.locale === 'zh-CN').length;
    expect(Math.min(zh, questions.length - zh)).toBeGreaterThanOrEqual(90);
    expect(outOfDomain.length).toBeGreaterThanOrEqual(30);
    expect(outOfDomain.every((q) => q.topic === null)).toBe(true);
  });

  it('labels every question with an existing topic', () => {
    const ids = new Set(entries.map((e) => e.id));
    expect(questions.filter((q) => !ids.has(q.topic ?? ''))).toEqual([]);
  });

  it('is not copied from the entries', () => {
    const phrasings = new Set(entries.flatMap((e) => [...e.questions['zh-CN'], ...e.questions.en, e.title['zh-CN'], e.title.en].map(phrasingKey)));
    expect(questions.filter((q) => phrasings.has(phrasingKey(q.question)))).toEqual([]);
  });
});

describe('answer quality on the evaluation set', () => {
  const report = evaluateKnowledgeBase(KnowledgeBase.fromEntries(entries, { synonyms }), questions, outOfDomain);

  it('ranks the right entry first for at least 90% of questions in each language', () => {
    expect(report.locales['zh-CN'].accuracyAt1).toBeGreaterThanOrEqual(0.9);
    expect(report.locales.en.accuracyAt1).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects at least 90% of off-topic questions', () => {
    expect(report.outOfDomain.rejection).toBeGreaterThanOrEqual(0.9);
  });

  it('gives a confident wrong answer to at most 3% of questions', () => {
    expect(report.confidentWrong.rate).toBeLessThanOrEqual(0.03);
  });
});

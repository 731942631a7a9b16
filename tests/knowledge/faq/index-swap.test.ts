import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesizeEntries, versionedStore } from '../../../bench/faq-latency.js';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { readLabelledQuestions } from '../../../src/knowledge/faq/evaluate.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { entries: seed } = readEntryFiles(path.join(ROOT, 'knowledge', 'faq'));
const synonyms = loadSynonymsFile(path.join(ROOT, 'knowledge', 'synonyms.yaml')).groups;
const QUESTIONS = ['dev/questions.jsonl', 'dev/resident-questions.jsonl', 'dev/off-topic.jsonl'].flatMap((f) =>
  readLabelledQuestions(path.join(ROOT, 'eval', 'faq', f)),
);

const byId = (id: string) => seed.find((e) => e.id === id)!;

describe('an edit applied to the running bot', () => {
  it('answers every evaluation question exactly as a fresh build of the same entries', async () => {
    const { store, save, remove, current } = versionedStore(seed);
    const kb = await KnowledgeBase.open(store, { synonyms });
    try {
      expect(kb.buildsOffThread).toBe(true);
      const rent = byId('rent_deposit');
      save({ ...rent, questions: { ...rent.questions, 'zh-CN': [...rent.questions['zh-CN'], '房东扣了我的空调遥控器押金'] }, tags: [...rent.tags, '遥控器'] });
      await kb.refreshIfChanged();
      const wage = byId('wage_arrears');
      save({ ...wage, questions: { ...wage.questions, en: [...wage.questions.en, 'the foreman kept my last two weeks of pay'] } });
      remove('fraud_scam');
      save({ ...byId('divorce'), id: 'divorce_abroad', title: { 'zh-CN': '在国外结婚怎么离婚', en: 'Divorce after marrying abroad' }, related: [] });
      await kb.refreshIfChanged();

      const fresh = KnowledgeBase.fromEntries(current(), { synonyms });
      const answers = (k: KnowledgeBase) => QUESTIONS.map((q) => k.judge(q.question, q.locale));
      expect(answers(kb)).toEqual(answers(fresh));
      expect(kb.entries.map((e) => e.id)).toEqual(current().map((e) => e.id));
    } finally {
      await kb.close();
    }
  });

  it('leaves questions asked while it is being applied to the old index and entries, then switches both at once', async () => {
    const { store, save } = versionedStore(seed);
    const kb = await KnowledgeBase.open(store, { synonyms });
    try {
      const rent = byId('rent_deposit');
      const question = 'zorblax zorblax deposit';
      const before = kb.match(question);
      expect(before.topic).not.toBe('rent_deposit');
      save({ ...rent, questions: { ...rent.questions, en: [...rent.questions.en, 'the zorblax kept my deposit'] }, tags: [...rent.tags, 'zorblax'] });

      let applied = false;
      const refreshed = kb.refreshIfChanged().then(() => {
        applied = true;
      });
      const seen: { applied: boolean; answer: string | null; entryEdited: boolean }[] = [];
      while (!applied) {
        seen.push({ applied, answer: kb.match(question).topic, entryEdited: kb.entry('rent_deposit')!.tags.includes('zorblax') });
        await new Promise((resolve) => setImmediate(resolve));
      }
      await refreshed;
      seen.push({ applied, answer: kb.match(question).topic, entryEdited: kb.entry('rent_deposit')!.tags.includes('zorblax') });

      expect(seen.length).toBeGreaterThan(2);
      // Until the edit is applied: the old answer and the old entry; afterwards both new.
      expect(seen.filter((s) => !s.applied)).toEqual(seen.filter((s) => !s.applied).map(() => ({ applied: false, answer: before.topic, entryEdited: false })));
      expect(seen.at(-1)).toEqual({ applied: true, answer: 'rent_deposit', entryEdited: true });
    } finally {
      await kb.close();
    }
  });

  it('takes no new memory on the main thread for an edit', async () => {
    const entries = synthesizeEntries(seed, 800);
    const { store, save } = versionedStore(entries);
    const kb = await KnowledgeBase.open(store, { synonyms });
    // V8 counts buffers the main thread receives as external memory: growing by an index per edit, it
    // schedules full collections with long marking steps that stop every conversation.
    const held = () => process.memoryUsage().external;
    try {
      const edit = async (n: number) => {
        const target = entries[n * 37]!;
        save({ ...target, tags: [...target.tags, `operator tag ${n}`] });
        await kb.refreshIfChanged();
      };
      await edit(1);
      const before = held();
      for (let n = 2; n <= 9; n++) await edit(n);
      // The index of 800 entries is about 3 MB: eight edits add less than one.
      expect(held() - before).toBeLessThan(1_000_000);
    } finally {
      await kb.close();
    }
  }, 60_000);
});

describe('closing the knowledge base', () => {
  it('while its first index is being built settles `ready` instead of leaving it waiting, and builds nothing on the main thread', async () => {
    const { store } = versionedStore(synthesizeEntries(seed, 400));
    const errors: unknown[] = [];
    const kb = await KnowledgeBase.open(store, { synonyms, waitForIndex: false, onError: (error) => errors.push(error) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await kb.close();
    const outcome = await Promise.race([
      kb.ready.then(
        () => 'resolved',
        () => 'rejected',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3000)),
    ]);
    expect(outcome).toBe('rejected');
    // Nothing was built on this thread after the close: questions still get "I do not know".
    expect(kb.match('老板欠我三个月工资不给').band).toBe('unknown');
  });
});

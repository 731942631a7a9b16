import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../src/knowledge/faq/faq-entry.js';
import { readEntryFiles } from '../../../src/knowledge/faq/entry-files.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import type { KnowledgeStore } from '../../../src/knowledge/faq/knowledge-store.js';
import { loadSynonymsFile } from '../../../src/knowledge/faq/synonyms.js';

const KNOWLEDGE = path.resolve(import.meta.dirname, '../../../knowledge');
const { entries: seed } = readEntryFiles(path.join(KNOWLEDGE, 'faq'));
const synonyms = loadSynonymsFile(path.join(KNOWLEDGE, 'synonyms.yaml')).groups;

/** An in-memory store; with `versions`, it reports entry versions so an edit is sent alone. */
function memoryStore(versions: boolean) {
  const state = { entries: [...seed], version: new Map(seed.map((e) => [e.id, 1])), rev: 1, fullReads: 0, partialReads: 0 };
  const store: KnowledgeStore = {
    revision: async () => state.rev,
    listEntries: async () => {
      state.fullReads++;
      return state.entries;
    },
    seedIfEmpty: async () => 0,
    recordUnanswered: async () => undefined,
    ...(versions
      ? {
          listVersions: async () => state.entries.map((e) => ({ id: e.id, version: state.version.get(e.id)! })),
          getEntries: async (ids: readonly string[]) => {
            state.partialReads++;
            return state.entries.filter((e) => ids.includes(e.id));
          },
        }
      : {}),
  };
  const save = (entry: FaqEntry) => {
    state.entries = [...state.entries.filter((e) => e.id !== entry.id), entry];
    state.version.set(entry.id, (state.version.get(entry.id) ?? 0) + 1);
    state.rev++;
  };
  const remove = (id: string) => {
    state.entries = state.entries.filter((e) => e.id !== id);
    state.rev++;
  };
  return { store, state, save, remove };
}

const QUESTIONS = ['老板欠我三个月工资不给', 'my landlord will not give my deposit back', '被骗了钱能追回来吗', 'how do i apply for legal aid', '今天天气怎么样'];

describe('the FAQ index built in a worker thread', () => {
  for (const versions of [true, false]) {
    it(`answers exactly like an index built on the main thread, and picks up an edit and a removal (${versions ? 'only the edited entry is read' : 'store without versions'})`, async () => {
      const { store, state, save, remove } = memoryStore(versions);
      const kb = await KnowledgeBase.open(store, { synonyms });
      try {
        expect(kb.buildsOffThread).toBe(true);
        const local = KnowledgeBase.fromEntries(seed, { synonyms });
        for (const q of QUESTIONS) expect(kb.judge(q)).toEqual(local.judge(q));

        const rent = seed.find((e) => e.id === 'rent_deposit')!;
        save({ ...rent, questions: { ...rent.questions, 'zh-CN': [...rent.questions['zh-CN'], '房东扣了我的空调遥控器押金'] }, tags: [...rent.tags, '遥控器'] });
        expect(await kb.refreshIfChanged()).toBe(true);
        expect(kb.match('空调遥控器押金')).toMatchObject({ band: 'answer', topic: 'rent_deposit' });
        expect(kb.entry('rent_deposit')!.tags).toContain('遥控器');
        if (versions) expect(state).toMatchObject({ fullReads: 1, partialReads: 1 });

        remove('fraud_scam');
        await kb.refreshIfChanged();
        expect(kb.entry('fraud_scam')).toBeUndefined();
        expect(kb.match('被骗了钱能追回来吗').candidates).not.toContain('fraud_scam');
        expect(kb.entries.length).toBe(seed.length - 1);
      } finally {
        await kb.close();
      }
    });
  }

  it.runIf(process.platform === 'linux')('builds at a lower priority than the thread answering residents', async () => {
    const niceness = () =>
      fs.readdirSync(`/proc/${process.pid}/task`).map((t) => Number(fs.readFileSync(`/proc/${process.pid}/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    const before = Math.max(...niceness());
    // The test may itself run at a lower priority (nice); the builder runs at 10 or lower.
    const mine = os.getPriority();
    const { store } = memoryStore(true);
    const kb = await KnowledgeBase.open(store, { synonyms });
    try {
      expect(kb.buildsOffThread).toBe(true);
      expect(Math.max(...niceness())).toBeGreaterThanOrEqual(Math.max(before, mine, 10));
      expect(os.getPriority()).toBe(mine);
    } finally {
      await kb.close();
    }
  });

  it('can be turned off: the index is then built on the calling thread', async () => {
    const { store } = memoryStore(false);
    const kb = await KnowledgeBase.open(store, { synonyms, worker: false });
    expect(kb.buildsOffThread).toBe(false);
    expect(kb.match('老板欠我三个月工资不给')).toMatchObject({ topic: 'wage_arrears' });
  });
});

describe('opening without waiting for the index', () => {
  it('accepts questions at once ("I do not know", nothing recorded) and answers once the index is in', async () => {
    const { store } = memoryStore(true);
    const recorded: unknown[] = [];
    store.recordUnanswered = async (q) => {
      recorded.push(q);
    };
    const kb = await KnowledgeBase.open(store, { synonyms, waitForIndex: false });
    try {
      const early = await kb.ask('老板欠我三个月工资不给');
      expect(early.band).toBe('unknown');
      expect(recorded).toEqual([]);
      await kb.ready;
      expect(kb.match('老板欠我三个月工资不给')).toMatchObject({ band: 'answer', topic: 'wage_arrears' });
      await kb.ask('今天天气怎么样');
      expect(recorded).toHaveLength(1);
    } finally {
      await kb.close();
    }
  });
});

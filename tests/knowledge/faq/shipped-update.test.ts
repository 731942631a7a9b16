import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpEntryYaml } from '../../../src/knowledge/faq/entry-files.js';
import type { FaqEntry } from '../../../src/knowledge/faq/faq-entry.js';
import { KnowledgeBase, type ShippedUpdate } from '../../../src/knowledge/faq/knowledge-base.js';
import { openDatabase, type Database } from '../../../src/storage/database.js';
import { KbStore } from '../../../src/storage/kb-store.js';
import { migrate } from '../../../src/storage/migrate.js';
import { MIGRATIONS } from '../../../src/storage/migrations/index.js';
import { MemoryKnowledge } from '../../../src/storage/memory/memory-knowledge.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { entry, SMALL_KB } from './fixtures.js';

const [wages, divorce, cost] = SMALL_KB as [FaqEntry, FaqEntry, FaqEntry];
const answer = (e: FaqEntry, zh: string): FaqEntry => ({ ...e, answer: { 'zh-CN': zh, en: e.answer.en } });

function release(dir: string, entries: readonly FaqEntry[]): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const e of entries) fs.writeFileSync(path.join(dir, `${e.id}.yaml`), dumpEntryYaml(e));
  return dir;
}

/** A deployment as a release before the migration left it: seeded from that release's files, then edited. */
async function olderDeployment(dir: string): Promise<Database> {
  const db = await openDatabase(path.join(dir, 'kb.sqlite'));
  await migrate(db, MIGRATIONS.filter((m) => m.version < 19));
  for (const e of [wages, divorce, cost]) {
    const data = JSON.stringify(e);
    await db.run("INSERT INTO kb_entries (id, version, data, review_by, updated_at, updated_by) VALUES (?, 1, ?, NULL, 1, 'seed')", [e.id, data]);
    await db.run("INSERT INTO kb_entry_versions (entry_id, version, action, data, changed_by, changed_at) VALUES (?, 1, 'seed', ?, 'seed', 1)", [e.id, data]);
  }
  await migrate(db);
  return db;
}

async function start(store: KbStore | MemoryKnowledge, seedDir: string): Promise<{ kb: KnowledgeBase; update: ShippedUpdate | undefined }> {
  let update: ShippedUpdate | undefined;
  const kb = await KnowledgeBase.open(store, { seedDir, worker: false, onShippedUpdate: (u) => (update = u) });
  await kb.close();
  return { kb, update };
}

describe('a new release of the shipped knowledge base', () => {
  it('reaches the entries the operator never edited, with a record of it, and waits beside the edited ones', async () => {
    const dir = tempDir();
    const db = await olderDeployment(dir);
    const store = new KbStore(db);
    const mine = answer(divorce, '中心自己的离婚说明。请拨打{hotline}。');
    await store.saveEntries([mine], 'edit', { by: 'account:1', at: 2 });

    const shipped = [answer(wages, '新版欠薪回答。请拨打{hotline}。'), answer(divorce, '新版离婚回答。请拨打{hotline}。'), cost, entry('new_topic')];
    const { kb, update } = await start(store, release(path.join(dir, 'faq'), shipped));

    expect(update).toEqual({ updated: ['wage_arrears'], added: ['new_topic'], waiting: ['divorce'] });
    expect(kb.entry('wage_arrears')?.answer['zh-CN']).toBe('新版欠薪回答。请拨打{hotline}。');
    expect(kb.entry('new_topic')).toBeDefined();
    expect(kb.entry('divorce')?.answer['zh-CN']).toBe('中心自己的离婚说明。请拨打{hotline}。');
    const history = await store.history('wage_arrears');
    expect(history.map((v) => [v.action, v.changedBy])).toEqual([['seed', 'seed'], ['ship', 'release']]);
    const waiting = await store.listPendingShipped();
    expect([...waiting.keys()]).toEqual(['divorce']);
    expect(waiting.get('divorce')!.entry.answer['zh-CN']).toBe('新版离婚回答。请拨打{hotline}。');
    await db.close();
  });

  it('does nothing more at the next start when the files did not change', async () => {
    const dir = tempDir();
    const db = await olderDeployment(dir);
    const store = new KbStore(db);
    const seedDir = release(path.join(dir, 'faq'), [answer(wages, '新版欠薪回答。请拨打{hotline}。'), divorce, cost]);
    await start(store, seedDir);
    const revision = await store.revision();
    const { update } = await start(store, seedDir);
    expect(update).toBeUndefined();
    expect(await store.revision()).toBe(revision);
    expect((await store.history('wage_arrears')).length).toBe(2);
    await db.close();
  });

  it('does not bring back an entry the operator removed', async () => {
    const dir = tempDir();
    const db = await olderDeployment(dir);
    const store = new KbStore(db);
    await store.removeEntry('cost', { by: 'account:1', at: 2 });
    const { kb, update } = await start(store, release(path.join(dir, 'faq'), [wages, divorce, answer(cost, '新版收费回答。请拨打{hotline}。')]));
    expect(kb.entry('cost')).toBeUndefined();
    expect(update).toEqual({ updated: [], added: [], waiting: [] });
    expect((await store.listPendingShipped()).size).toBe(0);
    await db.close();
  });

  it('stops offering a shipped text the operator chose not to take, until a later release changes it again', async () => {
    const store = new MemoryKnowledge();
    const dir = tempDir();
    const first = await start(store, release(path.join(dir, 'faq'), [wages, divorce, cost]));
    expect(first.update).toBeUndefined();
    await store.saveEntries([answer(divorce, '中心自己的离婚说明。请拨打{hotline}。')], 'edit', { by: 'account:1', at: 2 });

    await start(store, release(path.join(dir, 'faq'), [wages, answer(divorce, '第二版。请拨打{hotline}。'), cost]));
    expect([...(await store.listPendingShipped()).keys()]).toEqual(['divorce']);
    await store.settleShipped('divorce');
    expect((await store.listPendingShipped()).size).toBe(0);

    const third = await start(store, release(path.join(dir, 'faq'), [wages, answer(divorce, '第三版。请拨打{hotline}。'), cost]));
    expect(third.update?.waiting).toEqual(['divorce']);
    expect((await store.listPendingShipped()).get('divorce')?.entry.answer['zh-CN']).toBe('第三版。请拨打{hotline}。');
  });

  it('keeps updating an entry once the operator took the shipped text', async () => {
    const store = new MemoryKnowledge();
    const dir = tempDir();
    await start(store, release(path.join(dir, 'faq'), [wages, divorce, cost]));
    await store.saveEntries([answer(divorce, '中心自己的离婚说明。请拨打{hotline}。')], 'edit', { by: 'account:1', at: 2 });
    const second = answer(divorce, '第二版。请拨打{hotline}。');
    await start(store, release(path.join(dir, 'faq'), [wages, second, cost]));
    await store.saveEntries([second], 'ship', { by: 'account:1', at: 3 });
    expect((await store.listPendingShipped()).size).toBe(0);

    const { kb, update } = await start(store, release(path.join(dir, 'faq'), [wages, answer(divorce, '第三版。请拨打{hotline}。'), cost]));
    expect(update?.updated).toEqual(['divorce']);
    expect(kb.entry('divorce')?.answer['zh-CN']).toBe('第三版。请拨打{hotline}。');
  });
});

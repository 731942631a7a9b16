import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStaffChatStore as StaffChatStore } from '../../../src/storage/staff-chat-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { tempDir } from '../../helpers/temp-dir.js';

const KEY = 'telegram:1001';
const wang = { userId: '501', name: '王芳' };
const zhao = { userId: '502', name: '赵强' };
const MINUTE = 60_000;

async function open() {
  const db = await openStorage(path.join(tempDir(), 'fayuan.sqlite'));
  return { db, store: new StaffChatStore(db) };
}

describe('staff chat store', () => {
  it('lets the first of two staff take a conversation and tells the second who holds it', async () => {
    const { db, store } = await open();
    await store.requestHandoff(KEY, 0);
    const results = await Promise.all([store.takeHandoff(KEY, wang, 1), store.takeHandoff(KEY, zhao, 1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results[0]!.ok ? wang : zhao;
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, holder: winner });
    expect(await store.takeHandoff(KEY, winner, 2)).toEqual({ ok: true, already: true });
    await db.close();
  });

  it('keeps a live conversation live when the resident asks for a person again', async () => {
    const { db, store } = await open();
    await store.takeHandoff(KEY, wang, 0);
    await store.requestHandoff(KEY, 5);
    expect(await store.handoff(KEY)).toMatchObject({ state: 'live', staffName: '王芳' });
    expect(await store.releaseHandoff(KEY, 6)).toEqual(wang);
    expect(await store.releaseHandoff(KEY, 7)).toBeUndefined();
    await db.close();
  });

  it('times out requests older than the pickup time, each once', async () => {
    const { db, store } = await open();
    await store.requestHandoff(KEY, 0);
    await store.requestHandoff('web:late', 8 * MINUTE);
    expect(await store.timeOutWaiting(10 * MINUTE - 10 * MINUTE, 10 * MINUTE)).toEqual([KEY]);
    expect(await store.timeOutWaiting(0, 11 * MINUTE)).toEqual([]);
    // Staff may still take a conversation after its request timed out.
    expect(await store.takeHandoff(KEY, zhao, 12 * MINUTE)).toEqual({ ok: true, already: false });
    await db.close();
  });

  it('toggles the documents of a prompt and lets it be acted on once', async () => {
    const { db, store } = await open();
    const prompt = await store.createPrompt({ chatId: '-1', cardMessageId: 3, staff: wang, ref: 'FY-20261122-0001', kind: 'documents', options: ['id_card', 'labor_evidence'], createdAt: 0 });
    await store.setPromptMessage(prompt.id, 9);
    await store.togglePromptOption(prompt.id, 1);
    await store.togglePromptOption(prompt.id, 0);
    await store.togglePromptOption(prompt.id, 1);
    expect(await store.promptByMessage('-1', 9)).toMatchObject({ selected: [0], options: ['id_card', 'labor_evidence'], staff: wang });
    expect(await store.deletePrompt(prompt.id)).toBe(true);
    expect(await store.deletePrompt(prompt.id)).toBe(false);
    await db.close();
  });

  it('remembers which conversation a staff-chat message belongs to, and which parts of an outbox message went out', async () => {
    const { db, store } = await open();
    await store.recordMessage({ chatId: '-1', messageId: 5, conversationKey: KEY, caseRef: null, kind: 'relay', outboxId: 40, part: 0, at: 0 });
    expect(await store.findMessage('-1', 5)).toEqual({ conversationKey: KEY, caseRef: null, kind: 'relay' });
    expect(await store.findMessage('-2', 5)).toBeUndefined();
    expect([...(await store.sentParts(40))]).toEqual([0]);
    await store.prune(0, 1);
    expect(await store.findMessage('-1', 5)).toBeUndefined();
    await db.close();
  });
});

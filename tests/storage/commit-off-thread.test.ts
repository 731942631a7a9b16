import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { TurnWrite } from '../../src/bot/ports/conversation-repository.js';
import { openRepositories } from '../../src/storage/open-repositories.js';
import { ScriptBuilder } from '../../src/storage/batch-script-client.js';
import { NOV22_10AM, TEST_PACK, newCase } from '../fixtures/cases.js';
import { tempDir } from '../helpers/temp-dir.js';

function turn(key: string, replies: string[]): TurnWrite {
  return {
    conversation: { key, channel: 'console', address: key, machineVersion: 'v', snapshot: { step: replies.length }, recentMessageIds: [], updatedAt: 0 },
    forgetTranscript: false,
    transcript: replies.map((text) => ({ direction: 'out' as const, body: { text } })),
    outbox: replies.map((text) => ({ payload: { kind: 'text', text } })),
    at: NOV22_10AM,
  };
}

const open = (dir: string) => openRepositories({ databaseFile: path.join(dir, 'fayuan.sqlite'), dataDir: dir, attachmentsDir: path.join(dir, 'attachments') });

describe('the group commit on the script worker’s own connection', () => {
  it('gives each resident of a large commit their own replies and case number, sealed, written by the worker', async () => {
    const dir = tempDir();
    const repos = await open(dir);
    expect(await repos.commitsOffThread).toBe(true);
    const builder = ScriptBuilder.shared();
    const before = builder.committedOffThread;
    const residents = Array.from({ length: 40 }, (_, i) => `console:r${i}`);
    const cases = repos.cases(TEST_PACK);
    const [ids, receipts] = await Promise.all([
      Promise.all(residents.map((key, i) => repos.conversations.commitTurn(turn(key, Array.from({ length: (i % 3) + 1 }, (_, n) => `${key} 回复 ${n}`))))),
      Promise.all(residents.slice(0, 10).map((key) => cases.createCase(newCase({ conversationKey: key, submissionId: `${key}#1`, at: NOV22_10AM })))),
    ]);
    expect(builder.committedOffThread).toBeGreaterThan(before);
    for (const [i, key] of residents.entries()) {
      const messages = await Promise.all(ids[i]!.map((id) => repos.outbox.outboxMessage(id)));
      expect(messages.map((m) => (m?.payload as { text: string }).text)).toEqual(Array.from({ length: (i % 3) + 1 }, (_, n) => `${key} 回复 ${n}`));
    }
    expect(receipts.map((r) => r.ref).sort()).toEqual(Array.from({ length: 10 }, (_, n) => `FY-20261122-${String(n + 1).padStart(4, '0')}`));
    await repos.close();
    // Sealed at rest like every other commit, and all there after a reopen.
    const file = fs.readFileSync(path.join(dir, 'fayuan.sqlite'));
    expect(file.includes(Buffer.from('console:r7 回复 0'))).toBe(false);
    const again = await open(dir);
    expect((await again.conversations.recentTranscript('console:r8', 5)).map((l) => l.body)).toEqual([{ text: 'console:r8 回复 0' }, { text: 'console:r8 回复 1' }, { text: 'console:r8 回复 2' }]);
    await again.close();
  });

  it('fails only the write the database refuses in a large commit; the others are kept', async () => {
    const repos = await open(tempDir());
    expect(await repos.commitsOffThread).toBe(true);
    const good = Array.from({ length: 10 }, (_, i) => repos.conversations.commitTurn(turn(`console:good${i}`, ['hello'])));
    const broken = turn('console:bad', ['bad']);
    broken.transcript[0]!.direction = 'sideways' as 'out';
    const bad = repos.conversations.commitTurn(broken);
    await expect(bad).rejects.toThrow();
    for (const ids of await Promise.all(good)) expect(ids).toHaveLength(1);
    expect(await repos.conversations.load('console:bad')).toBeUndefined();
    expect((await repos.outbox.pendingOutbox()).length).toBe(10);
    await repos.close();
  });

  it('lets writes on the main connection go between the worker’s commits without a busy error', async () => {
    const repos = await open(tempDir());
    expect(await repos.commitsOffThread).toBe(true);
    const cases = repos.cases(TEST_PACK);
    const { ref } = await cases.createCase(newCase({ at: NOV22_10AM }));
    // Residents' turns in large batches on the worker's connection, and meanwhile many small writes
    // on the main one (a sent mark, staff claiming a case…): none may wait for the other's lock.
    const turns = Array.from({ length: 300 }, (_, i) => repos.conversations.commitTurn(turn(`console:t${i}`, ['a', 'b'])));
    const marks = Array.from({ length: 30 }, (_, i) => repos.db.run('UPDATE cases SET updated_at = ? WHERE ref = ?', [NOV22_10AM + i, ref]));
    await Promise.all([...turns, ...marks]);
    expect((await repos.outbox.pendingOutbox(10_000)).length).toBe(600);
    // The main connection's writes kept their order.
    expect((await cases.get(ref))?.updatedAt).toBe(NOV22_10AM + 29);
    await repos.close();
  });

  it('closes cleanly while the worker’s connection is still opening', async () => {
    const dir = tempDir();
    const repos = await open(dir);
    await repos.conversations.commitTurn(turn('console:early', ['hi']));
    await repos.close();
    expect(await repos.commitsOffThread).toBeTypeOf('boolean');
    const again = await open(dir);
    expect(await again.conversations.load('console:early')).toBeDefined();
    await again.close();
    expect(fs.existsSync(path.join(dir, 'fayuan.sqlite-wal'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { TurnWrite } from '../../src/bot/ports/conversation-repository.js';
import { openRepositories } from '../../src/storage/open-repositories.js';
import { openDatabase } from '../../src/storage/database.js';
import { ScriptBuilder } from '../../src/storage/batch-script-client.js';
import { NOV22_10AM, TEST_PACK, newCase } from '../fixtures/cases.js';
import { tempDir } from '../helpers/temp-dir.js';

function turn(key: string, replies: string[], at = NOV22_10AM): TurnWrite {
  return {
    conversation: { key, channel: 'console', address: key, machineVersion: 'v', snapshot: { step: replies.length }, recentMessageIds: [], updatedAt: 0 },
    forgetTranscript: false,
    transcript: replies.map((text) => ({ direction: 'out' as const, body: { text } })),
    outbox: replies.map((text) => ({ payload: { kind: 'text', text } })),
    at,
  };
}

describe('the group commit', () => {
  it('gives every resident of a shared commit their own messages, in order, and numbers cases submitted at once without gaps', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    // The scripts are built on the worker thread once it is up, as when the bot runs.
    const builder = ScriptBuilder.shared();
    await builder.ready;
    const builtBefore = builder.builtOffThread;
    const repos = await openRepositories({ databaseFile: file });
    const cases = repos.cases(TEST_PACK);
    const residents = Array.from({ length: 60 }, (_, i) => `console:r${i}`);
    // Turns, case submissions (one pressed twice) and sent marks all arrive in the same turn of the event loop.
    const [ids, receipts] = await Promise.all([
      Promise.all(residents.map((key, i) => repos.conversations.commitTurn(turn(key, Array.from({ length: (i % 3) + 1 }, (_, n) => `${key} reply ${n}`))))),
      Promise.all([...residents.slice(0, 20).map((key) => newCase({ conversationKey: key, submissionId: `${key}#1`, at: NOV22_10AM })), newCase({ conversationKey: residents[0]!, submissionId: `${residents[0]}#1`, at: NOV22_10AM })].map((c) => cases.createCase(c))),
    ]);

    for (const [i, key] of residents.entries()) {
      expect(ids[i]).toHaveLength((i % 3) + 1);
      const messages = await Promise.all(ids[i]!.map((id) => repos.outbox.outboxMessage(id)));
      expect(messages.map((m) => (m?.payload as { text: string }).text)).toEqual(Array.from({ length: (i % 3) + 1 }, (_, n) => `${key} reply ${n}`));
    }
    const refs = receipts.slice(0, 20).map((r) => r.ref).sort();
    expect(refs).toEqual(Array.from({ length: 20 }, (_, n) => `FY-20261122-${String(n + 1).padStart(4, '0')}`));
    expect(receipts[20]).toEqual({ ref: receipts[0]!.ref, created: false, dueAt: receipts[0]!.dueAt });
    expect(await cases.events(receipts[0]!.ref)).toHaveLength(1);
    expect(builder.builtOffThread).toBeGreaterThan(builtBefore);

    await repos.outbox.markSent(ids.flat().slice(0, 10), NOV22_10AM);
    expect((await repos.outbox.pendingOutbox(10_000)).length).toBe(ids.flat().length - 10);
    await repos.close();

    // Everything is in the file, and the pragma that makes a commit survive a power cut is as it was.
    const db = await openDatabase(file);
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cases')).toEqual({ n: 20 });
    await db.close();
  });

  it('continues numbering after cases written before the counter existed', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    const first = await openRepositories({ databaseFile: file });
    await first.cases(TEST_PACK).createCase(newCase({ at: NOV22_10AM }));
    // As if the counter table had just been added to an old database.
    await first.db.exec('DELETE FROM case_ref_counters');
    const receipt = await first.cases(TEST_PACK).createCase(newCase({ at: NOV22_10AM }));
    expect(receipt.ref).toBe('FY-20261122-0002');
    await first.close();
  });

  it('fails only the write the database refuses; the others in the same commit are kept', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    const repos = await openRepositories({ databaseFile: file });
    const good = repos.conversations.commitTurn(turn('console:good', ['hello']));
    // A transcript entry the schema refuses, in the same batch.
    const broken = turn('console:bad', ['bad']);
    broken.transcript[0]!.direction = 'sideways' as 'out';
    const bad = repos.conversations.commitTurn(broken);
    // A NUL character in a resident's description is kept as typed.
    const nul = repos.cases(TEST_PACK).createCase(newCase({ description: 'a\u0000b', at: NOV22_10AM }));
    await expect(bad).rejects.toThrow();
    expect((await repos.cases(TEST_PACK).get((await nul).ref))?.description).toBe('a\u0000b');
    expect(await good).toHaveLength(1);
    expect(await repos.conversations.load('console:good')).toBeDefined();
    // Nothing of the refused turn stays.
    expect(await repos.conversations.load('console:bad')).toBeUndefined();
    expect((await repos.outbox.pendingOutbox()).map((m) => m.conversationKey)).toEqual(['console:good']);
    await repos.close();
  });

  it('gives each message its own id when another writer adds messages between two commits', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    const repos = await openRepositories({ databaseFile: file });
    const first = await repos.conversations.commitTurn(turn('console:a', ['one', 'two']));
    // Another process (`fayuan cases accept`) writes a notice with its own connection.
    const other = await openDatabase(file);
    await other.run("INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at) VALUES ('console:b', 'console', 'b', '{}', 0, 0)");
    await other.close();
    const second = await repos.conversations.commitTurn(turn('console:a', ['three']));
    const third = await repos.conversations.commitTurn(turn('console:a', ['four', 'five']));
    const ids = [...first, ...second, ...third];
    expect(new Set(ids).size).toBe(5);
    expect(second[0]).toBeGreaterThan(first[1]! + 1);
    const texts = await Promise.all(ids.map(async (id) => ((await repos.outbox.outboxMessage(id))?.payload as { text: string }).text));
    expect(texts).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect((await repos.outbox.pendingOutbox()).map((m) => m.conversationKey)).toEqual(['console:a', 'console:a', 'console:b', 'console:a', 'console:a', 'console:a']);
    await repos.close();
  });
});

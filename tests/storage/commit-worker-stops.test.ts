import { describe, expect, it } from 'vitest';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import type { TurnWrite } from '../../src/bot/ports/conversation-repository.js';
import { openRepositories } from '../../src/storage/open-repositories.js';
import { ScriptBuilder } from '../../src/storage/batch-script-client.js';
import { NOV22_10AM } from '../fixtures/cases.js';
import { tempDir } from '../helpers/temp-dir.js';

function turn(key: string): TurnWrite {
  return {
    conversation: { key, channel: 'console', address: key, machineVersion: 'v', snapshot: { step: 1 }, recentMessageIds: [], updatedAt: 0 },
    forgetTranscript: false,
    transcript: [{ direction: 'out' as const, body: { text: `${key} hello` } }],
    outbox: [{ payload: { kind: 'text', text: `${key} hello` } }],
    at: NOV22_10AM,
  };
}

function count(file: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    db.get(sql, (err: Error | null, row: { n: number }) => db.close(() => (err ? reject(err) : resolve(row.n))));
  });
}

// Its own file: the worker is the process's, and this test stops it for good.
describe('the script worker stopping in the middle of a commit', () => {
  it('fails that batch without writing it again, and commits what comes next on this thread', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    const repos = await openRepositories({ databaseFile: file });
    expect(await repos.commitsOffThread).toBe(true);
    const builder = ScriptBuilder.shared();
    const commit = builder.commit.bind(builder);
    builder.commit = (conn, items, cipher) => {
      const posted = commit(conn, items, cipher);
      void builder.stop();
      return posted;
    };
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => repos.conversations.commitTurn(turn(`console:r${i}`))));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    // Whether or not the worker got it into the file, no turn is in it twice.
    const outbox = await count(file, 'SELECT COUNT(*) AS n FROM outbox');
    expect([0, 6]).toContain(outbox);
    expect(await count(file, 'SELECT COUNT(*) AS n FROM transcript')).toBe(outbox);

    builder.commit = commit;
    const after = await Promise.all(Array.from({ length: 6 }, (_, i) => repos.conversations.commitTurn(turn(`console:s${i}`))));
    expect(after.every((ids) => ids.length === 1)).toBe(true);
    await repos.close();
    expect(await count(file, "SELECT COUNT(*) AS n FROM outbox WHERE conversation_key LIKE 'console:s%'")).toBe(6);
  });
});

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { purge } from '../../src/bot/privacy/retention.js';
import { openDatabase, type Database, type SqlValue } from '../../src/storage/database.js';
import { inlineSql } from '../../src/storage/inline-sql.js';
import { databaseOf } from '../../src/storage/open-repositories.js';
import { BIN } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const DAYS = { transcript: 180, idleConversations: 30, sentOutbox: 7, deadLetters: 30, closedCases: 1825 };

/** Inserts `rows` (objects with the same columns) into `table`, a few hundred per statement. */
async function insert(db: Database, table: string, rows: Record<string, SqlValue>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const columns = Object.keys(chunk[0]!);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flatMap((r) => columns.map((c) => r[c]!)));
  }
}

/**
 * Rows of every kind, past their period (marked "past" in a key or text) or not: `idle` conversations nobody wrote
 * to for 40 days with three lines each, lines 200 days old of a live conversation, delivered and
 * undeliverable messages, finished and open cases with their events, notes, files and staff-chat rows.
 */
async function seed(db: Database, idle: number, now = Date.now()) {
  const ago = (days: number) => now - days * DAY;
  const conversation = (key: string, at: number) => ({ key, channel: 'console', address: key, machine_version: 'v', snapshot: '{}', created_at: at, updated_at: at });
  const conversations = [conversation('keep-live', ago(1)), conversation('keep-29d', ago(29))];
  for (let i = 0; i < idle; i++) conversations.push(conversation(`past-${i}`, ago(40)));
  await insert(db, 'conversations', conversations);
  const line = (key: string, at: number, n: number) => ({ conversation_key: key, direction: n % 2 ? 'out' : 'in', body: `${key} line ${n}`, created_at: at });
  await insert(db, 'transcript', [
    ...conversations.flatMap((c) => [0, 1, 2].map((n) => line(c.key, c.updated_at, n))),
    // Lines past the transcript's period in a conversation still in use: they go, the conversation stays.
    ...[0, 1, 2, 3].map((n) => ({ ...line('keep-live', ago(200), n), body: `past old line ${n}` })),
  ]);
  const message = (key: string, status: string, days: number, mark = '') => ({ conversation_key: key, channel: 'console', address: key, payload: `${mark}${status}-${days}`, status, next_attempt_at: ago(days), created_at: ago(days) });
  await insert(db, 'outbox', [
    ...Array.from({ length: 30 }, () => message('keep-live', 'sent', 8, 'past-')),
    ...Array.from({ length: 5 }, () => message('keep-live', 'failed', 31, 'past-')),
    message('keep-live', 'sent', 6),
    message('keep-live', 'pending', 8),
    message('keep-live', 'failed', 10),
  ]);
  const kase = (ref: string, status: string, days: number) => ({
    ref, submission_id: `s-${ref}`, conversation_key: 'keep-live', channel: 'console', address: 'keep-live', locale: 'zh-CN', category: 'wages',
    facts: '{}', decision: '{}', policy_version: '1', applicant: '{}', status, created_at: ago(days), updated_at: ago(days),
  });
  const cases = [kase('FY-past-1', 'closed', 1900), kase('FY-past-2', 'withdrawn', 1900), kase('FY-KEEP-OPEN', 'new', 1900), kase('FY-KEEP-YOUNG', 'closed', 1000)];
  await insert(db, 'cases', cases);
  for (const c of cases) {
    await insert(db, 'case_events', [{ ref: c.ref, action: 'submit', to_status: 'new', actor: 'resident', actor_kind: 'resident', at: c.created_at }]);
    await insert(db, 'case_notes', [{ ref: c.ref, author: 'wang', text: `note ${c.ref}`, at: c.created_at }]);
    await insert(db, 'attachments', [{ id: `file-${c.ref}`, conversation_key: 'keep-live', case_ref: c.ref, file_name: 'a.pdf', mime_type: 'application/pdf', size: 1, stored_path: 'x', created_at: c.created_at }]);
    await insert(db, 'staff_chat_messages', [{ chat_id: '-1', message_id: cases.indexOf(c), conversation_key: 'keep-live', case_ref: c.ref, kind: 'card', created_at: c.created_at }]);
  }
}

const TABLES = ['conversations', 'transcript', 'outbox', 'cases', 'case_events', 'case_notes', 'attachments', 'staff_chat_messages'];

/** Every row of the tables the purge touches, as text, to compare before and after. */
async function dump(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) out[table] = (await db.all(`SELECT * FROM ${table} ORDER BY rowid`)).map((r) => JSON.stringify(r));
  return out;
}

/** The rows of `d` that a purge must leave: everything not marked "past". */
const kept = (d: Record<string, string[]>) => Object.fromEntries(Object.entries(d).map(([t, rows]) => [t, rows.filter((r) => !r.includes('past'))]));

/** The database with each of its group-commit scripts (the purge's transactions) reported to `log`. */
function watched(db: Database, log: (event: string) => void): Database {
  return {
    ...db,
    script: (statements, results) => {
      log('purge transaction');
      return db.script(statements, results).then((rows) => (log('purge committed'), rows));
    },
  };
}

describe('the retention purge in small batches', () => {
  it("deletes many due rows in several short transactions, and a resident's turn sent meanwhile is written before the purge ends", async () => {
    const app = await testApp(tempDir());
    const db = databaseOf(app.repos)!;
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    await app.runner.handle(ana.choice('consent.agree'));
    await seed(db, 600);
    const events: string[] = [];
    let turn: Promise<void> | undefined;
    const log = (event: string) => {
      events.push(event);
      // The resident writes while the purge is under way: once its first transaction has started.
      turn ??= app.runner.handle(ana.text('我还在吗')).then(() => void events.push('resident turn durable'));
    };
    const report = await purge(watched(db, log), app.config.attachmentsDir, DAYS, { batchSize: 20 });
    await turn;
    const transactions = events.filter((e) => e === 'purge committed').length;
    expect(report.counts.find((c) => c.kind === 'idleConversations')!.count).toBe(600);
    expect(transactions).toBeGreaterThanOrEqual(30);
    // The turn did not wait for the whole purge: purge transactions still committed after it.
    expect(events.indexOf('resident turn durable')).toBeGreaterThan(-1);
    expect(events.indexOf('resident turn durable')).toBeLessThan(events.lastIndexOf('purge committed'));
    expect((await app.repos.conversations.recentTranscript('console:ana', 50)).some((l) => JSON.stringify(l.body).includes('我还在吗'))).toBe(true);
    expect(await db.get("SELECT COUNT(*) AS n FROM conversations WHERE key LIKE 'past-%'")).toEqual({ n: 0 });
    await app.close();
  });

  it('deletes exactly what is past its period, and a purge stopped half-way is finished by the next', async () => {
    const app = await testApp(tempDir());
    const db = databaseOf(app.repos)!;
    await seed(db, 300);
    const before = await dump(db);
    let batches = 0;
    const stopping: Database = { ...db, script: (s, r) => (++batches > 4 ? Promise.reject(new Error('stopped')) : db.script(s, r)) };
    await expect(purge(stopping, app.config.attachmentsDir, DAYS, { batchSize: 25 })).rejects.toThrow('stopped');
    // Each idle conversation is whole (its row and its three lines) or gone with its lines.
    const left = await db.all<{ key: string; lines: number }>(
      "SELECT c.key, (SELECT COUNT(*) FROM transcript t WHERE t.conversation_key = c.key) AS lines FROM conversations c WHERE c.key LIKE 'past-%'",
    );
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(300);
    expect(left.every((c) => c.lines === 3)).toBe(true);
    expect(await db.get("SELECT COUNT(*) AS n FROM transcript WHERE conversation_key LIKE 'past-%'")).toEqual({ n: left.length * 3 });
    const report = await purge(db, app.config.attachmentsDir, DAYS, { batchSize: 25 });
    expect(report.counts.find((c) => c.kind === 'idleConversations')!.count).toBe(left.length);
    const after = await dump(db);
    expect(after).toEqual(kept(before));
    expect(after.cases!.map((c) => JSON.parse(c).ref)).toEqual(['FY-KEEP-OPEN', 'FY-KEEP-YOUNG']);
    expect(after.transcript!.some((l) => l.includes('past old line'))).toBe(false);
    expect(after.outbox!.map((m) => JSON.parse(m).payload).sort()).toEqual(['failed-10', 'pending-8', 'sent-6']);
    await app.close();
  });

  it('finds the rows of each batch by key or index, never by reading a whole table', async () => {
    const app = await testApp(tempDir());
    const db = databaseOf(app.repos)!;
    await seed(db, 50);
    const statements = new Set<string>();
    const reads = new Set<string>();
    const recording: Database = {
      ...db,
      all: (sql, params) => (reads.add(sql), db.all(sql, params)),
      script: (s, r) => {
        if (typeof s !== 'string') for (const st of s) statements.add(inlineSql(st.sql, st.params));
        return db.script(s, r);
      },
    };
    await purge(recording, app.config.attachmentsDir, DAYS, { batchSize: 10 });
    expect(statements.size).toBeGreaterThan(10);
    const plans = await db.transaction(async (tx) => {
      const out: string[] = [];
      for (const sql of statements) out.push(`${sql.slice(0, 60)}: ${(await tx.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)).map((p) => p.detail).join('; ')}`);
      return out;
    });
    expect(plans.filter((p) => / SCAN (?!CONSTANT)/.test(p) && !p.includes('temp.purge'))).toEqual([]);
    // The candidates are read in rowid order from where the last read stopped, on a read connection.
    const candidateReads = [...reads].filter((sql) => sql.includes('rowid >'));
    expect(candidateReads.length).toBeGreaterThan(0);
    for (const sql of candidateReads) expect((await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, [0, 0, 10])).map((p) => p.detail)).toEqual([expect.stringMatching(/SEARCH \w+ USING INTEGER PRIMARY KEY \(rowid>\?\)/)]);
    await app.close();
  });

  it('fayuan purge killed (SIGKILL) in the middle leaves every conversation whole or gone, and the next run finishes', async () => {
    const dir = tempDir();
    const app = await testApp(dir);
    const file = databaseOf(app.repos)!.file;
    await seed(databaseOf(app.repos)!, 20_000);
    const before = await dump(databaseOf(app.repos)!);
    await app.close();
    const db = await openDatabase(file);
    const due = async () => ((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM conversations WHERE key LIKE 'past-%'"))!.n);
    const child = spawn(process.execPath, [BIN, 'purge'], { env: { ...process.env, LOG_LEVEL: 'silent', FAYUAN_DATA_DIR: dir }, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let left = 20_000;
    while (left === 20_000) {
      await new Promise((r) => setTimeout(r, 5));
      left = await due();
    }
    child.kill('SIGKILL');
    await exited;
    left = await due();
    // Killed half-way (if this fails, the purge finished before the kill: seed more rows).
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(20_000);
    expect(await db.get("SELECT COUNT(*) AS n FROM transcript WHERE conversation_key LIKE 'past-%'")).toEqual({ n: left * 3 });
    expect(await db.all("SELECT key FROM conversations c WHERE key LIKE 'past-%' AND (SELECT COUNT(*) FROM transcript t WHERE t.conversation_key = c.key) <> 3")).toEqual([]);
    await db.close();
    const again = await new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'purge'], { env: { ...process.env, LOG_LEVEL: 'silent', FAYUAN_DATA_DIR: dir }, stdio: 'ignore' }).on('exit', resolve));
    expect(again).toBe(0);
    const reopened = await openDatabase(file);
    expect(await dump(reopened)).toEqual(kept(before));
    await reopened.close();
  }, 120_000);
});

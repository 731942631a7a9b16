/**
 * The retention purge beside a resident's writes: a data file with `--conversations` conversations
 * (`--idle` of them past their period, `--lines` transcript lines each), a purge, and meanwhile a
 * small write on the writer's queue every 5 ms, as a resident's turn would be. Prints the purge's
 * time, its transactions (longest, p50) and how long those writes waited (p50, p99, max).
 *
 *   npx tsx bench/purge-probe.ts --conversations 100000 --idle 30000 --lines 10
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { purge } from '../src/bot/privacy/retention.js';
import type { Database } from '../src/storage/database.js';
import { openStorage } from '../src/storage/open-storage.js';

const { values } = parseArgs({ options: { conversations: { type: 'string', default: '100000' }, idle: { type: 'string', default: '30000' }, lines: { type: 'string', default: '10' } } });
const total = Number(values.conversations);
const idle = Number(values.idle);
const lines = Number(values.lines);
const DAY = 86_400_000;
const now = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'purge-probe-'));
const db = await openStorage(path.join(dir, 'fayuan.sqlite'));
const snapshot = JSON.stringify({ value: 'x'.repeat(1500) });
for (let i = 0; i < total; i += 500) {
  await db.transaction(async (tx) => {
    for (let j = i; j < Math.min(total, i + 500); j++) {
      const at = j % Math.round(total / idle) === 0 ? now - 40 * DAY : now - DAY;
      await tx.run('INSERT INTO conversations (key, channel, address, machine_version, snapshot, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [`c${j}`, 'web', `c${j}`, 'v', snapshot, at, at]);
      for (let k = 0; k < lines; k++) await tx.run('INSERT INTO transcript (conversation_key, direction, body, created_at) VALUES (?, ?, ?, ?)', [`c${j}`, 'in', 'y'.repeat(200), at]);
    }
  });
}
await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
const due = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM conversations WHERE updated_at < ?', [now - 30 * DAY]))!.n;
const transactions: number[] = [];
const timed: Database = {
  ...db,
  script: (s, r) => {
    const started = performance.now();
    return db.script(s, r).then((rows) => (transactions.push(performance.now() - started), rows));
  },
};
const waits: number[] = [];
let done = false;
const resident = (async () => {
  while (!done) {
    const started = performance.now();
    await db.run('INSERT OR REPLACE INTO health_probe (id, at) VALUES (1, ?)', [Date.now()]);
    waits.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 5));
  }
})();
const started = performance.now();
await purge(timed, path.join(dir, 'attachments'), { transcript: 180, idleConversations: 30, sentOutbox: 7, deadLetters: 30, closedCases: 1825 });
const purgeMs = performance.now() - started;
done = true;
await resident;
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1) : '-');
console.log(JSON.stringify({ conversations: total, due, lines, purgeMs: Math.round(purgeMs), transactions: transactions.length, txP50Ms: pct(transactions, 0.5), txMaxMs: pct(transactions, 1), writes: waits.length, writeP50Ms: pct(waits, 0.5), writeP99Ms: pct(waits, 0.99), writeMaxMs: pct(waits, 1) }));
await db.close();
fs.rmSync(dir, { recursive: true, force: true });

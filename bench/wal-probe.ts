/**
 * What the durable closed loop writes to the WAL, by B-tree (not part of `npm run bench`):
 *   npx tsx bench/wal-probe.ts [--seconds 4] [--residents 200] [--plain]
 * After a warm-up, a read transaction on a connection of its own holds its snapshot, so no checkpoint
 * can restart the WAL meanwhile and every frame written during the window stays in it; the frames
 * after that point are counted by page and each page named by `dbstat` (table or index). Prints WAL
 * pages and bytes per message, by B-tree, and the process's bytes written (`/proc/self/io`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { createApp } from '../src/bot/app.js';
import { createLogger } from '../src/bot/logger.js';
import { parseConfig } from '../src/config.js';
import { openRepositories } from '../src/storage/open-repositories.js';
import { runClosedLoop } from './closed-loop.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '4' }, residents: { type: 'string', default: '200' }, plain: { type: 'boolean', default: false } },
});
const residents = Number(values.residents);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-wal-'));
const config = parseConfig({ FAYUAN_DATA_DIR: dir, WEB_CHAT: 'off', LOG_LEVEL: 'silent', KB_REFRESH_SECONDS: '600' });
const repositories = values.plain ? await openRepositories({ databaseFile: config.databaseFile }) : undefined;
const app = await createApp(config, createLogger('silent'), repositories ? { repositories } : {});
app.dispatcher.register('console', { send: async () => undefined });
await runClosedLoop(app, { residents, warmupMs: 3000, durationMs: 0, tag: 'warm' });

const all = <T>(db: sqlite3.Database, sql: string) => new Promise<T[]>((res, rej) => db.all(sql, (e, rows) => (e ? rej(e) : res(rows as T[]))));
const wal = `${config.databaseFile}-wal`;
const FRAME = 24 + 4096;
const holder = new sqlite3.Database(config.databaseFile);
await all(holder, 'BEGIN');
await all(holder, 'SELECT COUNT(*) FROM schema_migrations');
const startFrames = Math.floor((fs.statSync(wal).size - 32) / FRAME);
const io = () => Object.fromEntries(fs.readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((l) => l.split(': ')).map(([k, v]) => [k, Number(v)]));
const io0 = io();
const r = await runClosedLoop(app, { residents, warmupMs: 0, durationMs: Number(values.seconds) * 1000, tag: 'm' });
const io1 = io();
const copy = path.join(dir, 'copy.sqlite');
fs.copyFileSync(config.databaseFile, copy);
fs.copyFileSync(wal, `${copy}-wal`);
await all(holder, 'COMMIT');
holder.close();

const bytes = fs.readFileSync(`${copy}-wal`);
const byPage = new Map<number, number>();
let frames = 0;
for (let off = 32 + startFrames * FRAME; off + FRAME <= bytes.length; off += FRAME) {
  const page = bytes.readUInt32BE(off);
  byPage.set(page, (byPage.get(page) ?? 0) + 1);
  frames++;
}
const reader = new sqlite3.Database(copy);
const names = new Map((await all<{ pageno: number; name: string }>(reader, 'SELECT pageno, name FROM dbstat')).map((p) => [p.pageno, p.name]));
reader.close();
const byTree = new Map<string, number>();
for (const [page, n] of byPage) {
  const name = names.get(page) ?? (page === 1 ? 'header' : 'free/other');
  byTree.set(name, (byTree.get(name) ?? 0) + n);
}
const per = (n: number) => Math.round((n / r.messages) * 1000) / 1000;
console.log(
  JSON.stringify({
    messages: r.messages,
    msgsPerSec: Math.round(r.msgsPerSec),
    walPagesPerMsg: per(frames),
    walKbPerMsg: Math.round(((frames * FRAME) / 1024 / r.messages) * 100) / 100,
    writtenKbPerMsg: Math.round(((io1.wchar - io0.wchar) / 1024 / r.messages) * 100) / 100,
    byTree: Object.fromEntries([...byTree].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, per(v)])),
  }),
);
await app.close();
fs.rmSync(dir, { recursive: true, force: true });

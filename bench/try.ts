import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchApp } from './bench-app.js';
import { runClosedLoop } from './closed-loop.js';
const storage = process.argv[2] as 'memory' | 'sqlite';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fy-'));
const { app } = await benchApp(dir, storage);
const db = (app.repos as any).db;
const stats = { n: 0, ms: 0, items: 0, bytes: 0 };
if (db && process.env.NOCKPT) await db.exec('PRAGMA wal_autocheckpoint = 0');
if (db) {
  const orig = db.script.bind(db);
  db.script = async (st: any[], res: any) => {
    const t = performance.now();
    const bytes = st.reduce((a: number, s: any) => a + s.sql.length + s.params.reduce((b: number, p: any) => b + String(p).length, 0), 0);
    const r = await orig(st, res);
    stats.n++; stats.ms += performance.now() - t; stats.bytes += bytes;
    return r;
  };
}
const r = await runClosedLoop(app, { residents: Number(process.argv[3] ?? 200), warmupMs: 3000, durationMs: Number(process.argv[4] ?? 8000), tag: storage });
console.log(storage, JSON.stringify(r), JSON.stringify({ ...stats, avgMs: stats.ms / stats.n, avgBytes: stats.bytes / stats.n }));
await app.close();
fs.rmSync(dir, { recursive: true, force: true });

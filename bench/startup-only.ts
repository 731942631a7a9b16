// `npx tsx bench/startup-only.ts [--runs N] [--keep DIR]`: only the benchmark's start-up figures
// (100,000 stored conversations, 5,000 FAQ entries), N times each on one prepared data folder:
// after a clean shutdown (`startupMs`) and after a crash (`startupAfterCrashMs`, integrity check first).
// The data folder is prepared once (a minute or two); `--keep DIR` keeps it and reuses it next time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotMidApplication } from './conversation-bench.js';
import { forgetCleanShutdown, measureStartup, prepareStartupData } from './startup.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, keep: { type: 'string' } } });
const runs = Number(values.runs ?? 3);
const dir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-startup-'));
if (!fs.existsSync(path.join(dir, 'fayuan.sqlite'))) {
  const snapshot = await snapshotMidApplication();
  await prepareStartupData(dir, { conversations: 100_000, faqEntries: 5000, snapshot: snapshot.value, machineVersion: snapshot.version });
}
const clean: number[] = [];
const crashed: number[] = [];
for (let i = 0; i < runs; i++) {
  const r = await measureStartup(dir); // the previous run closed cleanly
  clean.push(r.startupMs);
  forgetCleanShutdown(dir);
  const c = await measureStartup(dir);
  crashed.push(c.startupMs);
  process.stdout.write(`run ${i + 1}: after a clean shutdown ${JSON.stringify(r)}; after a crash ${JSON.stringify(c)}\n`);
}
if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
const range = (xs: number[]) => [Math.min(...xs), Math.max(...xs)];
process.stdout.write(`${JSON.stringify({ runs, startupMs: clean, startupMsRange: range(clean), startupAfterCrashMs: crashed, startupAfterCrashMsRange: range(crashed) })}\n`);

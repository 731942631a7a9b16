/**
 * The main thread's CPU per message and per group commit (not part of `npm run bench`):
 *   npx tsx bench/commit-cost-probe.ts --residents 6 --seconds 8 [--storage sqlite|memory] [--rate R]
 * A closed loop of `--residents` residents (each sends its next message when the last is durable), so
 * commits carry about that many turns, as the open loop's do at ~1,550 msgs/s; or with `--rate` the
 * open loop at that rate. Counts only the main thread's CPU (`/proc/self/task/<pid>/schedstat`: time on
 * a core, so other processes' load does not inflate it the way it inflates wall time) over the window,
 * the messages and the commits (the driver's scripts), and prints them per message and per commit.
 * Prints the main thread's id first, so `perf record -e cpu-clock -t <tid>` can sample it meanwhile.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { benchApp, message, sleep } from './bench-app.js';
import { runOpenLoop } from './open-loop.js';
import { script } from './resident-scripts.js';

const { values } = parseArgs({
  options: {
    residents: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '8' },
    warmup: { type: 'string', default: '4' },
    storage: { type: 'string', default: 'sqlite' },
    rate: { type: 'string' },
    profile: { type: 'string' },
  },
});
const mainNs = () => Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-commit-cost-'));
const { app } = await benchApp(dir, values.storage as 'sqlite' | 'memory');
let scripts = 0;
const db = (app.repos as unknown as { db?: { script: (...a: unknown[]) => Promise<unknown> } }).db;
if (db) {
  const script = db.script;
  db.script = (...args: unknown[]) => (scripts++, script(...args));
}
let done = 0;
const counted = <T>(p: Promise<T>) => p.then((v) => (done++, v));
const handle = app.runner.handle.bind(app.runner);
app.runner.handle = (m) => counted(handle(m));
console.log(`main thread ${process.pid}`);

const seconds = Number(values.seconds);
const warmupMs = Number(values.warmup) * 1000;
let window: { cpuNs: number; messages: number; commits: number; ms: number } | undefined;
const measure = async () => {
  await sleep(warmupMs);
  const c0 = mainNs();
  const m0 = done;
  const s0 = scripts;
  const t0 = performance.now();
  console.log('measuring');
  const session = values.profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  await sleep(seconds * 1000);
  window = { cpuNs: mainNs() - c0, messages: done - m0, commits: scripts - s0, ms: performance.now() - t0 };
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(values.profile!, JSON.stringify(profile));
    session.disconnect();
  }
  console.log('measured');
};
if (values.rate) {
  await Promise.all([runOpenLoop(app, { msgsPerSec: Number(values.rate), thinkMs: 500, warmupMs, durationMs: seconds * 1000 }), measure()]);
} else {
  let stop = false;
  const resident = async (i: number) => {
    for (let round = 0; !stop; round++) {
      let n = 0;
      for (const event of script(i)) {
        if (stop) return;
        await app.runner.handle(message(`c-${i}-${round}`, n++, event));
      }
    }
  };
  const running = Array.from({ length: Number(values.residents) }, (_, i) => resident(i));
  await measure();
  stop = true;
  await Promise.all(running);
}
const w = window!;
console.log(
  JSON.stringify({
    storage: values.storage,
    ...(values.rate ? { rate: Number(values.rate) } : { residents: Number(values.residents) }),
    msgsPerSec: Math.round((w.messages / w.ms) * 1000),
    mainUsPerMsg: Math.round(w.cpuNs / 1000 / w.messages),
    turnsPerCommit: w.commits ? Math.round((w.messages / w.commits) * 10) / 10 : null,
    mainUsPerCommit: w.commits ? Math.round(w.cpuNs / 1000 / w.commits) : null,
    load: fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
  }),
);
await app.close();
fs.rmSync(dir, { recursive: true, force: true });

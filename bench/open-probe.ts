/**
 * The open loop on its own with what makes its tail (not part of `npm run bench`):
 *   npx tsx bench/open-probe.ts --rate 1000 --seconds 10 [--closed 20]
 * `--closed`: seconds of closed loop first (as the bench runs before its open loop: the live cache fills).
 * `--slice-ms`: the runner's TurnSlicer budget, to compare settings. `--profile F`: a CPU profile of
 * the main thread over the open loop (warm-up included). `--worst N`: the N slowest commit waits, each
 * with what overlapped it (script builds, commits, checkpoints, collections and stalls over 3 ms).
 * `--restart-frames N`: skip the checkpoint on the writer's queue until the WAL holds N frames (to compare
 * a higher threshold than checkpointer.ts's). On a machine where others work, `chrt -f 10 npx tsx bench/open-probe.ts …` keeps their processes off
 * the cores (not off the disk).
 * Prints the latency percentiles, event-loop stalls over 20 ms with their time, garbage collections
 * over 10 ms, the group commits' durations, and where a message waits: for its slice of the event
 * loop (TurnSlicer) and for its commit (from handing the turn to the store to its being durable), and how
 * often per message the main thread went to sleep (each wake-up costs it CPU: fewer hand-offs, fewer sleeps).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { benchApp, percentile } from './bench-app.js';
import { runClosedLoop } from './closed-loop.js';
import { runOpenLoop } from './open-loop.js';
import { ScriptBuilder } from '../src/storage/batch-script-client.js';

/**
 * Per thread name (threads of one name summed: libuv's pool, V8's helpers): CPU time and time spent
 * ready but waiting for a core, in µs, from /proc (Linux `stat` and `schedstat`).
 */
function threadTimes(): Map<string, { cpuUs: number; waitUs: number; threads: number }> {
  const byName = new Map<string, { cpuUs: number; waitUs: number; threads: number }>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const [runNs, waitNs] = fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      const name = tid === String(process.pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const t = byName.get(name) ?? { cpuUs: 0, waitUs: 0, threads: 0 };
      byName.set(name, { cpuUs: t.cpuUs + runNs! / 1000, waitUs: t.waitUs + waitNs! / 1000, threads: t.threads + 1 });
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName;
}

const { values } = parseArgs({ options: { rate: { type: 'string', default: '1000' }, seconds: { type: 'string', default: '10' }, closed: { type: 'string', default: '20' }, 'slice-ms': { type: 'string' }, profile: { type: 'string' }, worst: { type: 'string', default: '0' }, 'restart-frames': { type: 'string' } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-open-probe-'));
const { app } = await benchApp(dir, 'sqlite');
await runClosedLoop(app, { residents: 200, warmupMs: 0, durationMs: Number(values.closed) * 1000, tag: 'fill' });

// Where messages wait, measured from here on (the fill above is not counted).
type Waits = number[];
const sliceWaits: Waits = [];
const commitWaits: Waits = [];
const runner = app.runner as unknown as { slicer: { budgetMs: number; next: () => Promise<void> }; options: { store: { commitTurn: (t: unknown) => Promise<number[]> } } };
if (values['slice-ms']) runner.slicer.budgetMs = Number(values['slice-ms']);
const nextSlice = runner.slicer.next.bind(runner.slicer);
runner.slicer.next = () => {
  const s = performance.now();
  return nextSlice().then(() => void sliceWaits.push(performance.now() - s));
};
const store = runner.options.store;
const commitTurn = store.commitTurn.bind(store);
store.commitTurn = async (turn) => {
  const s = performance.now();
  try {
    return await commitTurn(turn);
  } finally {
    commitWaits.push(performance.now() - s);
    timeline.push(['turn', s, performance.now()]);
  }
};
/** What happened when: [what, start, end] (performance.now()), for `--worst`. */
const timeline: [string, number, number][] = [];
const batches: number[] = [];
const builds: number[] = [];
const builder = ScriptBuilder.shared();
const build = builder.build.bind(builder);
builder.build = (items, cipher) => {
  batches.push(items.length);
  const s = performance.now();
  return build(items, cipher).finally(() => {
    builds.push(performance.now() - s);
    timeline.push([`build of ${items.length}`, s, performance.now()]);
  });
};
/** How often the main thread has gone to sleep (waiting for I/O, a timer, another thread) so far: each wake-up costs it CPU. */
const mainSleeps = () => Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(fs.readFileSync(`/proc/self/task/${process.pid}/status`, 'utf8'))?.[1] ?? 0);
const sleeps0 = mainSleeps();
const threads0 = threadTimes();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const at = () => Math.round(performance.now() - t0);
const gcs: { at: number; ms: number; kind: number }[] = [];
const gcObserver = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) timeline.push([`gc kind ${(e as unknown as { detail: { kind: number } }).detail.kind}`, e.startTime, e.startTime + e.duration]);
  for (const e of list.getEntries()) if (e.duration > 10) gcs.push({ at: Math.round(e.startTime - t0), ms: Math.round(e.duration), kind: ((e as unknown as { detail: { kind: number } }).detail).kind });
});
gcObserver.observe({ entryTypes: ['gc'] });
const stalls: { at: number; ms: number }[] = [];
let last = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  if (now - last > 13) timeline.push(['stall', last + 10, now]);
  if (now - last > 30) stalls.push({ at: Math.round(last - t0), ms: Math.round(now - last - 10) });
  last = now;
}, 10);
const commits: number[] = [];
const slowCommits: string[] = [];
const checkpoints: string[] = [];
const db = (app.repos as unknown as { db: { script: (...a: unknown[]) => Promise<unknown>; checkpoint: (o?: { onWriter?: boolean }) => Promise<unknown> } }).db;
const queued: string[] = [];
const script = db.script;
db.script = async (...args: unknown[]) => {
  const s = performance.now();
  try {
    return await script(...args);
  } finally {
    const ms = performance.now() - s;
    commits.push(ms);
    timeline.push(['script', s, s + ms]);
    if (ms > 30) slowCommits.push(`${Math.round(s - t0)}:${Math.round(ms)}`);
  }
};
const checkpoint = db.checkpoint;
let lastLog = 0;
db.checkpoint = async (options) => {
  // `--restart-frames`: as if the checkpointer's threshold were higher (only to compare; it cannot be lower).
  if (options?.onWriter && lastLog <= Number(values['restart-frames'] ?? 0)) return { log: lastLog, checkpointed: lastLog };
  const s = performance.now();
  let frames = '';
  try {
    const result = (await checkpoint(options)) as { log: number; checkpointed: number };
    lastLog = result.log;
    frames = ` (WAL ${result.log} frames, ${result.log - result.checkpointed} left)`;
    return result;
  } finally {
    const ms = performance.now() - s;
    timeline.push([(options?.onWriter ? "checkpoint on the writer's queue" : 'checkpoint') + frames, s, s + ms]);
    if (options?.onWriter) queued.push(`${Math.round(s - t0)}:${Math.round(ms)}${frames}`);
    else if (ms > 10) checkpoints.push(`${Math.round(s - t0)}:${Math.round(ms)}${frames}`);
  }
};
const session = values.profile ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
const open = await runOpenLoop(app, { msgsPerSec: Number(values.rate), thinkMs: 500, warmupMs: 8000, durationMs: Number(values.seconds) * 1000 });
h.disable();
clearInterval(ticker);
if (session) {
  const { profile } = await session.post('Profiler.stop');
  fs.writeFileSync(values.profile!, JSON.stringify(profile));
  session.disconnect();
}
gcObserver.disconnect();
const cpu = process.cpuUsage(cpu0);
const threads = [...threadTimes()].map(([name, t]) => {
  const t0 = threads0.get(name) ?? { cpuUs: 0, waitUs: 0, threads: 0 };
  return `${name}×${t.threads} ${Math.round((t.cpuUs - t0.cpuUs) / commitWaits.length)}/${Math.round((t.waitUs - t0.waitUs) / commitWaits.length)}`;
});
commits.sort((a, b) => a - b);
const stage = (name: string, w: Waits) => {
  w.sort((a, b) => a - b);
  return `${name} p50 ${r(percentile(w, 0.5))} / p99 ${r(percentile(w, 0.99))} / p99.9 ${r(percentile(w, 0.999))} ms`;
};
const r = (n: number) => Math.round(n * 10) / 10;
console.log(JSON.stringify({ ...open, p50Ms: r(open.p50Ms), p99Ms: r(open.p99Ms), p999Ms: r(open.p999Ms), loopDelayP99: r(h.percentile(99) / 1e6), loopDelayMax: r(h.max / 1e6) }));
console.log(`waits: ${stage('slice', sliceWaits)}; ${stage('commit', commitWaits)}; process CPU ${Math.round(((cpu.user + cpu.system) / commitWaits.length))} µs per message`);
console.log(`threads (CPU / waiting for a core, µs per message): ${threads.join(', ')}; main thread's sleeps per message ${r((mainSleeps() - sleeps0) / commitWaits.length)}`);
batches.sort((a, b) => a - b);
console.log(`batches: ${batches.length}, turns per batch p50 ${percentile(batches, 0.5)} / mean ${r(batches.reduce((a, b) => a + b, 0) / batches.length)} / p99 ${percentile(batches, 0.99)}; ${stage('script build (worker round trip)', builds)}`);
console.log(`commits: ${commits.length}, p50 ${r(percentile(commits, 0.5))} ms, p99 ${r(percentile(commits, 0.99))} ms, max ${r(commits.at(-1) ?? 0)} ms`);
console.log('commits > 30 ms (start: length):', slowCommits.join(' '));
console.log('checkpoints > 10 ms (start: length):', checkpoints.join(' '));
console.log("checkpoints on the writer's queue (start: length):", queued.join(' '));
console.log('stalls > 20 ms (at ms: length):', stalls.map((s) => `${s.at}:${s.ms}`).join(' '));
console.log('gc > 10 ms (at ms: length/kind):', gcs.map((g) => `${g.at}:${g.ms}/${g.kind}`).join(' '));
const worst = timeline.filter((e) => e[0] === 'turn').sort((a, b) => b[2] - b[1] - (a[2] - a[1]));
for (const [, start, end] of worst.slice(0, Number(values.worst))) {
  const overlapping = timeline.filter(([what, s, e]) => what !== 'turn' && e > start && s < end && (e - s > 3 || what.startsWith('checkpoint')));
  const rel = (ms: number) => (ms >= 0 ? '+' : '') + r(ms);
  console.log(`commit wait at ${Math.round(start - t0)} ms, ${r(end - start)} ms:`, overlapping.map(([what, s, e]) => `${what} ${rel(s - start)}..${rel(e - start)}`).join(', '));
}
await app.close();
fs.rmSync(dir, { recursive: true, force: true });

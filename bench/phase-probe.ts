/**
 * The closed-loop phases on their own, for profiling (not part of `npm run bench`):
 *   npx tsx bench/phase-probe.ts --storage memory,sqlite --seconds 5 --rounds 2 [--profile out.cpuprofile]
 * One app per storage listed, measured in alternation (as the bench alternates logic and durable).
 * `sqlite-plain`: the SQLite file without the data key (no encryption at rest), to measure what the
 * encryption costs. Prints per round: messages per second, process CPU per message, the MAIN
 * THREAD's CPU per message (from /proc: robust to other processes' load, unlike wall-clock figures),
 * event-loop utilisation and delay. `--profile`: a CPU profile of the main thread over the last round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createApp, type App } from '../src/bot/app.js';
import { createLogger } from '../src/bot/logger.js';
import { parseConfig } from '../src/config.js';
import { openMemoryRepositories } from '../src/storage/memory/open-memory-repositories.js';
import { openRepositories } from '../src/storage/open-repositories.js';
import { runClosedLoop } from './closed-loop.js';

const { values } = parseArgs({
  options: {
    storage: { type: 'string', default: 'memory,sqlite' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    residents: { type: 'string', default: '200' },
    profile: { type: 'string' },
  },
});
const residents = Number(values.residents);
const dirs: string[] = [];

async function open(storage: string): Promise<App> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-probe-'));
  dirs.push(dir);
  const config = parseConfig({ FAYUAN_DATA_DIR: dir, WEB_CHAT: 'off', LOG_LEVEL: 'silent', KB_REFRESH_SECONDS: '600' });
  const repositories =
    storage === 'memory' ? openMemoryRepositories() : storage === 'sqlite-plain' ? await openRepositories({ databaseFile: config.databaseFile }) : undefined;
  const app = await createApp(config, createLogger('silent'), repositories ? { repositories } : {});
  app.dispatcher.register('console', { send: async () => undefined });
  return app;
}

/** CPU time of each thread of this process by thread name (Linux: /proc, ms). */
function threadCpuMs(): Map<string, number> {
  const byName = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = tid === String(process.pid) ? 'main' : `${stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))}-${tid}`;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // the thread ended meanwhile
    }
  }
  return byName;
}

/** CPU time of this process's main thread (Linux: /proc, clock ticks of 10 ms). */
function mainThreadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const storages = values.storage!.split(',');
const apps = new Map<string, App>();
for (const s of storages) apps.set(s, await open(s));
for (const [s, app] of apps) await runClosedLoop(app, { residents, warmupMs: 3000, durationMs: 0, tag: `warm-${s}` });
const rounds = Number(values.rounds);
const totals = new Map<string, { messages: number; mainMs: number; seconds: number }>();
for (let round = 0; round < rounds; round++) {
  for (const [s, app] of apps) {
    await runClosedLoop(app, { residents, warmupMs: 1000, durationMs: 0, tag: `w${round}-${s}` });
    const last = round === rounds - 1 && s === storages.at(-1);
    const session = last && values.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
    }
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const elu0 = performance.eventLoopUtilization();
    const main0 = mainThreadCpuMs();
    const threads0 = threadCpuMs();
    const r = await runClosedLoop(app, { residents, warmupMs: 0, durationMs: Number(values.seconds) * 1000, tag: `m${round}-${s}` });
    const mainMs = mainThreadCpuMs() - main0;
    const threads = [...threadCpuMs()].map(([name, ms]) => [name, Math.round(((ms - (threads0.get(name) ?? 0)) * 1000) / r.messages)] as const).filter(([, us]) => us > 0);
    const elu = performance.eventLoopUtilization(elu0);
    h.disable();
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(values.profile!, JSON.stringify(profile));
      session.disconnect();
    }
    const t = totals.get(s) ?? { messages: 0, mainMs: 0, seconds: 0 };
    totals.set(s, { messages: t.messages + r.messages, mainMs: t.mainMs + mainMs, seconds: t.seconds + Number(values.seconds) });
    const ms = (n: number) => Math.round(n / 1e5) / 10;
    console.log(
      JSON.stringify({
        storage: s,
        msgsPerSec: Math.round(r.msgsPerSec),
        cpuUsPerMsg: Math.round(r.cpuUsPerMsg),
        mainCpuUsPerMsg: Math.round((mainMs * 1000) / r.messages),
        elu: Number(elu.utilization.toFixed(2)),
        delayP99: ms(h.percentile(99)),
        delayMax: ms(h.max),
        threadUsPerMsg: Object.fromEntries(threads),
      }),
    );
  }
}
const summary = Object.fromEntries([...totals].map(([s, t]) => [s, { msgsPerSec: Math.round(t.messages / t.seconds), mainCpuUsPerMsg: Math.round((t.mainMs * 1000) / t.messages) }]));
console.log(JSON.stringify(summary));
for (const app of apps.values()) await app.close();
for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });

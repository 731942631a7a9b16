import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from '../src/bot/app.js';
import { benchApp, message, round } from './bench-app.js';
import { runBurst } from './burst.js';
import { runClosedLoop } from './closed-loop.js';
import { faqFigures } from './faq-figures.js';
import { runLiveMemory } from './live-memory.js';
import { runOpenLoop } from './open-loop.js';
import { APPLICANT } from './resident-scripts.js';
import { forgetCleanShutdown, measureStartup, prepareStartupData } from './startup.js';

export interface BenchOptions {
  /** Seconds each measured load lasts (closed loop: split between two rounds of each storage). */
  durationS: number;
  /** Residents always present in the closed loop. */
  residents: number;
  log: (line: string) => void;
}

/** The figures of one run; the CLI prints them as the last line. */
export interface BenchFigures {
  logicMsgsPerSec: number;
  durableMsgsPerSec: number;
  durableRatio: number;
  cpuUsPerMsg: number;
  logicCpuUsPerMsg: number;
  openOfferedMsgsPerSec: number;
  openMsgsPerSec: number;
  openP50Ms: number;
  openP99Ms: number;
  openP999Ms: number;
  openGcMaxMs: number;
  openLoopDelayMaxMs: number;
  openHostStealPct: number | null;
  burstP99Ms: number;
  burstErrors: number;
  bytesPerLiveConversation: number;
  rssMb: number;
  startupMs: number;
  startupFaqReadyMs: number;
  /** The same start after a crash (no clean-shutdown marker): the integrity check runs first. */
  startupAfterCrashMs: number;
  /** Whether the start-up figures are of the compiled build (`npm run build`) rather than the sources through tsx. */
  startupCompiled: boolean;
  faqBuildMs: number;
  faqEditStallMs: number;
  faqQueryP99Ms: number;
  residents: number;
  durationS: number;
}

const WARMUP_MS = 3000;
// Think time between a resident's messages in the open loop: half a second on average, so a script
// lasts about 7 s and the population reaches its steady state within the open loop's warm-up.
const THINK_MS = 500;
const OPEN_WARMUP_MS = 8000;

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fayuan-bench-${name}-`));
}

async function withApp<T>(storage: 'memory' | 'sqlite', work: (app: App, dir: string) => Promise<T>): Promise<T> {
  const dir = tempDir(storage);
  const { app } = await benchApp(dir, storage);
  try {
    return await work(app, dir);
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Everything in one run, each phase after its own warm-up: the same resident scripts through the same
 * machines and rules with storage in memory (logic) and on a real SQLite file (durable), alternating
 * so the machine's other load falls on both alike; an open loop at half the durable rate; a burst of
 * confirmations; memory at 10,000 live conversations; start-up on a large data folder; the FAQ.
 */
export async function runBench(options: BenchOptions): Promise<BenchFigures> {
  const { log } = options;
  const half = (options.durationS * 1000) / 2;

  const logicDir = tempDir('logic');
  const durableDir = tempDir('durable');
  // `let`, dropped after its loops: a suspended async function keeps its locals alive, and the
  // in-memory twin's whole store would otherwise stay on the heap the open loop collects.
  let logic: Awaited<ReturnType<typeof benchApp>> | undefined = await benchApp(logicDir, 'memory');
  const durable = await benchApp(durableDir, 'sqlite');
  const totals = { logic: { messages: 0, seconds: 0, cpu: 0 }, durable: { messages: 0, seconds: 0, cpu: 0 } };
  // Both warm up before either is measured: the code they share is compiled by then.
  for (const app of [logic.app, durable.app]) await runClosedLoop(app, { residents: options.residents, warmupMs: WARMUP_MS, durationMs: 0, tag: 'warm' });
  for (const [round, storage] of (['logic', 'durable', 'logic', 'durable'] as const).entries()) {
    const app = storage === 'logic' ? logic.app : durable.app;
    const r = await runClosedLoop(app, { residents: options.residents, warmupMs: 1000, durationMs: half, tag: `${storage}${round}` });
    log(`closed loop, ${storage}: ${r.messages} messages, ${r.msgsPerSec.toFixed(0)} msgs/s, ${r.cpuUsPerMsg.toFixed(0)} µs CPU per message`);
    totals[storage].messages += r.messages;
    totals[storage].seconds += half / 1000;
    totals[storage].cpu += r.cpuUsPerMsg * r.messages;
  }
  await logic.app.close();
  logic = undefined;
  fs.rmSync(logicDir, { recursive: true, force: true });
  const logicMsgsPerSec = totals.logic.messages / totals.logic.seconds;
  const durableMsgsPerSec = totals.durable.messages / totals.durable.seconds;

  // The open loop on the same durable app, at half its measured rate.
  const open = await runOpenLoop(durable.app, { msgsPerSec: durableMsgsPerSec / 2, thinkMs: THINK_MS, warmupMs: OPEN_WARMUP_MS, durationMs: options.durationS * 1000 });
  log(`open loop: offered ${open.offeredMsgsPerSec.toFixed(0)} msgs/s, served ${open.msgsPerSec.toFixed(0)}, up to ${open.residentsPresent} residents present, p50 ${open.p50Ms.toFixed(1)} ms, p99 ${open.p99Ms.toFixed(1)} ms, p99.9 ${open.p999Ms.toFixed(1)} ms; in its window the longest collection ${open.gcMaxMs.toFixed(1)} ms, the longest event-loop stall ${open.loopDelayMaxMs.toFixed(1)} ms, ${open.hostStealPct === null ? 'host steal unknown' : `${open.hostStealPct.toFixed(1)} % of the machine's CPU stolen by the host`}`);
  await durable.app.close();
  fs.rmSync(durableDir, { recursive: true, force: true });

  const burst = await withApp('sqlite', (app) => runBurst(app, { residents: 1000, windowMs: 10_000 }));
  log(`burst: ${burst.residents} residents confirming within 10 s: p50 ${burst.p50Ms.toFixed(0)} ms, p99 ${burst.p99Ms.toFixed(0)} ms, max ${burst.maxMs.toFixed(0)} ms, ${burst.errors} errors`);

  const live = await withApp('sqlite', (app) => runLiveMemory(app, { conversations: 10_000, steps: 3 }));
  log(`memory: ${live.conversations} live conversations, ${live.bytesPerLiveConversation} bytes each, RSS ${live.rssMb.toFixed(0)} MB`);

  const startupDir = tempDir('startup');
  let startup: { startupMs: number; createAppMs: number; knowledgeReadyMs: number; compiled: boolean };
  let afterCrash: { startupMs: number };
  try {
    const snapshot = await snapshotMidApplication();
    await prepareStartupData(startupDir, { conversations: 100_000, faqEntries: 5000, snapshot: snapshot.value, machineVersion: snapshot.version });
    startup = await measureStartup(startupDir);
    forgetCleanShutdown(startupDir);
    afterCrash = await measureStartup(startupDir);
  } finally {
    fs.rmSync(startupDir, { recursive: true, force: true });
  }
  log(`start-up with 100,000 stored conversations and 5,000 FAQ entries: ${startup.startupMs} ms to the first message (building the app ${startup.createAppMs} ms; FAQ index ready at ${startup.knowledgeReadyMs} ms); after a crash (integrity check first) ${afterCrash.startupMs} ms; ${startup.compiled ? 'compiled build' : 'sources through tsx: run `npm run build` first to measure the compiled start'}`);

  const faq = await faqFigures(5000, log);
  log(`faq at 5,000 entries: build ${faq.faqBuildMs} ms, longest stall while an edit is applied ${faq.faqEditStallMs} ms, query p99 ${faq.faqQueryP99Ms} ms`);

  return {
    logicMsgsPerSec: round(logicMsgsPerSec, 0),
    durableMsgsPerSec: round(durableMsgsPerSec, 0),
    durableRatio: round(durableMsgsPerSec / logicMsgsPerSec),
    cpuUsPerMsg: round(totals.durable.cpu / Math.max(1, totals.durable.messages), 0),
    logicCpuUsPerMsg: round(totals.logic.cpu / Math.max(1, totals.logic.messages), 0),
    openOfferedMsgsPerSec: round(open.offeredMsgsPerSec, 0),
    openMsgsPerSec: round(open.msgsPerSec, 0),
    openP50Ms: round(open.p50Ms),
    openP99Ms: round(open.p99Ms),
    openP999Ms: round(open.p999Ms),
    openGcMaxMs: round(open.gcMaxMs, 1),
    openLoopDelayMaxMs: round(open.loopDelayMaxMs, 1),
    openHostStealPct: open.hostStealPct === null ? null : round(open.hostStealPct, 1),
    burstP99Ms: round(burst.p99Ms, 0),
    burstErrors: burst.errors,
    bytesPerLiveConversation: live.bytesPerLiveConversation,
    rssMb: round(live.rssMb, 0),
    startupMs: startup.startupMs,
    startupFaqReadyMs: startup.knowledgeReadyMs,
    startupAfterCrashMs: afterCrash.startupMs,
    startupCompiled: startup.compiled,
    faqBuildMs: round(faq.faqBuildMs, 0),
    faqEditStallMs: round(faq.faqEditStallMs),
    faqQueryP99Ms: round(faq.faqQueryP99Ms, 3),
    residents: options.residents,
    durationS: options.durationS,
  };
}

/** The stored snapshot of a resident six steps into an application. */
export async function snapshotMidApplication(): Promise<{ value: unknown; version: string }> {
  return withApp('memory', async (app) => {
    for (const [n, event] of APPLICANT.slice(0, 6).entries()) await app.runner.handle(message('sample', n, event));
    const stored = await app.repos.conversations.load('console:sample');
    return { value: stored!.snapshot, version: stored!.machineVersion };
  });
}

import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { App } from '../src/bot/app.js';
import { exponential, message, percentile, random, sleep } from './bench-app.js';
import { measureSteal } from './host-steal.js';
import { script } from './resident-scripts.js';

export interface OpenLoopResult {
  offeredMsgsPerSec: number;
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  residentsPresent: number;
  /** What happened in the measured window, to tell a slow run's cause: the longest garbage-collection pause, */
  gcMaxMs: number;
  /** the longest the event loop was held (any cause: a collection, a long task, the thread waiting for a core), */
  loopDelayMaxMs: number;
  /** and the share of the machine's CPU time the hypervisor gave to other guests (null off Linux). */
  hostStealPct: number | null;
}

/**
 * Residents arrive at random (a Poisson process) and each goes through its script with a random
 * think time between messages, so the offered load does not slow down when the bot does. The rate
 * of arrivals is set so the messages offered average `msgsPerSec`. Latency: from sending a message
 * to its turn being durable. Only messages sent after `warmupMs` count.
 */
export async function runOpenLoop(app: App, options: { msgsPerSec: number; thinkMs: number; warmupMs: number; durationMs: number; seed?: number }): Promise<OpenLoopResult> {
  const rand = random(options.seed ?? 7);
  const meanScript = (script(0).length + script(1).length) / 2;
  const arrivalsPerSec = options.msgsPerSec / meanScript;
  const latencies: number[] = [];
  const residents: Promise<void>[] = [];
  let present = 0;
  let peakPresent = 0;
  let stop = false;
  let windowStart = Infinity;
  let windowEnd = Infinity;
  let completedInWindow = 0;

  const resident = async (i: number) => {
    present++;
    peakPresent = Math.max(peakPresent, present);
    const userId = `open-${i}`;
    let n = 0;
    for (const event of script(i)) {
      if (n > 0) await sleep(exponential(rand, options.thinkMs));
      if (stop) break;
      const t0 = performance.now();
      await app.runner.handle(message(userId, n++, event));
      const t1 = performance.now();
      if (t0 >= windowStart && t0 < windowEnd) latencies.push(t1 - t0);
      if (t1 >= windowStart && t1 < windowEnd) completedInWindow++;
    }
    present--;
  };

  const started = performance.now();
  windowStart = started + options.warmupMs;
  windowEnd = windowStart + options.durationMs;
  let gcMaxMs = 0;
  const gcs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.startTime >= windowStart && e.startTime < windowEnd) gcMaxMs = Math.max(gcMaxMs, e.duration);
  });
  gcs.observe({ entryTypes: ['gc'] });
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  let steal: (() => number | null) | undefined;
  let stealPct: number | null = null;
  const windowTimers = [
    setTimeout(() => {
      loopDelay.enable();
      steal = measureSteal();
    }, options.warmupMs),
    setTimeout(() => {
      loopDelay.disable();
      stealPct = steal?.() ?? null;
    }, options.warmupMs + options.durationMs),
  ];
  let next = started;
  for (let i = 0; performance.now() < windowEnd; i++) {
    next += exponential(rand, 1000 / arrivalsPerSec);
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    residents.push(resident(i));
  }
  stop = true;
  await Promise.all(residents);
  for (const timer of windowTimers) clearTimeout(timer);
  loopDelay.disable();
  gcs.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    offeredMsgsPerSec: options.msgsPerSec,
    msgsPerSec: completedInWindow / (options.durationMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    p999Ms: percentile(latencies, 0.999),
    residentsPresent: peakPresent,
    gcMaxMs,
    loopDelayMaxMs: loopDelay.max / 1e6,
    hostStealPct: stealPct,
  };
}

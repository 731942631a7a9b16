import type { App } from '../src/bot/app.js';
import { exponential, message, percentile, random, sleep } from './bench-app.js';
import { script } from './resident-scripts.js';

export interface OpenLoopResult {
  offeredMsgsPerSec: number;
  msgsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  residentsPresent: number;
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
  let next = started;
  for (let i = 0; performance.now() < windowEnd; i++) {
    next += exponential(rand, 1000 / arrivalsPerSec);
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    residents.push(resident(i));
  }
  stop = true;
  await Promise.all(residents);
  latencies.sort((a, b) => a - b);
  return {
    offeredMsgsPerSec: options.msgsPerSec,
    msgsPerSec: completedInWindow / (options.durationMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    p999Ms: percentile(latencies, 0.999),
    residentsPresent: peakPresent,
  };
}

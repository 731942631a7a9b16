import type { App } from '../src/bot/app.js';
import { message, percentile, random, sleep } from './bench-app.js';
import { APPLICANT, CONFIRM_STEP } from './resident-scripts.js';

export interface BurstResult {
  residents: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

/**
 * `residents` applicants are brought to the confirmation step (not measured), then all confirm at
 * random moments within `windowMs`. Latency: from pressing confirm to the durable turn that tells the
 * resident the case reference. An error: a rejected message, or a reply without a reference.
 */
export async function runBurst(app: App, options: { residents: number; windowMs: number; stagingConcurrency?: number; seed?: number }): Promise<BurstResult> {
  const ids = Array.from({ length: options.residents }, (_, i) => `burst-${i}`);
  const concurrency = options.stagingConcurrency ?? 200;
  let nextResident = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (nextResident < ids.length) {
        const userId = ids[nextResident++]!;
        for (let n = 0; n < CONFIRM_STEP; n++) await app.runner.handle(message(userId, n, APPLICANT[n]!));
      }
    }),
  );
  await sleep(500);

  const rand = random(options.seed ?? 11);
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    ids.map(async (userId) => {
      await sleep(rand() * options.windowMs);
      const t0 = performance.now();
      try {
        const result = await app.runner.handle(message(userId, CONFIRM_STEP, APPLICANT[CONFIRM_STEP]!));
        latencies.push(performance.now() - t0);
        if (!result.replies.some((r) => /FY-\d{8}-\d{4,}/.test(r.text))) errors++;
      } catch {
        errors++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { residents: ids.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: latencies.at(-1) ?? 0, errors };
}

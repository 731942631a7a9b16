import type { App } from '../src/bot/app.js';
import { message, sleep } from './bench-app.js';
import { script } from './resident-scripts.js';

export interface ClosedLoopResult {
  messages: number;
  msgsPerSec: number;
  cpuUsPerMsg: number;
}

/**
 * Residents always present: each sends its next message as soon as the last one is durable, and on
 * finishing its script starts again as a new resident. Counts messages completed after `warmupMs`
 * for `durationMs`, and the CPU time the process spent meanwhile (main thread and driver threads).
 */
export async function runClosedLoop(app: App, options: { residents: number; warmupMs: number; durationMs: number; tag: string }): Promise<ClosedLoopResult> {
  let measuring = false;
  let stop = false;
  let completed = 0;
  const resident = async (i: number) => {
    for (let round = 0; !stop; round++) {
      const userId = `${options.tag}-${i}-${round}`;
      let n = 0;
      for (const event of script(i)) {
        if (stop) return;
        await app.runner.handle(message(userId, n++, event));
        if (measuring) completed++;
      }
    }
  };
  const running = Array.from({ length: options.residents }, (_, i) => resident(i));
  await sleep(options.warmupMs);
  measuring = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await sleep(options.durationMs);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  stop = true;
  await Promise.all(running);
  return {
    messages: completed,
    msgsPerSec: completed / elapsed,
    cpuUsPerMsg: (cpu.user + cpu.system) / Math.max(1, completed),
  };
}

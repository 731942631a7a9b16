import v8 from 'node:v8';
import vm from 'node:vm';
import type { App } from '../src/bot/app.js';
import { message } from './bench-app.js';
import { APPLICANT } from './resident-scripts.js';

export interface LiveMemoryResult {
  conversations: number;
  bytesPerLiveConversation: number;
  rssMb: number;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function collect(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Brings `conversations` residents into the middle of an application (consent given, the intake
 * machine running) and measures the heap they hold while live in the runner, after garbage
 * collection, and the process's resident memory.
 */
export async function runLiveMemory(app: App, options: { conversations: number; steps?: number; concurrency?: number }): Promise<LiveMemoryResult> {
  const steps = APPLICANT.slice(0, options.steps ?? 4);
  // One resident first, so what every conversation shares (compiled code, caches) is not counted.
  for (const [n, event] of steps.entries()) await app.runner.handle(message('live-warm', n, event));
  await app.repos.idle();
  const before = collect();
  let next = 0;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 200 }, async () => {
      while (next < options.conversations) {
        const userId = `live-${next++}`;
        for (const [n, event] of steps.entries()) await app.runner.handle(message(userId, n, event));
      }
    }),
  );
  await app.repos.idle();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const after = collect();
  return {
    conversations: options.conversations,
    bytesPerLiveConversation: Math.round((after - before) / options.conversations),
    rssMb: process.memoryUsage().rss / 1024 / 1024,
  };
}

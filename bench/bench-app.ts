import path from 'node:path';
import { createApp, type App } from '../src/bot/app.js';
import type { InboundMessage } from '../src/bot/channel.js';
import { createLogger } from '../src/bot/logger.js';
import { parseConfig } from '../src/config.js';
import { openMemoryRepositories } from '../src/storage/memory/open-memory-repositories.js';

/** The real app with no channel but a console sender that counts deliveries. `memory`: every repository in memory. */
export async function benchApp(dir: string, storage: 'memory' | 'sqlite'): Promise<{ app: App; delivered: () => number }> {
  const config = parseConfig({ FAYUAN_DATA_DIR: dir, WEB_CHAT: 'off', LOG_LEVEL: 'silent', KB_REFRESH_SECONDS: '600' });
  const app = await createApp(config, createLogger('silent'), storage === 'memory' ? { repositories: openMemoryRepositories() } : {});
  let delivered = 0;
  app.dispatcher.register('console', { send: async () => void delivered++ });
  return { app, delivered: () => delivered };
}

export function databaseFile(dir: string): string {
  return path.join(dir, 'fayuan.sqlite');
}

/** One resident's message on the console channel. */
export function message(userId: string, n: number, event: InboundMessage['event']): InboundMessage {
  return { channel: 'console', userId, address: userId, messageId: `${userId}-${n}`, event };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The value below which a fraction `p` (0–1) of the sorted values lie. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A seeded pseudo-random source, so runs offer the same load. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** An exponentially distributed delay with the given mean (random arrivals, think time). */
export function exponential(rand: () => number, mean: number): number {
  return -Math.log(1 - rand()) * mean;
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/bot/app.js';
import type { InboundMessage, OutboundMessage } from '../src/bot/channel.js';
import { createLogger } from '../src/bot/logger.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/storage/database.js';
import type { SqliteRepositories } from '../src/storage/open-repositories.js';

export interface ConversationBenchResult {
  residents: number;
  messages: number;
  msgsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  peakRssMb: number;
  baselineUpsertsPerSec: number;
  ratio: number;
  snapshotBytes: number;
}

/** An applicant: consent, the whole intake of a migrant worker owed wages, and the submission. */
const APPLICANT: InboundMessage['event'][] = [
  { type: 'user.returned' },
  { type: 'user.choice', id: 'consent.agree' },
  { type: 'user.choice', id: 'menu.apply' },
  { type: 'user.choice', id: 'privacy.sensitive.agree' },
  { type: 'user.text', text: '老板拖欠我三个月工资' },
  { type: 'user.choice', id: 'intake.yes' },
  { type: 'user.choice', id: 'opt:self' },
  { type: 'user.choice', id: 'opt:demo-city' },
  { type: 'user.text', text: '45' },
  { type: 'user.choice', id: 'opt:none' },
  { type: 'user.choice', id: 'group:migrant_worker' },
  { type: 'user.choice', id: 'intake.groups.done' },
  { type: 'user.choice', id: 'intake.no_deadline' },
  { type: 'user.choice', id: 'intake.no' },
  { type: 'user.choice', id: 'intake.continue' },
  { type: 'user.text', text: '在工地干了半年，包工头拖欠三个月工资共两万元' },
  { type: 'user.choice', id: 'intake.documents.done' },
  { type: 'user.text', text: '张三' },
  { type: 'user.text', text: '13800138000' },
  { type: 'user.choice', id: 'intake.confirm' },
];

/** A resident who only asks questions, in both languages. */
const ASKER: InboundMessage['event'][] = [
  { type: 'user.returned' },
  { type: 'user.choice', id: 'consent.agree' },
  { type: 'user.choice', id: 'menu.help' },
  { type: 'user.choice', id: 'menu.ask' },
  { type: 'user.text', text: '老板拖欠我三个月工资怎么办' },
  { type: 'user.text', text: '申请法律援助要带什么材料' },
  { type: 'user.command', command: 'lang' },
  { type: 'user.text', text: 'What documents do I need to apply?' },
  { type: 'user.choice', id: 'menu.status' },
  { type: 'user.choice', id: 'menu.back' },
];

/** Residents alternate: one applies, the next asks questions. */
function script(index: number): InboundMessage['event'][] {
  return index % 2 === 0 ? APPLICANT : ASKER;
}

/** A deterministic arrival offset in [0, 500) ms for resident `i`. */
function arrival(i: number, residents: number): number {
  return ((i * 7919) % residents) * (500 / residents);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Simulated residents hold multi-turn conversations through the real runner on a real SQLite file.
 * The baseline, measured in the same run: awaited single-row upserts of a snapshot of the same size,
 * one at a time, with the same driver and pragmas.
 */
export async function runConversationBench(options: { residents: number; log: (line: string) => void }): Promise<ConversationBenchResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-bench-'));
  try {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

    const app = await createApp(parseConfig({ FAYUAN_DATA_DIR: path.join(dir, 'bot'), LOG_LEVEL: 'silent' }), createLogger('silent'));
    let delivered = 0;
    app.dispatcher.register('console', { send: async (_m: OutboundMessage) => void delivered++ });

    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.residents }, async (_, i) => {
        const userId = `bench-${i}`;
        // Residents arrive spread over the first half second, as a burst does, rather than in lockstep.
        await new Promise((r) => setTimeout(r, arrival(i, options.residents)));
        let n = 0;
        for (const event of script(i)) {
          const t0 = performance.now();
          await app.runner.handle({ channel: 'console', userId, address: userId, messageId: `${userId}-${n++}`, event });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    const sample = await (app.repos as SqliteRepositories).db.get<{ bytes: number }>('SELECT AVG(LENGTH(snapshot)) AS bytes FROM conversations');
    const snapshotBytes = Math.round(sample?.bytes ?? 1000);
    await app.close();
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    const baselineUpsertsPerSec = await measureBaseline(path.join(dir, 'baseline.sqlite'), snapshotBytes, 2_000);
    latencies.sort((a, b) => a - b);
    const msgsPerSec = latencies.length / (elapsedMs / 1000);
    const cases = await countCases(path.join(dir, 'bot', 'fayuan.sqlite'));
    options.log(
      `conversations: ${options.residents} residents, ${latencies.length} messages in ${elapsedMs.toFixed(0)} ms, ` +
        `${delivered} replies delivered, ${cases} cases submitted`,
    );
    return {
      residents: options.residents,
      messages: latencies.length,
      msgsPerSec: round(msgsPerSec),
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(percentile(latencies, 95)),
      p99Ms: round(percentile(latencies, 99)),
      peakRssMb: round(peakRss / 1024 / 1024),
      baselineUpsertsPerSec: round(baselineUpsertsPerSec),
      ratio: round(msgsPerSec / baselineUpsertsPerSec),
      snapshotBytes,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function countCases(file: string): Promise<number> {
  const db = await openDatabase(file);
  const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cases');
  await db.close();
  return row?.n ?? 0;
}

async function measureBaseline(file: string, bytes: number, count: number): Promise<number> {
  const db = await openDatabase(file);
  await db.exec('CREATE TABLE snapshots (key TEXT PRIMARY KEY, snapshot TEXT NOT NULL, updated_at INTEGER NOT NULL)');
  const value = JSON.stringify({ pad: 'x'.repeat(Math.max(0, bytes - 12)) });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await db.run(
      'INSERT INTO snapshots (key, snapshot, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at',
      [`k${i % 200}`, value, Date.now()],
    );
  }
  const perSec = count / ((performance.now() - started) / 1000);
  await db.close();
  return perSec;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

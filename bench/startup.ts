import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../src/config.js';
import { readEntryFiles } from '../src/knowledge/faq/entry-files.js';
import { openRepositories } from '../src/storage/open-repositories.js';
import type { TurnWrite } from '../src/bot/ports/conversation-repository.js';
import { databaseFile } from './bench-app.js';
import { synthesizeEntries } from './faq-latency.js';

export interface StartupResult {
  storedConversations: number;
  faqEntries: number;
  /** From the process starting to the first message handled (durable). */
  startupMs: number;
  /** Of which: opening storage and building the app. */
  createAppMs: number;
}

/**
 * Fills a data folder with `conversations` stored conversations (snapshots like a resident's in the
 * middle of an application) and `faqEntries` knowledge-base entries, through the repositories.
 */
export async function prepareStartupData(dir: string, options: { conversations: number; faqEntries: number; snapshot: unknown; machineVersion: string }): Promise<void> {
  const repos = await openRepositories({ databaseFile: databaseFile(dir) });
  const at = Date.now();
  const chunk = 1000;
  for (let start = 0; start < options.conversations; start += chunk) {
    const turns: Promise<number[]>[] = [];
    for (let i = start; i < Math.min(options.conversations, start + chunk); i++) {
      const key = `console:stored-${i}`;
      const turn: TurnWrite = {
        conversation: { key, channel: 'console', address: `stored-${i}`, machineVersion: options.machineVersion, snapshot: options.snapshot, recentMessageIds: [`m${i}`], updatedAt: 0 },
        forgetTranscript: false,
        transcript: [{ direction: 'in', body: { event: { type: 'user.choice', id: 'menu.apply' } } }],
        outbox: [],
        at,
      };
      turns.push(repos.conversations.commitTurn(turn));
    }
    await Promise.all(turns);
  }
  const real = readEntryFiles(path.join(PROJECT_ROOT, 'knowledge', 'faq')).entries;
  await repos.knowledge.saveEntries(synthesizeEntries(real, options.faqEntries), 'seed', { by: 'bench', at });
  await repos.close();
}

/** Starts a fresh process on the data folder and times it until its first message is handled. */
export function measureStartup(dir: string): Promise<{ startupMs: number; createAppMs: number }> {
  const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'startup-probe.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', probe, dir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`startup probe exited with ${code}`));
      resolve(JSON.parse(last) as { startupMs: number; createAppMs: number });
    });
  });
}

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/config.js';
import { readEntryFiles } from '../src/knowledge/faq/entry-files.js';
import fs from 'node:fs';
import { openCheckedRepositories } from '../src/storage/open-repositories.js';
import { cleanMarkerFile } from '../src/storage/clean-shutdown.js';
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
  /** When the FAQ index was ready (built meanwhile; questions asked earlier wait for it). */
  knowledgeReadyMs: number;
}

/**
 * Fills a data folder with `conversations` stored conversations (snapshots like a resident's in the
 * middle of an application) and `faqEntries` knowledge-base entries, through the repositories, and
 * closes it as `serve` does when stopped (so the next start finds the clean-shutdown marker).
 */
export async function prepareStartupData(dir: string, options: { conversations: number; faqEntries: number; snapshot: unknown; machineVersion: string }): Promise<void> {
  const repos = await openCheckedRepositories({ dataDir: dir, attachmentsDir: path.join(dir, 'attachments'), databaseFile: databaseFile(dir) });
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

/** As after a crash or a kill: the next start runs the integrity check before taking messages. */
export function forgetCleanShutdown(dir: string): void {
  fs.rmSync(cleanMarkerFile(databaseFile(dir)), { force: true });
}

/**
 * The start-up probe as `fayuan serve` would run: compiled when the build is current (`npm run build`;
 * bin/fayuan.js then runs dist/), otherwise the sources through tsx.
 */
async function probeCommand(): Promise<{ args: string[]; compiled: boolean }> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (import.meta.url.endsWith('.js')) return { args: [path.join(here, 'startup-probe.js')], compiled: true };
  const { compiledFile } = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'bin', 'compiled.js')).href)) as { compiledFile(relative: string): string | undefined };
  const compiled = compiledFile('bench/startup-probe.js');
  return compiled ? { args: [compiled], compiled: true } : { args: ['--import', 'tsx', path.join(here, 'startup-probe.ts')], compiled: false };
}

/** Starts a fresh process on the data folder and times it until its first message is handled. */
export async function measureStartup(dir: string): Promise<Omit<StartupResult, 'storedConversations' | 'faqEntries'> & { compiled: boolean }> {
  const probe = await probeCommand();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...probe.args, dir], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`startup probe exited with ${code}`));
      resolve({ ...(JSON.parse(last) as Omit<StartupResult, 'storedConversations' | 'faqEntries'>), compiled: probe.compiled });
    });
  });
}

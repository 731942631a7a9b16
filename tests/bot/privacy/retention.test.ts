import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { purge } from '../../../src/bot/privacy/retention.js';
import { runCli } from '../../helpers/cli-process.js';
import { databaseOf } from '../../../src/storage/open-repositories.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { resident, testApp } from '../../helpers/test-app.js';

const DAY = 24 * 60 * 60 * 1000;
const DAYS = { transcript: 180, idleConversations: 30, sentOutbox: 7, deadLetters: 30, closedCases: 1825 };

/** A data folder with one conversation written `ageDays` ago, and a stored file its application refers to. */
async function agedData(ageDays: number) {
  const dir = tempDir();
  const app = await testApp(dir);
  const then = Date.now() - ageDays * DAY;
  (app.runner as unknown as { now: () => number }).now = () => then;
  const ana = resident('ana');
  await app.runner.handle(ana.returned());
  await app.runner.handle(ana.choice('consent.agree'));
  await app.runner.handle(ana.text('老板欠我工资，电话13800138000'));
  const fileId = 'd'.repeat(32);
  fs.mkdirSync(app.config.attachmentsDir, { recursive: true });
  const file = path.join(app.config.attachmentsDir, fileId);
  fs.writeFileSync(file, 'x');
  fs.utimesSync(file, new Date(then), new Date(then));
  await databaseOf(app.repos)!.run("UPDATE outbox SET status = 'sent'");
  return { dir, app, file };
}

describe('retention', () => {
  it('keeps what is younger than its period, without holding up residents meanwhile', async () => {
    const { app, file } = await agedData(3);
    const db = databaseOf(app.repos)!;
    // Writes of the purge: with nothing past its period, none (a purge transaction scans whole
    // tables while every resident's next commit waits behind it: 0.6 s at 100,000 conversations).
    const writes: string[] = [];
    const watched = { ...db, transaction: ((work) => (writes.push('transaction'), db.transaction(work))) as typeof db.transaction, exec: (sql: string) => (writes.push(sql), db.exec(sql)) };
    const report = await purge(watched, app.config.attachmentsDir, DAYS);
    expect(writes).toEqual([]);
    expect(report.counts.every((c) => c.count === 0)).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
    expect((await app.repos.conversations.recentTranscript('console:ana', 50)).length).toBeGreaterThan(0);
    await app.close();
  });

  it('deletes an abandoned conversation, its lines, its delivered messages and a file nothing refers to', async () => {
    const { app, file } = await agedData(40);
    const report = await purge(databaseOf(app.repos)!, app.config.attachmentsDir, DAYS);
    const count = (kind: string) => report.counts.find((c) => c.kind === kind)!.count;
    expect(count('idleConversations')).toBe(1);
    expect(count('sentOutbox')).toBeGreaterThan(0);
    expect(report.files).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    expect(await app.repos.conversations.load('console:ana')).toBeUndefined();
    expect(await app.repos.conversations.recentTranscript('console:ana', 50)).toEqual([]);
    await app.close();
  });

  it('fayuan purge --dry-run prints what it would delete by kind and age, and deletes nothing', async () => {
    const { dir, app, file } = await agedData(40);
    await app.close();
    const dry = await runCli(['purge', '--dry-run'], '', { FAYUAN_DATA_DIR: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would delete +1 +idle conversations \(incl\. abandoned applications\) older than 30 days, oldest 40 days old/);
    expect(dry.stdout).toMatch(/would delete +1 +stored files/);
    expect(fs.existsSync(file)).toBe(true);
    const real = await runCli(['purge'], '', { FAYUAN_DATA_DIR: dir });
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/deleted +1 +idle conversations/);
    expect(fs.existsSync(file)).toBe(false);
    const again = await runCli(['purge', '--dry-run'], '', { FAYUAN_DATA_DIR: dir });
    expect(again.stdout).toMatch(/would delete +0 +idle conversations/);
  });
});

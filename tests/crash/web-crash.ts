/**
 * `npm run test:crash` (not part of `npm test`): residents apply over the web chat protocol while the
 * server is killed with SIGKILL again and again; each resident's page re-sends what the server did not
 * acknowledge, as the real page does. At the end it counts, from the database:
 * - lost: messages the server acknowledged that are not in the transcript;
 * - duplicated: acknowledged messages stored more than once;
 * - wrongly resumed: residents whose application did not end as exactly one case with their answers.
 * Prints one JSON line with the figures; exits 1 when any count is not zero.
 *
 * Options (environment): CRASH_RESIDENTS (default 8), CRASH_KILLS (default 10).
 */
import { loadCipher } from '../../src/storage/data-key.js';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import sqlite3 from 'sqlite3';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/fayuan.js');
const RESIDENTS = Number(process.env.CRASH_RESIDENTS ?? 8);
const KILLS = Number(process.env.CRASH_KILLS ?? 10);

type Frame = { type: string; mid: string; [key: string]: unknown };

/** One application, as the page sends it (button ids and typed answers). */
const STEPS: Omit<Frame, 'mid'>[] = [
  { type: 'choice', id: 'consent.agree' },
  { type: 'choice', id: 'menu.apply' },
  { type: 'choice', id: 'privacy.sensitive.agree' },
  { type: 'choice', id: 'catgroup:wages' },
  { type: 'choice', id: 'opt:self' },
  { type: 'choice', id: 'opt:demo-city' },
  { type: 'message', text: '45' },
  { type: 'choice', id: 'opt:none' },
  { type: 'choice', id: 'group:migrant_worker' },
  { type: 'choice', id: 'intake.groups.done' },
  { type: 'choice', id: 'intake.no_deadline' },
  { type: 'choice', id: 'intake.no' },
  { type: 'choice', id: 'intake.continue' },
  { type: 'message', text: '包工头欠我两万元工资' },
  { type: 'choice', id: 'intake.documents.done' },
  { type: 'message', text: '张三' },
  { type: 'message', text: '13800138000' },
  { type: 'choice', id: 'intake.confirm' },
];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    // Every simulated resident comes from 127.0.0.1: the per-address limit is raised for them.
    env: { ...process.env, FAYUAN_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', CONSOLE_CHAT: 'off', TELEGRAM_BOT_TOKEN: '', WEB_MESSAGES_PER_ADDRESS_PER_MINUTE: '100000', WEB_NEW_CONVERSATIONS_PER_ADDRESS_PER_HOUR: '100000', PRIVACY_SENSITIVE_CONSENT: 'on' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('web chat on')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** A resident's page: one identity, the steps to send, what the server acknowledged. */
class Page {
  next = 0;
  readonly acked = new Set<string>();
  readonly sentMids: string[] = [];
  private socket: WebSocket | undefined;
  private inFlight: Frame | undefined;

  constructor(
    readonly index: number,
    readonly cookie: string,
    readonly resident: string,
  ) {}

  get done(): boolean {
    return this.next >= STEPS.length;
  }

  /** Connects, says hello, re-sends the step in flight, and sends the rest one by one as each is acknowledged. */
  connect(port: number): void {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/chat/socket`, { headers: { Cookie: this.cookie } });
    this.socket = socket;
    socket.on('open', () => {
      socket.send(JSON.stringify({ type: 'hello', mid: `hello-${this.index}-${Date.now()}` }));
      if (this.inFlight) socket.send(JSON.stringify(this.inFlight));
      else this.sendNext();
    });
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame & { id?: number };
      if (typeof frame.id === 'number') socket.send(JSON.stringify({ type: 'received', mid: `rcpt-${frame.id}`, id: frame.id }));
      // Refused (a limit): a person would wait and send it again.
      if (frame.type === 'failed' && this.inFlight?.mid === frame.mid) {
        const again = this.inFlight;
        setTimeout(() => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(again)), 1000);
      }
      if (frame.type === 'ack' && this.inFlight?.mid === frame.mid) {
        this.acked.add(frame.mid);
        this.inFlight = undefined;
        this.next++;
        setTimeout(() => this.sendNext(), Math.random() * 40);
      }
    });
    socket.on('error', () => undefined);
  }

  close(): void {
    this.socket?.terminate();
  }

  private sendNext(): void {
    if (this.done || this.inFlight || this.socket?.readyState !== WebSocket.OPEN) return;
    this.inFlight = { ...STEPS[this.next]!, mid: `r${this.index}s${this.next}x${Math.random().toString(36).slice(2, 8)}` } as Frame;
    this.sentMids.push(this.inFlight.mid);
    this.socket.send(JSON.stringify(this.inFlight));
  }
}

function query<T>(file: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all(sql, params, (error, rows) => {
        db.close();
        if (error) reject(error);
        else resolve(rows as T[]);
      });
    });
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fayuan-crash-'));
  const port = await freePort();
  let server = await startServer(dataDir, port);
  const pages: Page[] = [];
  for (let i = 0; i < RESIDENTS; i++) {
    const response = await fetch(`http://127.0.0.1:${port}/chat/session`, { method: 'POST' });
    // Every simulated resident shares one address: a refused session would leave a resident silently unfinished.
    if (!response.ok) throw new Error(`resident ${i}: the server refused a new conversation (${response.status})`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    pages.push(new Page(i, cookie, cookie.slice(cookie.indexOf('=') + 1, cookie.indexOf('.'))));
  }
  for (const page of pages) page.connect(port);

  let kills = 0;
  const started = Date.now();
  while (!pages.every((p) => p.done) && Date.now() - started < 300_000) {
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 700));
    if (kills < KILLS) {
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      kills++;
      for (const page of pages) page.close();
      server = await startServer(dataDir, port);
      for (const page of pages) page.connect(port);
    }
  }
  // Let the last turns and cases settle, then stop cleanly and read the database.
  await new Promise((r) => setTimeout(r, 1000));
  for (const page of pages) page.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));

  const file = path.join(dataDir, 'fayuan.sqlite');
  // Personal columns are sealed with the data folder's key (docs/privacy.md).
  const cipher = loadCipher({ dataDir, dataKeys: null });
  let lost = 0;
  let duplicated = 0;
  let wronglyResumed = 0;
  let unfinished = 0;
  let acknowledged = 0;
  for (const page of pages) {
    const key = `web:${page.resident}`;
    const rows = await query<{ body: string }>(file, "SELECT body FROM transcript WHERE conversation_key = ? AND direction = 'in'", [key]);
    const stored = rows.map((r) => (JSON.parse(cipher.open(r.body)) as { messageId?: string }).messageId).filter((m): m is string => typeof m === 'string');
    for (const mid of page.acked) {
      acknowledged++;
      const times = stored.filter((m) => m === mid).length;
      if (times === 0) lost++;
      if (times > 1) duplicated++;
    }
    if (!page.done) {
      unfinished++;
      continue;
    }
    const cases = await query<{ facts: string; applicant: string }>(file, 'SELECT facts, applicant FROM cases WHERE conversation_key = ?', [key]);
    const right =
      cases.length === 1 &&
      (JSON.parse(cases[0]!.facts) as { age?: number; category?: string }).age === 45 &&
      (JSON.parse(cases[0]!.facts) as { category?: string }).category === 'wages' &&
      cipher.open(cases[0]!.applicant).includes('13800138000');
    if (!right) wronglyResumed++;
  }
  const result = { residents: RESIDENTS, kills, acknowledged, lost, duplicated, wronglyResumed, unfinished, seconds: Math.round((Date.now() - started) / 1000) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(lost + duplicated + wronglyResumed + unfinished === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

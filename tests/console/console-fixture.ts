import { createHash } from 'node:crypto';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { App } from '../../src/bot/app.js';
import { startConsole, type ConsoleOptions, type RunningConsole } from '../../src/console/start-console.js';
import { StaffAuth } from '../../src/staff/staff-auth.js';
import type { Role } from '../../src/staff/staff-ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { LoginThrottleStore, StaffAccountStore, StaffSessionStore } from '../../src/storage/staff-account-store.js';
import { AuditStore } from '../../src/storage/staff-records-store.js';
import { RecordingSender, resident, testApp } from '../helpers/test-app.js';
import { tempDir } from '../helpers/temp-dir.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';

export const PASSWORD = 'correct horse battery';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/**
 * A real app on a temporary SQLite file with the console on a free port. Accounts are created before
 * the app starts (as a centre does with `fayuan staff add`), so live conversations are available.
 */
export async function consoleFixture(
  accounts: { username: string; role: Role; office?: string; name?: string }[],
  { env = {}, ...options }: { overdueCheckMs?: number; env?: Record<string, string>; policyIo?: ConsoleOptions['policyIo'] } = {},
) {
  const dataDir = tempDir();
  const db = await openStorage(path.join(dataDir, 'fayuan.sqlite'));
  const auth = new StaffAuth({ accounts: new StaffAccountStore(db), sessions: new StaffSessionStore(db), throttle: new LoginThrottleStore(db), audit: new AuditStore(db) });
  const ids: Record<string, number> = {};
  for (const a of accounts) {
    const made = await auth.addAccount({ username: a.username, role: a.role, office: a.office ?? null, displayName: a.name ?? null, password: PASSWORD });
    if (!made.ok) throw new Error(made.reason);
    ids[a.username] = made.account.id;
  }
  await db.close();
  const clock = { now: Date.now() };
  const app: App = await testApp(dataDir, { CONSOLE_CHAT: 'off', ...env });
  const residents = new RecordingSender();
  app.dispatcher.register('console', residents);
  app.dispatcher.register('telegram', residents);
  const running: RunningConsole = await startConsole(app, { port: 0, host: '127.0.0.1', now: () => clock.now, pickupCheckMs: 60_000, pingMs: 100, ...options });
  cleanups.push(async () => {
    await running.close();
    await app.close();
  });
  return { app, console: running, url: running.url.replace(/\/$/, ''), ids, clock, residents, dataDir };
}

export type ConsoleFixture = Awaited<ReturnType<typeof consoleFixture>>;

/** A resident of the console channel who agreed to the privacy notice and asked for a person. */
export async function asksForPerson(f: ConsoleFixture, userId: string) {
  const person = resident(userId);
  await f.app.runner.handle(person.returned());
  await f.app.runner.handle(person.choice('consent.agree'));
  await f.app.runner.handle(person.choice('menu.human'));
  await f.app.dispatcher.resume();
  return person;
}

/**
 * `userId`'s wages application, claimed by `staff` (signed in through the API), the ID card asked for (一次性告知), and a
 * minute later a photo sent for it from the console channel (`fileName`). Returns the case reference and the resident.
 */
export async function caseWithFileSent(f: ConsoleFixture, staff: string, userId: string, fileName = '身份证.jpg') {
  const person = resident(userId);
  const ref = await submitWagesApplication(f.app, person);
  const client = new Client(f.url);
  await client.login(staff);
  await client.request('POST', `/api/cases/${ref}/claim`, {});
  await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] });
  f.clock.now += 60_000;
  await f.app.runner.handle({
    channel: 'console',
    userId,
    address: userId,
    messageId: 'file-1',
    event: { type: 'user.attachment', attachment: { id: createHash('md5').update(userId).digest('hex'), fileName, mimeType: 'image/jpeg', size: 2048 } },
  });
  return { ref, person };
}

/** A browser-like client: keeps the session cookie, sends the CSRF token when told to. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(
    private readonly base: string,
    private readonly lang = 'zh-CN',
  ) {}

  async request(method: string, path: string, body?: unknown, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = { 'Accept-Language': this.lang };
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if ((options.csrf ?? true) && this.csrf && method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    const response = await fetch(`${this.base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }

  async login(username: string, password = PASSWORD) {
    const answer = await this.request('POST', '/api/login', { username, password });
    if (answer.status === 200) this.csrf = String(answer.body.csrfToken);
    return answer;
  }
}

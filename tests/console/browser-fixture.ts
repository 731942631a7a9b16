/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { TestBrowser } from '../helpers/chromium.js';
import { createApp, type App } from '../../src/bot/app.js';
import { createLogger } from '../../src/bot/logger.js';
import { startWebChat, type RunningWebChat } from '../../src/bot/web/start-web-chat.js';
import { parseConfig } from '../../src/config.js';
import { startConsole, type RunningConsole } from '../../src/console/start-console.js';
import { StaffAuth } from '../../src/staff/staff-auth.js';
import type { Role } from '../../src/staff/staff-ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { LoginThrottleStore, StaffAccountStore, StaffSessionStore } from '../../src/storage/staff-account-store.js';
import { AuditStore } from '../../src/storage/staff-records-store.js';
import { translate } from '../../src/locales/render.js';
import { consolePageMessages } from '../../src/locales/console-pages.js';
import { consoleMessages } from '../../src/locales/console.js';

// Browser-test fixture of the console pages (the API tests have their own in console-fixture.ts).

export const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);
export const en = (key: string, params?: Record<string, string>) => translate(key, 'en', params);
const pageCatalog = { ...consoleMessages, ...consolePageMessages } as Record<string, { 'zh-CN': string; en: string }>;
const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (w, n: string) => (n in params ? String(params[n]) : w));
/** A console page text in Chinese (the default), placeholders filled. */
export const pz = (key: string, params: Record<string, string | number> = {}) => fill(pageCatalog[key]!['zh-CN'], params);
/** A console page text in English. */
export const pe = (key: string, params: Record<string, string | number> = {}) => fill(pageCatalog[key]!.en, params);

/** The office the default pack routes a migrant worker's wages claim to. */
export const UNION_OFFICE = 'demo-city-union';
/** An office that does not see it: a sibling workstation (demo-city-center, the union workstation's parent, does see it). */
export const OTHER_OFFICE = 'demo-city-women';
export const BROWSER_PASSWORD = 'correct horse battery';

const ACCOUNTS: [string, Role, string | null][] = [
  ['wangfang', 'staff', UNION_OFFICE],
  ['lijing', 'supervisor', UNION_OFFICE],
  ['zhaolei', 'staff', OTHER_OFFICE],
  ['chenyu', 'operator', null],
  ['admin', 'admin', null],
];

export interface BrowserFixture {
  app: App;
  web: RunningWebChat;
  console: RunningConsole;
  /** Moves the console's clock (sessions, due dates) forward by `ms` from now on. */
  skew(ms: number): void;
  close(): Promise<void>;
}

/** The real app with the web chat and the staff console on free ports, and an account of each role. */
export async function startBrowserFixture(dataDir: string, env: Record<string, string> = {}): Promise<BrowserFixture> {
  // Accounts first, as a centre does with `fayuan staff add` before serving: live conversations need them.
  const db = await openStorage(path.join(dataDir, 'fayuan.sqlite'));
  const auth = new StaffAuth({ accounts: new StaffAccountStore(db), sessions: new StaffSessionStore(db), throttle: new LoginThrottleStore(db), audit: new AuditStore(db) });
  for (const [username, role, office] of ACCOUNTS) {
    const made = await auth.addAccount({ username, role, office, password: BROWSER_PASSWORD });
    if (!made.ok) throw new Error(`could not add ${username}: ${made.reason}`);
  }
  await db.close();
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, KB_INDEX_WORKER: 'off', PORT: '0', STAFF_PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', KB_REFRESH_SECONDS: '1', ...env });
  const app = await createApp(config, createLogger('silent'));
  const web = await startWebChat(app);
  let offset = 0;
  const staffConsole = await startConsole(app, { port: 0, host: '127.0.0.1', now: () => Date.now() + offset, pickupCheckMs: 60_000 });
  return {
    app,
    web,
    console: staffConsole,
    skew: (ms) => (offset = ms),
    async close() {
      await staffConsole.close();
      await web.close();
      await app.close();
    },
  };
}

/** Opens the console and signs in with the Chinese form. */
export async function signIn(page: Page, url: string, username: string, password = BROWSER_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel(pz('login.username')).fill(username);
  await page.getByLabel(pz('login.password')).fill(password);
  await page.getByRole('button', { name: pz('login.submit'), exact: true }).click();
}

/** From the knowledge-base page an operator lands on: finds the entry by id and waits for its editor. */
export async function openKbEntry(page: Page, id: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: pz('kb.heading') }).waitFor();
  await page.getByLabel(pz('kb.search')).fill(id);
  await page.getByLabel(pz('kb.search')).press('Enter');
  await page.locator('.kb-list a', { hasText: id }).click();
  await page.getByRole('heading', { level: 2, name: /^编辑/ }).waitFor({ timeout: 20_000 });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A resident in the web chat page: each line is a press of the button with that label when the bot
 * offers one, else typed and sent; waits for the bot's answer each time.
 */
export async function residentSays(page: Page, lines: readonly (string | RegExp)[]): Promise<void> {
  for (const line of lines) {
    if (line instanceof RegExp) {
      // A toggle of a checklist (multi-select): nothing is sent until the done button.
      const toggle = page.locator('#log .choice[aria-pressed]').filter({ hasText: line }).last();
      await toggle.click();
      await page.locator('#log .choice[aria-pressed="true"]').filter({ hasText: line }).last().waitFor();
      continue;
    }
    const before = await page.locator('.msg--bot').count();
    const button = page.locator('#log .choice').filter({ hasText: new RegExp(`^${escape(line)}$`) }).last();
    if ((await button.count()) > 0 && (await button.isEnabled())) await button.click();
    else {
      await page.locator('#message').fill(line);
      await page.keyboard.press('Enter');
    }
    await page.locator('.msg--bot').nth(before).waitFor({ timeout: 15_000 });
    await settled(page);
  }
}

/** Waits until the bot has stopped adding messages for a moment (a reply may come in several parts). */
export async function settled(page: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const count = await page.locator('.msg--bot').count();
    if (count === last) return;
    last = count;
    await page.waitForTimeout(200);
  }
}

/**
 * The web chat as a new resident: pages of one browser share localStorage, where the chat keeps the
 * resident's id, so each resident gets a fresh id before the page loads.
 */
export async function openResident(browser: TestBrowser, url: string): Promise<Page> {
  const page = await browser.newPage();
  const id = randomBytes(18).toString('base64url');
  // A resident whose phone speaks Chinese (headless Chromium says en-US, which the chat would follow).
  await page.addInitScript(
    `localStorage.setItem('fayuan.resident', '${id}'); Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });`,
  );
  await page.goto(url);
  return page;
}

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium, type TestBrowser } from '../../helpers/chromium.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { createApp, type App } from '../../../src/bot/app.js';
import { createLogger } from '../../../src/bot/logger.js';
import { conversationKey, type InboundMessage } from '../../../src/bot/channel.js';
import { startWebChat, type RunningWebChat, type WebChatOptions } from '../../../src/bot/web/start-web-chat.js';
import { parseConfig } from '../../../src/config.js';
import { translate } from '../../../src/locales/render.js';

export const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);
export const en = (key: string, params?: Record<string, string>) => translate(key, 'en', params);

/** A smallest valid PNG (1×1), for uploads that must pass the type check. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface WebChatFixture {
  app: App;
  web: RunningWebChat;
  /** The bot's texts in a web resident's transcript, oldest first. */
  botTexts(resident: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The real app on a temp data folder with the web chat on a free port of 127.0.0.1. */
export async function startFixture(dataDir: string, env: Record<string, string> = {}, options: WebChatOptions = {}): Promise<WebChatFixture> {
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, KB_INDEX_WORKER: 'off', PORT: '0', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', ...env });
  const app = await createApp(config, createLogger('silent'));
  const web = await startWebChat(app, options);
  return {
    app,
    web,
    async botTexts(resident) {
      const entries = await app.repos.conversations.recentTranscript(conversationKey('web', resident), 200);
      return entries.filter((e) => e.direction === 'out').map((e) => (e.body as { text: string }).text);
    },
    async close() {
      await web.close();
      await app.close();
    },
  };
}

/** A resident identity as the page gets it: the cookie to send back, and the resident id it proves. */
export interface Session {
  cookie: string;
  resident: string;
  setCookie: string;
}

/** Asks the server for an identity, as the page does on load. */
export async function newSession(url: string): Promise<Session> {
  const response = await fetch(new URL('/chat/session', url), { method: 'POST' });
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  return { cookie, resident: cookie.slice(cookie.indexOf('=') + 1, cookie.indexOf('.')), setCookie };
}

/** Messages that bring a resident (on any channel) to the documents step of a wages application. */
export function toDocumentsStep(channel: 'web' | 'console' | 'telegram', userId: string): InboundMessage[] {
  let n = 0;
  const base = { channel, userId, address: userId };
  const choice = (id: string): InboundMessage => ({ ...base, messageId: `d${++n}`, event: { type: 'user.choice', id } });
  const text = (value: string): InboundMessage => ({ ...base, messageId: `d${++n}`, event: { type: 'user.text', text: value } });
  return [
    { ...base, event: { type: 'user.returned' } }, choice('consent.agree'), choice('menu.apply'), choice('catgroup:wages'), choice('opt:self'),
    choice('opt:demo-city'), text('45'), choice('opt:none'), choice('group:migrant_worker'), choice('intake.groups.done'),
    choice('intake.no_deadline'), choice('intake.no'), choice('intake.continue'), text('包工头欠我两万元工资'),
  ];
}

/**
 * One browser for a describe block, and a fresh web chat server per page in Chinese (the browser's
 * language): `open()` starts both and returns the page; pages and servers close after each test.
 */
export function chineseWebChatPages() {
  let browser: TestBrowser | undefined;
  let current: WebChatFixture | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await current?.close();
    current = undefined;
  });
  return {
    async open(viewport: { width: number; height: number } = { width: 390, height: 844 }): Promise<Page> {
      current = await startFixture(tempDir());
      const page = await browser!.newPage(viewport);
      pages.push(page);
      await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });`);
      await page.goto(current.web.url);
      return page;
    },
    /** The server behind the page opened last. */
    fixture: (): WebChatFixture => current!,
    browser: (): TestBrowser => browser!,
  };
}

import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { startWebChat } from '../../../src/bot/web/start-web-chat.js';
import { webMessages } from '../../../src/locales/web.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../../helpers/chromium.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { en, PNG, startFixture, zh, type WebChatFixture } from './web-chat-fixture.js';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('web chat in a browser', () => {
  let browser: TestBrowser;
  let fixture: WebChatFixture;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await fixture?.close();
  });

  /** A fresh app and page; each app has its own port, so each test is a new resident (localStorage is per origin). */
  async function openChat(viewport?: { width: number; height: number }) {
    fixture = await startFixture(tempDir());
    return openPage(viewport);
  }

  /** A page whose browser speaks `language` (headless Chromium says en-US otherwise). */
  async function openPage(viewport?: { width: number; height: number }, language = 'zh-CN') {
    const page = await browser.newPage(viewport);
    pages.push(page);
    await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => ${JSON.stringify(language)} });`);
    await page.goto(fixture.web.url);
    return page;
  }

  const log = (page: Page) => page.getByRole('log');
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const botSays = (page: Page, text: string) => page.locator('.msg--bot .msg__text', { hasText: text });
  // Expressions run in the page (the test's TypeScript has no DOM types).
  const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
  /** The resident id the server issued this browser (from its HttpOnly cookie, which the page's script cannot read). */
  const resident = async (_page: Page) => {
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'fayuan_resident');
    return cookie ? cookie.value.slice(0, cookie.value.indexOf('.')) : '';
  };
  const focusedId = (page: Page) => inPage<string | undefined>(page, 'document.activeElement?.id');

  it('greets in Chinese with the privacy question and quick-reply buttons', async () => {
    const page = await openChat();
    await expect.poll(() => log(page).innerText()).toContain(zh('core.privacy'));
    expect(await log(page).innerText()).toContain(zh('core.greeting'));
    await button(page, zh('core.consent.agree')).waitFor();
    await button(page, zh('core.consent.decline')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.title()).toBe(webMessages['web.title']['zh-CN']);
    expect(await log(page).getAttribute('aria-live')).toBe('polite');
    await page.getByLabel(webMessages['web.message.label']['zh-CN']).waitFor();
  });

  it('answers a quick-reply button and a typed message', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    expect(await button(page, zh('core.consent.agree')).count()).toBe(0);
    const before = await page.locator('.msg--bot').count();
    await page.getByLabel(webMessages['web.message.label']['zh-CN']).fill('老板欠我三个月工资');
    await page.keyboard.press('Enter');
    await page.locator('.msg--me', { hasText: '老板欠我三个月工资' }).waitFor();
    await expect.poll(() => page.locator('.msg--bot').count()).toBeGreaterThan(before);
    await expect.poll(() => page.locator('.msg__pending').count()).toBe(0);
  });

  it('shows the recent history after a reload and carries on where the resident was', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    await page.reload();
    await page.locator('.divider').waitFor();
    // Where the resident was: the menu's buttons again, not a greeting and the menu a second time.
    await button(page, zh('core.menu.ask')).waitFor();
    expect(await botSays(page, zh('core.welcome_back')).count()).toBe(0);
    expect(await botSays(page, zh('core.menu')).count()).toBe(1);
    const text = await log(page).innerText();
    // What was said before the resident agreed is not kept; from the agreement on, it is.
    expect(text).not.toContain(zh('core.greeting'));
    expect(text.indexOf(zh('core.menu'))).toBeLessThan(text.indexOf(webMessages['web.history.end']['zh-CN']));
    await button(page, zh('core.menu.ask')).waitFor();
  });

  it('can be used with the keyboard alone', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    let focused = '';
    for (let i = 0; i < 10 && focused !== zh('core.consent.agree'); i++) {
      await page.keyboard.press('Tab');
      focused = await inPage<string>(page, "document.activeElement?.textContent ?? ''");
    }
    expect(focused).toBe(zh('core.consent.agree'));
    await page.keyboard.press('Enter');
    await botSays(page, zh('core.menu')).waitFor();
    expect(await focusedId(page)).toBe('message');
    await page.keyboard.type('/help');
    await page.keyboard.press('Enter');
    await botSays(page, zh('core.help', { hotline: '12348' })).waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('attach');
  });

  it('an English browser gets the greeting marked as English, read out as "Assistant said:" (it was marked Chinese)', async () => {
    fixture = await startFixture(tempDir());
    const page = await openPage(undefined, 'en-GB');
    await botSays(page, en('core.greeting')).waitFor();
    const first = page.locator('.msg--bot').first();
    expect(await first.getAttribute('lang')).toBe('en');
    expect(await first.locator('.visually-hidden').innerText()).toBe(webMessages['web.speaker.bot'].en);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('switches the page and the conversation to English with the language button', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    await page.locator('#language').click();
    await botSays(page, en('core.language.changed')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByLabel('Type your message').getAttribute('placeholder')).toBe(webMessages['web.message.placeholder'].en);
    expect(await page.locator('#language').innerText()).toBe('中文');
    await button(page, en('core.consent.agree')).waitFor();
  });

  it('kindly refuses a file of the wrong type, and a photo no step asked for without writing it anywhere', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    await page.setInputFiles('#file', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.locator('.msg--bot', { hasText: zh('core.attachment.refused.type') }).waitFor();
    await page.setInputFiles('#file', { name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.msg--note', { hasText: webMessages['web.upload.not_now']['zh-CN'] }).waitFor();
    expect(fs.existsSync(fixture.app.config.attachmentsDir) ? fs.readdirSync(fixture.app.config.attachmentsDir) : []).toEqual([]);
    expect(await page.locator('.msg--me', { hasText: 'photo.png' }).count()).toBe(1);
  });

  // Retried: under a loaded CI machine the outbox's retry after the closed page can land near the test's
  // 30 s limit (seen twice in full runs, never alone); a retry still fails if delivery or "once" is broken.
  it('delivers a message sent while the page was closed when it opens again, once', { retry: 2 }, async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    const id = await resident(page);
    await page.close();
    const notice = { kind: 'text' as const, text: '工作人员：您的材料已收到。', choices: [] };
    const key = conversationKey('web', id);
    const [outboxId] = await fixture.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'web', address: id, payload: notice }], Date.now());
    const message = { id: outboxId!, conversationKey: key, channel: 'web', address: id, payload: notice, attempts: 0 };
    fixture.app.dispatcher.enqueue([message]);
    await new Promise((r) => setTimeout(r, 300));

    const again = await browser.newPage();
    pages.push(again);
    await again.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });`);
    let framesWithIt = 0;
    again.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes(notice.text)) framesWithIt++;
      }),
    );
    await again.goto(fixture.web.url);
    await botSays(again, notice.text).waitFor();
    await botSays(again, zh('core.greeting')).waitFor();
    // The outbox sending it again (as after a crash) must not show it twice.
    fixture.app.dispatcher.enqueue([{ ...message }]);
    await fixture.app.dispatcher.whenDone([outboxId!]);
    await expect.poll(() => framesWithIt).toBe(2);
    expect(await botSays(again, notice.text).count()).toBe(1);
  });

  it('reconnects after the server restarts and sends what the resident typed meanwhile', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    const { port } = fixture.web;
    await fixture.web.close();
    await page.locator('#status', { hasText: webMessages['web.status.reconnecting']['zh-CN'] }).waitFor();
    await page.getByLabel(webMessages['web.message.label']['zh-CN']).fill('/help');
    await page.keyboard.press('Enter');
    await page.locator('.msg__pending').waitFor();

    fixture.web = await startWebChat({ ...fixture.app, config: { ...fixture.app.config, port } });
    await botSays(page, zh('core.help', { hotline: '12348' })).waitFor({ timeout: 20_000 });
    expect(await page.locator('.msg__pending').count()).toBe(0);
    expect(await page.locator('#status').innerText()).toBe('');
    expect(await botSays(page, zh('core.welcome_back')).count()).toBe(0);
  });

  it('fits a 360 px wide screen without sideways scrolling', async () => {
    const page = await openChat({ width: 360, height: 740 });
    await button(page, zh('core.consent.agree')).waitFor();
    expect(await inPage<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    for (const selector of ['#message', '#attach', '.composer__send', '#language']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
  });
});

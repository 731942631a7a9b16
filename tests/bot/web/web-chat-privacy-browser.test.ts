import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey, type OutboundPayload } from '../../../src/bot/channel.js';
import { startWebChat } from '../../../src/bot/web/start-web-chat.js';
import { webMessages } from '../../../src/locales/web.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../../helpers/chromium.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { en, startFixture, toDocumentsStep, zh, type WebChatFixture } from './web-chat-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/privacy-shots';
const EXIT_URL = 'https://neutral.example/weather';
const web = (key: keyof typeof webMessages) => webMessages[key]['zh-CN'];

describe.skipIf(missing !== null)('web chat privacy and defects, in a browser', () => {
  let browser: TestBrowser;
  let fixture: WebChatFixture;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
    // The neutral site of the quick exit, served locally (no network in tests).
    await browser.context.route('https://neutral.example/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Weather</title><h1>Weather today</h1>' }),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await fixture?.close();
  });

  async function openChat(options: { viewport?: { width: number; height: number }; language?: string; touch?: boolean } = {}) {
    fixture = await startFixture(tempDir(), { WEB_EXIT_URL: EXIT_URL });
    return openPage(options);
  }

  async function openPage(options: { viewport?: { width: number; height: number }; language?: string } = {}) {
    const page = await browser.newPage(options.viewport);
    pages.push(page);
    await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => ${JSON.stringify(options.language ?? 'zh-CN')} });`);
    await page.goto(fixture.web.url);
    return page;
  }

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const botSays = (page: Page, text: string) => page.locator('.msg--bot .msg__text', { hasText: text });
  const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
  const identityCookie = async () => (await browser.context.cookies()).find((c) => c.name === 'fayuan_resident');
  const residentId = async () => {
    const cookie = await identityCookie();
    return cookie ? cookie.value.slice(0, cookie.value.indexOf('.')) : '';
  };

  /** Puts a bot message in the resident's outbox, as staff or a machine would. */
  async function botMessage(payload: OutboundPayload) {
    const id = await residentId();
    const key = conversationKey('web', id);
    const [outboxId] = await fixture.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'web', address: id, payload }], Date.now());
    fixture.app.dispatcher.enqueue([{ id: outboxId!, conversationKey: key, channel: 'web', address: id, payload, attempts: 0 }]);
  }

  it('keeps the identity in an HttpOnly cookie only: nothing on the device, nothing the script can read', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    const cookie = (await identityCookie())!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(await inPage<number>(page, 'localStorage.length')).toBe(0);
    expect(await inPage<string>(page, 'document.cookie')).toBe('');
  });

  it('offers the quick exit first in keyboard order, and it replaces the page with a neutral site', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    await page.keyboard.press('Tab');
    expect(await inPage<string>(page, 'document.activeElement?.id')).toBe('exit');
    expect(await page.locator('#exit').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/quick-exit-390.png` });
    await page.keyboard.press('Enter');
    await page.waitForURL(EXIT_URL);
    expect(await page.locator('h1').innerText()).toBe('Weather today');
    // location.replace: "back" does not lead to the chat.
    await page.goBack().catch(() => undefined);
    expect(page.url()).not.toBe(fixture.web.url);
  });

  it('leaves on Escape pressed three times', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await page.waitForURL(EXIT_URL);
  });

  it('"clear this device" removes the identity and the conversation from the screen', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    const before = await residentId();
    page.once('dialog', (dialog) => void dialog.accept());
    await button(page, web('web.clear_device')).click();
    // The page starts over as someone new: the old conversation is not shown.
    await button(page, zh('core.consent.agree')).waitFor();
    expect(await residentId()).not.toBe(before);
    expect(await page.locator('.msg--me').count()).toBe(0);
    expect(await botSays(page, zh('core.menu')).count()).toBe(0);
  });

  it('"删除我的记录" asks once, then erases the records and clears the page', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    await page.getByLabel(web('web.message.label')).fill('我叫王小明，电话13912345678');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.msg__pending').count()).toBe(0);
    await button(page, web('web.erase')).click();
    await botSays(page, zh('privacy.erase.confirm')).waitFor();
    await button(page, zh('privacy.erase.yes')).click();
    await botSays(page, zh('core.deleted', { hotline: '12348' })).waitFor();
    expect(await page.locator('.msg--me', { hasText: '13912345678' }).count()).toBe(0);
    const key = conversationKey('web', await residentId());
    const transcript = await fixture.app.repos.conversations.recentTranscript(key, 100);
    expect(JSON.stringify(transcript)).not.toContain('13912345678');
    await page.reload();
    await button(page, zh('core.consent.agree')).waitFor();
    expect(await page.locator('.log').innerText()).not.toContain('13912345678');
  });

  it('shows hotlines and office numbers as tap-to-call links, but not example mobiles, amounts or dates', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    await botMessage({ kind: 'text', text: '请拨打 12348，或中心电话 010-12345678。手机号例如 13800138000。欠薪 2000元，2026-12-01 前，110天。紧急情况请拨 110。被骗了请拨 96110。不方便说话可以发短信到 12110 报警。', choices: [] });
    await page.locator('a.tel').first().waitFor();
    const links = await page.locator('a.tel').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // A mobile number in the bot's words is an example or the resident's own: never a link.
    // 96110, the national anti-fraud line, is what the fraud answer asks a scammed resident to call first (session 8).
    // 12110 is the police's text-message number (session 18: for someone who cannot call without being heard): a text, not a call.
    expect(links).toEqual(['tel:12348', 'tel:01012345678', 'tel:110', 'tel:96110', 'sms:12110']);
  });

  it('does not put focus in the input after a button is tapped on a touch screen (the keyboard would cover the answers)', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    await button(page, zh('core.consent.agree')).dispatchEvent('pointerdown', { pointerType: 'touch', bubbles: true });
    await button(page, zh('core.consent.agree')).dispatchEvent('click', { detail: 1 });
    await botSays(page, zh('core.menu')).waitFor();
    expect(await inPage<string | undefined>(page, 'document.activeElement?.id')).not.toBe('message');
    // With a mouse, typing can go on at once.
    await button(page, zh('core.menu.help')).click();
    expect(await inPage<string | undefined>(page, 'document.activeElement?.id')).toBe('message');
  });

  it("starts a new conversation in the browser's language", async () => {
    const page = await openChat({ language: 'en-US' });
    await botSays(page, en('core.privacy')).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await button(page, en('core.consent.agree')).waitFor();
  });

  it('shows a checklist as toggles with aria-pressed and sends one message on "done"', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    const sent: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => sent.push(String(payload))));
    await page.reload();
    await botSays(page, zh('core.menu')).first().waitFor();
    await botMessage({
      kind: 'text',
      text: '您属于以下哪些人群？',
      choices: [
        { id: 'group:migrant_worker', label: '进城务工人员' },
        { id: 'group:registered_poor', label: '脱贫户' },
        { id: 'intake.groups.done', label: '选好了' },
      ],
      multiSelect: { doneId: 'intake.groups.done' },
    });
    const worker = page.getByRole('button', { name: '进城务工人员' });
    await worker.waitFor();
    expect(await worker.getAttribute('aria-pressed')).toBe('false');
    await worker.click();
    expect(await worker.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '脱贫户' }).click();
    await page.getByRole('button', { name: '脱贫户' }).click();
    await page.screenshot({ path: `${SHOTS}/checklist-390.png` });
    expect(sent.filter((f) => f.includes('"choice'))).toEqual([]);
    await button(page, '选好了').click();
    await page.locator('.msg--me', { hasText: '进城务工人员' }).waitFor();
    await expect.poll(() => sent.filter((f) => f.includes('"choices"')).length).toBe(1);
    expect(JSON.parse(sent.find((f) => f.includes('"choices"'))!)).toMatchObject({ type: 'choices', ids: ['group:migrant_worker'] });
    expect(await page.locator('.msg--me', { hasText: '☐' }).count()).toBe(0);
    const key = conversationKey('web', await residentId());
    await expect
      .poll(async () => (await fixture.app.repos.conversations.recentTranscript(key, 50)).some((e) => JSON.stringify(e.body).includes('"user.choices"')))
      .toBe(true);
  });

  it("answers the intake's real groups checklist in one message, and the intake takes it", async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    const id = await residentId();
    await page.close();
    const steps = toDocumentsStep('web', id);
    const upToGroups = steps.slice(0, steps.findIndex((m) => m.event.type === 'user.choice' && m.event.id === 'group:migrant_worker'));
    for (const step of upToGroups) await fixture.app.runner.handle(step);
    const again = await openPage();
    // The box is drawn by the page from aria-pressed, not written in the label.
    const worker = again.getByRole('button', { name: zh('group.migrant_worker'), exact: true });
    await worker.waitFor();
    expect(await worker.getAttribute('aria-pressed')).toBe('false');
    await worker.click();
    // "None of these" is not an item to tick: it stays an ordinary button.
    expect(await again.getByRole('button', { name: zh('intake.opt.groups_none') }).getAttribute('aria-pressed')).toBeNull();
    await again.screenshot({ path: `${SHOTS}/groups-checklist-390.png` });
    await button(again, zh('intake.opt.groups_done')).click();
    // The next question (the deadline) comes at once: the checklist was one answer.
    await botSays(again, zh('intake.q.deadlineDays')).waitFor();
    expect(await again.locator('.msg--me', { hasText: zh('group.migrant_worker') }).innerText()).not.toContain('☐');
    const state = await fixture.app.runner.inspect('web', id);
    expect(JSON.stringify(state?.children)).toContain('migrant_worker');
  });

  it('uses the one message-length limit and shows it before sending', async () => {
    const page = await openChat();
    await button(page, zh('core.consent.agree')).waitFor();
    const input = page.getByLabel(web('web.message.label'));
    expect(await input.getAttribute('maxlength')).toBe('2000');
    await input.fill('字'.repeat(1500));
    await page.locator('#counter', { hasText: '1500/2000' }).waitFor();
    await input.fill('字'.repeat(2500));
    expect((await input.inputValue()).length).toBe(2000);
    await page.locator('#counter.counter--full').waitFor();
  });

  it('greets a page whose first frame died with the server, and reconnects quickly after a later drop', async () => {
    fixture = await startFixture(tempDir(), { WEB_EXIT_URL: EXIT_URL });
    const page = await browser.newPage();
    pages.push(page);
    await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });`);
    // The first socket dies as its hello is sent, as when the server stops at that moment.
    let connections = 0;
    await page.routeWebSocket(/\/chat\/socket$/, (socket) => {
      connections++;
      if (connections === 1) {
        socket.onMessage(() => void socket.close());
        return;
      }
      socket.connectToServer();
    });
    await page.goto(fixture.web.url);
    await botSays(page, zh('core.privacy')).waitFor({ timeout: 20_000 });
    expect(connections).toBeGreaterThanOrEqual(2);
    // After a working connection the back-off starts again from short: a restart is bridged in a second or two.
    const { port } = fixture.web;
    await fixture.web.close();
    await page.locator('#status', { hasText: web('web.status.reconnecting') }).waitFor();
    fixture.web = await startWebChat({ ...fixture.app, config: { ...fixture.app.config, port } });
    const started = Date.now();
    await expect.poll(() => page.locator('#status').innerText(), { timeout: 10_000 }).toBe('');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('looks right on a phone and on a laptop', async () => {
    const page = await openChat({ viewport: { width: 390, height: 844 } });
    await button(page, zh('core.consent.agree')).click();
    await botSays(page, zh('core.menu')).waitFor();
    await page.screenshot({ path: `${SHOTS}/chat-390x844.png` });
    expect(await inPage<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const exit = (await page.locator('#exit').boundingBox())!;
    expect(exit.y).toBeLessThan(80);
    expect(exit.height).toBeGreaterThanOrEqual(44);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: `${SHOTS}/chat-1366x768.png` });
    expect(await page.locator('#exit').isVisible()).toBe(true);
  });
});

/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { until } from '../helpers/until.js';
import { pz, signIn } from './browser-fixture.js';
import { asksForPerson, Client, consoleFixture } from './console-fixture.js';
import { liveId } from '../../src/staff/handoff-service.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();
const MINUTE = 60_000;

async function liveIds(client: Client, count: number): Promise<{ id: string; state: string }[]> {
  return until(async () => {
    const list = (await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[];
    return list.length >= count ? list : undefined;
  });
}

async function openLive(page: Page, url: string, username: string) {
  await signIn(page, url, username);
  await page.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: pz('live.heading') }).waitFor();
}

describe.skipIf(missing !== null)('the live conversations page on a busy day', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('keeps a danger alert for everyone until a colleague takes the conversation, then says who has it', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff', name: '王芳' },
      { username: 'zhaolei', role: 'staff', name: '赵磊' },
    ]);
    const person = await asksForPerson(f, 'in-danger');
    await f.app.runner.handle(person.text('救命，我老公正在打我'));
    await f.app.dispatcher.resume();

    browser ??= await launchChromium();
    const zhao = await browser.newPage({ width: 1366, height: 768 });
    zhao.setDefaultTimeout(60_000);
    await signIn(zhao, f.url, 'zhaolei');
    await zhao.getByText(pz('inbox.live.danger', { count: 1 })).waitFor();
    await zhao.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
    await zhao.locator('#live-alerts .alert').waitFor();

    const wang = new Client(f.url);
    await wang.login('wangfang');
    const [conversation] = await liveIds(wang, 1);
    expect((await wang.request('POST', `/api/live/${conversation!.id}/take`, {})).status).toBe(200);

    // 赵磊 sees, without reloading, that 王芳 has it: no red alert any more, and who took it.
    await zhao.locator('#live-alerts').getByText(pz('live.alert.taken', { kind: '家庭暴力', id: conversation!.id, name: '王芳' })).waitFor({ timeout: 10_000 });
    expect(await zhao.locator('#live-alerts .alert').count()).toBe(0);
    fs.mkdirSync(SHOTS, { recursive: true });
    await zhao.screenshot({ path: `${SHOTS}/live-alert-taken.png` });
    // Nor does the inbox count it as an alert any more.
    await zhao.getByRole('link', { name: pz('page.nav.inbox'), exact: true }).click();
    await zhao.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await zhao.waitForTimeout(1000);
    expect(await zhao.locator('main').innerText()).not.toContain(pz('inbox.live.danger', { count: 1 }));
  }, 300_000);

  it('says how long each resident has been waiting, live, with a resident in danger before one who asked earlier', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    await asksForPerson(f, 'asked-first');
    f.clock.now += 3 * MINUTE;
    const second = await asksForPerson(f, 'asked-second');
    await f.app.runner.handle(second.text('救命，我老公正在打我'));
    await f.app.dispatcher.resume();
    const client = new Client(f.url);
    await client.login('wangfang');
    await liveIds(client, 2);
    f.clock.now += 12 * MINUTE;

    browser ??= await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    page.setDefaultTimeout(60_000);
    await page.clock.install();
    await openLive(page, f.url, 'wangfang');
    const items = page.locator('.queue__item');
    await items.nth(1).waitFor({ timeout: 10_000 });
    // The resident in danger first (waiting 12 minutes), then the one who asked three minutes before.
    expect(await items.nth(0).getAttribute('class')).toContain('has-danger');
    expect(await items.nth(0).innerText()).toContain(pz('live.waited', { minutes: 12 }));
    expect(await items.nth(1).innerText()).toContain(pz('live.waited', { minutes: 15 }));
    await page.screenshot({ path: `${SHOTS}/live-queue-waits.png` });

    // Five minutes later, without any event or reload, the waits have grown.
    await page.clock.runFor(5 * MINUTE);
    expect(await items.nth(0).innerText()).toContain(pz('live.waited', { minutes: 17 }));
    expect(await items.nth(1).innerText()).toContain(pz('live.waited', { minutes: 20 }));

    const phone = await browser.newPage({ width: 390, height: 844 });
    phone.setDefaultTimeout(60_000);
    // Same browser, already signed in.
    await phone.goto(`${f.url}/#/live`);
    await phone.locator('.queue__item').nth(1).waitFor({ timeout: 10_000 });
    await phone.screenshot({ path: `${SHOTS}/live-queue-waits-phone.png`, fullPage: true });
  }, 300_000);
});

describe.skipIf(missing !== null)('a file chosen while a take is still on its way', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  const refused = { name: '起诉状.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK\u0003\u0004') };

  it('keeps the refusal of the file on screen, whether the take or the upload comes back first', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    await asksForPerson(f, 'file-before-take');
    await asksForPerson(f, 'file-after-take');
    browser = await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    page.setDefaultTimeout(60_000);
    await openLive(page, f.url, 'wangfang');
    await page.locator('.queue__item').nth(1).waitFor({ timeout: 20_000 });

    /** Opens the resident's conversation and presses Take, the take held back until the returned function is called. */
    async function takeHeldBack(userId: string) {
      await page.goto(`${f.url}/#/live/${liveId(`console:${userId}`)}`);
      let letTakeThrough = () => {};
      const held = new Promise<void>((resolve) => (letTakeThrough = resolve));
      await page.route('**/api/live/*/take', async (route) => {
        await held;
        await route.continue();
      });
      await page.getByRole('button', { name: pz('live.take'), exact: true }).click();
      return async () => {
        letTakeThrough();
        await page.getByRole('button', { name: pz('live.release'), exact: true }).waitFor({ timeout: 30_000 });
        await page.unroute('**/api/live/*/take');
      };
    }

    // The upload is refused while the take is on its way; then the take comes back and redraws the form.
    let letTakeThrough = await takeHeldBack('file-before-take');
    await page.locator('input[type=file]').setInputFiles(refused);
    await page.locator('.reply [role="alert"]', { hasText: '起诉状.docx' }).waitFor({ timeout: 20_000 });
    await letTakeThrough();
    await page.waitForTimeout(500);
    expect(await page.locator('.reply [role="alert"]').innerText()).toContain('起诉状.docx');

    // The take comes back first and redraws the form; then the upload's refusal arrives.
    letTakeThrough = await takeHeldBack('file-after-take');
    let letFileThrough = () => {};
    const fileHeld = new Promise<void>((resolve) => (letFileThrough = resolve));
    await page.route('**/api/live/*/files', async (route) => {
      await fileHeld;
      await route.continue();
    });
    await page.locator('input[type=file]').setInputFiles(refused);
    await letTakeThrough();
    letFileThrough();
    await page.locator('.reply [role="alert"]', { hasText: '起诉状.docx' }).waitFor({ timeout: 20_000 });
  }, 300_000);
});

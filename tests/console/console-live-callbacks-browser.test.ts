/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { until } from '../helpers/until.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 15: a resident nobody could take in time left a number to ring back. The API listed it
 * (`callbacks`), the operating guide says the live page lists them for a week, but the page never showed
 * them: console staff could not know anyone was waiting for a call. A resident whose application said calls
 * are not safe is marked where the number is.
 */
const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

describe.skipIf(missing !== null)('call-back requests on the live page', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`lists the number to ring, with the resident's case and whether calling is safe (${viewport.width}×${viewport.height})`, async () => {
      fs.mkdirSync(SHOTS, { recursive: true });
      const f = await consoleFixture([
        { username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' },
        { username: 'zhangmin', role: 'staff', office: 'demo-city-union', name: '张敏' },
      ]);
      const userId = `rings-${viewport.width}`;
      const key = `console:${userId}`;
      const base = newCase();
      const { ref } = await f.app.services.cases.createCase(
        newCase({ at: f.clock.now, conversationKey: key, channel: 'console', address: userId, applicant: { ...base.applicant, safeToContact: false } }),
      );
      browser ??= await launchChromium();
      const staff = await browser.newPage(viewport);
      await signIn(staff, f.url, 'wangfang');
      await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
      await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
      await staff.getByRole('heading', { level: 1, name: pz('live.heading') }).waitFor();

      // The number arrives while the page is open: it shows without reloading.
      const relay = { kind: 'callback' as const, phone: '13912345678' };
      await f.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'staff', address: 'staff', payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
      await f.app.dispatcher.resume();
      const client = new Client(f.url);
      await client.login('wangfang');
      await until(async () => ((await client.request('GET', '/api/live')).body.callbacks.length > 0 ? true : undefined));
      const list = staff.getByRole('region', { name: pz('live.callbacks', { count: 1 }) });
      await list.waitFor({ timeout: 10_000 });
      const text = await list.innerText();
      expect(text).toContain('13912345678');
      expect(text).toContain(ref);
      expect(text).toContain(pz('live.callback.unsafe'));
      await staff.screenshot({ path: `${SHOTS}/live-callbacks-${viewport.width}.png`, fullPage: true });
      expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

      // Rung: 王芳 says so, and every colleague sees who rang, so nobody rings twice.
      await list.getByRole('button', { name: pz('live.callback.done'), exact: true }).click();
      await list.getByText(pz('live.callback.done_by', { name: '王芳' }), { exact: false }).waitFor({ timeout: 10_000 });
      expect(await list.getByRole('button', { name: pz('live.callback.done'), exact: true }).count()).toBe(0);
      const colleague = new Client(f.url);
      await colleague.login('zhangmin');
      const seen = (await colleague.request('GET', '/api/live')).body.callbacks as { phone: string; doneBy: string | null }[];
      expect(seen.map((c) => [c.phone, c.doneBy])).toEqual([['13912345678', '王芳']]);
      await staff.screenshot({ path: `${SHOTS}/live-callbacks-done-${viewport.width}.png`, fullPage: true });
    }, 90_000);
  }
  /**
   * Session 16, a busy morning: a resident left a number to ring back, and 王芳's inbox — the page she works
   * from — said nothing of it (only residents waiting live and danger alerts): the call waited until someone
   * happened to open 在线对话. The inbox says how many call-backs are waiting, links to them, and stops when rung.
   */
  it('tells the inbox a call-back is waiting, without a reload, until someone has rung', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' }]);
    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    const key = 'console:rings-inbox';
    const relay = { kind: 'callback' as const, phone: '13911112222' };
    await f.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'staff', address: 'staff', payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
    await f.app.dispatcher.resume();
    const strip = staff.locator('#live-strip');
    await strip.getByText(pz('inbox.live.callbacks', { count: 1 })).waitFor({ timeout: 10_000 });
    await staff.screenshot({ path: `${SHOTS}/inbox-callback-phone.png` });
    await strip.getByRole('link', { name: pz('inbox.live.open') }).click();
    const list = staff.getByRole('region', { name: pz('live.callbacks', { count: 1 }) });
    await list.getByRole('button', { name: pz('live.callback.done'), exact: true }).click();
    await list.getByText(pz('live.callback.done_by', { name: '王芳' }), { exact: false }).waitFor({ timeout: 10_000 });
    await staff.getByRole('link', { name: pz('page.nav.inbox'), exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await staff.waitForTimeout(500);
    expect(await strip.innerText()).not.toContain(pz('inbox.live.callbacks', { count: 1 }));
  }, 90_000);
});

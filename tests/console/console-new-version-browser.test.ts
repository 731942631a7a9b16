/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pe, pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';
import { startConsole, type RunningConsole } from '../../src/console/start-console.js';

/**
 * Session 15: after the server was upgraded, a console left open kept running the old pages against the
 * new server until someone happened to reload it; nothing told staff. The page now says a new version is
 * there, with a button to reload, and what was being typed (a note on a case) survives the reload.
 */
const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

describe.skipIf(missing !== null)('the console after the server is upgraded', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('says a new version is there, and reloading keeps the note being typed', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const port = Number(new URL(f.url).port);
    const restart = async (build?: string) => {
      await running.close();
      running = await startConsole(f.app, { port, host: '127.0.0.1', now: () => f.clock.now, pickupCheckMs: 60_000, pingMs: 100, ...(build ? { build } : {}) });
    };
    let running: RunningConsole = f.console;

    browser ??= await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    try {
      await signIn(page, f.url, 'wangfang');
      await page.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
      await page.goto(`${f.url}/#/cases/${ref}`);
      await page.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
      const note = page.locator('#case-notes textarea');
      await note.fill('下午三点前回电，先核对身份证号');

      // The same version restarted (a reboot): nothing to say once the feed is back.
      await restart();
      await page.waitForFunction(() => document.getElementById('connection')?.textContent !== '', undefined, { timeout: 20_000 }).catch(() => undefined);
      await page.waitForFunction(() => document.getElementById('connection')?.textContent === '', undefined, { timeout: 20_000 });
      expect(await page.getByText(pz('page.update.notice')).isVisible()).toBe(false);

      // An upgrade: the page says so, and has not reloaded by itself (the note is still there).
      await restart('next-version');
      const notice = page.getByText(pz('page.update.notice'));
      await notice.waitFor({ timeout: 20_000 });
      expect(await note.inputValue()).toBe('下午三点前回电，先核对身份证号');
      await page.screenshot({ path: `${SHOTS}/new-version-notice.png` });
      // Seen by someone scrolled down to the case's notes (on a phone the page is long), not only at the top.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const inView = await page.evaluate(() => {
        const box = document.getElementById('update')!.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
      });
      await page.screenshot({ path: `${SHOTS}/new-version-notice-390.png` });
      expect(inView).toBe(true);
      await page.setViewportSize({ width: 1366, height: 768 });

      // In English too; switching language keeps the note.
      await page.locator('#language').click();
      await page.getByText(pe('page.update.notice')).waitFor();
      await page.getByRole('heading', { level: 1, name: pe('case.heading', { ref }) }).waitFor();
      expect(await note.inputValue()).toBe('下午三点前回电，先核对身份证号');
      await page.locator('#language').click();
      await page.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
      expect(await note.inputValue()).toBe('下午三点前回电，先核对身份证号');

      await page.getByRole('button', { name: pz('page.update.reload'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
      await page.waitForFunction(() => (document.querySelector('#case-notes textarea') as HTMLTextAreaElement | null)?.value !== '', undefined, { timeout: 10_000 });
      expect(await page.locator('#case-notes textarea').inputValue()).toBe('下午三点前回电，先核对身份证号');
      // The reloaded page is the new version: no notice.
      await page.waitForTimeout(1500);
      expect(await page.getByText(pz('page.update.notice')).isVisible()).toBe(false);
    } finally {
      await running.close();
    }
  }, 120_000);

  it('keeps an operator\'s rewritten answer across the reload, without the browser asking to leave', async () => {
    const f = await consoleFixture([{ username: 'liqing', role: 'operator', name: '李青' }]);
    const port = Number(new URL(f.url).port);
    let running: RunningConsole = f.console;
    browser ??= await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.type());
      void d.dismiss();
    });
    try {
      await signIn(page, f.url, 'liqing');
      await page.getByRole('heading', { level: 1, name: pz('kb.heading') }).waitFor();
      await page.goto(`${f.url}/#/kb/wage_arrears`);
      await page.getByRole('heading', { level: 2, name: /^编辑/ }).waitFor({ timeout: 20_000 });
      const answer = page.locator('[id="kb-answer-zh-CN"]');
      const edited = `${await answer.inputValue()}\n周六上午县中心有值班律师。`;
      await answer.fill(edited);
      await running.close();
      running = await startConsole(f.app, { port, host: '127.0.0.1', now: () => f.clock.now, pickupCheckMs: 60_000, pingMs: 100, build: 'next-version' });
      await page.getByText(pz('page.update.notice')).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: pz('page.update.reload'), exact: true }).click();
      await page.getByRole('heading', { level: 2, name: /^编辑/ }).waitFor({ timeout: 20_000 });
      await page.waitForFunction((text) => (document.getElementById('kb-answer-zh-CN') as HTMLTextAreaElement | null)?.value === text, edited, { timeout: 10_000 });
      expect(asked).toEqual([]);
    } finally {
      await running.close();
    }
  }, 120_000);
});

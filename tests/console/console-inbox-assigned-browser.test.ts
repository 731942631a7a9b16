/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 15: a supervisor assigned an urgent case to 张敏 while her inbox was open. The row quietly
 * changed its 承办人 column; nothing told her a case had become hers. The inbox now says so.
 */
const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

describe.skipIf(missing !== null)('a case assigned while the inbox is open', () => {
  let browser: TestBrowser | undefined;
  let other: TestBrowser | undefined;
  afterAll(async () => {
    await browser?.close();
    await other?.close();
  });

  it('tells the colleague it was assigned to, with a link to the case, and nobody else', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([
      { username: 'zhangmin', role: 'staff', office: 'demo-city-union', name: '张敏' },
      { username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' },
      { username: 'lijing', role: 'supervisor', office: 'demo-city-union', name: '李静' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now, decision: { ...newCase().decision, urgent: true } }));
    browser ??= await launchChromium();
    const zhang = await browser.newPage({ width: 1366, height: 768 });
    // Another browser: pages of one share the session cookie.
    other ??= await launchChromium();
    const wang = await other.newPage({ width: 1366, height: 768 });
    for (const [page, user] of [[zhang, 'zhangmin'], [wang, 'wangfang']] as const) {
      await signIn(page, f.url, user);
      await page.locator('tbody tr', { hasText: ref }).waitFor();
    }

    const supervisor = new Client(f.url);
    await supervisor.login('lijing');
    expect((await supervisor.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.zhangmin })).status).toBe(200);

    const notice = zhang.locator('#inbox-assigned').getByRole('link', { name: new RegExp(ref) });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain(pz('inbox.assigned', { ref, time: '' }).split('（')[0]!);
    await zhang.screenshot({ path: `${SHOTS}/inbox-assigned.png` });
    await wang.locator('tbody tr', { hasText: '张敏' }).waitFor({ timeout: 10_000 });
    expect(await wang.locator('#inbox-assigned li').count()).toBe(0);
  }, 90_000);
});

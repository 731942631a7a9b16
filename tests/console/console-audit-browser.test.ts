import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pe, pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

/** "共 5 次（" — the folded line's words up to the times, which the test does not know. */
const times = (text: typeof pz, count: number) => text('audit.viewed_times', { count, from: '\u0000' }).split('\u0000')[0]!;

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/** A busy morning: 王芳 opens a case five times, claims it, opens it twice more; another case once; a wrong-office refusal. */
async function busyMorning() {
  const f = await consoleFixture([
    { username: 'wangfang', role: 'staff', name: '王芳', office: 'demo-city-union' },
    { username: 'zhaolei', role: 'staff', name: '赵磊', office: 'demo-city-women' },
    { username: 'boss', role: 'admin', name: '张主任' },
  ]);
  const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
  const { ref: other } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
  const wang = new Client(f.url);
  await wang.login('wangfang');
  for (let i = 0; i < 5; i++) await wang.request('GET', `/api/cases/${ref}`);
  await wang.request('POST', `/api/cases/${ref}/claim`, {});
  for (let i = 0; i < 2; i++) await wang.request('GET', `/api/cases/${ref}`);
  await wang.request('GET', `/api/cases/${other}`);
  const zhao = new Client(f.url);
  await zhao.login('zhaolei');
  expect((await zhao.request('GET', `/api/cases/${ref}`)).status).toBe(403);
  return { f, ref, other };
}

describe('the audit page, as an administrator reads it', () => {
  it.skipIf(missing !== null)('says what happened in words, with names, and one line for repeated views of a case', async () => {
    const { f, ref, other } = await busyMorning();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'boss');
      await page.getByRole('link', { name: pz('page.nav.audit') }).click();
      const table = page.locator('table');
      await table.waitFor();
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });
      const text = await table.innerText();
      // No event codes staff do not read.
      expect(text).not.toMatch(/case\.view|case\.claim|other_office|claimed→|→claimed|login\b/);
      const rows = page.locator('tbody tr');
      const views = rows.filter({ hasText: ref }).filter({ hasText: '王芳' }).filter({ hasText: pz('audit.action.case.view') });
      // Five views before the claim, two after (and the page the claim answered with): two lines, not eight.
      await expect(views.count()).resolves.toBe(2);
      expect(await views.nth(0).innerText()).toContain(times(pz, 3));
      expect(await views.nth(1).innerText()).toContain(times(pz, 5));
      expect(await views.nth(0).innerText()).toContain('王芳');
      const claim = await rows.filter({ hasText: pz('audit.action.case.claim') }).innerText();
      expect(claim).toContain(`${pz('console.status.new')} → ${pz('console.status.claimed')}`);
      // A single view stays a single line, without a count.
      expect(await rows.filter({ hasText: other }).innerText()).not.toContain(times(pz, 1));
      // The refusal says why in words.
      const refused = await rows.filter({ hasText: '赵磊' }).filter({ hasText: ref }).innerText();
      expect(refused).toContain(pz('audit.reason.other_office'));

      // The same page in English.
      await page.getByRole('button', { name: /English/ }).click();
      await page.locator('tbody tr').filter({ hasText: pe('audit.action.case.view') }).first().waitFor();
      expect(await page.locator('table').innerText()).toContain(times(pe, 5));
    } finally {
      await browser.close();
    }
  }, 60_000);
});

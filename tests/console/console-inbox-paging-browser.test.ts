import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();
const DAY = 24 * 60 * 60_000;

/** A year of closed cases of a small office (and many more of a busy one), as a centre has after a while. */
async function aYearOfCases(count: number) {
  const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳', office: 'demo-city-union' }]);
  const refs: string[] = [];
  const start = f.clock.now - 300 * DAY;
  for (let i = 0; i < count; i++) {
    const { ref } = await f.app.services.cases.createCase(newCase({ at: start + i * DAY }));
    refs.push(ref);
  }
  return { f, refs };
}

describe('the inbox with many cases', () => {
  it('answers a page at a time with the total, and finds an old case by its reference', async () => {
    const { f, refs } = await aYearOfCases(120);
    const client = new Client(f.url);
    await client.login('wangfang');
    const first = await client.request('GET', '/api/cases?state=all&limit=50');
    expect(first.body).toMatchObject({ total: 120, offset: 0 });
    expect(first.body.cases).toHaveLength(50);
    const last = await client.request('GET', '/api/cases?state=all&limit=50&offset=100');
    expect(last.body.cases).toHaveLength(20);
    const seen = new Set([...first.body.cases, ...last.body.cases].map((c: { ref: string }) => c.ref));
    expect(seen.size).toBe(70);
    const found = await client.request('GET', `/api/cases?state=all&q=${refs[0]!.slice(-8)}`);
    expect(found.body.cases.map((c: { ref: string }) => c.ref)).toEqual([refs[0]]);
  });

  it.skipIf(missing !== null)('shows fifty at a time with the next and previous pages, and keeps the page when staff come back from a case', async () => {
    const { f } = await aYearOfCases(120);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'wangfang');
      await page.locator('tbody tr').first().waitFor();
      expect(await page.locator('tbody tr').count()).toBe(50);
      await expect(page.getByRole('status').filter({ hasText: pz('inbox.range', { from: 1, to: 50, total: 120 }) }).count()).resolves.toBe(1);
      await page.getByRole('button', { name: pz('inbox.page.next') }).click();
      await page.getByText(pz('inbox.range', { from: 51, to: 100, total: 120 })).waitFor();
      const secondPageFirst = await page.locator('tbody tr a.ref').first().innerText();
      await page.getByRole('button', { name: pz('inbox.page.next') }).click();
      await page.getByText(pz('inbox.range', { from: 101, to: 120, total: 120 })).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(20);
      expect(await page.getByRole('button', { name: pz('inbox.page.next') }).isDisabled()).toBe(true);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/inbox-last-page.png`, fullPage: true });
      await page.getByRole('button', { name: pz('inbox.page.previous') }).click();
      await page.getByText(pz('inbox.range', { from: 51, to: 100, total: 120 })).waitFor();
      await page.getByRole('link', { name: secondPageFirst }).click();
      await page.getByRole('link', { name: pz('case.back') }).click();
      await page.getByText(pz('inbox.range', { from: 51, to: 100, total: 120 })).waitFor();
    } finally {
      await browser.close();
    }
  }, 120_000);
});

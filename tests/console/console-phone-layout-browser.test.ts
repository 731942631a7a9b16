/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pe, pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';
import { newCase } from '../fixtures/cases.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';

describe.skipIf(missing !== null)('the console on a phone (390×844)', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('keeps each menu word on one line and the top bar short, so the inbox starts on the first screen', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    browser = await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    const nav = staff.getByRole('navigation');
    for (const name of ['page.nav.inbox', 'page.nav.live', 'page.nav.report']) {
      const box = (await nav.getByRole('link', { name: pz(name) }).boundingBox())!;
      // One line of text: a word broken into a column of characters is taller than it is wide.
      expect(box.width, pz(name)).toBeGreaterThan(box.height);
    }
    const bar = (await staff.locator('header').boundingBox())!;
    expect(bar.height).toBeLessThan(844 / 4);
    await staff.screenshot({ path: `${SHOTS}/inbox-phone.png` });
  }, 60_000);

  it('fits the inbox to the phone in English too: no control wider than the screen, no sideways scrolling', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await staff.locator('#language').click();
    await staff.getByRole('heading', { level: 1, name: pe('inbox.heading') }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/inbox-phone-en.png`, fullPage: true });
    const widest = await staff.evaluate(() => Math.max(...[...document.querySelectorAll('select, input, button')].map((el) => el.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }, 60_000);

  it('shows each case in the inbox whole on a phone: status, urgency and deadline on screen, no sideways scrolling in the list', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now, facts: { category: 'wages', region: 'demo-city', groups: ['migrant_worker'] } as never }));
    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    const row = staff.locator('tbody tr').filter({ hasText: ref });
    await row.waitFor();
    await staff.screenshot({ path: `${SHOTS}/inbox-phone-cases.png`, fullPage: true });
    // Every cell of the row, its deadline and badges included, lies within the screen's width.
    const rights = await row.locator('th, td').evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
    expect(rights.length).toBe(8);
    for (const right of rights) expect(right).toBeLessThanOrEqual(390);
    const wrap = await staff.locator('.table-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
    // Each value says what it is: the column's name goes with it when there is no header row to read.
    expect(await row.locator('td').nth(3).getAttribute('data-label')).toBe(pz('inbox.col.due'));
  }, 60_000);

  it("shows an English case page on a phone with the resident's answers readable beside (or under) their questions", async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(
      newCase({ at: f.clock.now, facts: { category: 'wages', region: 'demo-city', groups: ['migrant_worker'], needsPreservation: true, submitAnyway: false } as never }),
    );
    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await staff.locator('#language').click();
    await staff.getByRole('link', { name: ref }).click();
    const answers = staff.locator('section[aria-labelledby="case-story"] dd');
    await answers.first().waitFor();
    await staff.screenshot({ path: `${SHOTS}/case-phone-en.png`, fullPage: true });
    // A value squeezed into a column a character wide cannot be read: each gets at least half the screen.
    for (const width of await answers.evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().width))) expect(width).toBeGreaterThan(390 / 2);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }, 60_000);
  /**
   * Session 16: on a phone the live page put its list of conversations above 从左侧选择一个对话。 — there is
   * nothing on the left; the same on the knowledge base's 从左侧选择一个条目进行编辑。 The hint points to the
   * list wherever the layout puts it.
   */
  it('points to the list of conversations (and of entries) where it is on a phone: above, not on the left', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff' },
      { username: 'chenyu', role: 'operator' },
    ]);
    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await staff.getByRole('link', { name: pz('page.nav.live') }).click();
    const hint = staff.getByText(pz('live.choose'), { exact: true });
    await hint.waitFor();
    await staff.screenshot({ path: `${SHOTS}/live-phone.png` });
    const list = (await staff.locator('#live-queue').boundingBox())!;
    const hintBox = (await hint.boundingBox())!;
    expect(hintBox.y).toBeGreaterThan(list.y + list.height - 1);
    for (const text of [pz('live.choose'), pz('kb.choose')]) expect(text).not.toMatch(/左/);
    for (const text of [pe('live.choose'), pe('kb.choose')]) expect(text).not.toMatch(/\bleft\b/i);

    // The pages of the test browser share their cookies: the operator signs in after staff sign out.
    await staff.getByRole('button', { name: pz('page.logout') }).click();
    await staff.getByText(pz('login.signed_out')).waitFor();
    await signIn(staff, f.url, 'chenyu');
    await staff.getByText(pz('kb.choose'), { exact: true }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/kb-phone.png` });
  }, 60_000);
});

/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

/**
 * Session 16: a resident rings: "我是 13900001111，我的案子怎么样了". The inbox opens on 未办结; their case was
 * withdrawn last week, so the search said only 没有符合条件的案件 — as if there were no case at all. The search
 * says where else to look, and one press looks among all cases.
 */
describe.skipIf(missing !== null)('searching the inbox for a resident who rings in', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('finds the case by phone number, and offers every state when the open ones have none', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const open = await f.app.services.cases.createCase(newCase({ at: f.clock.now, applicant: { name: '刘建国', phone: '13812345678', relation: 'self', safeToContact: true } }));
    const done = await f.app.services.cases.createCase(newCase({ at: f.clock.now, applicant: { name: '陈大勇', phone: '13900001111', relation: 'self', safeToContact: true } }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${done.ref}/claim`, {});
    await client.request('POST', `/api/cases/${done.ref}/withdraw`, { note: '已和解' });

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    const search = staff.getByLabel(pz('inbox.filter.ref'));
    await search.fill('138 1234 5678');
    await search.press('Enter');
    await staff.locator('tbody tr').filter({ hasText: open.ref }).waitFor();
    expect(await staff.locator('tbody tr').count()).toBe(1);

    await search.fill('13900001111');
    await search.press('Enter');
    const everywhere = staff.getByRole('button', { name: pz('inbox.search_all') });
    await everywhere.waitFor({ timeout: 10_000 });
    await staff.screenshot({ path: '/tmp/console-shots/inbox-search-elsewhere-phone.png' });
    await everywhere.click();
    await staff.locator('tbody tr').filter({ hasText: done.ref }).waitFor();
    expect(await staff.getByRole('button', { name: pz('inbox.state.all') }).getAttribute('aria-pressed')).toBe('true');
  }, 60_000);
});

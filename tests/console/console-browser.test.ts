import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { tempDir } from '../helpers/temp-dir.js';
import { BROWSER_PASSWORD as PASSWORD, pe, pz, residentSays, signIn, startBrowserFixture, zh, type BrowserFixture } from './browser-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';
const DESKTOP = { width: 1366, height: 768 };

/**
 * One centre's day in the browser, in order: staff sign in, a resident applies in the web chat, staff
 * work the case, a resident asks for a person, an operator edits an answer, the report counts it all.
 */
describe.skipIf(missing !== null)('staff console in a browser', { timeout: 60_000 }, () => {
  let browser: TestBrowser;
  let fixture: BrowserFixture;
  let staff: Page;
  let resident: Page;
  let ref = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    fixture = await startBrowserFixture(tempDir());
    browser = await launchChromium();
    staff = await browser.newPage(DESKTOP);
    if (process.env.CONSOLE_DEBUG) {
      staff.on('console', (m) => console.log('[page]', m.type(), m.text()));
      staff.on('pageerror', (e) => console.log('[page error]', e.message));
      staff.on('response', (r) => r.status() >= 400 && console.log('[http]', r.status(), r.url()));
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
  const audited = async (action: string, outcome: 'ok' | 'refused') =>
    (await fixture.console.staff.audit.list({ limit: 500 })).filter((e) => e.action === action && e.outcome === outcome);

  it('refuses a wrong password in the user’s language and audits it, then signs in', async () => {
    await signIn(staff, fixture.console.url, 'wangfang', 'not the password');
    await staff.getByRole('alert').filter({ hasText: zh('console.error.bad_credentials') }).waitFor();
    expect(await staff.getByLabel(pz('login.password')).getAttribute('aria-invalid')).toBe('true');
    expect((await fixture.console.staff.audit.list({ limit: 50 })).some((e) => e.outcome === 'refused')).toBe(true);

    await staff.locator('#language').click();
    await staff.getByLabel(pe('login.username')).fill('wangfang');
    await staff.getByLabel(pe('login.password')).fill('still wrong');
    await button(staff, pe('login.submit')).click();
    await staff.getByRole('alert').filter({ hasText: pe('console.error.bad_credentials') }).waitFor();
    await staff.locator('#language').click();

    await staff.getByLabel(pz('login.password')).fill(PASSWORD);
    await button(staff, pz('login.submit')).click();
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    expect(await staff.getByRole('navigation', { name: pz('page.nav.label') }).isVisible()).toBe(true);
  });

  it('shows a case submitted in the web chat in the open inbox without a reload', async () => {
    await inPage(staff, 'window.__sameDocument = true');
    resident = await browser.newPage();
    await resident.goto(fixture.web.url);
    await residentSays(resident, WAGES_APPLICATION.slice(1));
    ref = (await resident.locator('#log').innerText()).match(/FY-\d{8}-\d{4}/)?.[0] ?? '';
    expect(ref).not.toBe('');
    const row = staff.locator('tbody tr', { hasText: ref });
    await row.waitFor({ timeout: 10_000 });
    expect(await inPage(staff, 'window.__sameDocument === true')).toBe(true);
    expect(await row.innerText()).toContain(pz('case.badge.same_day'));
    await staff.screenshot({ path: `${SHOTS}/inbox.png` });
  });
});

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
      fixture.console.staff.events.subscribe((e) => console.log('[bus]', JSON.stringify(e)));
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

  it('claims the case and requests materials in one notice, which the resident sees in the web chat', async () => {
    await staff.locator('tbody tr', { hasText: ref }).getByRole('link', { name: ref }).click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    expect(await inPage<string>(staff, 'document.activeElement?.id')).toBe('case-heading');
    const main = staff.locator('main');
    expect(await main.innerText()).toContain('我在工地干了半年');
    expect(await main.innerText()).toContain(pz('case.contact.safe'));

    await button(staff, zh('console.action.claim')).click();
    const result = staff.locator('#case-result');
    await result.filter({ hasText: pz('case.done.claim', { ref }) }).waitFor();
    expect(await result.getAttribute('role')).toBe('status');
    expect(await result.innerText()).toContain(pz('case.notice.sent'));

    const residentBefore = await resident.locator('.msg--bot').count();
    await button(staff, zh('console.action.request_materials')).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.materials', { ref }) });
    await dialog.waitFor();
    const boxes = dialog.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await dialog.getByRole('button', { name: pz('case.dialog.materials_send') }).click();
    await dialog.getByRole('alert').filter({ hasText: pz('case.error.documents') }).waitFor();
    const first = boxes.first();
    const second = boxes.nth(1);
    const documents = [await first.evaluate((el) => el.parentElement?.textContent ?? ''), await second.evaluate((el) => el.parentElement?.textContent ?? '')];
    await first.check();
    await second.check();
    await dialog.getByRole('button', { name: pz('case.dialog.materials_send') }).click();
    await result.filter({ hasText: pz('case.done.request_materials', { ref }) }).waitFor();
    await staff.locator('.badge--status', { hasText: zh('console.status.materials_requested') }).waitFor();

    await staff.waitForTimeout(100);
    await resident.waitForFunction((n) => document.querySelectorAll('.msg--bot').length > n, residentBefore, { timeout: 10_000 });
    const notice = await resident.locator('.msg--bot').last().innerText();
    expect(notice).toContain(ref);
    for (const name of documents) expect(notice).toContain(name.trim());
    await staff.screenshot({ path: `${SHOTS}/case.png`, fullPage: false });
  });

  it('accepts the case with the assigned lawyer and the resident is told', async () => {
    const residentBefore = await resident.locator('.msg--bot').count();
    await button(staff, zh('console.action.accept')).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.accept', { ref }) });
    await dialog.getByRole('button', { name: zh('console.action.accept') }).click();
    await dialog.getByRole('alert').filter({ hasText: pz('case.error.lawyer') }).waitFor();
    await dialog.getByLabel(pz('case.field.lawyer')).fill('李明律师');
    await dialog.getByRole('button', { name: zh('console.action.accept') }).click();
    await staff.locator('#case-result', { hasText: pz('case.done.accept', { ref }) }).waitFor();
    await resident.waitForFunction((n) => document.querySelectorAll('.msg--bot').length > n, residentBefore, { timeout: 10_000 });
    expect(await resident.locator('.msg--bot').last().innerText()).toContain('李明律师');
    expect(await staff.getByRole('region', { name: pz('case.timeline') }).innerText()).toContain('李明律师');
  });

  it('lets staff take a conversation a resident handed over, and the two talk both ways while the bot is silent', async () => {
    const person = await browser.newPage();
    await person.goto(fixture.web.url);
    await residentSays(person, [zh('core.consent.agree'), zh('core.menu.human')]);
    expect(await person.locator('#log').innerText()).toContain(zh('handoff.requested', { minutes: '10' }).slice(0, 8));

    await staff.getByRole('link', { name: pz('page.nav.live') }).click();
    await staff.getByRole('heading', { level: 1, name: pz('live.heading') }).waitFor();
    const waiting = staff.locator('.queue__item', { hasText: pz('live.state.waiting') });
    await waiting.waitFor();
    await waiting.click();
    await button(staff, pz('live.take')).click();
    await staff.locator('#live-detail [role="status"]', { hasText: pz('live.taken', { id: '' }).slice(0, 4) }).waitFor();
    expect(await inPage<string>(staff, 'document.activeElement?.id')).toBe('reply-text');

    let before = await person.locator('.msg--bot').count();
    await staff.getByLabel(pz('live.reply')).fill('您好，我是法律援助中心的王芳。请问有什么可以帮您？');
    await button(staff, pz('live.send')).click();
    await person.locator('.msg--bot', { hasText: '我是法律援助中心的王芳' }).waitFor({ timeout: 10_000 });

    before = await person.locator('.msg--bot').count();
    await person.locator('#message').fill('老板欠我工资，我该怎么办？');
    await person.keyboard.press('Enter');
    await staff.locator('#transcript .bubble--in', { hasText: '老板欠我工资，我该怎么办？' }).waitFor({ timeout: 10_000 });
    await person.waitForTimeout(1500);
    // A question the bot could answer: it stays silent while staff hold the conversation.
    expect(await person.locator('.msg--bot').count()).toBe(before);

    await staff.getByLabel(pz('live.reply')).fill('请把工资条和欠条拍照发给我。');
    await button(staff, pz('live.send')).click();
    await person.locator('.msg--bot', { hasText: '请把工资条和欠条拍照发给我' }).waitFor({ timeout: 10_000 });
    await staff.locator('#transcript .bubble--staff', { hasText: '请把工资条和欠条拍照发给我' }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/live.png` });

    await button(staff, pz('live.release')).click();
    await person.locator('.msg--bot', { hasText: zh('handoff.released').slice(0, 6) }).waitFor({ timeout: 10_000 });
    await person.close();
  });
});

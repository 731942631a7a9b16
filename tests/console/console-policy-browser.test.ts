/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assessForCase } from '../../src/bot/eligibility-port.js';
import { translate } from '../../src/locales/render.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { copyDefaultPack } from '../knowledge/policy/pack-copy.js';
import { pe, pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';
const ACCOUNTS = [
  { username: 'chenyu', role: 'operator' as const, name: '陈宇' },
  { username: 'wangfang', role: 'staff' as const, office: 'demo-city-union' },
  { username: 'boss', role: 'admin' as const },
];
/** One person in town living on 2,000 yuan a month, asking about unpaid wages: over 920 now, under 2,500 next year. */
const worker = { region: 'demo-city', residence: 'urban', category: 'wages', age: 40, disability: 'none', groups: [], fixedIncome: true, householdSize: 1, householdMonthlyIncome: 2000 };

async function setUp(options: Parameters<typeof consoleFixture>[1] = {}) {
  const policyDir = copyDefaultPack();
  const f = await consoleFixture(ACCOUNTS, { ...options, env: { FAYUAN_POLICY_DIR: policyDir } });
  f.clock.now = new Date('2026-12-03T10:00:00+08:00').getTime();
  return { ...f, policyDir };
}

/** Nothing reaches past the right edge of the screen, and the page does not scroll sideways. */
async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('main input, main button, main table, main dl')].map((el) => el.getBoundingClientRect().right)));
  expect(widest).toBeLessThanOrEqual(width);
}

/** A new page of this size, signed in as `username`, on 本地政策. */
async function openPolicy(browser: TestBrowser, url: string, username: string, viewport: { width: number; height: number }) {
  const page = await browser.newPage(viewport);
  await signIn(page, url, username);
  await page.getByRole('link', { name: pz('page.nav.policy') }).click();
  return page;
}

/** The section of the region with this Chinese name. */
const regionSection = (page: Page, name: string) => page.locator('section.policy-region').filter({ has: page.getByRole('heading', { level: 2, name }) });

describe.skipIf(missing !== null)('本地政策: the local policy page', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('shows an operator what is in force, and takes next year’s 低保 standard with kind corrections; the running bot uses it from its date', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await setUp();
    browser ??= await launchChromium();
    const page = await openPolicy(browser, f.url, 'chenyu', { width: 1366, height: 768 });
    await page.getByRole('heading', { level: 1, name: pz('localPolicy.heading') }).waitFor();
    const city = regionSection(page, '示例市本级');
    // What is in force today, in plain words and figures.
    await expect(city.getByRole('heading', { level: 3, name: `${pz('localPolicy.current')} · ${pz('localPolicy.since', { date: '2022年1月1日' })}` }).count()).resolves.toBe(1);
    const current = await city.locator('table').first().innerText();
    expect(current).toContain('460 元');
    expect(current).toContain('2 倍');
    expect(current).toContain('920 元');
    expect(current).toContain('550 元');
    expect(await city.innerText()).toContain(pz('localPolicy.no_upcoming'));
    expect(await city.locator('.policy-offices').innerText()).toContain('0000-12348000');
    expect(await page.locator('main').innerText()).toContain(pz('localPolicy.decision_days', { days: 7 }));
    await page.screenshot({ path: `${SHOTS}/policy.png`, fullPage: true });

    // A slip: letters for the amount, a date before the standard in force. Each field says what to change.
    await city.locator('summary', { hasText: pz('localPolicy.add.heading') }).click();
    const form = city.locator('form');
    await form.getByLabel(pz('localPolicy.add.date')).fill('2021-06-01');
    await form.getByLabel(pz('localPolicy.add.urban')).fill('一千二');
    await form.getByLabel(pz('localPolicy.add.rural')).fill('900');
    await form.getByRole('button', { name: pz('localPolicy.add.save') }).click();
    const urbanError = translate('policy.new.amountNotNumber', 'zh-CN', { value: '一千二' });
    await form.getByText(urbanError).waitFor();
    await form.getByText(translate('policy.new.dateNotAfterCurrent', 'zh-CN', { current: '2022-01-01' })).waitFor();
    await expect(form.getByLabel(pz('localPolicy.add.urban')).getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: `${SHOTS}/policy-errors.png`, fullPage: true });

    await form.getByLabel(pz('localPolicy.add.date')).fill('2027-01-01');
    await form.getByLabel(pz('localPolicy.add.urban')).fill('1,250');
    await form.getByLabel(pz('localPolicy.add.citation_zh')).fill('示例市民政局关于2027年城乡低保标准的通知');
    await form.getByLabel(pz('localPolicy.add.citation_en')).fill('Demo City civil affairs notice on the 2027 standards');
    await form.getByRole('button', { name: pz('localPolicy.add.save') }).click();
    await page.locator('main p.form-info').filter({ hasText: '已登记：示例市本级从 2027年1月1日 起执行新标准' }).waitFor({ timeout: 10_000 });
    const upcoming = await city.locator('table').nth(1).innerText();
    expect(upcoming).toContain('1,250 元');
    expect(upcoming).toContain('2,500 元');
    expect(upcoming).toContain('1,800 元');
    expect(await city.getByRole('heading', { level: 4 }).first().innerText()).toBe(pz('localPolicy.from', { date: '2027年1月1日' }));
    await page.screenshot({ path: `${SHOTS}/policy-saved.png`, fullPage: true });
    expect(fs.readdirSync(path.join(f.policyDir, 'previous'))).toHaveLength(1);

    // The running bot, no restart: the new standard from 1 January 2027.
    expect(assessForCase(worker as never, f.app.services.pack, new Date('2026-12-31T10:00:00+08:00')).meansTest).toBe('failed');
    expect(assessForCase(worker as never, f.app.services.pack, new Date('2027-01-01T10:00:00+08:00'))).toMatchObject({ meansTest: 'passed', threshold: 2500 });

    // The administrator reads the change in the audit log in words (the browser's one cookie jar: sign out first).
    await page.getByRole('button', { name: pz('page.logout') }).click();
    await page.getByLabel(pz('login.username')).waitFor();
    const admin = await browser.newPage({ width: 1366, height: 768 });
    await signIn(admin, f.url, 'boss');
    await admin.getByRole('link', { name: pz('page.nav.audit') }).click();
    const line = admin.locator('tbody tr').filter({ hasText: pz('audit.action.policy.add_standard') }).first();
    await line.waitFor();
    const text = await line.innerText();
    expect(text).toContain(pz('audit.target.region', { id: 'demo-city' }));
    expect(text).toContain(`${pz('audit.detail.from', { date: '2027-01-01' })} · ${pz('audit.detail.urban', { amount: '1250 × 2' })} · ${pz('audit.detail.rural', { amount: '900 × 2' })}`);
  }, 90_000);

  /**
   * Session 16, 李青 on her phone: 12500 typed for 1250 and saved. Nothing on the page could mend it (adding the
   * same day again is refused), and from 1 January every application of the region would have been assessed
   * against 25,000 a month. A standard not yet in force has 改正这个标准: the form opens on its values.
   */
  it('corrects a mistyped standard that has not started yet, from the standard itself', async () => {
    const f = await setUp();
    browser ??= await launchChromium();
    const page = await openPolicy(browser, f.url, 'chenyu', { width: 390, height: 844 });
    const city = regionSection(page, '示例市本级');
    await city.locator('summary', { hasText: pz('localPolicy.add.heading') }).click();
    const form = city.locator('form');
    await form.getByLabel(pz('localPolicy.add.date')).fill('2027-01-01');
    await form.getByLabel(pz('localPolicy.add.urban')).fill('12500');
    await form.getByLabel(pz('localPolicy.add.rural')).fill('900');
    await form.getByRole('button', { name: pz('localPolicy.add.save') }).click();
    await page.locator('main p.form-info').filter({ hasText: '已登记' }).waitFor({ timeout: 10_000 });
    expect(await city.locator('table').nth(1).innerText()).toContain('25,000 元');
    // The message after saving asks for a second look and says how to mend a slip.
    expect(await page.locator('main p.form-info').first().innerText()).toContain(pz('localPolicy.correct.button'));

    await city.getByRole('button', { name: pz('localPolicy.correct.button') }).click();
    const urban = form.getByLabel(pz('localPolicy.add.urban'));
    expect(await urban.inputValue()).toBe('12500');
    expect(await form.getByLabel(pz('localPolicy.add.rural')).inputValue()).toBe('900');
    expect(await form.getByLabel(pz('localPolicy.add.date')).inputValue()).toBe('2027-01-01');
    expect(await city.locator('summary').innerText()).toBe(pz('localPolicy.correct.heading', { date: '2027年1月1日' }));
    await urban.fill('1250');
    await page.screenshot({ path: `${SHOTS}/policy-correct-phone.png`, fullPage: true });
    await form.getByRole('button', { name: pz('localPolicy.correct.save') }).click();
    await page.locator('main p.form-info').filter({ hasText: '已改正：示例市本级从 2027年1月1日 起执行的标准' }).waitFor({ timeout: 10_000 });
    const corrected = await city.locator('table').nth(1).innerText();
    expect(corrected).toContain('2,500 元');
    expect(corrected).not.toContain('25,000');
    expect(await city.locator('table').count()).toBe(2);
    expect(assessForCase(worker as never, f.app.services.pack, new Date('2027-01-02T10:00:00+08:00'))).toMatchObject({ meansTest: 'passed', threshold: 2500 });
    await fitsWidth(page, 390);
  }, 90_000);

  it('lets staff read it on a phone, in Chinese and English, without a form or sideways scrolling', async () => {
    const f = await setUp();
    browser ??= await launchChromium();
    const page = await browser.newPage({ width: 390, height: 844 });
    await signIn(page, f.url, 'wangfang');
    await page.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await page.getByRole('link', { name: pz('page.nav.policy') }).click();
    await page.getByRole('heading', { level: 1, name: pz('localPolicy.heading') }).waitFor();
    expect(await page.locator('main').innerText()).toContain(pz('localPolicy.read_only'));
    await expect(page.locator('.policy-add').count()).resolves.toBe(0);
    await fitsWidth(page, 390);
    await page.screenshot({ path: `${SHOTS}/policy-phone.png`, fullPage: true });
    await page.locator('#language').click();
    await page.getByRole('heading', { level: 1, name: pe('localPolicy.heading') }).waitFor();
    expect(await page.locator('table').first().innerText()).toContain('920 yuan');
    await fitsWidth(page, 390);
    await page.screenshot({ path: `${SHOTS}/policy-phone-en.png`, fullPage: true });
    await page.locator('.policy-table').first().screenshot({ path: `${SHOTS}/policy-phone-en-table.png` });
  }, 60_000);

  it('fits the operator’s form to a phone', async () => {
    const f = await setUp();
    browser ??= await launchChromium();
    const page = await openPolicy(browser, f.url, 'chenyu', { width: 390, height: 844 });
    await page.locator('summary', { hasText: pz('localPolicy.add.heading') }).first().click();
    await page.locator('.policy-add form').first().waitFor();
    await fitsWidth(page, 390);
    await page.locator('.policy-add form').first().screenshot({ path: `${SHOTS}/policy-phone-form.png` });
    // In English, what was typed stays while the labels change.
    await page.locator('.policy-add form').first().getByLabel(pz('localPolicy.add.urban')).fill('1250');
    await page.locator('#language').click();
    await page.getByRole('heading', { level: 1, name: pe('localPolicy.heading') }).waitFor();
    await page.locator('summary', { hasText: pe('localPolicy.add.heading') }).first().click();
    const form = page.locator('.policy-add form').first();
    await expect(form.getByLabel(pe('localPolicy.add.urban')).inputValue()).resolves.toBe('1250');
    await fitsWidth(page, 390);
    await form.screenshot({ path: `${SHOTS}/policy-phone-form-en.png` });
  }, 60_000);

  it('tells the operator kindly, before anything is typed, that the folder may not be written and what to ask IT', async () => {
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const f = await setUp({ policyIo: { access: async () => Promise.reject(denied) } });
    browser ??= await launchChromium();
    const page = await openPolicy(browser, f.url, 'chenyu', { width: 1366, height: 768 });
    const warning = page.locator('main .policy-warning[role="note"]');
    await warning.waitFor();
    expect(await warning.innerText()).toBe(pz('localPolicy.add.not_writable', { dir: f.policyDir }));
    await page.locator('summary', { hasText: pz('localPolicy.add.heading') }).first().click();
    await expect(page.locator('.policy-add form').first().getByRole('button', { name: pz('localPolicy.add.save') }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: `${SHOTS}/policy-not-writable.png`, fullPage: true });
  }, 60_000);
});

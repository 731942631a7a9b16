/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

/**
 * A parent applied in English; 王芳 refused in Chinese, and the parent's English chat showed "Reason: 未成年人刑事案件由办案机关…"
 * (found working a case in the console at 1366×768). The words staff type go to the resident as typed: the dialogs that
 * send them say, where staff type, that this resident reads English.
 */
const missing = chromiumMissing();

const ENGLISH_APPLICATION = [
  'I agree',
  'Check if I can get legal aid',
  'my boss has not paid me for three months',
  'Yes',
  'For myself',
  'Demo City',
  '45',
  'No disability',
  'I am a migrant worker',
  'Done',
  'No deadline',
  'No',
  'Continue',
  'I worked on a building site for six months and the foreman owes me 20000 yuan.',
  'Done',
  'Wang Hua',
  '13800138000',
];

describe.skipIf(missing !== null)('staff writing to a resident who reads English', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('are told so in the refusal and the materials request, before they type', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const person = resident('english-parent');
    let last = await f.app.runner.handle({ ...person.returned(), locale: 'en' });
    for (const line of ENGLISH_APPLICATION) last = await f.app.runner.handle(person.text(line));
    last = await f.app.runner.handle(person.choice('intake.confirm'));
    const ref = /FY-\d{8}-\d{4}/.exec(last.replies.map((r) => r.text).join('\n'))?.[0];
    expect(ref, last.replies.map((r) => r.text).join('\n')).toBeDefined();

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.locator('tbody tr', { hasText: ref }).getByRole('link').click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref: ref! }) }).waitFor();
    await staff.getByRole('button', { name: pz('console.action.claim'), exact: true }).click();

    await staff.getByRole('button', { name: pz('console.action.request_materials'), exact: true }).click();
    const materials = staff.locator('dialog[open]');
    expect(await materials.innerText()).toContain(pz('case.field.resident_reads_english'));
    await materials.getByRole('button', { name: pz('page.cancel'), exact: true }).click();

    await staff.getByRole('button', { name: pz('console.action.decline'), exact: true }).click();
    const decline = staff.locator('dialog[open]');
    expect(await decline.innerText()).toContain(pz('case.field.resident_reads_english'));
    await staff.screenshot({ path: '/tmp/webqa/console-decline-english-resident.png' }).catch(() => undefined);
  }, 60_000);
});

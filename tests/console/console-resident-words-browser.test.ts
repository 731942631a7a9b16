/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newCase } from '../fixtures/cases.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { until } from '../helpers/until.js';
import { pz, signIn, zh } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

/** The text that describes a field (its hint), as a screen reader says it after the label. */
async function hintOf(page: Page, label: string): Promise<string> {
  return page.getByLabel(label, { exact: true }).evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  });
}

/**
 * Session 16, a busy morning: the note field of 批准, 转交 and 结案 was labelled 备注（可不填）, a word away
 * from 内部备注 (只有同事能看到，不会发给申请人) — but what staff typed there reached the resident word for
 * word, after 说明：. A worker writing an internal remark ("申请人情绪激动，多次来电") in the close dialog
 * sent it to the resident. Each field whose words reach the resident says so, and in English for an
 * English-speaking resident (as the materials request already did).
 */
describe.skipIf(missing !== null)('the words staff type in an action that reach the resident', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('are labelled as sent to the resident in the accept, refer and close dialogs, and arrive as typed', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const input = newCase({ at: f.clock.now });
    const { ref } = await f.app.services.cases.createCase(input);
    const other = (await f.app.services.cases.createCase(newCase({ at: f.clock.now }))).ref;
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    await client.request('POST', `/api/cases/${other}/claim`, {});

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: other }).waitFor();

    // 转交: the note goes with the office's name.
    await staff.getByRole('link', { name: other }).click();
    await staff.getByRole('button', { name: zh('console.action.refer') }).click();
    await staff.getByRole('dialog', { name: pz('case.dialog.refer', { ref: other }) }).waitFor();
    expect(await staff.getByLabel(pz('case.field.note'), { exact: true }).count()).toBe(0);
    expect(await hintOf(staff, pz('case.field.note_resident'))).toContain(pz('case.field.note_resident_hint'));
    await staff.getByRole('button', { name: pz('page.cancel'), exact: true }).click();

    await staff.goto(`${f.url}/console/#/cases/${ref}`);
    await staff.getByRole('button', { name: zh('console.action.accept') }).click();
    const accept = staff.getByRole('dialog', { name: pz('case.dialog.accept', { ref }) });
    await accept.waitFor();
    expect(await staff.getByLabel(pz('case.field.note'), { exact: true }).count()).toBe(0);
    expect(await hintOf(staff, pz('case.field.note_resident'))).toContain(pz('case.field.note_resident_hint'));
    await staff.getByLabel(pz('case.field.lawyer'), { exact: true }).fill('张律师');
    await staff.getByLabel(pz('case.field.note_resident'), { exact: true }).fill('请周五上午来中心签委托协议。');
    await accept.getByRole('button', { name: zh('console.action.accept'), exact: true }).click();
    await until(() => f.residents.texts(input.address).find((t) => t.includes('请周五上午来中心签委托协议。')));

    await staff.getByRole('button', { name: zh('console.action.close') }).click();
    await staff.getByRole('dialog', { name: pz('case.dialog.close', { ref }) }).waitFor();
    expect(await staff.getByLabel(pz('case.field.note'), { exact: true }).count()).toBe(0);
    expect(await hintOf(staff, pz('case.field.note_resident'))).toContain(pz('case.field.note_resident_hint'));
    await staff.screenshot({ path: '/tmp/console-shots/close-dialog-resident-words.png' });
  }, 90_000);

  it('asks for English when the resident reads English', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now, locale: 'en' }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    await client.request('POST', `/api/cases/${ref}/accept`, { lawyer: '张律师' });

    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: ref }).click();
    await staff.getByRole('button', { name: zh('console.action.close') }).click();
    await staff.getByRole('dialog', { name: pz('case.dialog.close', { ref }) }).waitFor();
    expect(await hintOf(staff, pz('case.field.note_resident'))).toContain(pz('case.field.resident_reads_english'));
  }, 60_000);
  it('says, when closing a case still waiting for materials, that the resident is told it counts as withdrawn', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const input = newCase({ at: f.clock.now });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] });

    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: ref }).click();
    await staff.getByRole('button', { name: zh('console.action.close') }).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.close', { ref }) });
    await dialog.getByText(pz('case.dialog.close_no_materials')).waitFor();
    await dialog.getByRole('button', { name: zh('console.action.close'), exact: true }).click();
    const notice = await until(() => f.residents.texts(input.address).find((t) => t.includes(ref) && t.includes('撤回')));
    expect(notice).not.toContain('感谢您的信任');
  }, 60_000);
});

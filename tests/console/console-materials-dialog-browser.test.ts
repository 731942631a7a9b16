/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pz, signIn, zh } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('the materials request dialog', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('lists the documents this case needs first, ticked, above the rest of the pack’s documents', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    const needed = (await client.request('GET', `/api/cases/${ref}`)).body.case.decision.documents.map((d: { label: string }) => d.label);
    expect(needed.length).toBe(2);

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.locator('tbody tr', { hasText: ref }).getByRole('link', { name: ref }).click();
    await staff.getByRole('button', { name: zh('console.action.request_materials') }).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.materials', { ref }) });
    const boxes = dialog.getByRole('checkbox');
    await boxes.first().waitFor();
    const labels = await dialog.locator('fieldset label').allInnerTexts();
    expect(labels.slice(0, 2).map((l) => l.trim())).toEqual(needed);
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(1).isChecked()).toBe(true);
    expect(await boxes.nth(2).isChecked()).toBe(false);
    expect(labels.length).toBeGreaterThan(2);
  }, 60_000);

  /**
   * Session 14, on a phone (390×844): the list of documents is long, and 发送一次性告知 lay 600 px below the
   * screen's edge at the end of it; the tick boxes of labels on two lines were squeezed smaller than the others.
   */
  it('keeps its buttons on screen on a phone, however long the list, and every tick box the same size', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});

    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: ref }).click();
    await staff.getByRole('button', { name: zh('console.action.request_materials') }).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.materials', { ref }) });
    await dialog.getByRole('checkbox').first().waitFor();
    await staff.screenshot({ path: '/tmp/console-shots/materials-dialog-phone.png' });
    for (const name of [pz('case.dialog.materials_send'), pz('page.cancel')]) {
      const box = (await dialog.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(844);
      expect(box.y, name).toBeGreaterThanOrEqual(0);
    }
    const sizes = await dialog.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => Math.round(b.getBoundingClientRect().width)));
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toBeGreaterThanOrEqual(20);
  }, 60_000);

  /**
   * Session 14, on a phone: staff opened 要求补充材料 on one case, used the phone's back gesture, and opened
   * another case: the first case's dialog was still open over the second case's page, ready to send to the
   * wrong resident. Leaving a page closes its dialog, sending nothing.
   */
  it('closes with the page it belongs to when staff go back, sending nothing', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const first = (await f.app.services.cases.createCase(newCase({ at: f.clock.now }))).ref;
    const second = (await f.app.services.cases.createCase(newCase({ at: f.clock.now }))).ref;
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${first}/claim`, {});

    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 390, height: 844 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: first }).click();
    await staff.getByRole('button', { name: zh('console.action.request_materials') }).click();
    await staff.getByRole('dialog', { name: pz('case.dialog.materials', { ref: first }) }).waitFor();
    await staff.goBack();
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    expect(await staff.locator('dialog[open]').count()).toBe(0);
    await staff.getByRole('link', { name: second }).click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref: second }) }).waitFor();
    expect(await staff.locator('dialog[open]').count()).toBe(0);
    const page = (await client.request('GET', `/api/cases/${first}`)).body.case;
    expect(page.status).toBe('claimed');
  }, 60_000);
});

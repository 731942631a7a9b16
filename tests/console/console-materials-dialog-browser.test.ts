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
});

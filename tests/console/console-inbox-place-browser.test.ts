/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';

describe.skipIf(missing !== null)('working down a long inbox', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('comes back from a case to the same place in the list, on the case just read', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    for (let i = 0; i < 24; i++) await f.app.services.cases.createCase(newCase({ at: f.clock.now - (24 - i) * 60_000 }));
    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    const rows = staff.locator('tbody tr');
    await rows.nth(23).waitFor();
    const link = rows.nth(19).getByRole('link');
    const ref = await link.innerText();

    const inView = async () => {
      const focused = staff.locator(':focus');
      expect(await focused.innerText()).toBe(ref);
      const box = (await focused.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    };

    await link.click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    await staff.getByRole('link', { name: pz('case.back') }).click();
    await rows.nth(23).waitFor();
    await inView();

    // The browser's back button too.
    await link.click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    await staff.goBack();
    await rows.nth(23).waitFor();
    await inView();
    await staff.screenshot({ path: `${SHOTS}/inbox-back-in-place.png` });
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

describe("a centre's inbox with its workstations' cases", () => {
  it.skipIf(missing !== null)("lets the centre's staff narrow the inbox to one of the offices they work for, and offers no others", async () => {
    const f = await consoleFixture([{ username: 'liuqiang', role: 'staff', name: '刘强', office: 'demo-city-center' }]);
    const union = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const centre = await f.app.services.cases.createCase(newCase({ at: f.clock.now, decision: { ...newCase().decision, route: 'demo-city-center' } }));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'liuqiang');
      await page.locator('tbody tr').nth(1).waitFor();
      const office = page.getByLabel(pz('inbox.filter.office'));
      const offered = await office.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      expect(offered.sort()).toEqual(['', 'demo-city-center', 'demo-city-detention', 'demo-city-union', 'demo-city-women']);
      await office.selectOption('demo-city-union');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      expect(await page.locator('tbody').innerText()).toContain(union.ref);
      expect(await page.locator('tbody').innerText()).not.toContain(centre.ref);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

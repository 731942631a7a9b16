/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn, zh } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 14: the resident of an urgent case (a hearing in 3 days) asked for a person; the live conversations
 * page called him "居民 8k76y2", with nothing to say he had applied, which case, or that it was urgent. 王芳
 * had to read back through the chat for the reference. The conversation names the resident's applications.
 */
const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

describe.skipIf(missing !== null)('a live conversation with a resident who has applied', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`names the resident's cases, their state and urgency, each a link to the case (${viewport.width}×${viewport.height})`, async () => {
      fs.mkdirSync(SHOTS, { recursive: true });
      const f = await consoleFixture([
        { username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' },
        { username: 'zhaolei', role: 'staff', office: 'demo-city-women', name: '赵磊' },
      ]);
      const userId = `applied-${viewport.width}`;
      const { ref } = await f.app.services.cases.createCase(
        newCase({ at: f.clock.now, conversationKey: `console:${userId}`, channel: 'console', address: userId, decision: { ...newCase().decision, urgent: true } }),
      );
      const person = resident(userId);
      await f.app.runner.handle(person.returned());
      await f.app.runner.handle(person.choice('consent.agree'));
      await f.app.runner.handle(person.choice('menu.human'));
      await f.app.dispatcher.resume();

      browser ??= await launchChromium();
      const staff = await browser.newPage(viewport);
      await signIn(staff, f.url, 'wangfang');
      await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
      const item = staff.locator('.queue__item').first();
      await item.waitFor();
      expect(await item.innerText()).toContain(ref);
      await item.click();
      const link = staff.locator('#live-detail').getByRole('link', { name: ref });
      await link.waitFor();
      const cases = await staff.locator('#live-detail .live-cases').innerText();
      expect(cases).toContain(zh('console.status.new'));
      expect(cases).toContain(pz('case.badge.urgent'));
      await staff.screenshot({ path: `${SHOTS}/live-case-link-${viewport.width}.png` });
      expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await link.click();
      await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();

      // A colleague of another office sees the conversation, not the case it cannot open.
      const other = new Client(f.url);
      await other.login('zhaolei');
      const listed = (await other.request('GET', '/api/live')).body.conversations as { cases: { ref: string }[] }[];
      expect(listed).toHaveLength(1);
      expect(listed[0]!.cases).toEqual([]);
    }, 60_000);
  }
});

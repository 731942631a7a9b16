/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { openKbEntry, pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';
import { editedThenShipped } from './kb-shipped-fixture.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/**
 * Task of session 20: after an update, an entry the centre had edited kept the centre's text and nothing said the
 * release had a newer one. The operator sees it marked, compares the two field by field, and takes it.
 */
describe.skipIf(missing !== null)('a newer shipped version of an entry the centre edited', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    it(`is marked in the list, compared field by field and taken (${width}×${height})`, async () => {
      const f = await consoleFixture([{ username: 'liqing', role: 'operator', name: '李青' }]);
      const { ours, shipped } = await editedThenShipped(f);
      browser ??= await launchChromium();
      const page = await browser.newPage({ width, height });
      page.setDefaultTimeout(60_000);
      await signIn(page, f.url, 'liqing');
      await page.getByRole('heading', { level: 1, name: pz('kb.heading') }).waitFor();
      await page.locator('.kb-list a', { hasText: pz('kb.shipped.badge') }).first().waitFor();
      expect(await page.locator('.kb-list a', { hasText: pz('kb.shipped.badge') }).count()).toBe(1);
      await openKbEntry(page, 'wage_arrears');

      const panel = page.locator('section[aria-labelledby="kb-shipped-h"]');
      expect(await panel.getByRole('heading', { level: 2 }).innerText()).toBe(pz('kb.shipped.heading'));
      await panel.getByRole('button', { name: pz('kb.shipped.compare'), exact: true }).click();
      const compare = panel.locator('#kb-shipped-compare');
      await compare.waitFor();
      const fields = await compare.locator('h3').allInnerTexts();
      // Only what differs: the Chinese answer and the search words.
      expect(fields).toEqual([`${pz('kb.field.answer')}（${pz('kb.lang.zh')}）`, pz('kb.field.tags')]);
      expect(await compare.innerText()).toContain(ours.answer['zh-CN']);
      expect(await compare.innerText()).toContain(shipped.answer['zh-CN']);
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/kb-shipped-compare-${width}.png`, fullPage: true });

      await panel.getByRole('button', { name: pz('kb.shipped.take'), exact: true }).click();
      await page.locator('dialog[open] button', { hasText: pz('kb.shipped.take') }).click();
      await page.locator('[id="kb-answer-zh-CN"]').and(page.locator(`textarea`)).waitFor();
      await expect.poll(() => page.locator('[id="kb-answer-zh-CN"]').inputValue(), { timeout: 20_000 }).toBe(shipped.answer['zh-CN']);
      expect(await panel.count()).toBe(0);
      await page.locator('section[aria-labelledby="kb-hist-h"] li').first().waitFor();
      expect(await page.locator('section[aria-labelledby="kb-hist-h"] li').first().innerText()).toContain(pz('kb.history.shipped'));
      expect(await page.locator('.kb-list a', { hasText: pz('kb.shipped.badge') }).count()).toBe(0);
    }, 300_000);
  }
});

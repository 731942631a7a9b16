/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

/** Session 20: a search that found nothing showed only 共 0 条, with no word of what the search reads or what to do. */
describe.skipIf(missing !== null)('the knowledge-base search', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('says what it reads when nothing matches, and finds an entry by words of its answer', async () => {
    const f = await consoleFixture([{ username: 'liqing', role: 'operator', name: '李青' }]);
    browser = await launchChromium();
    const page = await browser.newPage({ width: 390, height: 844 });
    page.setDefaultTimeout(60_000);
    await signIn(page, f.url, 'liqing');
    await page.getByRole('heading', { level: 1, name: pz('kb.heading') }).waitFor();
    const search = page.getByLabel(pz('kb.search'));
    await search.fill('外星人');
    await search.press('Enter');
    await page.locator('p.empty', { hasText: pz('kb.none_found', { q: '外星人' }) }).waitFor({ timeout: 20_000 });
    fs.mkdirSync('/tmp/console-shots', { recursive: true });
    await page.screenshot({ path: '/tmp/console-shots/kb-search-none.png' });
    await search.fill('劳动保障监察 仲裁');
    await search.press('Enter');
    await page.locator('.kb-list a', { hasText: 'wage_arrears' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('p.empty').count()).toBe(0);
  }, 300_000);
});

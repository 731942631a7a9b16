/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { caseWithFileSent, consoleFixture } from './console-fixture.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/**
 * Found working a case by hand: the inbox said 已收到材料 1 份, but the case page said nothing of it where
 * staff look first (beside 材料已齐); the file was only in 附件 at the bottom of the page, below the fold.
 */
describe.skipIf(missing !== null)('a case whose resident sent files after the materials request', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('names the files that arrived beside the actions, in the first screen, with a way to them', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const { ref } = await caseWithFileSent(f, 'wangfang', 'sends-materials');

    browser = await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    page.setDefaultTimeout(60_000);
    await signIn(page, f.url, 'wangfang');
    await page.getByRole('link', { name: ref }).click();
    await page.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    const actions = page.getByRole('region', { name: pz('case.actions') });
    const arrived = actions.getByText(pz('case.new_files', { count: 1, names: '身份证.jpg' }));
    await arrived.waitFor();
    const box = await arrived.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(768);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/case-new-files.png` });
    await actions.getByRole('link', { name: pz('case.new_files.see') }).click();
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-labelledby'))).toBe('case-files');
  }, 300_000);
});

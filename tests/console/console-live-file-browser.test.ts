import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/** Relative luminance of a CSS `rgb(…)` colour (WCAG 2). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('a file staff send in a live conversation', () => {
  it.skipIf(missing !== null)('shows in the transcript as a readable link with its name', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const r = resident('u-file');
    await f.app.runner.handle(r.text('你好'));
    await f.app.runner.handle(r.choice('consent.agree'));
    await f.app.runner.handle(r.text('转人工'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'wangfang');
      await page.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
      await page.getByText(pz('live.resident', { id: '' }).trim()).first().click();
      await page.getByRole('button', { name: pz('live.take'), exact: true }).click();
      // Taken once the page offers to release it: the redraw after taking replaces the reply form and its file input
      // (on a loaded machine the file was set on the form being replaced, and nothing was sent).
      await page.getByRole('button', { name: pz('live.release'), exact: true }).waitFor({ timeout: 20_000 });
      await page.locator('input[type=file]').setInputFiles({ name: '申请表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
      const link = page.getByRole('link', { name: pz('live.file', { name: '申请表.pdf' }) });
      await link.waitFor();
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/live-file-sent.png` });
      const colours = await link.evaluate((a) => ({ text: getComputedStyle(a).color, background: getComputedStyle(a.closest('.bubble')!).backgroundColor }));
      const [light, dark] = [luminance(colours.text), luminance(colours.background)].sort((x, y) => y - x);
      // WCAG AA for normal text: a contrast ratio of at least 4.5.
      expect((light! + 0.05) / (dark! + 0.05)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

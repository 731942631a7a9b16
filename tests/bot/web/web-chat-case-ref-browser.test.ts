import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages } from './web-chat-fixture.js';

/**
 * The application number is what a resident writes down or reads out on the phone to the centre: on a narrow
 * phone it must not break across two lines ("FY-20261202-" / "0001"), as it did in the receipt and in the staff's notices.
 */
const missing = chromiumMissing();

/** For every case number shown in the chat, on how many lines it is drawn. */
const REF_LINES = `(() => {
  const lines = [];
  const walker = document.createTreeWalker(document.getElementById('log'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/FY-\\d{8}-\\d{4}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      lines.push(new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size);
    }
  }
  return lines;
})()`;

describe.skipIf(missing !== null)('the application number in the web chat', () => {
  const web = chineseWebChatPages();
  const open = () => web.open({ width: 390, height: 844 });

  it('stays on one line on phones from 320 to 412 pixels wide', async () => {
    const page = await open();
    const url = page.url();
    // A resident who applied: this page holds their identity, read once the page has it (replacing the cookie while
    // the page's own session request was still being answered could lose that race, and the reloaded page then
    // belonged to someone else); the application is typed through the runner.
    await page.getByRole('button', { name: '同意', exact: true }).waitFor();
    const cookie = (await web.browser().context.cookies()).find((c) => c.name === 'fayuan_resident')!;
    const resident = cookie.value.slice(0, cookie.value.indexOf('.'));
    const app = web.fixture().app;
    const base = { channel: 'web' as const, userId: resident, address: resident };
    let n = 0;
    // After applying, a question's answer offers "查看申请进度（FY-…）" as a button: its number on one line too (session 18,
    // seen at 390×844 broken after "FY-20261204-").
    for (const line of [...WAGES_APPLICATION, '劳动仲裁怎么申请']) {
      const message: InboundMessage = { ...base, messageId: `ref${++n}`, event: { type: 'user.text', text: line } };
      await app.runner.handle(message);
    }
    for (const width of [320, 360, 390, 412]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(url);
      await page.locator('.msg--bot', { hasText: /FY-\d{8}-\d{4}/ }).first().waitFor();
      await page.locator('.choice', { hasText: /FY-\d{8}-\d{4}/ }).first().waitFor();
      const lines = (await page.evaluate(REF_LINES)) as number[];
      expect(lines.length, `case numbers on screen at ${width}px`).toBeGreaterThan(0);
      expect(lines, `lines per case number at ${width}px`).toEqual(lines.map(() => 1));
    }
  });
});

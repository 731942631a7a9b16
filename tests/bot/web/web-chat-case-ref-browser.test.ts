import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages, newSession } from './web-chat-fixture.js';

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

  // Retried as the other reload tests are: in about 1 run in 5 the page, reloaded, waits past the timeout for
  // the receipt to appear (seen with and without sent marks riding; not yet found — see docs/intake.md).
  it('stays on one line on phones from 320 to 412 pixels wide', { retry: 2 }, async () => {
    const page = await web.open({ width: 390, height: 844 });
    const url = page.url();
    // A resident who applied: this page holds their identity, the application is typed through the runner.
    const session = await newSession(url);
    await web.browser().context.addCookies([{ name: session.cookie.split('=')[0]!, value: session.cookie.slice(session.cookie.indexOf('=') + 1), url }]);
    const app = web.fixture().app;
    const base = { channel: 'web' as const, userId: session.resident, address: session.resident };
    await app.runner.handle({ ...base, event: { type: 'user.returned' } });
    let n = 0;
    for (const line of WAGES_APPLICATION) {
      const message: InboundMessage = { ...base, messageId: `ref${++n}`, event: { type: 'user.text', text: line } };
      await app.runner.handle(message);
    }
    for (const width of [320, 360, 390, 412]) {
      await page.setViewportSize({ width, height: 844 });
      await page.goto(url);
      await page.locator('.msg--bot', { hasText: /FY-\d{8}-\d{4}/ }).first().waitFor();
      const lines = (await page.evaluate(REF_LINES)) as number[];
      expect(lines.length, `case numbers on screen at ${width}px`).toBeGreaterThan(0);
      expect(lines, `lines per case number at ${width}px`).toEqual(lines.map(() => 1));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages, en } from './web-chat-fixture.js';

/**
 * A resident chatting in English comes back to the page (the page itself starts in Chinese): the earlier messages
 * were marked lang="zh-CN" and announced as "法援助手说：" / "我说：", so a screen reader read the English history in a
 * Chinese voice, between Chinese speaker names.
 */
const missing = chromiumMissing();

describe.skipIf(missing !== null)('an English conversation reloaded', () => {
  const web = chineseWebChatPages();

  it('shows its history marked and announced in English', async () => {
    const page = await web.open({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('button', { name: 'I agree', exact: true }).click();
    await page.getByRole('button', { name: 'Ask a question', exact: true }).waitFor();
    await page.locator('#message').fill('is legal aid free');
    await page.locator('#message').press('Enter');
    await expect.poll(() => page.locator('.msg--bot').count()).toBeGreaterThan(3);
    await page.waitForTimeout(500);

    await page.reload();
    await page.locator('.divider').waitFor();
    const bot = await page.locator('.msg--bot').evaluateAll((els) => els.map((el) => ({ lang: el.getAttribute('lang'), speaker: el.querySelector('.visually-hidden')?.textContent })));
    expect(bot.length).toBeGreaterThan(1);
    expect(bot).toEqual(bot.map(() => ({ lang: 'en', speaker: en('web.speaker.bot') })));
    const me = await page.locator('.msg--me .visually-hidden').allTextContents();
    expect(me.length).toBeGreaterThan(0);
    expect(me).toEqual(me.map(() => en('web.speaker.me')));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });
});

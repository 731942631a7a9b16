import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../src/bot/channel.js';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages } from './web-chat-fixture.js';

/**
 * The message box: a resident typing a long story on a phone sees what they type (a box that grows to a few
 * lines, then scrolls), with the limit counted before sending; Enter sends on a desktop keyboard.
 */
const missing = chromiumMissing();

const STORY =
  '我在示例县的一个建筑工地干了八个月的木工，包工头一开始说好每个月结一次账，后来就一直拖着，说等项目款下来再说。' +
  '到现在一共欠了我四万三千多块钱，我手上有考勤记录和微信聊天记录，还有几个工友可以作证。上个月我去找他，他说公司也没给他钱，让我去找总包。';

describe.skipIf(missing !== null)('the web chat message box', () => {
  const web = chineseWebChatPages();

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await web.open(viewport);
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByRole('button', { name: '看看能否申请法律援助', exact: true }).waitFor();
    return page;
  }
  const box = (page: Page) => page.locator('#message');
  const height = async (page: Page) => (await box(page).boundingBox())!.height;

  for (const viewport of [{ width: 390, height: 844 }, { width: 1366, height: 768 }]) {
    it(`shows a long story over a few lines at ${viewport.width}×${viewport.height}, then sends it with Enter`, async () => {
      const page = await open(viewport);
      expect(await box(page).evaluate((el) => el.tagName)).toBe('TEXTAREA');
      const oneLine = await height(page);
      await box(page).fill(STORY);
      await expect.poll(() => height(page)).toBeGreaterThan(oneLine * 1.8);
      // A few lines at most: the conversation stays in view.
      expect(await height(page)).toBeLessThan(viewport.height / 4);
      await page.screenshot({ path: `/tmp/conv3/composer-${viewport.width}.png` }).catch(() => undefined);
      await box(page).press('Enter');
      await page.locator('.msg--me', { hasText: STORY.slice(0, 20) }).waitFor();
      expect(await box(page).inputValue()).toBe('');
      expect(await height(page)).toBeLessThan(oneLine * 1.2);
    });
  }

  // Session 19, seen at 390×844 after an application's summary: the header had gone and the message box sat mid-screen
  // over an empty band. The screen-reader labels ("法援助手说：") of messages scrolled out of the log still stretched
  // the page, so the page itself scrolled (a tap on a button, a swipe) and took the whole chat up with it.
  it('keeps the page itself from scrolling however long the conversation grows (390×844)', async () => {
    const page = await open({ width: 390, height: 844 });
    for (const question of ['请律师要花钱吗', '申请法律援助要带啥材料', '老板欠工资不给怎么办', '工伤怎么认定']) {
      const before = await page.locator('.msg--bot').count();
      await box(page).fill(question);
      await box(page).press('Enter');
      await expect.poll(() => page.locator('.msg--bot').count()).toBeGreaterThan(before);
    }
    expect(await page.evaluate<number>('document.querySelector(".log").scrollHeight')).toBeGreaterThan(844 * 2);
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThanOrEqual(844);
    await page.locator('.choices:not(.choices--stale) .choice').last().click();
    await page.waitForTimeout(300);
    expect(await page.evaluate<number>('window.scrollY')).toBe(0);
    expect((await page.locator('#exit').boundingBox())!.y).toBeGreaterThanOrEqual(0);
  });

  it('keeps a new line typed with Shift+Enter in the message', async () => {
    const page = await open({ width: 1366, height: 768 });
    await box(page).fill('第一行');
    await box(page).press('Shift+Enter');
    await box(page).pressSequentially('第二行');
    expect(await box(page).inputValue()).toBe('第一行\n第二行');
    expect(await page.locator('.msg--me').count()).toBe(1);
  });

  it('counts a long story against the limit and keeps the quick exit first in keyboard order', async () => {
    const page = await open({ width: 390, height: 844 });
    await box(page).fill('欠'.repeat(MAX_MESSAGE_CHARS - 10));
    await expect.poll(() => page.locator('#counter').innerText()).toContain(String(MAX_MESSAGE_CHARS));
    expect(await box(page).getAttribute('maxlength')).toBe(String(MAX_MESSAGE_CHARS));
    // Keyboard order is document order (no positive tabindex): the first focusable element is the quick exit.
    const order = await page.evaluate<string[]>(
      `[...document.querySelectorAll('a[href], button, input, textarea, select, [tabindex]')].filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0).map((el) => el.id || el.tagName)`,
    );
    expect(order[0]).toBe('exit');
    expect(order).toContain('message');
    expect(await page.evaluate('[...document.querySelectorAll("[tabindex]")].some((el) => el.tabIndex > 0)')).toBe(false);
  });
});

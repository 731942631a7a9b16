import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages, zh } from './web-chat-fixture.js';

/**
 * A reload shows the conversation once and goes on where it was: no "welcome back" and no second copy of the
 * question piled into the page or into the stored history, and a resident whose application was received is
 * not put back at the main menu.
 */
const missing = chromiumMissing();

describe.skipIf(missing !== null)('reloading the web chat', () => {
  const web = chineseWebChatPages();
  const open = (): Promise<Page> => web.open();
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const botLines = (page: Page, text: string) => page.locator('.msg--bot .msg__text', { hasText: text });
  const resident = async () => {
    const cookie = (await web.browser().context.cookies()).find((c) => c.name === 'fayuan_resident')!;
    return cookie.value.slice(0, cookie.value.indexOf('.'));
  };
  const reload = async (page: Page) => {
    await page.reload();
    await page.locator('.divider').waitFor();
  };

  it('shows the question once after two reloads, with its buttons, and stores no greeting', async () => {
    const page = await open();
    await button(page, '同意').click();
    await button(page, '看看能否申请法律援助').click();
    await button(page, '欠薪').click();
    await button(page, '为自己申请').waitFor();
    await reload(page);
    await reload(page);
    await button(page, '为自己申请').waitFor();
    expect(await botLines(page, zh('core.welcome_back')).count()).toBe(0);
    expect(await botLines(page, zh('intake.q.relation')).count()).toBe(1);
    await button(page, '为自己申请').click();
    await button(page, '示例市本级').waitFor();
    const texts = await web.fixture().botTexts(await resident());
    expect(texts.filter((t) => t === zh('core.welcome_back'))).toEqual([]);
    expect(texts.filter((t) => t === zh('intake.q.relation'))).toHaveLength(1);
  });

  it('before consent (nothing kept), greets again rather than welcoming back to a conversation not begun', async () => {
    const page = await open();
    await button(page, '同意').waitFor();
    await page.reload();
    await button(page, '同意').waitFor();
    expect(await botLines(page, zh('core.greeting')).count()).toBe(1);
    expect(await botLines(page, zh('core.welcome_back')).count()).toBe(0);
  });

  it('keeps a resident whose application was received at the receipt, not the main menu', async () => {
    const page = await open();
    await button(page, '同意').waitFor();
    const id = await resident();
    let n = 0;
    for (const line of WAGES_APPLICATION) {
      const message: InboundMessage = { channel: 'web', userId: id, address: id, messageId: `r${++n}`, event: { type: 'user.text', text: line } };
      await web.fixture().app.runner.handle(message);
    }
    await reload(page);
    await botLines(page, 'FY-').first().waitFor();
    await button(page, '查询进度').waitFor();
    // The menu was said once, after consent; the page ends with the receipt's office, as before the reload.
    expect(await botLines(page, zh('core.menu')).count()).toBe(1);
    expect(await page.locator('.msg--bot').last().innerText()).toContain('受理机构');
    expect(await botLines(page, zh('core.welcome_back')).count()).toBe(0);
    await page.screenshot({ path: '/tmp/conv3/reload-receipt.png' }).catch(() => undefined);
  });
});

import { describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { chromiumMissing } from '../../helpers/chromium.js';
import { chineseWebChatPages, zh } from './web-chat-fixture.js';

/**
 * A notice staff push later ("还需要补充以下材料…", "您的申请已受理") arrives under the last question: that question's
 * buttons belong to an earlier moment of the conversation. Seen at 390×844 (session 12): the receipt's buttons stayed
 * clickable above two notices. They are now disabled (and say so to assistive technology) once a newer bot message
 * arrives; the next question brings its own, working buttons.
 */
const missing = chromiumMissing();

describe.skipIf(missing !== null)('buttons under a later notice in the web chat', () => {
  const web = chineseWebChatPages();
  const enabledChoices = '.choices button:not([disabled])';

  it('disables the earlier buttons when a notice arrives, and the next question has working buttons', async () => {
    const page = await web.open({ width: 390, height: 844 });
    await page.getByRole('button', { name: zh('core.consent.agree'), exact: true }).click();
    const apply = page.getByRole('button', { name: zh('core.menu.apply'), exact: true });
    await apply.waitFor();
    expect(await page.locator(enabledChoices).count()).toBeGreaterThan(0);

    const cookie = (await web.browser().context.cookies()).find((c) => c.name === 'fayuan_resident')!;
    const resident = cookie.value.slice(0, cookie.value.indexOf('.'));
    const fixture = web.fixture();
    const key = conversationKey('web', resident);
    const payload = { kind: 'text' as const, text: '关于您的申请：还需要补充身份证明。', choices: [] };
    const [id] = await fixture.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'web', address: resident, payload }], Date.now());
    fixture.app.dispatcher.enqueue([{ id: id!, conversationKey: key, channel: 'web', address: resident, payload, attempts: 0 }]);
    await page.locator('.msg--bot .msg__text', { hasText: payload.text }).waitFor();

    await expect.poll(() => page.locator(enabledChoices).count()).toBe(0);
    expect(await apply.isDisabled()).toBe(true);
    expect(await apply.getAttribute('aria-disabled')).toBe('true');

    await page.getByRole('textbox').fill('你好');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(enabledChoices).count()).toBeGreaterThan(0);
    await page.locator(enabledChoices).filter({ hasText: zh('core.menu.apply') }).click();
    await page.locator('.msg--bot .msg__text', { hasText: zh('intake.q.category') }).waitFor();
  });
});

/// <reference lib="dom" />
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();

/**
 * Found in a full run on a loaded machine: the feed's redraw of a live conversation (it changed state)
 * replaced the reply box, so the cursor left it and a half-written reply was gone.
 */
describe.skipIf(missing !== null)('a reply being written in a live conversation', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  /** A resident waiting for a person, and 王芳 on the live page with that conversation open: its reply box. */
  async function openWaitingConversation(residentId: string) {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const person = resident(residentId);
    await f.app.runner.handle(person.returned());
    await f.app.runner.handle(person.choice('consent.agree'));
    await f.app.runner.handle(person.choice('menu.human'));
    await f.app.dispatcher.resume();

    browser ??= await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
    const waiting = staff.locator('.queue__item', { hasText: pz('live.state.waiting') });
    await waiting.waitFor({ timeout: 10_000 });
    await waiting.click();
    return { f, staff, box: staff.getByLabel(pz('live.reply')) };
  }

  it('keeps its text and the cursor when the conversation is redrawn by the feed', async () => {
    const { f, staff, box } = await openWaitingConversation('waits-for-a-person');
    await box.fill('您好，我是王芳，请问');

    // The same account takes it from another tab: the feed says the conversation changed, the page redraws it.
    const other = new Client(f.url);
    await other.login('wangfang');
    const live = await other.request('GET', '/api/live');
    const taken = await other.request('POST', `/api/live/${live.body.conversations[0].id}/take`, {});
    expect(taken.status).toBe(200);
    await staff.getByRole('button', { name: pz('live.release'), exact: true }).waitFor({ timeout: 10_000 });

    expect(await box.inputValue()).toBe('您好，我是王芳，请问');
    expect(await staff.evaluate(() => document.activeElement?.id)).toBe('reply-text');
  }, 60_000);

  it('sends with Ctrl+Enter from the reply box, so staff chatting from the keyboard need not leave it; Enter alone starts a new line', async () => {
    const { f, staff, box } = await openWaitingConversation('types-to-staff');
    await box.click();
    await staff.keyboard.type('您好，我是王芳。');
    await staff.keyboard.press('Enter');
    await staff.keyboard.type('请问有什么可以帮您？');
    expect(await box.inputValue()).toBe('您好，我是王芳。\n请问有什么可以帮您？');
    await staff.keyboard.press('Control+Enter');
    // Sent: the box empties, and the conversation's transcript holds the reply.
    await staff.waitForFunction(() => (document.querySelector('#reply-text') as HTMLTextAreaElement | null)?.value === '', null, { timeout: 20_000 });
    const client = new Client(f.url);
    await client.login('wangfang');
    const id = (await client.request('GET', '/api/live')).body.conversations[0].id as string;
    const messages = (await client.request('GET', `/api/live/${id}/transcript`)).body.messages as { from: string; text?: string }[];
    expect(messages.filter((m) => m.from === 'staff').map((m) => m.text)).toEqual([expect.stringContaining('您好，我是王芳。\n请问有什么可以帮您？')]);
    // The hint under the box says so.
    expect(await staff.locator('#reply-hint').innerText()).toContain('Ctrl+Enter');
  }, 60_000);
});

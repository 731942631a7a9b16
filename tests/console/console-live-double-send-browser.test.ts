/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

/**
 * Session 14, at 1366×768: 王芳 answered a waiting resident and her double click on 发送 sent the reply twice, and
 * the conversation on screen went blank (the first answer's redraw and the second's raced). One press, one
 * message; the conversation stays on screen.
 */
const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

describe.skipIf(missing !== null)('answering a waiting resident in the console', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('sends a reply once however fast 发送 is pressed twice, and keeps the conversation on screen', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const person = resident('double-send');
    await f.app.runner.handle(person.returned());
    await f.app.runner.handle(person.choice('consent.agree'));
    await f.app.runner.handle(person.text('我儿子被拘留了，想找律师'));
    await f.app.runner.handle(person.choice('menu.human'));
    await f.app.dispatcher.resume();

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
    await staff.locator('.queue__item').first().click();
    const transcript = staff.locator('#transcript');
    await transcript.getByText('我儿子被拘留了，想找律师').waitFor();

    const reply = '您好，我是王芳，我来跟进您儿子的事。';
    await staff.getByLabel(pz('live.reply')).fill(reply);
    await staff.getByRole('button', { name: pz('live.send'), exact: true }).dblclick();
    await transcript.getByText(reply).first().waitFor({ timeout: 10_000 });
    await staff.waitForTimeout(1500);
    await staff.screenshot({ path: `${SHOTS}/live-double-send.png` });

    const sent = await until(() => {
      const texts = f.residents.texts('double-send').filter((t) => t.includes(reply));
      return texts.length > 0 ? texts : undefined;
    });
    await staff.waitForTimeout(500);
    expect(f.residents.texts('double-send').filter((t) => t.includes(reply))).toHaveLength(sent.length);
    expect(sent).toHaveLength(1);
    // The conversation is still on screen: what the resident wrote, and the reply once.
    expect(await transcript.getByText('我儿子被拘留了，想找律师').count()).toBe(1);
    expect(await transcript.getByText(reply).count()).toBe(1);
  }, 60_000);
});

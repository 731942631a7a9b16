/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { pz, signIn } from './browser-fixture.js';
import { consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';

describe.skipIf(missing !== null)('a withdrawal seen in the open inbox (issue 9 §2)', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('shows staff a notice linking to the case, and the case leaves the open list', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const person = resident('withdraws-in-browser');
    const ref = await submitWagesApplication(f.app, person);

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.locator('tbody tr', { hasText: ref }).waitFor();

    await f.app.runner.handle(person.choice('menu.status'));
    await f.app.runner.handle(person.choice(`withdraw:${ref}`));
    await f.app.runner.handle(person.choice(`withdraw.confirm:${ref}`));
    await f.app.dispatcher.resume();

    const notice = staff.getByRole('list', { name: pz('inbox.withdrawn.list') }).getByRole('link', { name: new RegExp(ref) });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toContain('撤回');
    await staff.locator('tbody tr', { hasText: ref }).waitFor({ state: 'detached', timeout: 10_000 });
    await staff.screenshot({ path: `${SHOTS}/inbox-withdrawn.png` });
    await notice.click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
  }, 60_000);
});

/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';

describe.skipIf(missing !== null)('a case page left open while the resident acts', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('shows the file the resident sends after a materials request without a reload, and keeps the note staff were typing', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const person = resident('sends-id-card');
    const ref = await submitWagesApplication(f.app, person);
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    expect((await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] })).status).toBe(200);

    browser = await launchChromium();
    const staff = await browser.newPage({ width: 1366, height: 768 });
    await signIn(staff, f.url, 'wangfang');
    await staff.locator('tbody tr', { hasText: ref }).getByRole('link', { name: ref }).click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    const files = staff.getByRole('region', { name: pz('case.attachments') });
    await files.getByText(pz('case.attachments.none')).waitFor();
    const note = staff.getByRole('textbox', { name: pz('case.notes.new') });
    await note.fill('已电话确认身份证明');

    await f.app.runner.handle({
      channel: 'console',
      userId: 'sends-id-card',
      address: 'sends-id-card',
      messageId: 'file-1',
      event: { type: 'user.attachment', attachment: { id: 'a'.repeat(32), fileName: '身份证.jpg', mimeType: 'image/jpeg', size: 2048 } },
    });
    await f.app.dispatcher.resume();
    // The file is on the case (a reload would show it) …
    const stored = (await client.request('GET', `/api/cases/${ref}`)).body.case.attachments;
    expect(stored.map((a: { fileName: string }) => a.fileName)).toEqual(['身份证.jpg']);
    // … and the open page shows it by itself.

    await files.getByText('身份证.jpg').waitFor({ timeout: 10_000 });
    // What kind of file it is, in the console's words: a Chinese console never says "image/jpeg".
    const card = files.locator('li', { hasText: '身份证.jpg' });
    expect(await card.innerText()).not.toContain('image/jpeg');
    await card.getByText(pz('case.attachment.kind.image')).waitFor();
    // Said where staff look after an action (and read out), not only added to the list further down.
    await staff.locator('#case-result', { hasText: pz('case.files_arrived', { names: '身份证.jpg' }) }).waitFor();
    expect(await note.inputValue()).toBe('已电话确认身份证明');
    await staff.screenshot({ path: `${SHOTS}/case-upload-arrived.png` });
    // Back in the inbox, the case says it has something to look at (leaving the unsent note is asked first).
    staff.once('dialog', (d) => void d.accept());
    await staff.getByRole('link', { name: pz('case.back') }).click();
    await staff.locator('tbody tr', { hasText: ref }).getByText(pz('case.badge.new_files', { count: 1 })).waitFor();
    await staff.screenshot({ path: `${SHOTS}/inbox-files-received.png` });
  }, 60_000);
});

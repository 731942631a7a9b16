/// <reference lib="dom" />
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { resident } from '../helpers/test-app.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { pz, signIn } from './browser-fixture.js';
import { caseWithFileSent, Client, consoleFixture } from './console-fixture.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/**
 * Session 18: a worker sent his ID card for the materials request and left staff a note in the chat ("合同没签过…").
 * The note was on the case page, but the inbox row looked like every other: nobody knew to open the case. The row now
 * says 申请人留言 until a member of staff opens the case.
 */
describe.skipIf(missing !== null)('a case on which the resident left a note', () => {
  let browser: TestBrowser | undefined;
  afterAll(async () => browser?.close());

  it('is marked in the inbox until staff open it', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const { ref, person: worker } = await caseWithFileSent(f, 'wangfang', 'leaves-a-note');
    await f.app.runner.handle(worker.choice('materials.note'));
    const kept = await f.app.runner.handle(worker.text('合同没签过，工资都是包工头微信转给我的'));
    expect(kept.replies.map((r) => r.key)).toEqual(['conv.materials.note_kept']);

    browser = await launchChromium();
    const page = await browser.newPage({ width: 1366, height: 768 });
    page.setDefaultTimeout(60_000);
    await signIn(page, f.url, 'wangfang');
    const row = page.locator('tbody tr').filter({ hasText: ref });
    await row.getByText(pz('case.badge.resident_note')).waitFor();
    // The search box's example is a reference as they are given out today (it showed FY-20261201-0001 whatever the day).
    const today = ref.slice('FY-'.length, 'FY-'.length + 8);
    expect(await page.getByLabel(pz('inbox.filter.ref')).getAttribute('placeholder')).toBe(pz('page.ref_example', { example: `FY-${today}-0001` }));
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/inbox-resident-note-1366.png` });
    // On a phone (the same signed-in browser): the row is a card, the marker on it.
    const phone = await browser.newPage({ width: 390, height: 844 });
    await phone.goto(f.url);
    await phone.locator('tbody tr').filter({ hasText: ref }).getByText(pz('case.badge.resident_note')).waitFor();
    await phone.screenshot({ path: `${SHOTS}/inbox-resident-note-390.png` });
    await phone.close();

    // Opened: the note is read (on the case page, as the applicant's words), and the inbox stops marking the case.
    await row.getByRole('link', { name: ref }).click();
    await page.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    await page.getByText('合同没签过，工资都是包工头微信转给我的').waitFor();
    await page.goBack();
    await page.locator('tbody tr').filter({ hasText: ref }).waitFor();
    expect(await page.locator('tbody tr').filter({ hasText: ref }).getByText(pz('case.badge.resident_note')).count()).toBe(0);
  }, 300_000);

  it('is not marked for a note a colleague wrote', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const ref = await submitWagesApplication(f.app, resident('no-note'));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/notes`, { text: '已电话联系' });
    const cases = (await client.request('GET', '/api/cases')).body.cases as { ref: string; residentNotes: number }[];
    expect(cases.find((c) => c.ref === ref)?.residentNotes).toBe(0);
  }, 300_000);
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { newCase } from '../fixtures/cases.js';
import { pz, signIn } from './browser-fixture.js';
import { Client, consoleFixture } from './console-fixture.js';
import { until } from '../helpers/until.js';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();

/** 王芳 (wangfang) and her supervisor 李静 (lijing) in one office; 王芳 has claimed a case, written a note and holds a live conversation. */
async function officeDay() {
  const f = await consoleFixture([
    { username: 'wangfang', role: 'staff', name: '王芳', office: 'demo-city-union' },
    { username: 'lijing', role: 'supervisor', name: '李静', office: 'demo-city-union' },
    { username: 'xiaozhou', role: 'staff', office: 'demo-city-union' },
  ]);
  const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
  const wang = new Client(f.url);
  await wang.login('wangfang');
  await wang.request('POST', `/api/cases/${ref}/claim`, {});
  await wang.request('POST', `/api/cases/${ref}/notes`, { text: '已电话联系，周三来送材料' });
  const r = resident('u-names');
  await f.app.runner.handle(r.text('你好'));
  await f.app.runner.handle(r.choice('consent.agree'));
  await f.app.runner.handle(r.text('转人工'));
  const waiting = await until(async () => ((await wang.request('GET', '/api/live')).body.conversations as { id: string; state: string }[]).find((c) => c.state === 'waiting'));
  await wang.request('POST', `/api/live/${waiting.id}/messages`, { text: '您好，请讲' });
  const li = new Client(f.url);
  await li.login('lijing');
  return { f, ref, li, liveId: waiting.id };
}

describe('colleagues are named as they know each other', () => {
  it('names the assignee, the actor, the note author, the holder and the writer of a live reply by their display name', async () => {
    const { f, ref, li, liveId } = await officeDay();
    const inbox = await li.request('GET', '/api/cases');
    expect(inbox.body.cases.find((c: { ref: string }) => c.ref === ref)).toMatchObject({ assignee: 'wangfang', assigneeName: '王芳' });
    const page = (await li.request('GET', `/api/cases/${ref}`)).body.case;
    expect(page.assigneeName).toBe('王芳');
    expect(page.timeline.at(-1)).toMatchObject({ action: 'claim', actor: '王芳' });
    expect(page.notes[0]).toMatchObject({ author: '王芳' });
    const claimedAgain = await li.request('POST', `/api/cases/${ref}/claim`, {});
    expect(claimedAgain.body.error.message).toBe(`案件 ${ref} 已由 王芳 认领。`);
    const live = (await li.request('GET', '/api/live')).body.conversations.find((c: { id: string }) => c.id === liveId);
    expect(live.holder).toBe('王芳');
    const transcript = (await li.request('GET', `/api/live/${liveId}/transcript`)).body.messages as { from: string; staff?: string }[];
    expect(transcript).toContainEqual(expect.objectContaining({ from: 'staff', staff: '王芳' }));
    const me = (await li.request('GET', '/api/me')).body;
    expect(me.account.displayName).toBe('李静');
    expect(me.colleagues).toContainEqual(expect.objectContaining({ username: 'wangfang', displayName: '王芳' }));
    // An account without a display name is known by its login name.
    const zhou = new Client(f.url);
    await zhou.login('xiaozhou');
    const { ref: second } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    await zhou.request('POST', `/api/cases/${second}/claim`, {});
    expect((await li.request('GET', `/api/cases/${second}`)).body.case).toMatchObject({ assignee: 'xiaozhou', assigneeName: 'xiaozhou' });
  });

  it.skipIf(missing !== null)('shows a supervisor 王芳, never wangfang, in the inbox and on the case page, and her own name at the top', async () => {
    const { f, ref } = await officeDay();
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'lijing');
      const row = page.locator('tbody tr', { hasText: ref });
      await row.waitFor();
      expect(await row.innerText()).toContain('王芳');
      expect(await page.locator('#whoami').innerText()).toContain('李静');
      await row.getByRole('link', { name: ref }).click();
      await page.getByRole('heading', { name: new RegExp(ref) }).waitFor();
      await page.getByText('已电话联系，周三来送材料').waitFor();
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/case-names.png`, fullPage: true });
      const text = await page.locator('main').innerText();
      expect(text).toContain('王芳');
      expect(text).not.toContain('wangfang');
      expect(text).toContain(pz('console.action.claim'));
    } finally {
      await browser.close();
    }
  }, 60_000);

  it.skipIf(missing !== null)("shows an administrator each account's name as colleagues and residents see it, and which accounts have none", async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff', name: '王芳', office: 'demo-city-union' },
      { username: 'xiaozhou', role: 'staff', office: 'demo-city-union' },
      { username: 'boss', role: 'admin', name: '张主任' },
    ]);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'boss');
      await page.getByRole('link', { name: pz('page.nav.accounts'), exact: true }).click();
      const table = page.getByRole('table');
      await table.getByRole('rowheader', { name: 'wangfang' }).waitFor();
      await page.screenshot({ path: `${SHOTS}/accounts-names.png` });
      expect(await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'wangfang' }) }).innerText()).toContain('王芳');
      expect(await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'xiaozhou' }) }).innerText()).toContain(pz('accounts.no_name'));
    } finally {
      await browser.close();
    }
  }, 60_000);

  it.skipIf(missing !== null)('lets an administrator give an existing account its name, which colleagues then see on its cases', async () => {
    const f = await consoleFixture([
      { username: 'xiaozhou', role: 'staff', office: 'demo-city-union' },
      { username: 'boss', role: 'admin', name: '张主任' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const zhou = new Client(f.url);
    await zhou.login('xiaozhou');
    await zhou.request('POST', `/api/cases/${ref}/claim`, {});
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ width: 1366, height: 768 });
      await signIn(page, f.url, 'boss');
      await page.getByRole('link', { name: pz('page.nav.accounts'), exact: true }).click();
      await page.getByRole('button', { name: pz('accounts.name.for', { username: 'xiaozhou' }) }).click();
      const dialog = page.getByRole('dialog', { name: pz('accounts.name.title', { username: 'xiaozhou' }) });
      await dialog.getByLabel(pz('accounts.field.name')).fill('周晓');
      await dialog.getByRole('button', { name: pz('page.save') }).click();
      await page.getByRole('status').filter({ hasText: pz('accounts.name.done', { username: 'xiaozhou' }) }).first().waitFor();
      const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'xiaozhou' }) });
      expect(await row.innerText()).toContain('周晓');
      expect((await zhou.request('GET', `/api/cases/${ref}`)).body.case.assigneeName).toBe('周晓');
      expect(await f.console.staff.audit.list({ action: 'account.rename' })).toHaveLength(1);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../helpers/chromium.js';
import { pz, signIn } from './browser-fixture.js';
import { startConsole, type RunningConsole } from '../../src/console/start-console.js';
import { tellConsoleOfHeldNotices } from '../../src/console/held-notices.js';
import { newCase } from '../fixtures/cases.js';
import { startTestWechat, zh } from '../bot/wechat/wechat-fixture.js';
import { Client, PASSWORD } from './console-fixture.js';

const ANA = 'o-ana-openid';
const SEND = '/cgi-bin/message/custom/send';

const SHOTS = '/tmp/console-shots';
const missing = chromiumMissing();
const consoles: RunningConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

/** A WeChat resident who applied and then went quiet for more than 48 hours, and the console over the same bot. */
async function quietWechatApplicant() {
  const t = await startTestWechat();
  const ana = t.resident(ANA);
  await ana.post(ana.event('subscribe'));
  const [, privacy] = await t.fake.waitForSent(ANA, 2);
  await ana.tap(privacy!.options!.find((o) => o.id === 'consent.agree')!);
  await t.fake.waitForSent(ANA, 3);
  const { ref } = await t.app.services.cases.createCase(
    newCase({ conversationKey: `wechat:${ANA}`, channel: 'wechat', address: ANA, applicant: { name: '李四', phone: '13800000000', relation: 'self', safeToContact: true } }),
  );
  const running = await startConsole(t.app, { port: 0, host: '127.0.0.1', pickupCheckMs: 60_000 });
  consoles.push(running);
  // As `fayuan serve` connects them.
  tellConsoleOfHeldNotices(t.wechat, running);
  const made = await running.staff.auth.addAccount({ username: 'wangfang', role: 'staff', office: null, password: PASSWORD });
  if (!made.ok) throw new Error(made.reason);
  const client = new Client(running.url.replace(/\/$/, ''));
  await client.login('wangfang');
  t.fake.silence(ANA);
  return { t, ana, ref, client, url: running.url };
}

describe('a notice WeChat holds (the 48-hour rule), as staff see it in the console', () => {
  it('marks the case in the inbox and on its page as not reached, with since when and why, until the resident writes again', async () => {
    const { t, ana, ref, client } = await quietWechatApplicant();
    const claimed = await client.request('POST', `/api/cases/${ref}/claim`, {});
    expect(claimed.status).toBe(200);
    await t.fake.waitUntil(() => t.fake.callsTo(SEND).some((c) => c.errcode === 45015));

    const page = await client.request('GET', `/api/cases/${ref}`);
    expect(page.body.case.undelivered).toMatchObject({ count: 1, reason: zh('wechat.reason.45015') });
    expect(typeof page.body.case.undelivered.since).toBe('number');
    const inbox = await client.request('GET', '/api/cases');
    expect(inbox.body.cases.find((c: { ref: string }) => c.ref === ref)).toMatchObject({ undelivered: 1 });

    // The resident taps the menu: the held notice goes out, and the marks go away.
    await ana.tap({ id: 'menu.help', content: zh('core.menu.help') });
    await t.fake.waitUntil(() => t.fake.sentTo(ANA).some((m) => (m.text ?? '').includes(ref)));
    await t.fake.waitUntil(() => false, 100).catch(() => undefined);
    expect((await client.request('GET', `/api/cases/${ref}`)).body.case.undelivered).toBeNull();
    expect((await client.request('GET', '/api/cases')).body.cases.find((c: { ref: string }) => c.ref === ref)).toMatchObject({ undelivered: 0 });
  });

  it.skipIf(missing !== null)('tells staff on the case page that the applicant was not told, and to phone if it is urgent', async () => {
    const { t, ref, url } = await quietWechatApplicant();
    // WeChat answers after the page has redrawn from the claim: only being told later can show it.
    t.fake.refuseAfterMs = 1500;
    const browser = await launchChromium();
    try {
      const staff = await browser.newPage({ width: 1366, height: 768 });
      await signIn(staff, url, 'wangfang');
      await staff.locator('tbody tr', { hasText: ref }).getByRole('link', { name: ref }).click();
      await staff.getByRole('button', { name: pz('console.action.claim'), exact: true }).click();
      await t.fake.waitUntil(() => t.fake.callsTo(SEND).some((c) => c.errcode === 45015));
      // The page staff are on says so by itself, seconds after it said the resident was notified.
      const alert = staff.getByRole('alert').filter({ hasText: pz('case.undelivered.heading') });
      await alert.waitFor({ timeout: 10_000 });
      const text = await alert.innerText();
      expect(text).toContain(zh('wechat.reason.45015'));
      expect(text).toContain(pz('case.undelivered.call', { phone: '13800000000' }));
      fs.mkdirSync(SHOTS, { recursive: true });
      await staff.screenshot({ path: `${SHOTS}/case-undelivered.png` });
      // And the inbox marks the case.
      await staff.getByRole('link', { name: pz('case.back') }).click();
      await staff.locator('tbody tr', { hasText: ref }).getByText(pz('case.badge.undelivered')).waitFor();
    } finally {
      await browser.close();
    }
  }, 60_000);
});

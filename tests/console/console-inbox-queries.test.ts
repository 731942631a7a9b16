import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/storage/database.js';
import { startConsole, type RunningConsole } from '../../src/console/start-console.js';
import { newCase } from '../fixtures/cases.js';
import { startTestWechat } from '../bot/wechat/wechat-fixture.js';
import { sqliteOf } from '../helpers/sqlite.js';
import { Client, consoleFixture, PASSWORD } from './console-fixture.js';

const SEND = '/cgi-bin/message/custom/send';

/** Every read of the database while `during` runs: its SQL and how many rows it returned. */
async function readsOf(db: Database, during: () => Promise<unknown>): Promise<{ sql: string; rows: number }[]> {
  const reads: { sql: string; rows: number }[] = [];
  const all = db.all.bind(db);
  db.all = (async (sql: string, params?: never) => {
    const rows = await all(sql, params);
    reads.push({ sql, rows: rows.length });
    return rows;
  }) as Database['all'];
  try {
    await during();
  } finally {
    db.all = all;
  }
  return reads;
}

const consoles: RunningConsole[] = [];
afterEach(async () => {
  for (const c of consoles.splice(0)) await c.close();
});

describe('the inbox on a day with many cases waiting for materials', () => {
  it('counts the files each case received since the request in one read, whatever the number of cases', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const refs: string[] = [];
    for (let i = 0; i < 12; i++) {
      const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
      await client.request('POST', `/api/cases/${ref}/claim`, {});
      await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] });
      refs.push(ref);
    }
    // Two files for the first case and one for the second, after the request; one for the third before it.
    const later = Date.now() + 60_000;
    const files = [
      { id: 'a'.repeat(32), ref: refs[0]!, at: later },
      { id: 'b'.repeat(32), ref: refs[0]!, at: later + 1 },
      { id: 'c'.repeat(32), ref: refs[1]!, at: later },
      { id: 'd'.repeat(32), ref: refs[2]!, at: 1 },
    ];
    for (const file of files) {
      await f.app.repos.attachments.record({ id: file.id, conversationKey: `console:${file.ref}`, fileName: 'x.jpg', mimeType: 'image/jpeg', size: 10, createdAt: file.at });
      await f.app.repos.attachments.linkToCase([file.id], file.ref);
    }

    let inbox: Awaited<ReturnType<Client['request']>> | undefined;
    const reads = await readsOf(sqliteOf(f.app), async () => {
      inbox = await client.request('GET', '/api/cases');
    });
    const newFiles = (ref: string) => inbox!.body.cases.find((c: { ref: string }) => c.ref === ref)?.newFiles;
    expect([newFiles(refs[0]!), newFiles(refs[1]!), newFiles(refs[2]!), newFiles(refs[3]!)]).toEqual([2, 1, 0, 0]);
    expect(reads.filter((r) => /\bFROM attachments\b|\bJOIN attachments\b/.test(r.sql))).toHaveLength(1);
  });
});

/** A WeChat resident who agreed to the privacy notice and applied, with the case routed to `office`. */
async function wechatApplicant(t: Awaited<ReturnType<typeof startTestWechat>>, openid: string, office: string): Promise<string> {
  const person = t.resident(openid);
  await person.post(person.event('subscribe'));
  const [, privacy] = await t.fake.waitForSent(openid, 2);
  await person.tap(privacy!.options!.find((o) => o.id === 'consent.agree')!);
  await t.fake.waitForSent(openid, 3);
  const decision = { ...newCase().decision, route: office };
  const { ref } = await t.app.services.cases.createCase(
    newCase({ conversationKey: `wechat:${openid}`, channel: 'wechat', address: openid, decision, applicant: { name: '李四', phone: '13800000000', relation: 'self', safeToContact: true } }),
  );
  return ref;
}

describe('notices WeChat holds, counted for the inbox', () => {
  it("reads only the held notices of the cases listed, counted by case, not every office's", async () => {
    const t = await startTestWechat();
    const mine = await wechatApplicant(t, 'o-county-applicant', 'demo-county-center');
    const theirs = await wechatApplicant(t, 'o-city-applicant', 'demo-city-center');
    const running = await startConsole(t.app, { port: 0, host: '127.0.0.1', pickupCheckMs: 60_000 });
    consoles.push(running);
    for (const [username, office] of [['wangfang', 'demo-county-center'], ['zhaolei', 'demo-city-center']] as const) {
      const made = await running.staff.auth.addAccount({ username, role: 'staff', office, password: PASSWORD });
      if (!made.ok) throw new Error(made.reason);
    }
    const county = new Client(running.url.replace(/\/$/, ''));
    await county.login('wangfang');
    const city = new Client(running.url.replace(/\/$/, ''));
    await city.login('zhaolei');
    t.fake.silence('o-county-applicant');
    t.fake.silence('o-city-applicant');
    await county.request('POST', `/api/cases/${mine}/claim`, {});
    await city.request('POST', `/api/cases/${theirs}/claim`, {});
    await t.fake.waitUntil(() => t.fake.callsTo(SEND).filter((c) => c.errcode === 45015).length >= 2);
    for (let tries = 0; (await city.request('GET', `/api/cases/${theirs}`)).body.case.undelivered?.count !== 1; tries++) {
      if (tries > 100) throw new Error('the held notice was never recorded');
      await new Promise((r) => setTimeout(r, 50));
    }

    let inbox: Awaited<ReturnType<Client['request']>> | undefined;
    const reads = await readsOf(sqliteOf(t.app), async () => {
      inbox = await county.request('GET', '/api/cases');
    });
    expect(inbox!.body.cases.map((c: { ref: string; undelivered: number }) => [c.ref, c.undelivered])).toEqual([[mine, 1]]);
    const held = reads.filter((r) => r.sql.includes('wechat_held'));
    expect(held).toHaveLength(1);
    expect(held[0]!.rows).toBe(1);
  });
});

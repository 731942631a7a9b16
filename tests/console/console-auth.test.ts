import { describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { Client, PASSWORD, consoleFixture } from './console-fixture.js';

async function audit(f: Awaited<ReturnType<typeof consoleFixture>>) {
  return f.console.staff.audit.list({ limit: 100 });
}

describe('console sign-in, sessions and refusals', () => {
  it('signs in with the right password: an HttpOnly SameSite=Strict cookie, a CSRF token, and an audit entry with the account id', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    const answer = await client.login('wangfang');
    expect(answer.status).toBe(200);
    expect(answer.body.account).toMatchObject({ username: 'wangfang', role: 'staff', office: null });
    expect(answer.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect((await client.request('GET', '/api/me')).body.account.username).toBe('wangfang');
    expect(await audit(f)).toContainEqual(expect.objectContaining({ action: 'login', accountId: f.ids.wangfang, outcome: 'ok' }));
  });

  it('refuses a wrong password with a message in the reader’s language, and audits it', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const zh = await new Client(f.url).login('wangfang', 'wrong password');
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'bad_credentials', message: '用户名或密码不正确。' });
    const en = await new Client(f.url, 'en').login('wangfang', 'wrong password');
    expect(en.body.error.message).toBe('Wrong username or password.');
    const entries = await audit(f);
    expect(entries.filter((e) => e.action === 'login' && e.outcome === 'refused' && e.accountId === f.ids.wangfang)).toHaveLength(2);
  });

  it('locks a username after five wrong passwords, even against the right one, and audits the lockout', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    for (let i = 0; i < 5; i++) expect((await new Client(f.url).login('wangfang', `guess ${i}`)).status).toBe(401);
    const locked = await new Client(f.url).login('wangfang', PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('locked');
    expect(locked.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await audit(f)).toContainEqual(expect.objectContaining({ action: 'login', outcome: 'refused', detail: 'locked', accountId: f.ids.wangfang }));
    // After the window the right password works again.
    f.clock.now += 16 * 60_000;
    expect((await new Client(f.url).login('wangfang', PASSWORD)).status).toBe(200);
  });

  it('ends a session idle for more than 30 minutes: refused as expired, and audited', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    f.clock.now += 31 * 60_000;
    const answer = await client.request('GET', '/api/cases');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toEqual({ code: 'expired', message: '登录已过期，请重新登录。' });
    expect(await audit(f)).toContainEqual(expect.objectContaining({ action: 'session', outcome: 'refused', detail: 'expired', accountId: f.ids.wangfang }));
    // The same cookie stays dead.
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });

  it('refuses a change without the CSRF token, changes nothing, and audits it', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const client = new Client(f.url);
    await client.login('wangfang');
    const answer = await client.request('POST', `/api/cases/${ref}/claim`, {}, { csrf: false });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('csrf');
    expect((await f.app.services.cases.get(ref))!.status).toBe('new');
    expect(await audit(f)).toContainEqual(expect.objectContaining({ action: 'csrf', outcome: 'refused', accountId: f.ids.wangfang }));
  });

  it('does not show a case of another office to staff of this office: not listed, refused when opened, audited', async () => {
    const f = await consoleFixture([
      { username: 'women', role: 'staff', office: 'demo-city-women' },
      { username: 'union', role: 'staff', office: 'demo-city-union' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const other = new Client(f.url);
    await other.login('women');
    expect((await other.request('GET', '/api/cases')).body.cases).toEqual([]);
    const opened = await other.request('GET', `/api/cases/${ref}`);
    expect(opened.status).toBe(403);
    expect(opened.body.error.code).toBe('other_office');
    expect((await other.request('POST', `/api/cases/${ref}/claim`, {})).status).toBe(403);
    const entries = await audit(f);
    expect(entries).toContainEqual(expect.objectContaining({ action: 'case.view', target: ref, outcome: 'refused', accountId: f.ids.women }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'case.claim', target: ref, outcome: 'refused', accountId: f.ids.women }));
    const own = new Client(f.url);
    await own.login('union');
    expect((await own.request('GET', '/api/cases')).body.cases.map((c: { ref: string }) => c.ref)).toEqual([ref]);
    expect((await own.request('GET', `/api/cases/${ref}`)).status).toBe(200);
    expect(await audit(f)).toContainEqual(expect.objectContaining({ action: 'case.view', target: ref, outcome: 'ok', accountId: f.ids.union }));
  });

  it('keeps account management to admins', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff' },
      { username: 'boss', role: 'admin' },
    ]);
    const staff = new Client(f.url);
    await staff.login('wangfang');
    expect((await staff.request('GET', '/api/accounts')).status).toBe(403);
    expect((await staff.request('GET', '/api/audit')).status).toBe(403);
    const admin = new Client(f.url);
    await admin.login('boss');
    const made = await admin.request('POST', '/api/accounts', { username: 'lina', role: 'operator', password: 'another long one' });
    expect(made.status).toBe(201);
    const log = await admin.request('GET', '/api/audit?action=account.list');
    expect(log.body.entries).toContainEqual(expect.objectContaining({ accountId: f.ids.wangfang, username: 'wangfang', outcome: 'refused' }));
    expect((await new Client(f.url).login('lina', 'another long one')).status).toBe(200);
  });
});

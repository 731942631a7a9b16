import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';

async function until<T>(probe: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('working cases in the console', () => {
  it('claims a case: the resident is told in their language, the timeline names the account, the action is audited', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const input = newCase({ at: f.clock.now, locale: 'en' });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    const answer = await client.request('POST', `/api/cases/${ref}/claim`, {});
    expect(answer.status).toBe(200);
    expect(answer.body.notice).toBe('sent');
    expect(answer.body.case).toMatchObject({ ref, status: 'claimed', statusLabel: '审查中', assignee: 'wangfang' });
    expect(answer.body.case.timeline.at(-1)).toMatchObject({ action: 'claim', actor: 'wangfang', to: 'claimed' });
    const notice = await until(() => f.residents.texts(input.address).find((t) => t.includes(ref)));
    expect(notice).toContain('is now being reviewed by staff');
    expect(await f.console.staff.audit.list({ target: ref })).toContainEqual(
      expect.objectContaining({ action: 'case.claim', accountId: f.ids.wangfang, outcome: 'ok' }),
    );
    // A second claim is refused with who holds it.
    const again = await client.request('POST', `/api/cases/${ref}/claim`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_claimed');
  });

  it('requests materials in one notice naming every document, in Chinese for a Chinese case', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const input = newCase({ at: f.clock.now });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    const missing = await client.request('POST', `/api/cases/${ref}/request-materials`, {});
    expect(missing.status).toBe(422);
    const answer = await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card', 'labor_evidence'], note: '请尽快' });
    expect(answer.status).toBe(200);
    expect(answer.body.case.status).toBe('materials_requested');
    const notice = await until(() => f.residents.texts(input.address).find((t) => t.includes('一次性告知')));
    expect(notice).toContain('身份证明');
    expect(notice).toContain('劳动关系和欠薪证据');
    expect(notice).toContain('请尽快');
    // Once only (一次性告知).
    expect((await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] })).status).toBe(409);
  });

  it('shows the case page: answers, decision, contact safety, notes; declines with the objection route; supervisors reopen', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff' },
      { username: 'chen', role: 'supervisor' },
    ]);
    const input = newCase({ at: f.clock.now, applicant: { relation: 'self', safeToContact: false, name: '李四' } });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    const page = (await client.request('GET', `/api/cases/${ref}`)).body;
    expect(page.case.contact).toMatchObject({ safeToContact: false, name: '李四', chatNotices: true });
    expect(page.case.answers).toContainEqual(expect.objectContaining({ key: 'category', value: '劳动报酬（欠薪）' }));
    expect(page.case.decision.documents.map((d: { id: string }) => d.id)).toEqual(['id_card', 'wage_evidence']);
    expect(page.allowedActions).toContain('claim');
    expect(page.allowedActions).not.toContain('assign');
    expect((await client.request('POST', `/api/cases/${ref}/notes`, { text: '电话不安全，只在对话中联系' })).status).toBe(201);
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    expect((await client.request('POST', `/api/cases/${ref}/decline`, {})).status).toBe(422);
    const declined = await client.request('POST', `/api/cases/${ref}/decline`, { reason: '不属于法律援助范围' });
    expect(declined.body.case.status).toBe('declined');
    expect(declined.body.case.notes).toEqual([expect.objectContaining({ author: 'wangfang', text: '电话不安全，只在对话中联系' })]);
    const notice = await until(() => f.residents.texts(input.address).find((t) => t.includes('不属于法律援助范围')));
    expect(notice).toContain('第四十九条');
    expect((await client.request('POST', `/api/cases/${ref}/reopen`, { reason: '异议成立' })).status).toBe(403);
    const boss = new Client(f.url);
    await boss.login('chen');
    const reopened = await boss.request('POST', `/api/cases/${ref}/reopen`, { reason: '异议成立' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.case).toMatchObject({ status: 'claimed', resolution: null });
  });

  it('lists overdue cases first and filters by state and reference', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const day = 24 * 3_600_000;
    const fresh = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const old = await f.app.services.cases.createCase(newCase({ at: f.clock.now - 10 * day }));
    const client = new Client(f.url);
    await client.login('wangfang');
    const list = (await client.request('GET', '/api/cases')).body.cases as { ref: string; overdue: boolean }[];
    expect(list.map((c) => c.ref)).toEqual([old.ref, fresh.ref]);
    expect(list[0]!.overdue).toBe(true);
    const found = (await client.request('GET', `/api/cases?q=${fresh.ref.slice(-4)}&state=all`)).body.cases as { ref: string }[];
    expect(found.map((c) => c.ref)).toContain(fresh.ref);
    expect((await client.request('GET', '/api/cases?state=closed')).body.cases).toEqual([]);
  });
});

/** A resident on the console channel who agrees to the privacy notice and asks for a person. */
async function askForPerson(f: Awaited<ReturnType<typeof consoleFixture>>, userId: string) {
  const r = resident(userId);
  await f.app.runner.handle(r.text('你好'));
  await f.app.runner.handle(r.choice('consent.agree'));
  await f.app.runner.handle(r.text('转人工'));
  return r;
}

describe('live conversations in the console', () => {
  it('a resident asks for a person; staff take it, the two exchange messages, the bot stays silent; release hands back', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    expect(f.app.services.staffAvailable).toBe(true);
    const client = new Client(f.url);
    await client.login('wangfang');
    const r = await askForPerson(f, 'u-live');
    const waiting = await until(async () => {
      const list = (await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[];
      return list.find((c) => c.state === 'waiting');
    });
    expect((await client.request('POST', `/api/live/${waiting.id}/take`, {})).status).toBe(200);
    expect((await client.request('POST', `/api/live/${waiting.id}/messages`, { text: '您好，我是法援中心的王芳' })).status).toBe(201);
    await until(() => f.residents.texts('u-live').find((t) => t.includes('您好，我是法援中心的王芳')));
    const before = f.residents.texts('u-live').length;
    await f.app.runner.handle(r.text('老板三个月没发工资了'));
    const transcript = await until(async () => {
      const messages = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; text?: string }[];
      return messages.some((m) => m.from === 'resident' && m.text === '老板三个月没发工资了') ? messages : undefined;
    });
    expect(transcript).toContainEqual(expect.objectContaining({ from: 'staff', staff: 'wangfang' }));
    // The bot said nothing to the resident's message while staff held the conversation.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(f.residents.texts('u-live').length).toBe(before);
    expect((await client.request('POST', `/api/live/${waiting.id}/release`, {})).status).toBe(200);
    const audited = await f.console.staff.audit.list({ accountId: f.ids.wangfang });
    expect(audited.map((e) => e.action)).toEqual(expect.arrayContaining(['live.take', 'live.message', 'live.view', 'live.release']));
  });

  it('announces new hand-off requests on the change feed', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const controller = new AbortController();
    const response = await fetch(`${f.url}/api/events`, { headers: { Cookie: client.cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    void askForPerson(f, 'u-feed');
    let text = '';
    const decoder = new TextDecoder();
    while (!text.includes('live.requested')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: live.requested');
    controller.abort();
  });

  it('shows danger alerts from a waiting conversation at the top of the live view', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    await askForPerson(f, 'u-danger');
    const key = 'console:u-danger';
    const relay = { kind: 'danger', danger: 'domestic_violence' } as unknown as { kind: 'message'; text: string };
    await f.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'staff', address: 'staff', payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
    await f.app.dispatcher.resume();
    const live = await until(async () => {
      const body = (await client.request('GET', '/api/live')).body;
      return body.alerts.length > 0 ? body : undefined;
    });
    expect(live.alerts[0]).toMatchObject({ kind: 'domestic_violence', label: '家庭暴力' });
    expect(live.conversations[0]).toMatchObject({ id: live.alerts[0].conversationId, state: 'waiting' });
    expect(live.conversations[0].danger).toEqual([expect.objectContaining({ kind: 'domestic_violence' })]);
  });
});

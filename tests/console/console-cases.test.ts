import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';
import { until } from '../helpers/until.js';

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
    expect(notice).toContain('劳动关系证明');
    expect(notice).toContain('请尽快');
    // Once only (一次性告知).
    expect((await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] })).status).toBe(409);
  });

  it('shows the case page: answers, decision, contact safety, notes; declines with the objection route; supervisors reopen', async () => {
    const f = await consoleFixture([
      { username: 'wangfang', role: 'staff' },
      { username: 'chen', role: 'supervisor' },
    ]);
    const input = newCase({ at: f.clock.now, applicant: { relation: 'self', safeToContact: false, name: '李四', contactWords: '只发短信，别打电话，他会翻我手机', documentsNote: '工资条和聊天记录' } });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    const page = (await client.request('GET', `/api/cases/${ref}`)).body;
    // The applicant's own words about contact reach staff as typed (session 7).
    expect(page.case.contact).toMatchObject({ safeToContact: false, name: '李四', chatNotices: true, contactWords: '只发短信，别打电话，他会翻我手机', documentsNote: '工资条和聊天记录' });
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

  it('shows who a relative applying is to the applicant (session 8)', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const input = newCase({ at: f.clock.now, applicant: { relation: 'relative', safeToContact: true, name: '王建国', kinship: '我是他女儿', relativeName: '王秀兰' } });
    const { ref } = await f.app.services.cases.createCase(input);
    const client = new Client(f.url);
    await client.login('wangfang');
    const page = (await client.request('GET', `/api/cases/${ref}`)).body;
    // Session 20: and the relative's own name, whom staff ask for when they phone.
    expect(page.case.contact).toMatchObject({ relation: 'relative', name: '王建国', kinship: '我是他女儿', relativeName: '王秀兰' });
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

  it('finds a resident who rings in by the phone number or the name they give, open or closed', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const liu = await f.app.services.cases.createCase(
      newCase({ at: f.clock.now, applicant: { name: '刘建国', phone: '13812345678', relation: 'self', safeToContact: true } }),
    );
    const chen = await f.app.services.cases.createCase(
      newCase({ at: f.clock.now, applicant: { name: '陈大勇', phone: '13900001111', relation: 'self', safeToContact: true } }),
    );
    const client = new Client(f.url);
    await client.login('wangfang');
    const refs = async (query: string) =>
      ((await client.request('GET', `/api/cases${query}`)).body.cases as { ref: string }[]).map((c) => c.ref);
    // The whole number as said on the phone (with spaces or dashes), or its last digits.
    expect(await refs(`?q=${encodeURIComponent('138 1234 5678')}`)).toEqual([liu.ref]);
    expect(await refs('?q=1111')).toEqual([chen.ref]);
    expect(await refs(`?q=${encodeURIComponent('刘建国')}`)).toEqual([liu.ref]);
    // A closed case is found the same way under 全部.
    await client.request('POST', `/api/cases/${chen.ref}/claim`, {});
    await client.request('POST', `/api/cases/${chen.ref}/withdraw`, { note: '已和解' });
    expect(await refs('?q=13900001111&state=all')).toEqual([chen.ref]);
    expect(await refs(`?q=${encodeURIComponent('陈大勇')}&state=withdrawn`)).toEqual([chen.ref]);
    // The reference still works as before.
    expect(await refs(`?q=${liu.ref.slice(-4)}&state=all`)).toContain(liu.ref);
  });

  it('shows a workstation\'s case in its centre\'s inbox, where centre staff can claim it; a sibling workstation sees nothing', async () => {
    const f = await consoleFixture([
      { username: 'center', role: 'staff', office: 'demo-city-center' },
      { username: 'women', role: 'staff', office: 'demo-city-women' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const centre = new Client(f.url);
    await centre.login('center');
    expect(((await centre.request('GET', '/api/cases')).body.cases as { ref: string }[]).map((c) => c.ref)).toEqual([ref]);
    expect((await centre.request('POST', `/api/cases/${ref}/claim`, {})).body.case).toMatchObject({ status: 'claimed', assignee: 'center' });
    const sibling = new Client(f.url);
    await sibling.login('women');
    expect((await sibling.request('GET', '/api/cases')).body.cases).toEqual([]);
    expect((await sibling.request('GET', `/api/cases/${ref}`)).status).toBe(403);
  });

  it('lets a supervisor assign a case to a colleague of its office, not to one of another office', async () => {
    const f = await consoleFixture([
      { username: 'chen', role: 'supervisor', office: 'demo-city-union' },
      { username: 'wangfang', role: 'staff', office: 'demo-city-union' },
      { username: 'women', role: 'staff', office: 'demo-city-women' },
    ]);
    const input = newCase({ at: f.clock.now });
    const { ref } = await f.app.services.cases.createCase(input);
    const boss = new Client(f.url);
    await boss.login('chen');
    const me = (await boss.request('GET', '/api/me')).body;
    expect(me.colleagues.map((c: { username: string }) => c.username).sort()).toEqual(['chen', 'wangfang']);
    expect((await boss.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.women })).status).toBe(422);
    // A new case assigned is claimed for the colleague: the resident hears it is being reviewed.
    const assigned = await boss.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.wangfang });
    expect(assigned.body.case).toMatchObject({ status: 'claimed', assignee: 'wangfang' });
    expect(assigned.body.notice).toBe('sent');
    const again = await boss.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.chen });
    expect(again.body.case.assignee).toBe('chen');
    expect(again.body.case.timeline.at(-1)).toMatchObject({ action: 'assign', actor: 'chen', note: 'chen' });
    const staff = new Client(f.url);
    await staff.login('wangfang');
    expect((await staff.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.wangfang })).status).toBe(403);
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

  it('a resident who stops waiting ("算了不等了") leaves the queue staff see', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const r = await askForPerson(f, 'u-left');
    await until(async () => ((await client.request('GET', '/api/live')).body.conversations as { state: string }[]).find((c) => c.state === 'waiting'));
    await f.app.runner.handle(r.text('算了不等了'));
    const gone = await until(async () => {
      const list = (await client.request('GET', '/api/live')).body.conversations as { state: string }[];
      return list.length === 0 ? list : undefined;
    });
    expect(gone).toEqual([]);
  });

  it.each([
    ['with a display name', '王芳', '工作人员王芳已接入', '【王芳】'],
    ['without one', undefined, '工作人员已接入', '【工作人员】'],
  ])('shows the resident the staff member\'s name %s, never the login name', async (_case, name, joined, prefix) => {
    const f = await consoleFixture([{ username: 'zhao', role: 'staff', ...(name ? { name } : {}) }]);
    const client = new Client(f.url);
    await client.login('zhao');
    await askForPerson(f, 'u-name');
    const waiting = await until(async () => ((await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[]).find((c) => c.state === 'waiting'));
    expect((await client.request('POST', `/api/live/${waiting.id}/messages`, { text: '您好，请讲' })).status).toBe(201);
    const said = await until(() => {
      const texts = f.residents.texts('u-name');
      return texts.some((t) => t.includes('您好，请讲')) ? texts : undefined;
    });
    expect(said.join('\n')).toContain(joined);
    expect(said.find((t) => t.includes('您好，请讲'))).toBe(`${prefix}您好，请讲`);
    expect(said.join('\n')).not.toContain('zhao');
    // Colleagues read who wrote it by the name they know: the display name, else the login name.
    const transcript = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; staff?: string }[];
    expect(transcript).toContainEqual(expect.objectContaining({ from: 'staff', staff: name ?? 'zhao' }));
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
    const relay = { kind: 'danger' as const, danger: 'domestic_violence' as const };
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

  it('says who took a conversation with a danger alert, and drops the alert once that conversation is back with the bot', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', name: '王芳' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    await askForPerson(f, 'u-danger-taken');
    const key = 'console:u-danger-taken';
    const relay = { kind: 'danger' as const, danger: 'violence' as const };
    await f.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'staff', address: 'staff', payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
    await f.app.dispatcher.resume();
    const waiting = await until(async () => {
      const body = (await client.request('GET', '/api/live')).body;
      return body.alerts.length > 0 ? body : undefined;
    });
    expect(waiting.alerts[0]).toMatchObject({ kind: 'violence', takenBy: null });
    const id = waiting.alerts[0].conversationId as string;
    f.clock.now += 1000;
    expect((await client.request('POST', `/api/live/${id}/take`, {})).status).toBe(200);
    expect((await client.request('GET', '/api/live')).body.alerts).toEqual([expect.objectContaining({ conversationId: id, takenBy: '王芳' })]);
    expect((await client.request('POST', `/api/live/${id}/release`, {})).status).toBe(200);
    expect((await client.request('GET', '/api/live')).body.alerts).toEqual([]);
  });

  it('sends a file to the resident from the console; the transcript shows it and it opens in the page', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    await askForPerson(f, 'u-file');
    const waiting = await until(async () => ((await client.request('GET', '/api/live')).body.conversations as { id: string }[])[0]);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e2e3b70000000049454e44ae426082', 'hex');
    const form = new FormData();
    form.append('file', new Blob([png], { type: 'image/png' }), '申请表.png');
    const sent = await fetch(`${f.url}/api/live/${waiting.id}/files`, { method: 'POST', headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf }, body: form });
    expect(sent.status).toBe(201);
    await until(() => f.residents.texts('u-file').find((t) => t === '[file 申请表.png]'));
    const messages = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; attachment?: { url: string; fileName: string } }[];
    const file = messages.find((m) => m.attachment)!;
    expect(file).toMatchObject({ from: 'staff', attachment: { fileName: '申请表.png' } });
    const opened = await fetch(`${f.url}${file.attachment!.url}`, { headers: { Cookie: client.cookie } });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await opened.arrayBuffer()).equals(png)).toBe(true);
    // A file of a type the web chat refuses is refused here too.
    const bad = new FormData();
    bad.append('file', new Blob(['MZ'], { type: 'application/x-msdownload' }), 'x.exe');
    expect((await fetch(`${f.url}/api/live/${waiting.id}/files`, { method: 'POST', headers: { Cookie: client.cookie, 'X-CSRF-Token': client.csrf }, body: bad })).status).toBe(422);
  });

  it('reminds open inboxes of a case that became overdue, through the change feed', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }], { overdueCheckMs: 100 });
    const client = new Client(f.url);
    await client.login('wangfang');
    const response = await fetch(`${f.url}/api/events`, { headers: { Cookie: client.cookie } });
    const reader = response.body!.getReader();
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now - 10 * 24 * 3_600_000 }));
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes(ref)) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('event: case.changed');
    await reader.cancel();
  });

  it('lists call-back requests with the number to ring when nobody could take the conversation', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const key = 'console:u-callback';
    const relay = { kind: 'callback' as const, phone: '13800138000' };
    await f.app.repos.outbox.enqueueOutbound([{ conversationKey: key, channel: 'staff', address: 'staff', payload: { kind: 'staff', conversationKey: key, locale: 'zh-CN', relay } }], Date.now());
    await f.app.dispatcher.resume();
    const listed = await until(async () => {
      const body = (await client.request('GET', '/api/live')).body;
      return body.callbacks.length > 0 ? body.callbacks : undefined;
    });
    expect(listed[0]).toMatchObject({ channel: 'console', phone: '13800138000' });
  });
});

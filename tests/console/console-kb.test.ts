import { describe, expect, it } from 'vitest';
import { Client, consoleFixture } from './console-fixture.js';

describe('the knowledge-base editor API (operators)', () => {
  it('edits an answer that the running bot then gives, with "试一试", validation, history and revert', async () => {
    const f = await consoleFixture([
      { username: 'lina', role: 'operator' },
      { username: 'wangfang', role: 'staff' },
    ]);
    const staff = new Client(f.url);
    await staff.login('wangfang');
    expect((await staff.request('GET', '/api/kb/entries')).status).toBe(403);

    const op = new Client(f.url);
    await op.login('lina');
    const list = (await op.request('GET', '/api/kb/entries?q=工资')).body.entries as { id: string }[];
    expect(list.map((e) => e.id)).toContain('wage_arrears');
    const { entry } = (await op.request('GET', '/api/kb/entries/wage_arrears')).body;

    const before = (await op.request('POST', '/api/kb/try', { question: '老板不给工资怎么办' })).body;
    expect(before).toMatchObject({ band: 'answer', topic: 'wage_arrears' });

    const broken = await op.request('PUT', '/api/kb/entries/wage_arrears', { entry: { ...entry, answer: { 'zh-CN': entry.answer['zh-CN'], en: '' } } });
    expect(broken.status).toBe(422);
    expect(Object.keys(broken.body.error.fields)).toContain('answer.en');

    const answer = { 'zh-CN': '被拖欠工资可以先找劳动监察投诉，也可以申请免费的劳动仲裁。', en: 'You can complain to labour inspection or apply for free labour arbitration.' };
    const saved = await op.request('PUT', '/api/kb/entries/wage_arrears', { entry: { ...entry, answer } });
    expect(saved.status).toBe(200);
    const after = (await op.request('POST', '/api/kb/try', { question: '老板不给工资怎么办' })).body;
    expect(after.replies[0].text).toContain('先找劳动监察投诉');
    // The bot itself answers a resident with the new text.
    const bot = await f.app.services.understandText({ text: '老板不给工资怎么办', locale: 'zh-CN', where: { kind: 'menu' } });
    expect(JSON.stringify(bot.answer.replies)).toContain('先找劳动监察投诉');

    const history = (await op.request('GET', '/api/kb/entries/wage_arrears/history')).body.versions as { version: number; by: string }[];
    expect(history[0]!.by).toBe(`account:${f.ids.lina}`);
    const reverted = await op.request('POST', '/api/kb/entries/wage_arrears/revert', { version: history[1]!.version });
    expect(reverted.status).toBe(200);
    expect(reverted.body.entry.answer['zh-CN']).toBe(entry.answer['zh-CN']);
    expect(await f.console.staff.audit.list({ accountId: f.ids.lina })).toContainEqual(expect.objectContaining({ action: 'kb.edit', target: 'kb:wage_arrears', outcome: 'ok' }));
  });

  it('returns each field\'s problems in the operator\'s language', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    const zh = new Client(f.url, 'zh-CN');
    await zh.login('lina');
    const { entry } = (await zh.request('GET', '/api/kb/entries/wage_arrears')).body;
    const long = 'One. Two. Three. Four. Five.';
    const invalid = { ...entry, answer: { 'zh-CN': '', en: long }, reviewBy: '30/06/2027', related: ['no_such_entry'] };

    const inChinese = await zh.request('PUT', '/api/kb/entries/wage_arrears', { entry: invalid });
    expect(inChinese.status).toBe(422);
    expect(inChinese.body.error.fields).toMatchObject({
      'answer.zh-CN': '“回答”缺少中文内容。',
      'answer.en': '英文回答有 5 句，请控制在 3 句以内，其余写进“下一步”。',
      reviewBy: '复核日期请写成“年-月-日”，例如 2027-06-30。',
      related: '相关条目“no_such_entry”不存在。',
    });

    const en = new Client(f.url, 'en');
    await en.login('lina');
    const inEnglish = await en.request('PUT', '/api/kb/entries/wage_arrears', { entry: invalid });
    expect(inEnglish.status).toBe(422);
    expect(inEnglish.body.error.fields).toMatchObject({
      'answer.zh-CN': '“Answer” has no Chinese text.',
      'answer.en': 'The English answer has 5 sentences; keep it to 3 and move the rest to “Next steps”.',
      reviewBy: 'The review date must be written year-month-day, for example 2027-06-30.',
      related: 'Related entry “no_such_entry” does not exist.',
    });
    // The refusal is audited against the entry as saved edits are (kb:ID), so the audit page names it alike.
    expect(await f.console.staff.audit.list({ action: 'kb.edit', target: 'kb:wage_arrears' })).toContainEqual(expect.objectContaining({ outcome: 'refused' }));
    // No field is left in the other language.
    for (const text of Object.values(inEnglish.body.error.fields as Record<string, string>)) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('sums up a refused save in words an operator can act on, not the fields\' code names', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    const zh = new Client(f.url, 'zh-CN');
    await zh.login('lina');
    const { entry } = (await zh.request('GET', '/api/kb/entries/cost')).body;
    const refused = await zh.request('PUT', '/api/kb/entries/cost', { entry: { ...entry, title: { ...entry.title, 'zh-CN': '' }, answer: { ...entry.answer, en: '' } } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.error.fields)).toEqual(['title.zh-CN', 'answer.en']);
    expect(refused.body.error.message).not.toMatch(/title|answer|zh-CN/);
    expect(refused.body.error.message).toContain('2');
    const en = new Client(f.url, 'en');
    await en.login('lina');
    const inEnglish = await en.request('PUT', '/api/kb/entries/cost', { entry: { ...entry, title: { ...entry.title, 'zh-CN': '' } } });
    expect(inEnglish.body.error.message).not.toMatch(/title\.zh-CN/);
    expect(inEnglish.body.error.message).toMatch(/1 field/);
  });

  it('groups unanswered questions with counts and adds one as a phrasing of an entry', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    const question = '学校食堂的饭菜太咸了能投诉吗';
    for (let i = 0; i < 2; i++) await f.app.services.understandText({ text: question, locale: 'zh-CN', where: { kind: 'menu' } });
    const op = new Client(f.url);
    await op.login('lina');
    const groups = (await op.request('GET', '/api/kb/unanswered')).body.groups as { id: string; count: number; questions: { text: string }[] }[];
    const group = groups.find((g) => g.questions.some((q) => q.text === question))!;
    expect(group.count).toBeGreaterThanOrEqual(2);
    const draft = (await op.request('POST', `/api/kb/unanswered/${group.id}/new-entry`, {})).body.draft;
    expect(draft.questions['zh-CN']).toContain(question);
    const added = await op.request('POST', `/api/kb/unanswered/${group.id}/add-phrasing`, { entryId: 'complaint' });
    expect(added.status).toBe(200);
    expect(added.body.entry.questions['zh-CN']).toContain(question);
    const left = (await op.request('GET', '/api/kb/unanswered')).body.groups as { id: string }[];
    expect(left.map((g) => g.id)).not.toContain(group.id);
  });
});

describe('the knowledge-base history as operators read it', () => {
  it('names the operator who saved each version, and the system for the seed', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    const op = new Client(f.url);
    await op.login('lina');
    const { entry } = (await op.request('GET', '/api/kb/entries/cost')).body;
    const answer = { ...entry.answer, 'zh-CN': `${entry.answer['zh-CN']}（已核对）` };
    expect((await op.request('PUT', '/api/kb/entries/cost', { entry: { ...entry, answer } })).status).toBe(200);
    const versions = (await op.request('GET', '/api/kb/entries/cost/history')).body.versions as { author: string | null }[];
    expect(versions[0]!.author).toBe('lina');
    expect(versions.at(-1)!.author).toBeNull();
  });
});

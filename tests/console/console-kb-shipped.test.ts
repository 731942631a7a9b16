import { describe, expect, it } from 'vitest';
import { Client, consoleFixture } from './console-fixture.js';
import { editedThenShipped, OURS, SHIPPED } from './kb-shipped-fixture.js';

describe('a newer shipped version of an entry the centre edited (console API)', () => {
  it('is marked in the list and offered beside the entry; taking it saves it as a new version the bot uses', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    await editedThenShipped(f);
    const op = new Client(f.url);
    await op.login('lina');
    const list = (await op.request('GET', '/api/kb/entries')).body.entries as { id: string; newerShipped: boolean }[];
    expect(list.filter((e) => e.newerShipped).map((e) => e.id)).toEqual(['wage_arrears']);
    const got = (await op.request('GET', '/api/kb/entries/wage_arrears')).body;
    expect(got.entry.answer['zh-CN']).toBe(OURS);
    expect(got.shipped.entry.answer['zh-CN']).toBe(SHIPPED);

    const taken = await op.request('POST', '/api/kb/entries/wage_arrears/shipped');
    expect(taken.status).toBe(200);
    expect((await op.request('GET', '/api/kb/entries/wage_arrears')).body.shipped).toBeNull();
    const history = (await op.request('GET', '/api/kb/entries/wage_arrears/history')).body.versions as { action: string; by: string }[];
    expect(history[0]).toMatchObject({ action: 'ship', by: `account:${f.ids.lina}` });
    const bot = await f.app.services.understandText({ text: '老板不给工资怎么办', locale: 'zh-CN', where: { kind: 'menu' } });
    expect(JSON.stringify(bot.answer.replies)).toContain(SHIPPED.slice(-6));
  }, 60_000);

  it('is no longer offered once the centre keeps its own version, which the bot goes on using', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }, { username: 'wangfang', role: 'staff' }]);
    await editedThenShipped(f);
    const staff = new Client(f.url);
    await staff.login('wangfang');
    expect((await staff.request('POST', '/api/kb/entries/wage_arrears/keep-own')).status).toBe(403);
    const op = new Client(f.url);
    await op.login('lina');
    expect((await op.request('POST', '/api/kb/entries/wage_arrears/keep-own')).status).toBe(200);
    const got = (await op.request('GET', '/api/kb/entries/wage_arrears')).body;
    expect(got.shipped).toBeNull();
    expect(got.entry.answer['zh-CN']).toBe(OURS);
    expect((await op.request('POST', '/api/kb/entries/wage_arrears/shipped')).status).toBe(404);
  }, 60_000);
});

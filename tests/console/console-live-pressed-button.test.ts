import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * While 王芳 talked to a resident, the resident tapped 转人工 (the menu still on their screen): the console's
 * conversation showed "[menu.human]", an id staff cannot read (found in the console at 1366×768). It shows the
 * button's label, as the resident saw it.
 */
async function until<T>(probe: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('a button the resident pressed, in the console’s conversation', () => {
  it('reads as the button’s label, not its id', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const r = resident('u-pressed');
    await f.app.runner.handle(r.text('你好'));
    await f.app.runner.handle(r.choice('consent.agree'));
    await f.app.runner.handle(r.text('转人工'));
    const waiting = await until(async () => {
      const list = (await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[];
      return list.find((c) => c.state === 'waiting');
    });
    expect((await client.request('POST', `/api/live/${waiting.id}/take`, {})).status).toBe(200);
    await f.app.runner.handle(r.choice('menu.human'));

    const said = await until(async () => {
      const messages = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; text?: string }[];
      const resident = messages.filter((m) => m.from === 'resident');
      return resident.length >= 3 ? resident.map((m) => m.text) : undefined;
    });
    expect(said.slice(-2)).toEqual(['转人工', '[转人工]']);
  });

  it('names the agreement to the privacy notice, whose question is not kept, in the staff member’s language', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const r = resident('u-agreed');
    await f.app.runner.handle(r.text('你好'));
    await f.app.runner.handle(r.choice('consent.agree'));
    await f.app.runner.handle(r.text('转人工'));
    for (const [lang, agreed] of [
      ['zh-CN', '[同意]'],
      ['en', '[I agree]'],
    ] as const) {
      const client = new Client(f.url, lang);
      await client.login('wangfang');
      const waiting = await until(async () => {
        const list = (await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[];
        return list.find((c) => c.state === 'waiting');
      });
      const messages = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; text?: string }[];
      expect(messages.filter((m) => m.from === 'resident').map((m) => m.text)).toEqual([agreed, '转人工']);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { resident } from '../helpers/test-app.js';
import { newCase, NOV22_10AM } from '../fixtures/cases.js';
import { until } from '../helpers/until.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 14, 王芳's busy day in the console (1366×768 and a phone), five residents' applications through
 * the web chat: what staff read wrong or could not read.
 */
describe('a busy day in the console', () => {
  it('dates the days left before the hearing the resident gave: "3 天" read two days later is no longer true', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff', office: 'demo-city-union' }]);
    // Submitted 22 November, 10:00 Beijing time: "the hearing is in 3 days" means 25 November.
    const { ref } = await f.app.services.cases.createCase(newCase({ at: NOV22_10AM, facts: { category: 'wages', region: 'demo-city', groups: ['migrant_worker'], deadlineDays: 3 } as never }));
    for (const [lang, date] of [
      ['zh-CN', '2026年11月25日'],
      ['en', '25 November 2026'],
    ] as const) {
      const client = new Client(f.url, lang);
      await client.login('wangfang');
      const page = (await client.request('GET', `/api/cases/${ref}`)).body.case as { answers: { key: string; value: string }[] };
      const answer = page.answers.find((a) => a.key === 'deadlineDays')!;
      expect(answer.value).toContain('3');
      expect(answer.value).toContain(date);
    }
  });

  it('records a new case a supervisor assigns as her assignment, not as the colleague claiming it', async () => {
    const f = await consoleFixture([
      { username: 'lijing', role: 'supervisor', office: 'demo-city-union', name: '李静' },
      { username: 'wangfang', role: 'staff', office: 'demo-city-union', name: '王芳' },
    ]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const boss = new Client(f.url);
    await boss.login('lijing');
    const assigned = await boss.request('POST', `/api/cases/${ref}/assign`, { accountId: f.ids.wangfang });
    expect(assigned.status).toBe(200);
    expect(assigned.body.case).toMatchObject({ status: 'claimed', assignee: 'wangfang' });
    expect(assigned.body.notice).toBe('sent');
    const timeline = assigned.body.case.timeline as { action: string; actor: string; note: string | null }[];
    // The history says who did it: 李静 assigned it to 王芳. 王芳 pressed nothing.
    expect(timeline.at(-1)).toMatchObject({ action: 'assign', actor: '李静', note: '王芳' });
    expect(timeline.filter((e) => e.actor === '王芳')).toEqual([]);
  });

  it('names each button the resident pressed, also one pressed before the last 50 lines: never its id ("[menu.apply]")', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const r = resident('u-long-talk');
    await f.app.runner.handle(r.returned());
    await f.app.runner.handle(r.choice('consent.agree'));
    await f.app.runner.handle(r.text('转人工'));
    const waiting = await until(async () => {
      const list = (await client.request('GET', '/api/live')).body.conversations as { id: string; state: string }[];
      return list.find((c) => c.state === 'waiting');
    });
    await f.app.runner.handle(r.choice('menu.apply'));
    // 王芳 takes the conversation and the resident goes on writing: the console shows its last lines, which
    // soon begin with that press, the buttons it answered above them.
    expect((await client.request('POST', `/api/live/${waiting.id}/take`, {})).status).toBe(200);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await f.app.runner.handle(r.text(`第 ${i + 1} 句`));
      const messages = (await client.request('GET', `/api/live/${waiting.id}/transcript`)).body.messages as { from: string; text?: string }[];
      for (const m of messages) if (m.from === 'resident' && m.text?.startsWith('[')) seen.add(m.text);
    }
    expect([...seen]).toContain('[看看能否申请法律援助]');
    expect([...seen].filter((t) => /^\[[a-z]+[.:][a-z_.:]+\]$/.test(t))).toEqual([]);
  });
});

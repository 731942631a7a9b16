import { describe, expect, it } from 'vitest';
import { newCase, NOV22_10AM } from '../fixtures/cases.js';
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

});

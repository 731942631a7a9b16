import { describe, expect, it } from 'vitest';
import { monthOf } from '../../src/knowledge/cases/local-time.js';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';

describe('the monthly report (统计报表)', () => {
  it('counts the month’s cases by category, group, outcome and channel, with decisions, ratings and a CSV of the same figures', async () => {
    const f = await consoleFixture([
      { username: 'union', role: 'supervisor', office: 'demo-city-union' },
      { username: 'women', role: 'staff', office: 'demo-city-women' },
    ]);
    const cases = f.app.services.cases;
    const hour = 3_600_000;
    const start = f.clock.now - 2 * hour;
    const { ref } = await cases.createCase(newCase({ at: start }));
    await cases.createCase(newCase({ at: start, channel: 'web', decision: { outcome: 'eligible', urgent: true, sameDay: true, route: 'demo-city-women' } as never }));
    const staff = { kind: 'staff' as const, name: 'union' };
    await cases.applyTransition(ref, { type: 'claim' }, staff, start + hour);
    await cases.applyTransition(ref, { type: 'accept', lawyer: '陈律师' }, staff, start + 2 * hour);
    await cases.applyTransition(ref, { type: 'close' }, staff, start + 2 * hour);
    await cases.recordRating(ref, { score: 4, comment: '很及时' }, start + 2 * hour);

    const client = new Client(f.url);
    await client.login('union');
    const month = monthOf(f.clock.now, 'Asia/Shanghai');
    const report = (await client.request('GET', `/api/reports/monthly?month=${month}`)).body;
    // A supervisor of an office sees that office's figures only.
    expect(report).toMatchObject({ month, office: 'demo-city-union', received: 1, decided: 1, medianDaysToDecision: 0.1, overdue: 0 });
    expect(report.byCategory).toEqual([{ id: 'wages', label: '劳动报酬（欠薪）', count: 1 }]);
    expect(report.byResolution).toEqual([expect.objectContaining({ id: 'accepted', count: 1 })]);
    expect(report.byChannel).toEqual([expect.objectContaining({ id: 'telegram', count: 1 })]);
    expect(report.satisfaction).toMatchObject({ count: 1, average: 4, comments: [expect.objectContaining({ ref, score: 4, text: '很及时' })] });
    expect((await client.request('GET', `/api/reports/monthly?month=${month}&office=demo-city-women`)).status).toBe(403);
    expect((await client.request('GET', '/api/reports/monthly?month=2026-13x')).status).toBe(422);

    const csv = await fetch(`${f.url}/api/reports/monthly.csv?month=${month}`, { headers: { Cookie: client.cookie } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // A byte-order mark, so Excel opens the Chinese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('"类别","代码","名称","数量"')).toBe(true);
    expect(text).toContain('"案件类别","wages","劳动报酬（欠薪）","1"');
    expect(text).toContain('"汇总","received","收到申请","1"');
  });
});

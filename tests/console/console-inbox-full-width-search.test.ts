import { describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 20, a busy day: a resident rang and the staff member typed the number with the Chinese keyboard in its
 * full-width mode (１３８１２３４５６７８, as 全角 gives it); the inbox said no case matched, while the same number in
 * half-width found it. A reference typed that way (ＦＹ－…) was not found either.
 */
describe('the inbox search', () => {
  it('finds a case by a phone number or reference typed in full-width forms', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const made = await f.app.services.cases.createCase(newCase({ at: f.clock.now, applicant: { name: '刘建国', phone: '13812345678', relation: 'self', safeToContact: true } }));
    const client = new Client(f.url);
    await client.login('wangfang');
    const found = async (q: string) => ((await client.request('GET', `/api/cases?q=${encodeURIComponent(q)}`)).body.cases as { ref: string }[]).map((c) => c.ref);
    expect(await found('13812345678')).toEqual([made.ref]);
    expect(await found('１３８　１２３４　５６７８')).toEqual([made.ref]);
    const fullWidthRef = made.ref.replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(await found(fullWidthRef)).toEqual([made.ref]);
  }, 60_000);
});

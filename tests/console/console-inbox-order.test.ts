import { describe, expect, it } from 'vitest';
import { newCase } from '../fixtures/cases.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { resident } from '../helpers/test-app.js';
import { Client, consoleFixture } from './console-fixture.js';

/** 09:00 on 2 December 2026 in the demo pack's time zone (Asia/Shanghai). */
const MORNING = Date.UTC(2026, 11, 2, 1, 0);
const MINUTE = 60_000;
const sameDayDecision = { outcome: 'eligible', meansTest: 'exempt', urgent: false, sameDay: true, route: 'demo-city-union', documents: ['id_card'] };

describe('the inbox on a busy day', () => {
  it('puts an urgent case (a deadline within days, LAL 44) above same-day cases that came in earlier', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    f.clock.now = MORNING + 3 * 60 * MINUTE;
    const cases = f.app.services.cases;
    const migrant = await cases.createCase(newCase({ at: MORNING, decision: sameDayDecision as never }));
    const elderly = await cases.createCase(newCase({ at: MORNING + 10 * MINUTE, decision: sameDayDecision as never }));
    const ordinary = await cases.createCase(newCase({ at: MORNING + 20 * MINUTE }));
    const deadline = await cases.createCase(newCase({ at: MORNING + 2 * 60 * MINUTE, decision: { ...sameDayDecision, urgent: true, sameDay: false } as never }));

    const client = new Client(f.url);
    await client.login('wangfang');
    const inbox = await client.request('GET', '/api/cases');
    expect(inbox.status).toBe(200);
    const order = inbox.body.cases.map((c: { ref: string }) => c.ref);
    expect(order).toEqual([deadline.ref, migrant.ref, elderly.ref, ordinary.ref]);
    expect(inbox.body.cases[0]).toMatchObject({ urgent: true, dueToday: true });
  });
});

describe('urgent work first', () => {
  it('keeps an urgent case waiting for the resident\'s materials with today\'s work, above same-day cases', async () => {
    // Session 15: 王芳 asked the resident of an urgent case (a hearing in 3 days) for the missing documents;
    // the case lost its deadline while waiting and sank below every same-day case, out of sight.
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    f.clock.now = MORNING + 3 * 60 * MINUTE;
    const cases = f.app.services.cases;
    const migrant = await cases.createCase(newCase({ at: MORNING, decision: sameDayDecision as never }));
    const deadline = await cases.createCase(newCase({ at: MORNING + 10 * MINUTE, decision: { ...sameDayDecision, urgent: true, sameDay: false } as never }));
    const ordinary = await cases.createCase(newCase({ at: MORNING + 20 * MINUTE }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${deadline.ref}/claim`, {});
    expect((await client.request('POST', `/api/cases/${deadline.ref}/request-materials`, { documents: ['id_card'] })).status).toBe(200);

    const inbox = await client.request('GET', '/api/cases');
    const order = inbox.body.cases.map((c: { ref: string }) => c.ref);
    expect(order).toEqual([deadline.ref, migrant.ref, ordinary.ref]);
    expect(inbox.body.cases[0]).toMatchObject({ status: 'materials_requested', urgent: true });
  });
});

describe('materials arriving', () => {
  it('marks a case waiting for materials in the inbox when the resident has sent files since the request', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const person = resident('sends-files');
    const ref = await submitWagesApplication(f.app, person);
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    await client.request('POST', `/api/cases/${ref}/request-materials`, { documents: ['id_card'] });
    const row = async () => (await client.request('GET', '/api/cases')).body.cases.find((c: { ref: string }) => c.ref === ref);
    expect(await row()).toMatchObject({ status: 'materials_requested', newFiles: 0 });

    await f.app.runner.handle({
      channel: 'console',
      userId: 'sends-files',
      address: 'sends-files',
      messageId: 'file-1',
      event: { type: 'user.attachment', attachment: { id: 'b'.repeat(32), fileName: '身份证.jpg', mimeType: 'image/jpeg', size: 2048 } },
    });
    expect(await row()).toMatchObject({ status: 'materials_requested', newFiles: 1 });

    await client.request('POST', `/api/cases/${ref}/materials-received`, {});
    expect(await row()).toMatchObject({ status: 'claimed', newFiles: 0 });
  });
});

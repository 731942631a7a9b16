import { describe, expect, it } from 'vitest';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { resident } from '../helpers/test-app.js';
import { Client, consoleFixture } from './console-fixture.js';

/** Issue 9 §2: a resident may withdraw an undecided application, and staff are notified. */
describe('a resident withdrawing an application in the chat', () => {
  it('tells open consoles at once (the case and a withdrawal notice on the change feed), and the case shows 已撤回', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const person = resident('withdrawer');
    const ref = await submitWagesApplication(f.app, person);

    const response = await fetch(`${f.url}/api/events`, { headers: { Cookie: client.cookie } });
    const reader = response.body!.getReader();
    await f.app.runner.handle(person.choice('menu.status'));
    await f.app.runner.handle(person.choice(`withdraw:${ref}`));
    const done = await f.app.runner.handle(person.choice(`withdraw.confirm:${ref}`));
    expect(done.replies[0]!.text).toContain(ref);

    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('event: case.withdrawn')) text += decoder.decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(new RegExp(`event: case\\.withdrawn\\ndata: \\{"ref":"${ref}"`));
    const page = await client.request('GET', `/api/cases/${ref}`);
    expect(page.body.case.status).toBe('withdrawn');
    expect(page.body.case.timeline.at(-1)).toMatchObject({ action: 'withdraw', to: 'withdrawn' });
  });

  it('does not notify staff when the withdrawal is refused (someone else\'s case)', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const owner = resident('owner');
    const ref = await submitWagesApplication(f.app, owner);
    const seen: string[] = [];
    f.console.staff.events.subscribe((e) => seen.push(e.type));
    const stranger = resident('stranger');
    await f.app.runner.handle(stranger.returned());
    await f.app.runner.handle(stranger.text('同意'));
    await f.app.runner.handle(stranger.choice(`withdraw.confirm:${ref}`));
    await f.app.dispatcher.resume();
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).not.toContain('case.withdrawn');
    expect((await f.app.services.cases.get(ref))?.status).toBe('new');
  });
});

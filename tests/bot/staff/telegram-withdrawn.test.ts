import { describe, expect, it } from 'vitest';
import { submitWagesApplication } from '../../fixtures/wages-application.js';
import { resident } from '../../helpers/test-app.js';
import { STAFF_CHAT, startStaffBot } from './staff-telegram-fixture.js';

describe('a withdrawal in the Telegram staff group (issue 9 §2)', () => {
  it('posts one line naming the case when the resident withdraws it in the chat', async () => {
    const { fake, app } = await startStaffBot();
    const person = resident('withdraws');
    const ref = await submitWagesApplication(app, person);
    await app.runner.handle(person.choice('menu.status'));
    await app.runner.handle(person.choice(`withdraw:${ref}`));
    await app.runner.handle(person.choice(`withdraw.confirm:${ref}`));
    await app.dispatcher.resume();
    const withdrawn = () => fake.texts(STAFF_CHAT).filter((t) => t.includes('撤回'));
    await expect.poll(withdrawn, { timeout: 5000 }).toHaveLength(1);
    expect(withdrawn()[0]).toContain(ref);
  });
});

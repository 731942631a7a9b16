import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaffAuth } from '../../src/staff/staff-auth.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { LoginThrottleStore, StaffAccountStore, StaffSessionStore } from '../../src/storage/staff-account-store.js';
import { AuditStore } from '../../src/storage/staff-records-store.js';
import { resident } from '../helpers/test-app.js';
import { PASSWORD, consoleFixture } from './console-fixture.js';

/** `fayuan staff add` run by another process while the bot serves (as a centre's IT person does). */
async function addAccountAsTheCliDoes(dataDir: string, username: string) {
  const db = await openStorage(path.join(dataDir, 'fayuan.sqlite'));
  const auth = new StaffAuth({ accounts: new StaffAccountStore(db), sessions: new StaffSessionStore(db), throttle: new LoginThrottleStore(db), audit: new AuditStore(db) });
  const made = await auth.addAccount({ username, role: 'staff', office: null, displayName: null, password: PASSWORD });
  await db.close();
  expect(made.ok).toBe(true);
}

describe('the first staff account added while the bot runs', () => {
  it('is offered to residents who ask for a person, without a restart', async () => {
    const f = await consoleFixture([]);
    const r = resident('asks-before-and-after');
    await f.app.runner.handle(r.returned());
    await f.app.runner.handle(r.choice('consent.agree'));
    const before = await f.app.runner.handle(r.text('转人工'));
    expect(before.replies.map((x) => x.key)).toContain('conv.handoff.no_staff');

    await addAccountAsTheCliDoes(f.dataDir, 'wangfang');
    // What the serving process does every 30 seconds.
    await f.app.services.refreshStaffAvailable();
    await f.app.runner.handle(r.choice('menu.back'));
    const after = await f.app.runner.handle(r.text('转人工'));
    expect(after.replies.map((x) => x.key)).toContain('handoff.requested');
    expect(after.outbound.some((m) => m.payload.kind === 'staff' && m.payload.relay.kind === 'handoff_request')).toBe(true);
  });
});

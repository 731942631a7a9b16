import { describe, expect, it } from 'vitest';
import { purge } from '../../src/bot/privacy/retention.js';
import { ERASE_CONFIRM } from '../../src/flows/privacy-choices.js';
import { databaseOf } from '../../src/storage/open-repositories.js';
import { newCase } from '../fixtures/cases.js';
import { resident } from '../helpers/test-app.js';
import { Client, consoleFixture } from './console-fixture.js';

const DAY = 24 * 3_600_000;

describe('what the console keeps, and for how long', () => {
  it('purges a long-closed case with its internal notes (notes do not hold the case back)', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const { ref } = await f.app.services.cases.createCase(newCase({ at: f.clock.now }));
    const client = new Client(f.url);
    await client.login('wangfang');
    await client.request('POST', `/api/cases/${ref}/notes`, { text: '申请人要求只在对话中联系' });
    await client.request('POST', `/api/cases/${ref}/claim`, {});
    await client.request('POST', `/api/cases/${ref}/decline`, { reason: '不属于援助范围' });
    await client.request('POST', `/api/cases/${ref}/close`, {});
    const db = databaseOf(f.app.repos)!;
    await db.run('UPDATE cases SET updated_at = ? WHERE ref = ?', [Date.now() - 2000 * DAY, ref]);
    await purge(db, f.app.config.attachmentsDir, { transcript: 180, idleConversations: 30, sentOutbox: 7, deadLetters: 30, closedCases: 1825 });
    expect(await f.app.services.cases.get(ref)).toBeUndefined();
    expect(await db.all('SELECT * FROM case_notes WHERE ref = ?', [ref])).toEqual([]);
  });

  it('keeps no words of a live conversation outside its transcript, and forgets the rest when the resident deletes their records', async () => {
    const f = await consoleFixture([{ username: 'wangfang', role: 'staff' }]);
    const client = new Client(f.url);
    await client.login('wangfang');
    const r = resident('u-private');
    await f.app.runner.handle(r.text('你好'));
    await f.app.runner.handle(r.choice('consent.agree'));
    await f.app.runner.handle(r.text('转人工'));
    const db = databaseOf(f.app.repos)!;
    let live: { id: string } | undefined;
    for (let i = 0; i < 100 && !live; i++) {
      live = ((await client.request('GET', '/api/live')).body.conversations as { id: string }[])[0];
      if (!live) await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await client.request('POST', `/api/live/${live!.id}/messages`, { text: '请告诉我您的电话 13800138000' });
    // Read through the repository (decrypted): the raw rows are sealed, so a raw search could never fail.
    const relays = await f.app.repos.staff!.relays.forConversation('console:u-private');
    expect(relays.some((relay) => relay.kind === 'staff_message')).toBe(true);
    expect(JSON.stringify(relays)).not.toContain('13800138000');
    await client.request('POST', `/api/live/${live!.id}/release`, {});
    await f.app.runner.handle(r.command('delete'));
    await f.app.runner.handle(r.choice(ERASE_CONFIRM));
    await f.app.repos.idle();
    expect(await db.all("SELECT * FROM staff_relays WHERE conversation_key = 'console:u-private'")).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/bot/app.js';
import { createLogger } from '../../src/bot/logger.js';
import { parseConfig } from '../../src/config.js';
import { openMemoryRepositories } from '../../src/storage/memory/open-memory-repositories.js';
import { APPLICANT } from '../../bench/resident-scripts.js';
import { tempDir } from '../helpers/temp-dir.js';
import { RecordingSender } from '../helpers/test-app.js';
import { NOV22_10AM, TEST_PACK, newCase } from '../fixtures/cases.js';

describe('the app on in-memory repositories', () => {
  it('takes a resident through the whole application and creates the case, with no database file', async () => {
    const dir = tempDir();
    const repos = openMemoryRepositories();
    const app = await createApp(parseConfig({ FAYUAN_DATA_DIR: dir, KB_INDEX_WORKER: 'off', WEB_CHAT: 'off', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'on' }), createLogger('silent'), { repositories: repos });
    const sender = new RecordingSender();
    app.dispatcher.register('console', sender);
    let last: string[] = [];
    let n = 0;
    for (const event of APPLICANT) {
      last = (await app.runner.handle({ channel: 'console', userId: 'worker', address: 'worker', messageId: `m${n++}`, event })).replies.map((r) => r.text);
    }
    const ref = /FY-\d{8}-\d{4}/.exec(last.join('\n'))?.[0];
    expect(ref).toBeDefined();
    const cases = await app.services.cases.listByConversation('console:worker');
    expect(cases.map((c) => c.ref)).toEqual([ref]);
    expect(cases[0]).toMatchObject({ category: 'wages', status: 'new' });
    // The resident's own account is kept in the transcript, as on SQLite.
    expect(JSON.stringify(await repos.conversations.recentTranscript('console:worker', 500))).toContain('包工头拖欠三个月工资');
    await app.close();
    expect(sender.texts('worker').join('\n')).toContain(ref);
  });

  it("lists each conversation's own cases, newest first, as copies the caller cannot change", async () => {
    const cases = openMemoryRepositories().cases(TEST_PACK);
    for (const [i, key] of ['web:a', 'web:b', 'web:a', 'web:c', 'web:a'].entries()) await cases.createCase(newCase({ conversationKey: key, at: NOV22_10AM + i * 60_000 }));
    const mine = await cases.listByConversation('web:a');
    expect(mine.map((c) => c.createdAt)).toEqual([NOV22_10AM + 240_000, NOV22_10AM + 120_000, NOV22_10AM]);
    expect((await cases.listByConversation('web:b')).length).toBe(1);
    expect(await cases.listByConversation('web:nobody')).toEqual([]);
    mine[0]!.status = 'closed';
    expect((await cases.listByConversation('web:a'))[0]!.status).toBe('new');
  });
});

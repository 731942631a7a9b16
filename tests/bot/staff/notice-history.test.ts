import { describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/bot/channel.js';
import { performCaseAction } from '../../../src/staff/case-actions.js';
import { submitWagesApplication } from '../../fixtures/wages-application.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { resident, testApp } from '../../helpers/test-app.js';

/** A resident who applied in the chat; the case's reference and the app. */
async function applied(name: string) {
  const app = await testApp(tempDir());
  const person = resident(name);
  const ref = await submitWagesApplication(app, person);
  return { app, person, ref, key: conversationKey('console', name) };
}

describe('a staff notice in the resident\'s history', () => {
  it('is recorded in the conversation\'s transcript with the outbox row, so a reload still shows it', async () => {
    const { app, ref, key } = await applied('ana');
    const deps = { cases: app.services.cases, pack: app.services.pack };
    const claimed = await performCaseAction(deps, ref, { type: 'claim' }, { kind: 'staff', name: '王芳' });
    expect(claimed.ok).toBe(true);
    const said = (await app.repos.conversations.recentTranscript(key, 100)).filter((e) => e.direction === 'out').map((e) => (e.body as { text: string }).text);
    const notice = said.at(-1)!;
    expect(notice).toContain(ref);
    expect(notice).toContain('受理审查');
    const [row] = claimed.ok ? claimed.outbox : [];
    expect((row!.payload as { text: string }).text).toBe(notice);
    await app.close();
  });

  it('is not written into a conversation the resident erased', async () => {
    const { app, ref, key } = await applied('bo');
    await app.repos.conversations.delete(key);
    const claimed = await performCaseAction({ cases: app.services.cases, pack: app.services.pack }, ref, { type: 'claim' }, { kind: 'staff', name: '王芳' });
    expect(claimed.ok && claimed.outbox.length).toBe(1);
    expect(await app.repos.conversations.recentTranscript(key, 100)).toEqual([]);
    await app.close();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/bot/channel.js';
import { performCaseAction } from '../../../src/bot/staff/case-actions.js';
import type { Actor } from '../../../src/knowledge/cases/case-lifecycle.js';
import { CaseStore } from '../../../src/storage/case-store.js';
import { ConversationStore } from '../../../src/storage/conversation-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { NOV22_10AM, TEST_PACK, newCase } from '../../fixtures/cases.js';
import { tempDir } from '../../helpers/temp-dir.js';

const wang: Actor = { kind: 'staff', name: '王芳' };

async function setup() {
  const db = await openStorage(path.join(tempDir(), 'fayuan.sqlite'));
  const sent: OutboundMessage[] = [];
  const logged: unknown[] = [];
  const deps = {
    cases: new CaseStore(db, TEST_PACK),
    pack: TEST_PACK,
    dispatcher: { enqueue: (m: OutboundMessage[]) => sent.push(...m) },
    logger: { info: (obj: unknown) => logged.push(obj) },
  };
  return { db, deps, sent, logged, outbox: new ConversationStore(db) };
}

describe('performing a case action', () => {
  it('notifies the resident durably and hands the message to the running dispatcher', async () => {
    const { db, deps, sent, outbox } = await setup();
    const input = newCase();
    const { ref } = await deps.cases.createCase(input);
    const result = await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM);
    expect(result).toMatchObject({ ok: true, notice: { send: true } });
    const pending = await outbox.pendingOutbox();
    expect(pending).toHaveLength(1);
    // The same message the outbox holds (its bookkeeping, such as when it was queued, aside).
    const { id, conversationKey, channel, address, payload } = pending[0]!;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id, conversationKey, channel, address, payload, attempts: 0 });
    expect(sent[0]).toMatchObject({ channel: 'telegram', address: input.address, payload: { kind: 'text' } });
    await db.close();
  });

  it('still notifies in the chat a resident who must not be phoned (they asked to be contacted here)', async () => {
    const { db, deps, outbox } = await setup();
    const { ref } = await deps.cases.createCase(newCase({ applicant: { relation: 'self', safeToContact: false } }));
    expect(await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM)).toMatchObject({ ok: true, notice: { send: true } });
    expect(await outbox.pendingOutbox()).toHaveLength(1);
    await db.close();
  });

  it('writes nothing to the outbox for a resident who said even chat messages are unsafe', async () => {
    const { db, deps, sent, outbox } = await setup();
    const { ref } = await deps.cases.createCase(newCase({ applicant: { relation: 'self', safeToContact: false, chatNotices: false } }));
    const result = await performCaseAction(deps, ref, { type: 'claim' }, wang, NOV22_10AM);
    expect(result).toMatchObject({ ok: true, notice: { send: false, reason: 'chat_not_safe' } });
    expect(await outbox.pendingOutbox()).toEqual([]);
    expect(sent).toEqual([]);
    await db.close();
  });

  it('sends nothing and changes nothing when the action is refused', async () => {
    const { db, deps, sent, outbox } = await setup();
    const { ref } = await deps.cases.createCase(newCase());
    expect(await performCaseAction(deps, ref, { type: 'accept', lawyer: '陈律师' }, wang, NOV22_10AM)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(await outbox.pendingOutbox()).toEqual([]);
    expect(sent).toEqual([]);
    await db.close();
  });

  it('logs ids and statuses, never names or notes', async () => {
    const { db, deps, logged } = await setup();
    const { ref } = await deps.cases.createCase(newCase());
    await performCaseAction(deps, ref, { type: 'claim', note: '李四来电' }, wang, NOV22_10AM);
    expect(logged).toEqual([{ case: ref, action: 'claim', from: 'new', to: 'claimed', notified: true }]);
    expect(JSON.stringify(logged)).not.toMatch(/李四|王芳|1380/);
    await db.close();
  });
});

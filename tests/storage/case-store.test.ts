import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/knowledge/cases/case-lifecycle.js';
import type { ApplicantFacts } from '../../src/knowledge/eligibility/applicant-facts.js';
import type { Decision } from '../../src/knowledge/eligibility/decision.js';
import { AttachmentStore } from '../../src/storage/attachment-store.js';
import { CaseStore, type CaseDecision, type CaseFacts } from '../../src/storage/case-store.js';
import { ConversationStore } from '../../src/storage/conversation-store.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { DAY, HOUR, NOV22_10AM, TEST_PACK, newCase } from '../fixtures/cases.js';
import { tempDir } from '../helpers/temp-dir.js';

const wang: Actor = { kind: 'staff', name: '王芳' };
const zhao: Actor = { kind: 'staff', name: '赵强' };

async function open(file = path.join(tempDir(), 'fayuan.sqlite')) {
  const db = await openStorage(file);
  return { db, file, cases: new CaseStore(db, TEST_PACK), attachments: new AttachmentStore(db), conversations: new ConversationStore(db) };
}

describe('case store', () => {
  it('creates a new case with a reference number of the day in Beijing', async () => {
    const { db, cases } = await open();
    const receipt = await cases.createCase(newCase());
    expect(receipt).toEqual({ ref: 'FY-20261122-0001', created: true, dueAt: Date.UTC(2026, 10, 29, 16) - 1 });
    const stored = await cases.get(receipt.ref);
    expect(stored).toMatchObject({
      status: 'new',
      category: 'wages',
      region: 'demo-city',
      route: 'demo-city-union',
      policyVersion: 'demo-2026.1',
      applicant: { name: '李四', relation: 'self', safeToContact: true },
      decision: { outcome: 'eligible', meansTest: 'exempt' },
      facts: { groups: ['migrant_worker'] },
    });
    expect(await cases.events(receipt.ref)).toMatchObject([{ action: 'submit', from: null, to: 'new', actor: { kind: 'resident' } }]);
    await db.close();
  });

  it('numbers cases per day and starts again the next day', async () => {
    const { db, cases } = await open();
    const refs = [];
    for (const at of [NOV22_10AM, NOV22_10AM + HOUR, NOV22_10AM + DAY, Date.UTC(2026, 10, 22, 17)]) {
      refs.push((await cases.createCase(newCase({ at }))).ref);
    }
    // 17:00 UTC on the 22nd is already the 23rd in Beijing.
    expect(refs).toEqual(['FY-20261122-0001', 'FY-20261122-0002', 'FY-20261123-0001', 'FY-20261123-0002']);
    await db.close();
  });

  it('creates exactly one case when the confirmation arrives twice at once', async () => {
    const { db, cases } = await open();
    const input = newCase();
    const [a, b] = await Promise.all([cases.createCase(input), cases.createCase({ ...input })]);
    expect(a.ref).toBe(b.ref);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await cases.list()).toHaveLength(1);
    await db.close();
  });

  it('returns the same case when the confirmation is pressed again later, from another connection', async () => {
    const first = await open();
    const input = newCase();
    const created = await first.cases.createCase(input);
    const second = await open(first.file);
    expect(await second.cases.createCase({ ...input, at: input.at + HOUR })).toEqual({ ...created, created: false });
    expect(await second.cases.list()).toHaveLength(1);
    await Promise.all([first.db.close(), second.db.close()]);
  });

  it('links the application’s attachments to the case', async () => {
    const { db, cases, attachments } = await open();
    const input = newCase();
    await attachments.record({ id: 'a1', conversationKey: input.conversationKey, fileName: '工资条.jpg', mimeType: 'image/jpeg', size: 1000, createdAt: NOV22_10AM - HOUR });
    await attachments.record({ id: 'a3', conversationKey: input.conversationKey, fileName: 'later.pdf', mimeType: 'application/pdf', size: 9, createdAt: NOV22_10AM - HOUR });
    const { ref } = await cases.createCase({
      ...input,
      attachments: [
        { id: 'a1', fileName: '工资条.jpg', mimeType: 'image/jpeg', size: 1000 },
        { id: 'a2', fileName: '合同.pdf', mimeType: 'application/pdf', size: 2000 },
      ],
    });
    expect(await attachments.forCase(ref)).toMatchObject([
      { id: 'a1', caseRef: ref, storedPath: 'attachments/a1', fileName: '工资条.jpg' },
      { id: 'a2', caseRef: ref, storedPath: 'attachments/a2', size: 2000 },
    ]);
    expect((await attachments.unlinked(input.conversationKey)).map((a) => a.id)).toEqual(['a3']);
    await db.close();
  });

  it('keeps an attachment with the first case it was linked to', async () => {
    const { db, cases, attachments } = await open();
    const one = await cases.createCase(newCase());
    const two = await cases.createCase(newCase());
    await attachments.record({ id: 'x', conversationKey: 'k', fileName: 'f', mimeType: 'image/png', size: 1, createdAt: 1 });
    expect(await attachments.linkToCase(['x'], one.ref)).toBe(1);
    expect(await attachments.linkToCase(['x'], two.ref)).toBe(0);
    expect((await attachments.get('x'))?.caseRef).toBe(one.ref);
    await db.close();
  });

  it('makes urgent and same-day cases due the day they arrive', async () => {
    const { db, cases } = await open();
    const endOfNov22 = Date.UTC(2026, 10, 22, 16) - 1;
    const urgent = await cases.createCase(newCase({ decision: { outcome: 'eligible', urgent: true, sameDay: false } }));
    const sameDay = await cases.createCase(newCase({ decision: { outcome: 'eligible', urgent: false, sameDay: true } }));
    expect([urgent.dueAt, sameDay.dueAt]).toEqual([endOfNov22, endOfNov22]);
    await db.close();
  });

  it('lists open cases urgent first, then by due date', async () => {
    const { db, cases } = await open();
    const early = await cases.createCase(newCase({ at: NOV22_10AM - 3 * DAY }));
    const late = await cases.createCase(newCase({ at: NOV22_10AM }));
    const urgent = await cases.createCase(newCase({ at: NOV22_10AM + HOUR, decision: { outcome: 'eligible', urgent: true, sameDay: false } }));
    const done = await cases.createCase(newCase({ at: NOV22_10AM - 5 * DAY }));
    await cases.applyTransition(done.ref, { type: 'claim' }, wang, NOV22_10AM);
    await cases.applyTransition(done.ref, { type: 'accept', lawyer: '陈律师' }, wang, NOV22_10AM);
    expect((await cases.listOpen({ awaitingDecision: true })).map((c) => c.ref)).toEqual([urgent.ref, early.ref, late.ref]);
    expect((await cases.listOpen()).map((c) => c.ref)).toContain(done.ref);
    expect((await cases.listByAssignee('王芳')).map((c) => c.ref)).toEqual([done.ref]);
    await db.close();
  });

  it('lists a resident’s cases newest first', async () => {
    const { db, cases } = await open();
    const older = await cases.createCase(newCase({ conversationKey: 'web:ana', at: NOV22_10AM }));
    const newer = await cases.createCase(newCase({ conversationKey: 'web:ana', at: NOV22_10AM + DAY }));
    await cases.createCase(newCase({ conversationKey: 'web:bo' }));
    expect((await cases.listByConversation('web:ana')).map((c) => c.ref)).toEqual([newer.ref, older.ref]);
    await db.close();
  });

  it('lets only one of two staff pressing claim at once win', async () => {
    const { db, cases } = await open();
    const { ref } = await cases.createCase(newCase());
    const [a, b] = await Promise.all([
      cases.applyTransition(ref, { type: 'claim' }, wang, NOV22_10AM + HOUR),
      cases.applyTransition(ref, { type: 'claim' }, zhao, NOV22_10AM + HOUR),
    ]);
    expect(a).toMatchObject({ ok: true, record: { status: 'claimed', assignee: '王芳' } });
    expect(b).toEqual({ ok: false, reason: 'already_claimed', by: '王芳' });
    expect((await cases.events(ref)).map((e) => e.action)).toEqual(['submit', 'claim']);
    await db.close();
  });

  it('lets only one claim win across two connections to the same file (bot and CLI)', async () => {
    const bot = await open();
    const { ref } = await bot.cases.createCase(newCase());
    const cli = await open(bot.file);
    const results = await Promise.all([
      bot.cases.applyTransition(ref, { type: 'claim' }, wang, NOV22_10AM + HOUR),
      cli.cases.applyTransition(ref, { type: 'claim' }, zhao, NOV22_10AM + HOUR),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.ok ? winners[0]!.record.assignee : '';
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already_claimed', by: winner });
    expect((await bot.cases.get(ref))?.assignee).toBe(winner);
    await Promise.all([bot.db.close(), cli.db.close()]);
  });

  it('writes the resident’s notice to the outbox in the same transaction as the change', async () => {
    const { db, cases, conversations } = await open();
    const input = newCase();
    const { ref } = await cases.createCase(input);
    const result = await cases.applyTransition(ref, { type: 'claim' }, wang, NOV22_10AM + HOUR, {
      outbound: (record) => [{ payload: { kind: 'text', text: `claimed ${record.ref}`, choices: [] } }],
    });
    expect(result.ok && result.outbox).toMatchObject([{ conversationKey: input.conversationKey, channel: 'telegram', address: input.address }]);
    expect(await conversations.pendingOutbox()).toMatchObject([{ conversationKey: input.conversationKey, payload: { text: `claimed ${ref}` } }]);
    await db.close();
  });

  it('rolls the change back when writing the notice fails', async () => {
    const { db, cases } = await open();
    const { ref } = await cases.createCase(newCase());
    await expect(
      cases.applyTransition(ref, { type: 'claim' }, wang, NOV22_10AM, {
        outbound: () => {
          throw new Error('render failed');
        },
      }),
    ).rejects.toThrow('render failed');
    expect((await cases.get(ref))?.status).toBe('new');
    expect(await cases.events(ref)).toHaveLength(1);
    await db.close();
  });

  it('answers not_found for an unknown reference', async () => {
    const { db, cases } = await open();
    expect(await cases.applyTransition('FY-20260101-0009', { type: 'claim' }, wang, 1)).toEqual({ ok: false, reason: 'not_found' });
    await db.close();
  });

  it('records a rating only for a closed case of that resident, and keeps the comment when rated again', async () => {
    const { db, cases } = await open();
    const input = newCase();
    const { ref } = await cases.createCase(input);
    expect(await cases.recordRating(ref, { score: 5 }, NOV22_10AM)).toEqual({ ok: false, reason: 'not_closed' });
    await cases.applyTransition(ref, { type: 'claim' }, wang, NOV22_10AM);
    await cases.applyTransition(ref, { type: 'decline', note: '超出经济困难标准' }, wang, NOV22_10AM);
    await cases.applyTransition(ref, { type: 'close' }, wang, NOV22_10AM);
    expect(await cases.recordRating(ref, { score: 6 }, NOV22_10AM)).toEqual({ ok: false, reason: 'invalid_rating' });
    expect(await cases.recordRating(ref, { score: 4 }, NOV22_10AM, 'web:someone-else')).toEqual({ ok: false, reason: 'not_found' });
    expect(await cases.recordRating(ref, { score: 4, comment: '很耐心' }, NOV22_10AM, input.conversationKey)).toEqual({ ok: true });
    expect(await cases.recordRating(ref, { score: 3 }, NOV22_10AM + 1)).toEqual({ ok: true });
    expect(await cases.get(ref)).toMatchObject({ rating: 3, ratingComment: '很耐心', ratedAt: NOV22_10AM + 1 });
    await db.close();
  });

  it('lists cases past their decision date', async () => {
    const { db, cases } = await open();
    const old = await cases.createCase(newCase({ at: NOV22_10AM - 10 * DAY }));
    await cases.createCase(newCase({ at: NOV22_10AM }));
    expect((await cases.listOverdue(NOV22_10AM)).map((c) => c.ref)).toEqual([old.ref]);
    await db.close();
  });

  it('counts a month’s cases for the monthly report', async () => {
    const { db, cases } = await open();
    const a = await cases.createCase(newCase({ channel: 'telegram' }));
    const b = await cases.createCase(
      newCase({ channel: 'web', facts: { category: 'domestic_violence', groups: ['registered_poor', 'migrant_worker'] }, decision: { outcome: 'eligible', urgent: true, sameDay: false } }),
    );
    const c = await cases.createCase(newCase({ channel: 'web', decision: { outcome: 'needs_review', urgent: false, sameDay: false } }));
    await cases.createCase(newCase({ at: Date.UTC(2026, 9, 15) })); // October: not counted
    await cases.applyTransition(a.ref, { type: 'claim' }, wang, NOV22_10AM);
    await cases.applyTransition(a.ref, { type: 'accept', lawyer: '陈律师' }, wang, NOV22_10AM + 10 * HOUR);
    await cases.applyTransition(b.ref, { type: 'claim' }, wang, NOV22_10AM);
    await cases.applyTransition(b.ref, { type: 'accept', lawyer: '陈律师' }, wang, NOV22_10AM + 2 * HOUR);
    await cases.applyTransition(b.ref, { type: 'close' }, wang, NOV22_10AM + 3 * HOUR);
    await cases.recordRating(b.ref, { score: 4 }, NOV22_10AM + 4 * HOUR);
    await cases.applyTransition(c.ref, { type: 'claim' }, wang, NOV22_10AM);
    await cases.applyTransition(c.ref, { type: 'decline', note: '超出标准' }, wang, NOV22_10AM + 30 * HOUR);

    const stats = await cases.stats('2026-11');
    expect(stats).toMatchObject({
      month: '2026-11',
      received: 3,
      urgent: 1,
      byCategory: { wages: 2, domestic_violence: 1 },
      byGroup: { migrant_worker: 3, registered_poor: 1 },
      byChannel: { telegram: 1, web: 2 },
      byAssessment: { eligible: 2, needs_review: 1 },
      byStatus: { accepted: 1, closed: 1, declined: 1, new: 0 },
      decided: 3,
      byResolution: { accepted: 2, declined: 1, referred: 0 },
      medianHoursToDecision: 10,
      ratings: { count: 1, average: 4, distribution: { '4': 1 } },
    });
    expect((await cases.stats()).received).toBe(4);
    expect((await cases.stats('2026-10')).received).toBe(1);
    await db.close();
  });

  it('reads damaged JSON columns without failing, treating every contact as unsafe', async () => {
    const { db, cases } = await open();
    const { ref } = await cases.createCase(newCase());
    await db.run("UPDATE cases SET applicant = 'not json', facts = '[]', decision = '{' WHERE ref = ?", [ref]);
    expect(await cases.get(ref)).toMatchObject({ applicant: { relation: 'self', safeToContact: false, chatNotices: false }, facts: {}, decision: { outcome: 'needs_review' } });
    await db.close();
  });
});


// Compile-time: the eligibility engine's types fit what the store reads.
export const decisionFits = (d: Decision): CaseDecision => d;
export const factsFit = (f: ApplicantFacts): CaseFacts => f;

describe('listing cases among many', () => {
  it('finds an old case by part of its reference, and an office’s cases, even when newer ones fill the limit', async () => {
    const { db, cases } = await open();
    const old = await cases.createCase(newCase({ at: NOV22_10AM }));
    const small = await cases.createCase(newCase({ at: NOV22_10AM + HOUR, decision: { ...newCase().decision, route: 'demo-county-center' } }));
    for (let i = 2; i <= 5; i++) await cases.createCase(newCase({ at: NOV22_10AM + i * DAY }));
    expect((await cases.list({ limit: 2 })).map((c) => c.ref)).not.toContain(old.ref);
    expect((await cases.list({ limit: 2, refContains: old.ref.slice(-13) })).map((c) => c.ref)).toEqual([old.ref]);
    expect((await cases.list({ limit: 2, routes: ['demo-county-center'] })).map((c) => c.ref)).toEqual([small.ref]);
    // What staff type is text, never a pattern.
    expect(await cases.list({ refContains: '%' })).toEqual([]);
    await db.close();
  });
});

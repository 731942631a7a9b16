import { describe, expect, it } from 'vitest';
import { CASE_CATALOG } from '../../../src/bot/staff/case-catalog.js';
import { residentNotice } from '../../../src/bot/staff/case-notifications.js';
import { caseStatusReplies, type CaseSummary } from '../../../src/knowledge/cases/case-status-view.js';
import { renderReply } from '../../../src/locales/render.js';
import { NOV22_10AM, TEST_PACK } from '../../fixtures/cases.js';

/** 23:59:59.999 on 22 November 2026 in Beijing: due the same day as NOV22_10AM. */
const END_OF_NOV22 = Date.UTC(2026, 10, 22, 16) - 1;

const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  ref: 'FY-20261122-0001',
  urgent: false,
  sameDay: false,
  category: 'wages',
  status: 'claimed',
  createdAt: NOV22_10AM - 6 * 86_400_000,
  dueAt: END_OF_NOV22,
  lawyer: null,
  rating: null,
  ...overrides,
});

const texts = (cases: CaseSummary[], locale: 'zh-CN' | 'en', now = NOV22_10AM) =>
  caseStatusReplies(cases, TEST_PACK, now).map((r) => renderReply(r, locale, CASE_CATALOG).text).join('\n');

describe('a decision due today', () => {
  it('says 今天 / today, not the date as a deadline, on that same day', () => {
    const zh = texts([summary()], 'zh-CN');
    expect(zh).not.toContain('将在 2026-11-22 前作出决定');
    expect(zh).toContain('今天');
    const en = texts([summary()], 'en');
    expect(en).not.toContain('by 2026-11-22');
    expect(en).toMatch(/decide today/);
  });

  it('still gives the date when the decision is due on a later day, written as residents write dates', () => {
    expect(texts([summary()], 'zh-CN', NOV22_10AM - 86_400_000)).toContain('2026年11月22日');
    expect(texts([summary()], 'en', NOV22_10AM - 86_400_000)).toContain('by 22 November 2026');
  });

  it('says the date once in the notice of a case reviewed again (it read "将在 在 … 前 前")', () => {
    const record = { ...summary({ status: 'claimed' }), applicant: { relation: 'self' }, requestedDocuments: [] } as never;
    const event = { action: 'reopen', from: 'declined', to: 'claimed', actor: { kind: 'staff', id: 's1' }, note: null, details: {}, at: NOV22_10AM - 86_400_000 } as never;
    const notice = residentNotice(record, event, TEST_PACK);
    const zh = notice.send ? renderReply(notice.reply, 'zh-CN', CASE_CATALOG).text : '';
    const en = notice.send ? renderReply(notice.reply, 'en', CASE_CATALOG).text : '';
    expect(zh).toContain('2026年11月22日前作出决定');
    expect(zh).not.toMatch(/在\s*在|前\s*前/);
    expect(en).toContain('decide by 22 November 2026');
    expect(en).not.toContain('by by');
  });

  it('says today in the notice sent when staff pick the case up on its due day', () => {
    const record = { ...summary({ status: 'claimed' }), applicant: { relation: 'self' }, requestedDocuments: [] } as never;
    const event = { action: 'claim', from: 'new', to: 'claimed', actor: { kind: 'staff', id: 's1' }, note: null, details: {}, at: NOV22_10AM } as never;
    const notice = residentNotice(record, event, TEST_PACK);
    expect(notice.send).toBe(true);
    const text = notice.send ? renderReply(notice.reply, 'zh-CN', CASE_CATALOG).text : '';
    expect(text).toContain('今天');
    expect(text).not.toContain('2026-11-22 前');
  });
});

describe('a closed case already rated', () => {
  it('does not invite a rating again', () => {
    const rated = caseStatusReplies([summary({ status: 'closed', rating: 4 })], TEST_PACK, NOV22_10AM);
    expect(rated.every((r) => !(r.choices ?? []).some((c) => c.id.startsWith('rate:')))).toBe(true);
    const zh = rated.map((r) => renderReply(r, 'zh-CN', CASE_CATALOG).text).join('\n');
    expect(zh).not.toMatch(/打分|评价一下|欢迎.*评/);
    const en = rated.map((r) => renderReply(r, 'en', CASE_CATALOG).text).join('\n');
    expect(en).not.toMatch(/rate our service/i);
  });

  it('still invites a rating while the closed case is unrated', () => {
    const zh = texts([summary({ status: 'closed' })], 'zh-CN');
    expect(zh).toContain('打分');
  });
});

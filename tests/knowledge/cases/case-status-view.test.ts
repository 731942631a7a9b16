import { describe, expect, it } from 'vitest';
import { CASE_CATALOG } from '../../../src/bot/staff/case-catalog.js';
import { caseStatusReplies, parseRatingChoice, type CaseSummary } from '../../../src/knowledge/cases/case-status-view.js';
import { renderReply } from '../../../src/locales/render.js';
import { DAY, NOV22_10AM, TEST_PACK } from '../../fixtures/cases.js';

const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  ref: 'FY-20261122-0001',
  urgent: false,
  sameDay: false,
  category: 'wages',
  status: 'new',
  createdAt: NOV22_10AM,
  dueAt: Date.UTC(2026, 10, 29, 16) - 1,
  lawyer: null,
  rating: null,
  ...overrides,
});

const texts = (cases: CaseSummary[], locale: 'zh-CN' | 'en' = 'zh-CN', now = NOV22_10AM) =>
  caseStatusReplies(cases, TEST_PACK, now).map((r) => renderReply(r, locale, CASE_CATALOG));

describe('resident status view', () => {
  it('says when there are no applications and where to ask instead', () => {
    expect(texts([])).toEqual([{ text: expect.stringContaining('12348'), choices: [] }]);
  });

  it('shows each case with its state and next step, then how to complain (LAL 55)', () => {
    const [header, item, complaint] = texts([summary()]);
    expect(header!.text).toBe('您的申请（共 1 件）：');
    expect(item!.text).toContain('申请编号：FY-20261122-0001');
    expect(item!.text).toContain('事项：劳动报酬（欠薪）');
    expect(item!.text).toContain('当前状态：已提交，等待受理');
    expect(item!.text).toContain('在2026年11月29日前作出是否给予法律援助的决定');
    expect(complaint!.text).toContain('第五十五条');
  });

  it('names the lawyer of an accepted case', () => {
    expect(texts([summary({ status: 'accepted', lawyer: '陈律师' })], 'en')[1]!.text).toContain('Your lawyer, 陈律师, will contact you');
  });

  it('tells an urgent same-day case waiting for documents that it is decided the day they are complete', () => {
    expect(texts([summary({ status: 'materials_requested' })])[1]!.text).toContain('材料齐全后，中心将在 7 日内作出决定');
    expect(texts([summary({ status: 'materials_requested', urgent: true, sameDay: true })])[1]!.text).toContain('材料齐全后，中心将当天作出决定');
  });

  // Session 10: "请按通知补充材料" alone; a resident checking the status later did not see which documents, nor that
  // photos can be sent right here.
  it('lists the documents asked for and says they can be sent in this chat', () => {
    const item = texts([summary({ status: 'materials_requested', requestedDocuments: ['id_card'] })])[1]!.text;
    expect(item).toContain('1. 身份证明');
    expect(item).toContain('直接在这里发');
    expect(texts([summary({ status: 'materials_requested', requestedDocuments: ['id_card'] })], 'en')[1]!.text).toContain('send photos or PDFs right here');
  });

  it('says when a decision is overdue', () => {
    expect(texts([summary()], 'zh-CN', NOV22_10AM + 8 * DAY)[1]!.text).toContain('已超过决定期限');
  });

  it('offers rating buttons for a closed case not yet rated, and only then', () => {
    const [, closed, rated] = texts([summary({ status: 'closed' }), summary({ ref: 'FY-20261122-0002', status: 'closed', rating: 4 })]);
    expect(closed!.choices.map((c) => c.id)).toEqual([1, 2, 3, 4, 5].map((n) => `rate:FY-20261122-0001:${n}`));
    expect(rated!.choices).toEqual([]);
  });

  it('reads a rating button back', () => {
    expect(parseRatingChoice('rate:FY-20261122-0001:5')).toEqual({ ref: 'FY-20261122-0001', score: 5 });
    expect(parseRatingChoice('rate:FY-20261122-0001:6')).toBeUndefined();
  });
});

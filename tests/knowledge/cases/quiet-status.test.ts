import { describe, expect, it } from 'vitest';
import { CASE_CATALOG } from '../../../src/bot/staff/case-catalog.js';
import { caseStatusReplies, type CaseSummary } from '../../../src/knowledge/cases/case-status-view.js';
import { renderReply } from '../../../src/locales/render.js';
import { NOV22_10AM, TEST_PACK } from '../../fixtures/cases.js';

const summary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  ref: 'FY-20261122-0001',
  urgent: false,
  sameDay: false,
  category: 'domestic_violence',
  status: 'claimed',
  createdAt: NOV22_10AM - 86_400_000,
  dueAt: NOV22_10AM + 5 * 86_400_000,
  lawyer: null,
  rating: null,
  ...overrides,
});

const texts = (cases: CaseSummary[], locale: 'zh-CN' | 'en') =>
  caseStatusReplies(cases, TEST_PACK, NOV22_10AM).map((r) => renderReply(r, locale, CASE_CATALOG).text).join('\n');

describe('the status of a resident who said no calls and no messages', () => {
  it.each(['new', 'claimed'] as const)('(%s) tells her she checks here herself, and by when, never that staff will contact her', (status) => {
    const quiet = summary({ status, applicant: { safeToContact: false, chatNotices: false } });
    const zh = texts([quiet], 'zh-CN');
    expect(zh).not.toContain('工作人员会联系您');
    expect(zh).toContain('不会主动联系您');
    expect(zh).toContain('2026年11月27日');
    expect(zh).toContain('查询进度');
    const en = texts([quiet], 'en');
    expect(en).not.toMatch(/will contact you/);
    expect(en).toMatch(/will not contact you/);
    expect(en).toContain('27 November 2026');
  });

  it('"do not call, only here": staff may write here, never phone', () => {
    const zh = texts([summary({ applicant: { safeToContact: false } })], 'zh-CN');
    expect(zh).toContain('不会给您打电话');
    expect(zh).not.toContain('如有需要，工作人员会联系您');
  });

  it('a resident who may be called still reads that staff will contact her if needed', () => {
    expect(texts([summary({ applicant: { safeToContact: true } })], 'zh-CN')).toContain('如有需要，工作人员会联系您');
    expect(texts([summary()], 'zh-CN')).toContain('如有需要，工作人员会联系您');
  });
});

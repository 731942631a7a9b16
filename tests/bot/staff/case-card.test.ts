import { describe, expect, it } from 'vitest';
import { parseStaffChoice, renderCaseCard, staffActionNeeds, staffChoiceId } from '../../../src/bot/staff/case-card.js';
import type { CaseStatus } from '../../../src/knowledge/cases/case-lifecycle.js';
import type { CaseRecord } from '../../../src/storage/case-store.js';
import { DAY, NOV22_10AM, TEST_PACK, caseState } from '../../fixtures/cases.js';

const REF = 'FY-20261122-0001';

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    ...caseState({ dueAt: Date.UTC(2026, 10, 29, 16) - 1 }),
    ref: REF,
    submissionId: 's',
    conversationKey: 'telegram:42',
    channel: 'telegram',
    address: '42',
    locale: 'zh-CN',
    category: 'wages',
    region: 'demo-city',
    route: 'demo-city-union',
    facts: {},
    decision: { outcome: 'eligible', meansTest: 'exempt', urgent: false, sameDay: false, documents: ['id_card', 'wage_evidence'] },
    policyVersion: 'demo-2026.1',
    applicant: { name: '李四', phone: '13800000000', relation: 'self', safeToContact: true },
    description: '老板拖欠三个月工资。',
    createdAt: NOV22_10AM,
    updatedAt: NOV22_10AM,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    ...overrides,
  };
}

describe('staff case card', () => {
  it('shows what staff need to decide', () => {
    const { text } = renderCaseCard(record(), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain(`${REF} · 劳动报酬（欠薪）`);
    expect(text).toContain('待认领 New');
    expect(text).toContain('决定期限 Due：2026-11-29 23:59');
    expect(text).toContain('李四');
    expect(text).toContain('13800000000');
    expect(text).toContain('总工会工作站');
    expect(text).toContain('身份证明、欠薪证据');
    expect(text).toContain('符合法律援助条件');
    expect(text).toContain('demo-2026.1');
  });

  it('says who a relative applying is to the applicant, in their words', () => {
    const { text } = renderCaseCard(record({ applicant: { name: '王建国', phone: '13800000000', relation: 'relative', safeToContact: true, kinship: '我是他儿子' } }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain('王建国');
    expect(text).toContain('我是他儿子');
  });

  it.each<[CaseStatus, string[]]>([
    ['new', ['claim']],
    ['claimed', ['materials', 'accept', 'decline', 'refer']],
    ['materials_requested', ['received', 'accept', 'decline', 'refer', 'close']],
    ['accepted', ['close']],
    ['declined', ['close']],
    ['referred', ['close']],
    ['closed', []],
    ['withdrawn', []],
  ])('offers the buttons allowed for a %s case', (status, words) => {
    const { choices } = renderCaseCard(record({ status, assignee: '王芳' }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(choices.map((c) => c.id)).toEqual(words.map((w) => `staff:${w}:${REF}`));
  });

  it('drops the materials button once the one-time notice was given', () => {
    const { choices } = renderCaseCard(record({ status: 'claimed', requestedDocuments: ['id_card'], materialsRequested: true }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(choices.map((c) => c.id)).not.toContain(`staff:materials:${REF}`);
  });

  it('flags urgent and overdue cases', () => {
    const { text } = renderCaseCard(record({ urgent: true, dueAt: NOV22_10AM }), { pack: TEST_PACK, now: NOV22_10AM + DAY });
    expect(text.split('\n')[0]).toMatch(/^🔴 紧急 Urgent/);
    expect(text).toContain('⚠ 已逾期 OVERDUE');
  });

  it('warns staff not to contact a resident at risk', () => {
    const { text } = renderCaseCard(record({ applicant: { relation: 'relative', safeToContact: false, safeTimes: '工作日 9–11 点' } }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain('Do NOT phone or text');
    expect(text).not.toContain('No chat notices');
    expect(text).toContain('工作日 9–11 点');
    expect(text).toContain('近亲属代为申请');
  });

  it('tells staff when not even chat notices are sent', () => {
    const { text } = renderCaseCard(record({ applicant: { relation: 'self', safeToContact: false, chatNotices: false } }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain('No chat notices either');
  });

  it('renders English only on request', () => {
    const { text, choices } = renderCaseCard(record(), { pack: TEST_PACK, now: NOV22_10AM, locale: 'en' });
    expect(text).toContain('Decision due: 2026-11-29 23:59');
    expect(text).not.toContain('决定期限');
    expect(choices[0]!.label).toBe('Claim');
  });

  it('reads its own button ids back', () => {
    expect(parseStaffChoice(staffChoiceId('request_materials', REF))).toEqual({ kind: 'action', action: 'request_materials', ref: REF });
    expect(parseStaffChoice(staffChoiceId('show', REF))).toEqual({ kind: 'show', ref: REF });
    expect(parseStaffChoice('staff:explode:FY-20261122-0001')).toBeUndefined();
    expect(parseStaffChoice('menu.ask')).toBeUndefined();
  });

  it.each([
    ['claim', null],
    ['request_materials', 'documents'],
    ['accept', 'lawyer'],
    ['decline', 'reason'],
    ['refer', 'destination'],
    ['close', null],
  ] as const)('knows that %s needs %s before it can be applied', (action, need) => {
    expect(staffActionNeeds(action)).toBe(need);
  });
});

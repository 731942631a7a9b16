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
    expect(text).toContain('待认领');
    expect(text).toContain('决定期限：2026-11-29 23:59');
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

  it('names the relative who applied, the person staff phone (session 20)', () => {
    const applicant = { name: '张小军', phone: '13900000000', relation: 'relative' as const, safeToContact: true, kinship: '父母', relativeName: '王秀兰' };
    expect(renderCaseCard(record({ applicant }), { pack: TEST_PACK, now: NOV22_10AM }).text).toContain('代为申请的亲属：王秀兰');
    expect(renderCaseCard(record({ applicant }), { pack: TEST_PACK, now: NOV22_10AM, locale: 'en' }).text).toContain('The relative who applied: 王秀兰');
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
    expect(text.split('\n')[0]).toMatch(/^🔴 紧急 /);
    expect(text).toContain('⚠ 已逾期');
  });

  it('warns staff not to contact a resident at risk', () => {
    const { text } = renderCaseCard(record({ applicant: { relation: 'relative', safeToContact: false, safeTimes: '工作日 9–11 点' } }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain('请勿打电话或发短信');
    expect(text).not.toContain('也不推送聊天通知');
    expect(text).toContain('工作日 9–11 点');
    expect(text).toContain('近亲属代为申请');
  });

  it('tells staff when not even chat notices are sent', () => {
    const { text } = renderCaseCard(record({ applicant: { relation: 'self', safeToContact: false, chatNotices: false } }), { pack: TEST_PACK, now: NOV22_10AM });
    expect(text).toContain('也不推送聊天通知');
  });

  // Session 17: "申请人 Applicant：王建国（近亲属代为申请 relative）　电话 Phone：138…" read as 王建国's own number — he may be
  // the one held by the police. The card says whose number it is, and a zh-CN card has no English in its lines.
  it("says whose phone the number is: the applicant's own, or the relative's who applied", () => {
    const own = renderCaseCard(record(), { pack: TEST_PACK, now: NOV22_10AM }).text;
    expect(own).toMatch(/电话：13800000000（申请人本人的）/);
    const relative = renderCaseCard(record({ applicant: { name: '王建国', phone: '13900000000', relation: 'relative', safeToContact: true, kinship: '我是他儿子' } }), {
      pack: TEST_PACK,
      now: NOV22_10AM,
    }).text;
    expect(relative).toMatch(/电话：13900000000（代为申请的亲属的，不是申请人本人的）/);
    const en = renderCaseCard(record({ applicant: { name: 'Wang', phone: '13900000000', relation: 'relative', safeToContact: true } }), { pack: TEST_PACK, now: NOV22_10AM, locale: 'en' }).text;
    expect(en).toContain("Phone: 13900000000 (the relative who applied, not the applicant's own)");
  });

  it('writes a zh-CN card in Chinese only: no English words beside the Chinese', () => {
    const busy = record({
      status: 'materials_requested',
      urgent: true,
      sameDay: true,
      dueAt: NOV22_10AM,
      assignee: '王芳',
      lawyer: '张律师',
      requestedDocuments: ['id_card'],
      applicant: { name: '李四', phone: '13800000000', relation: 'relative', safeToContact: false, chatNotices: false, safeTimes: '工作日上午', contactWords: '他会翻我手机', kinship: '女儿' },
    });
    const { text, choices } = renderCaseCard(busy, { pack: TEST_PACK, now: NOV22_10AM + DAY });
    // The reference (FY-…), the policy version and the channel's own name are the only Latin letters left.
    const words = text.replace(/FY-\d{8}-\d{4}/g, '').replace(/demo-2026\.1/g, '').replace(/Telegram/g, '').match(/[A-Za-z]{2,}/g) ?? [];
    expect(words).toEqual([]);
    for (const c of choices) expect(c.label).not.toMatch(/[A-Za-z]{2,}/);
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

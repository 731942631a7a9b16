import { describe, expect, it } from 'vitest';
import { noticePayload, residentNotice } from '../../../src/bot/staff/case-notifications.js';
import type { Actor, CaseEvent } from '../../../src/knowledge/cases/case-lifecycle.js';
import type { CaseRecord } from '../../../src/storage/case-store.js';
import { NOV22_10AM, TEST_PACK, caseState } from '../../fixtures/cases.js';

const wang: Actor = { kind: 'staff', name: '王芳' };

function record(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    ...caseState({ status: 'claimed', assignee: '王芳', dueAt: Date.UTC(2026, 10, 29, 16) - 1 }),
    ref: 'FY-20261122-0001',
    submissionId: 's',
    conversationKey: 'telegram:42',
    channel: 'telegram',
    address: '42',
    locale: 'zh-CN',
    category: 'wages',
    region: 'demo-city',
    route: 'demo-city-union',
    facts: {},
    decision: { outcome: 'eligible', urgent: false, sameDay: false },
    policyVersion: 'v1',
    applicant: { relation: 'self', safeToContact: true },
    description: '',
    createdAt: NOV22_10AM,
    updatedAt: NOV22_10AM,
    rating: null,
    ratingComment: null,
    ratedAt: null,
    ...overrides,
  };
}

function event(action: CaseEvent['action'], overrides: Partial<CaseEvent> = {}): CaseEvent {
  return { action, from: 'claimed', to: 'claimed', actor: wang, note: null, details: {}, at: NOV22_10AM, ...overrides };
}

function text(r: CaseRecord, e: CaseEvent): { text: string; choices: { id: string; label: string }[] } {
  const notice = residentNotice(r, e, TEST_PACK);
  if (!notice.send) throw new Error(`not sent: ${notice.reason}`);
  const payload = noticePayload(r, notice.reply);
  if (payload.kind !== 'text') throw new Error('not text');
  return payload;
}

describe('resident notifications', () => {
  it('tells the resident their application is being reviewed and by when it is decided', () => {
    expect(text(record(), event('claim')).text).toContain('FY-20261122-0001 已由法律援助中心工作人员受理审查，将在2026年11月29日前作出决定');
  });

  it('lists every missing document in one notice (一次性告知)', () => {
    const r = record({ status: 'materials_requested', requestedDocuments: ['id_card', 'wage_evidence'], dueAt: null });
    const { text: body } = text(r, event('request_materials', { details: { documents: ['id_card', 'wage_evidence'] }, note: '请补充近三个月的考勤' }));
    expect(body).toContain('一次性告知');
    expect(body).toContain('1. 身份证明\n2. 欠薪证据（工资条、考勤记录等）');
    expect(body).toContain('说明：请补充近三个月的考勤');
    expect(body).toContain('7 日内作出决定');
  });

  // Found working a case (session 4): an urgent same-day case was told "today" when claimed, then "within 7 days" in the materials request.
  it('tells an urgent same-day case it is decided the day its documents are complete, not within 7 days', () => {
    const r = record({ status: 'materials_requested', urgent: true, sameDay: true, requestedDocuments: ['id_card'], dueAt: null });
    const { text: body } = text(r, event('request_materials', { details: { documents: ['id_card'] } }));
    expect(body).toContain('材料齐全后，中心将当天作出决定');
    expect(body).not.toContain('7 日内');
    const en = text({ ...r, locale: 'en' }, event('request_materials', { details: { documents: ['id_card'] } })).text;
    expect(en).toContain('the centre decides on the day it is complete');
  });

  it('names the lawyer and says aid is free on acceptance', () => {
    const { text: body } = text(record({ status: 'accepted', lawyer: '陈律师' }), event('accept', { details: { lawyer: '陈律师' } }));
    expect(body).toContain('承办律师：陈律师');
    expect(body).toContain('不得向您收取任何费用');
  });

  it('gives the reason for a decline and how to object to the justice bureau (LAL 49)', () => {
    const { text: body } = text(record({ status: 'declined' }), event('decline', { note: '家庭人均收入超出当地标准' }));
    expect(body).toContain('理由：家庭人均收入超出当地标准');
    expect(body).toContain('司法行政部门（司法局）提出');
    expect(body).toContain('第四十九条');
    expect(body).toContain('5 日内');
  });

  it('asks for a 1–5 rating after closing, with buttons, and says how to complain (LAL 55)', () => {
    const { text: body, choices } = text(record({ status: 'closed' }), event('close'));
    expect(body).toContain('第五十五条');
    expect(body).toContain('12348');
    expect(choices.map((c) => c.id)).toEqual([1, 2, 3, 4, 5].map((n) => `rate:FY-20261122-0001:${n}`));
    expect(choices[4]!.label).toBe('5 分');
  });

  /**
   * Session 16: a case closed while waiting for materials (they never came: the application counts as withdrawn,
   * LAL 43) told the resident 已办结。感谢您的信任！ and asked for a rating, as if aid had been given. They are
   * told it ended because the materials did not arrive, and that they may apply again.
   */
  it('tells a resident whose materials never came that the application ended for that, and that they may apply again', () => {
    const closed = record({ status: 'closed' });
    const { text: body, choices } = text(closed, event('close', { from: 'materials_requested', to: 'closed', note: '三次电话未接通' }));
    expect(body).toContain('FY-20261122-0001');
    expect(body).toContain('补充材料');
    expect(body).toContain('撤回');
    expect(body).toContain('重新申请');
    expect(body).toContain('三次电话未接通');
    expect(body).toContain('12348');
    expect(body).not.toContain('感谢您的信任');
    expect(choices).toEqual([]);
    const en = text({ ...closed, locale: 'en' }, event('close', { from: 'materials_requested', to: 'closed' })).text;
    expect(en).toContain('apply again');
    // A case closed after aid was given keeps the thanks and the rating.
    expect(text(closed, event('close', { from: 'accepted', to: 'closed' })).text).toContain('感谢您的信任');
  });

  it('writes in the resident’s language', () => {
    const { text: body } = text(record({ locale: 'en', status: 'declined' }), event('decline', { note: 'income above the standard' }));
    expect(body).toContain('was not approved. Reason: income above the standard');
    expect(body).toContain('art. 49');
  });

  it('still writes in the chat to a resident who must not be phoned: they asked to be contacted here', () => {
    const r = record({ applicant: { relation: 'self', safeToContact: false } });
    expect(residentNotice(r, event('claim'), TEST_PACK)).toMatchObject({ send: true });
  });

  it('sends nothing when the resident said even chat messages are unsafe', () => {
    const r = record({ applicant: { relation: 'self', safeToContact: false, chatNotices: false } });
    expect(residentNotice(r, event('accept', { details: { lawyer: '陈律师' } }), TEST_PACK)).toEqual({ send: false, reason: 'chat_not_safe' });
  });

  it('sends nothing for what the resident did in the chat themselves', () => {
    expect(residentNotice(record(), event('withdraw', { actor: { kind: 'resident', name: 'resident' } }), TEST_PACK)).toEqual({
      send: false,
      reason: 'resident_action',
    });
  });

  it('confirms a withdrawal staff recorded at the resident’s request', () => {
    expect(text(record({ status: 'withdrawn' }), event('withdraw')).text).toContain('已撤回');
  });
});

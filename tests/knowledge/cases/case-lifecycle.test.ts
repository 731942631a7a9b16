import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  NEXT_STEP_KEYS,
  STATUS_KEYS,
  allowedActions,
  dueDate,
  isOverdue,
  transition,
  type Actor,
  type CaseAction,
  type CaseStatus,
} from '../../../src/knowledge/cases/case-lifecycle.js';
import { caseMessages } from '../../../src/locales/cases.js';
import { DAY, HOUR, NOV22_10AM, caseState } from '../../fixtures/cases.js';

const staff: Actor = { kind: 'staff', name: '王芳' };
const resident: Actor = { kind: 'resident', name: 'resident' };
const beijing = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const endOfDay = (y: number, m: number, d: number) => beijing(y, m, d + 1) - 1;

const ACTIONS: Record<CaseAction['type'], CaseAction> = {
  claim: { type: 'claim' },
  request_materials: { type: 'request_materials', documents: ['id_card'] },
  materials_received: { type: 'materials_received' },
  accept: { type: 'accept', lawyer: '陈律师' },
  decline: { type: 'decline', note: '不属于法律援助事项范围' },
  refer: { type: 'refer', note: '示例县法律援助中心' },
  close: { type: 'close' },
  withdraw: { type: 'withdraw' },
  reopen: { type: 'reopen', note: '异议成立' },
};

describe('case lifecycle', () => {
  it.each<[CaseStatus, CaseAction['type'], Actor, CaseStatus]>([
    ['new', 'claim', staff, 'claimed'],
    ['claimed', 'request_materials', staff, 'materials_requested'],
    ['materials_requested', 'materials_received', staff, 'claimed'],
    ['claimed', 'accept', staff, 'accepted'],
    ['claimed', 'decline', staff, 'declined'],
    ['claimed', 'refer', staff, 'referred'],
    ['materials_requested', 'accept', staff, 'accepted'],
    ['materials_requested', 'decline', staff, 'declined'],
    ['materials_requested', 'refer', staff, 'referred'],
    ['accepted', 'close', staff, 'closed'],
    ['declined', 'close', staff, 'closed'],
    ['referred', 'close', staff, 'closed'],
    // LAL 43: missing materials never supplied count as a withdrawal; staff close the file.
    ['materials_requested', 'close', staff, 'closed'],
    ['new', 'withdraw', resident, 'withdrawn'],
    ['claimed', 'withdraw', resident, 'withdrawn'],
    ['materials_requested', 'withdraw', resident, 'withdrawn'],
    ['accepted', 'withdraw', resident, 'withdrawn'],
    ['claimed', 'withdraw', staff, 'withdrawn'],
  ])('allows %s --%s by %o--> %s', (from, action, actor, to) => {
    const result = transition(caseState({ status: from, assignee: from === 'new' ? null : '王芳' }), ACTIONS[action], actor, NOV22_10AM);
    expect(result).toMatchObject({ ok: true, next: { status: to }, event: { from, to, action, actor, at: NOV22_10AM } });
  });

  it.each<[CaseStatus, CaseAction['type'], Actor, string]>([
    ['new', 'accept', staff, 'not_allowed'],
    ['new', 'close', staff, 'not_allowed'],
    ['closed', 'claim', staff, 'not_allowed'],
    ['closed', 'withdraw', resident, 'not_allowed'],
    ['declined', 'withdraw', resident, 'not_allowed'],
    ['withdrawn', 'close', staff, 'not_allowed'],
    ['accepted', 'accept', staff, 'not_allowed'],
    ['new', 'claim', resident, 'wrong_actor'],
    ['claimed', 'accept', resident, 'wrong_actor'],
    ['materials_requested', 'request_materials', staff, 'materials_already_requested'],
  ])('refuses %s --%s by %o (%s)', (from, action, actor, reason) => {
    expect(transition(caseState({ status: from, assignee: '王芳' }), ACTIONS[action], actor, NOV22_10AM)).toMatchObject({ ok: false, reason });
  });

  it('makes the claimer the assignee', () => {
    const result = transition(caseState(), { type: 'claim' }, staff, NOV22_10AM);
    expect(result.ok && result.next.assignee).toBe('王芳');
  });

  it('tells a second claimer who claimed the case first', () => {
    const claimed = caseState({ status: 'claimed', assignee: '王芳' });
    expect(transition(claimed, { type: 'claim' }, { kind: 'staff', name: '赵强' }, NOV22_10AM)).toEqual({
      ok: false,
      reason: 'already_claimed',
      by: '王芳',
    });
  });

  it('gives the one-time notice of missing materials only once, even after they arrived (LAL 43)', () => {
    const asked = transition(caseState({ status: 'claimed', assignee: '王芳' }), ACTIONS.request_materials, staff, NOV22_10AM);
    if (!asked.ok) throw new Error('request refused');
    const received = transition(asked.next, ACTIONS.materials_received, staff, NOV22_10AM + DAY);
    if (!received.ok) throw new Error('receipt refused');
    expect(transition(received.next, ACTIONS.request_materials, staff, NOV22_10AM + 2 * DAY)).toEqual({
      ok: false,
      reason: 'materials_already_requested',
    });
    expect(allowedActions('claimed', 'staff', received.next)).not.toContain('request_materials');
  });

  it('needs at least one document to request materials, and lists each once', () => {
    const claimed = caseState({ status: 'claimed', assignee: '王芳' });
    expect(transition(claimed, { type: 'request_materials', documents: [' ', ''] }, staff, NOV22_10AM)).toMatchObject({ reason: 'missing_documents' });
    const result = transition(claimed, { type: 'request_materials', documents: ['id_card', 'id_card', 'wage_evidence'] }, staff, NOV22_10AM);
    expect(result.ok && result.event.details.documents).toEqual(['id_card', 'wage_evidence']);
  });

  it('stops the decision clock while materials are missing and restarts it when they arrive', () => {
    const asked = transition(caseState({ status: 'claimed', assignee: '王芳' }), ACTIONS.request_materials, staff, NOV22_10AM);
    if (!asked.ok) throw new Error('request refused');
    expect(asked.next.dueAt).toBeNull();
    const received = transition(asked.next, ACTIONS.materials_received, staff, beijing(2026, 11, 25, 15));
    expect(received.ok && received.next.dueAt).toBe(endOfDay(2026, 12, 2));
  });

  it.each<[string, CaseAction, string]>([
    ['accept without a lawyer', { type: 'accept', lawyer: '  ' }, 'missing_lawyer'],
    ['decline without a reason (LAL 43: refusal with reasons)', { type: 'decline', note: '' }, 'missing_note'],
    ['refer without a destination', { type: 'refer', note: ' ' }, 'missing_note'],
  ])('refuses to %s', (_, action, reason) => {
    expect(transition(caseState({ status: 'claimed', assignee: '王芳' }), action, staff, NOV22_10AM)).toMatchObject({ ok: false, reason });
  });

  it('records the decision, its time and the lawyer on acceptance', () => {
    const result = transition(caseState({ status: 'claimed', assignee: '王芳' }), ACTIONS.accept, staff, NOV22_10AM + HOUR);
    expect(result).toMatchObject({
      ok: true,
      next: { resolution: 'accepted', decidedAt: NOV22_10AM + HOUR, lawyer: '陈律师' },
      event: { details: { lawyer: '陈律师' } },
    });
  });

  it('keeps the decision when the case is closed', () => {
    const result = transition(caseState({ status: 'declined', resolution: 'declined', decidedAt: 1 }), ACTIONS.close, staff, NOV22_10AM);
    expect(result.ok && result.next).toMatchObject({ status: 'closed', resolution: 'declined', decidedAt: 1 });
  });

  it('has a status name and a next step for the resident in both languages for every status', () => {
    for (const status of CASE_STATUSES) {
      expect(caseMessages).toHaveProperty([NEXT_STEP_KEYS[status]]);
      expect(caseMessages).toHaveProperty([STATUS_KEYS[status]]);
    }
  });
});

describe('decision due date (calendar days, Asia/Shanghai)', () => {
  it.each<[string, number, boolean, number]>([
    ['7 days from Sunday 10:00 ends the next Sunday', beijing(2026, 11, 22, 10), false, endOfDay(2026, 11, 29)],
    ['a late-night application counts from that day', beijing(2026, 11, 22, 23, 30), false, endOfDay(2026, 11, 29)],
    ['just after midnight Beijing time is the next day, though UTC is still the day before', beijing(2026, 11, 23, 0, 30), false, endOfDay(2026, 11, 30)],
    ['the period runs over a month end', beijing(2026, 11, 28, 9), false, endOfDay(2026, 12, 5)],
    ['the period runs over a year end', beijing(2026, 12, 30, 9), false, endOfDay(2027, 1, 6)],
    ['urgent cases (LAL 44) are due the same day', beijing(2026, 11, 22, 10), true, endOfDay(2026, 11, 22)],
    ['an urgent case arriving late at night is still due that day', beijing(2026, 11, 22, 23, 50), true, endOfDay(2026, 11, 22)],
  ])('%s', (_, at, urgent, due) => {
    expect(dueDate(at, urgent, 7, 'Asia/Shanghai')).toBe(due);
  });

  it('uses the pack’s number of days', () => {
    expect(dueDate(beijing(2026, 11, 22, 10), false, 3, 'Asia/Shanghai')).toBe(endOfDay(2026, 11, 25));
  });
});

describe('overdue', () => {
  const due = NOV22_10AM + 7 * DAY;
  it.each<[CaseStatus, number | null, number, boolean]>([
    ['new', due, due + 1, true],
    ['claimed', due, due + 1, true],
    ['claimed', due, due, false],
    ['claimed', due, due - HOUR, false],
    ['materials_requested', null, due + DAY, false],
    ['accepted', due, due + DAY, false],
    ['closed', due, due + DAY, false],
  ])('%s due %s at %s: overdue %s', (status, dueAt, now, overdue) => {
    expect(isOverdue({ status, dueAt }, now)).toBe(overdue);
  });
});

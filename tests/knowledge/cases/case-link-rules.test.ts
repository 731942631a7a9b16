import { describe, expect, it } from 'vitest';
import {
  LINK_CODE_TTL_MS,
  LINK_LOCK_MS,
  attemptsCarried,
  judgeAttempt,
  judgeRequest,
  readCaseRefText,
  readLinkCode,
  type LinkCodeState,
} from '../../../src/knowledge/cases/case-link-rules.js';

const T = 1_800_000_000_000;
const state = (over: Partial<LinkCodeState> = {}): LinkCodeState => ({
  ref: 'FY-20261201-0001', codeHash: 'h', salt: 's', conversationKey: 'web:b', issuedAt: T, expiresAt: T + LINK_CODE_TTL_MS,
  attempts: 0, lockedUntil: null, usedAt: null, ...over,
});

describe('reading what the resident types', () => {
  it('reads reference numbers as residents type them', () => {
    for (const typed of ['FY-20261201-0001', 'fy-20261201-0001', ' FY 20261201 0001 ', 'ＦＹ－２０２６１２０１－０００１', '我的编号是FY-20261201-0001', 'fy202612010001', 'whats the status of FY-20261201-0001', 'check fy 20261201 0001 please']) {
      expect(readCaseRefText(typed), typed).toBe('FY-20261201-0001');
    }
    for (const typed of ['FY-2026-0001', '20261201-0001', 'XFY-20261201-0001', '老板欠我工资']) expect(readCaseRefText(typed), typed).toBeUndefined();
  });

  it('reads six digits, full-width too, and nothing else', () => {
    expect(readLinkCode(' 123 456 ')).toBe('123456');
    expect(readLinkCode('１２３４５６')).toBe('123456');
    for (const typed of ['12345', '1234567', '12a456', '']) expect(readLinkCode(typed)).toBeUndefined();
  });
});

describe('judging codes', () => {
  it('links on the right code in the asking conversation, once', () => {
    expect(judgeAttempt(state(), 'web:b', true, T + 1)).toEqual({ verdict: 'linked', next: { attempts: 0, lockedUntil: null, usedAt: T + 1 } });
    expect(judgeAttempt(state({ usedAt: T + 1 }), 'web:b', true, T + 2).verdict).toBe('expired');
    expect(judgeAttempt(state(), 'web:other', true, T + 1).verdict).toBe('expired');
  });

  it('refuses a code after ten minutes without counting a try', () => {
    expect(judgeAttempt(state(), 'web:b', true, T + LINK_CODE_TTL_MS)).toEqual({ verdict: 'expired', next: null });
  });

  it('locks on the fifth wrong code for thirty minutes, then a new code starts from zero', () => {
    expect(judgeAttempt(state({ attempts: 3 }), 'web:b', false, T + 1)).toEqual({ verdict: 'wrong', next: { attempts: 4, lockedUntil: null, usedAt: null } });
    const locked = judgeAttempt(state({ attempts: 4 }), 'web:b', false, T + 1);
    expect(locked).toEqual({ verdict: 'locked', next: { attempts: 5, lockedUntil: T + 1 + LINK_LOCK_MS, usedAt: null } });
    const after = state({ attempts: 5, lockedUntil: T + 1 + LINK_LOCK_MS });
    expect(judgeAttempt(after, 'web:b', true, T + 2).verdict).toBe('locked');
    expect(judgeRequest(after, 'web:b', T + 2)).toBe('hold');
    expect(judgeRequest(after, 'web:b', T + 2 + LINK_LOCK_MS)).toBe('issue');
    expect(attemptsCarried(after, T + 2 + LINK_LOCK_MS)).toBe(0);
    expect(attemptsCarried(state({ attempts: 3 }), T + 5)).toBe(3);
  });

  it('does not text again within a minute of the last code', () => {
    expect(judgeRequest(state(), 'web:b', T + 30_000)).toBe('hold');
    expect(judgeRequest(state(), 'web:b', T + 61_000)).toBe('issue');
    expect(judgeRequest(undefined, 'web:b', T)).toBe('issue');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { overdueReply, startOverdueReminder } from '../../../src/bot/staff/overdue-reminder.js';
import type { CaseRecord } from '../../../src/storage/case-store.js';
import { DAY, HOUR, NOV22_10AM, TEST_PACK } from '../../fixtures/cases.js';

function overdueCase(ref: string): CaseRecord {
  return { ref, status: 'new', urgent: false, sameDay: false, dueAt: NOV22_10AM - DAY, category: 'wages', assignee: null, decidedAt: null } as CaseRecord;
}

describe('overdue reminder', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces each overdue case once, then again after the repeat interval', async () => {
    let now = NOV22_10AM;
    let overdue = [overdueCase('FY-20261110-0001')];
    const announced: string[][] = [];
    const reminder = startOverdueReminder({
      cases: { listOverdue: async () => overdue },
      intervalMs: 60_000,
      repeatMs: 24 * HOUR,
      announce: (cases) => void announced.push(cases.map((c) => c.ref)),
      now: () => now,
    });
    await reminder.check();
    await reminder.check();
    overdue = [...overdue, overdueCase('FY-20261111-0001')];
    now += HOUR;
    await reminder.check();
    now += DAY;
    await reminder.check();
    await reminder.stop();
    expect(announced).toEqual([['FY-20261110-0001'], ['FY-20261111-0001'], ['FY-20261110-0001', 'FY-20261111-0001']]);
  });

  it('checks on its own every interval until stopped', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const reminder = startOverdueReminder({
      cases: {
        listOverdue: async () => {
          calls++;
          return [];
        },
      },
      intervalMs: 10,
      announce: () => undefined,
    });
    await vi.advanceTimersByTimeAsync(35);
    await reminder.stop();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(3);
  });

  it('keeps going after a failed check', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const reminder = startOverdueReminder({
      cases: {
        listOverdue: async () => {
          calls++;
          throw new Error('database is locked');
        },
      },
      intervalMs: 10,
      announce: () => undefined,
      logger: { info: () => undefined, error: (obj: unknown) => void errors.push(obj) },
    });
    await vi.advanceTimersByTimeAsync(25);
    await reminder.stop();
    expect(calls).toBe(2);
    expect(errors[0]).toEqual({ err: 'database is locked' });
  });

  it('writes the staff reminder with a button per case', () => {
    const reply = overdueReply([overdueCase('FY-20261110-0001')], TEST_PACK, NOV22_10AM);
    expect(reply.text).toContain('逾期提醒（1）');
    expect(reply.text).toContain('FY-20261110-0001');
    expect(reply.choices).toEqual([{ id: 'staff:show:FY-20261110-0001', label: 'FY-20261110-0001' }]);
  });

  it('names the assignee of a case claimed in the console as colleagues know them', () => {
    const claimed = { ...overdueCase('FY-20261110-0002'), status: 'claimed', assignee: 'wangfang' } as CaseRecord;
    const reply = overdueReply([claimed], TEST_PACK, NOV22_10AM, 'zh-CN', (login) => (login === 'wangfang' ? '王芳' : login));
    expect(reply.text).toContain('王芳');
    expect(reply.text).not.toContain('wangfang');
  });
});

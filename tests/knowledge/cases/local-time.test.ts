import { describe, expect, it } from 'vitest';
import { endOfLocalDay, formatLocalDateTime, localDate, monthOf, monthRange } from '../../../src/knowledge/cases/local-time.js';

describe('local time', () => {
  it('reads the calendar day in the centre’s zone, not the server’s', () => {
    expect(localDate(Date.UTC(2026, 10, 22, 17, 0), 'Asia/Shanghai')).toEqual({ year: 2026, month: 11, day: 23 });
    expect(localDate(Date.UTC(2026, 10, 22, 17, 0), 'UTC')).toEqual({ year: 2026, month: 11, day: 22 });
  });

  it('ends a day at its last millisecond', () => {
    expect(endOfLocalDay({ year: 2026, month: 11, day: 22 }, 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 22, 16, 0) - 1);
  });

  it('handles a day with a daylight-saving change', () => {
    // 2026-03-08 is 23 hours long in New York.
    const end = endOfLocalDay({ year: 2026, month: 3, day: 8 }, 'America/New_York');
    expect(formatLocalDateTime(end, 'America/New_York')).toBe('2026-03-08 23:59');
    expect(formatLocalDateTime(end + 1, 'America/New_York')).toBe('2026-03-09 00:00');
  });

  it('gives a month’s bounds in the zone', () => {
    expect(monthRange('2026-12', 'Asia/Shanghai')).toEqual({ from: Date.UTC(2026, 10, 30, 16), to: Date.UTC(2026, 11, 31, 16) });
    expect(monthOf(Date.UTC(2026, 10, 30, 17), 'Asia/Shanghai')).toBe('2026-12');
  });

  it('rejects a month not written YYYY-MM', () => {
    expect(() => monthRange('2026-13', 'Asia/Shanghai')).toThrow(/YYYY-MM/);
  });
});

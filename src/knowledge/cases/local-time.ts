/**
 * Calendar arithmetic in the policy pack's time zone: what "today", "the end of the day" and
 * "this month" mean for a legal aid centre, whatever zone the server runs in.
 */

/** A calendar day in some time zone. `month` is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(at: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at instant `at` (480 minutes for Asia/Shanghai). */
function offsetMs(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (at - (at % 1000));
}

/** The calendar day of instant `at` in `timeZone`. */
export function localDate(at: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(at, timeZone);
  return { year, month, day };
}

/** `date` plus `days` calendar days (months and years roll over). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The instant local midnight begins `date` in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  // Correct twice: the offset at the guess may differ from the offset at local midnight (DST).
  const first = guess - offsetMs(guess, timeZone);
  return guess - offsetMs(first, timeZone);
}

/** The last millisecond of `date` in `timeZone`. */
export function endOfLocalDay(date: LocalDate, timeZone: string): number {
  return startOfLocalDay(addDays(date, 1), timeZone) - 1;
}

/** `20261122` */
export function compactDate(date: LocalDate): string {
  return `${date.year}${pad(date.month)}${pad(date.day)}`;
}

/** `2026-11-22` */
export function isoDate(date: LocalDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2026-11-22 17:05` in `timeZone`: how deadlines are shown to staff and residents. */
export function formatLocalDateTime(at: number, timeZone: string): string {
  const w = wallClock(at, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/** `YYYY-MM`, the month of instant `at` in `timeZone`. */
export function monthOf(at: number, timeZone: string): string {
  const d = localDate(at, timeZone);
  return `${d.year}-${pad(d.month)}`;
}

/** Whether `text` is a month written `YYYY-MM`. */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The instants a `YYYY-MM` month starts (inclusive) and ends (exclusive) in `timeZone`. */
export function monthRange(month: string, timeZone: string): { from: number; to: number } {
  if (!isMonth(month)) throw new RangeError(`"${month}" is not a month: write it as YYYY-MM, for example 2026-11.`);
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: m + 1, day: 1 };
  return { from: startOfLocalDay({ year, month: m, day: 1 }, timeZone), to: startOfLocalDay(next, timeZone) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

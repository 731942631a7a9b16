import { readDays, readNumber } from './number-words.js';

/**
 * Days until a deadline when residents name the day instead of counting: "后天就开庭了", "12月10日开庭",
 * "下个月15号", "下周三", "15号", "on the 15th", "next Monday". `today` is the date in the policy pack's
 * time zone (ISO `YYYY-MM-DD`). `null` when the text names no day (a count of days, "5天", is
 * `readDays`'s); a day already past is not read.
 */
export function readDeadline(input: string, today: string): number | null {
  const text = stripDeadlineWords(input);
  const relative = RELATIVE[text];
  if (relative !== undefined) return relative;
  const target = namedDay(text, parseIso(today));
  if (!target) return null;
  const days = Math.round((target.getTime() - parseIso(today).getTime()) / DAY_MS);
  return days >= 0 ? days : null;
}

const DAY_MS = 86_400_000;
const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, today: 0, 明天: 1, 明日: 1, tomorrow: 1, 后天: 2, 大后天: 3, 'the day after tomorrow': 2 };
const WEEKDAYS_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS_EN = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "后天就开庭了" → "后天": what the deadline is (开庭, 截止…) and the particles around the day. */
export function stripDeadlineWords(input: string): string {
  return input
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[。.!！,，]+$/u, '')
    .replace(/^(还有|只有|还剩|剩下?|大概|大约|离|距离|is |it'?s |the hearing is |hearing is )/u, '')
    // What the deadline is, said first: "court on 20 december", "the hearing date is dec 20", "开庭是12月20号".
    .replace(/^(?:the |our |my |his |her )?(?:court|hearing|trial|arbitration|deadline|case)(?: date| day| hearing)?(?: is)?(?: on| in)? (?=\S)/u, '')
    .replace(/^(?:开庭|截止|仲裁|起诉|上诉|宣判)(?:日期|时间|日子)?(?:是|在|定在|定的是)/u, '')
    .replace(/(就要|就|要|得|需要)?(开庭|截止|到期|起诉|仲裁|上诉|判决|宣判|审理|过期)(了|啦|日期?)?$/u, '')
    .replace(/(就|要)$/u, '')
    // "十天后", "10 days later": the count.
    .replace(/(天|日|周|星期|礼拜|个月)(以后|之后|后)$/u, '$1')
    .replace(/ (days?|weeks?|months?) (later|from now|away|from today|time)$/u, ' $1')
    .replace(/\s+/g, ' ')
    .trim();
}

function parseIso(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** A calendar date that exists (no 2月30日). */
function validDate(y: number, m: number, d: number): Date | null {
  const date = utc(y, m, d);
  return date.getUTCMonth() === ((m % 12) + 12) % 12 && date.getUTCDate() === d ? date : null;
}

/** Monday = 1 … Sunday = 7. */
const isoWeekday = (date: Date) => ((date.getUTCDay() + 6) % 7) + 1;

function weekday(today: Date, day: number, nextWeek: boolean): Date {
  const monday = utc(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - isoWeekday(today) + 1);
  let date = utc(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate() + day - 1 + (nextWeek ? 7 : 0));
  // "周三" said on a Thursday means the coming one.
  if (!nextWeek && date < today) date = utc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 7);
  return date;
}

/** The day of the month `day`, this month if it is still ahead, else next month; `months` ahead when said. */
function dayOfMonth(today: Date, day: number, months: number | null): Date | null {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  if (months !== null) return validDate(y, m + months, day) ?? null;
  const thisMonth = validDate(y, m, day);
  if (thisMonth && thisMonth >= today) return thisMonth;
  return validDate(y, m + 1, day);
}

/** A month and day without a year: this year if still ahead, else next year. */
function monthDay(today: Date, month: number, day: number): Date | null {
  const y = today.getUTCFullYear();
  const thisYear = validDate(y, month - 1, day);
  if (thisYear && thisYear >= today) return thisYear;
  return validDate(y + 1, month - 1, day);
}

function namedDay(text: string, today: Date): Date | null {
  let m: RegExpExecArray | null;
  if ((m = /^(下|下个)(周|星期|礼拜)([一二三四五六日天1-7])$/.exec(text))) return weekday(today, WEEKDAYS_ZH[m[3]!]!, true);
  if ((m = /^(这|本|这个)?(周|星期|礼拜)([一二三四五六日天1-7])$/.exec(text))) return weekday(today, WEEKDAYS_ZH[m[3]!]!, false);
  if ((m = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(日|号)?$/.exec(text))) {
    const [year, month, day] = [m[1] ? Number(m[1]) : null, Number(m[2]), Number(m[3])];
    return year !== null ? validDate(year, month - 1, day) : monthDay(today, month, day);
  }
  if ((m = /^(下个?月|下下个?月)(\d{1,2})(日|号)?$/.exec(text))) return dayOfMonth(today, Number(m[2]), m[1]!.startsWith('下下') ? 2 : 1);
  if ((m = /^(这个月|本月)?(\d{1,2})(日|号)$/.exec(text))) return dayOfMonth(today, Number(m[2]), m[1] ? 0 : null);
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) return validDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // English: "next monday", "this friday", "on the 15th", "december 10", "10 dec".
  const en = text.replace(/^on /, '').replace(/^the /, '');
  if ((m = /^(next|this|coming)? ?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.exec(en))) {
    return weekday(today, WEEKDAYS_EN.indexOf(m[2]!) + 1, m[1] === 'next');
  }
  if ((m = /^(\d{1,2})(st|nd|rd|th)( of (this|next) month)?$/.exec(en))) {
    return dayOfMonth(today, Number(m[1]), m[4] === 'next' ? 1 : m[4] === 'this' ? 0 : null);
  }
  if ((m = /^([a-z]{3})[a-z]* (\d{1,2})(st|nd|rd|th)?$/.exec(en)) && MONTHS_EN.includes(m[1]!)) return monthDay(today, MONTHS_EN.indexOf(m[1]!) + 1, Number(m[2]));
  if ((m = /^(\d{1,2})(st|nd|rd|th)? (of )?([a-z]{3})[a-z]*$/.exec(en)) && MONTHS_EN.includes(m[4]!)) return monthDay(today, MONTHS_EN.indexOf(m[4]!) + 1, Number(m[1]));
  return null;
}

/**
 * A rough time instead of a day: "过几天就开庭了" (3), "next week" (7), "in two weeks" (14) — near enough to
 * count, and near times decide urgency (LAL 44). `'rough'` for times too far or vague to count ("下个月",
 * "end of the month", "a few weeks"): the resident is told to press "not sure" or give roughly how many days.
 * A named weekday ("下周三") is `readDeadline`'s, read first.
 */
export function roughDeadline(input: string): number | 'rough' | null {
  const text = input.normalize('NFKC').toLowerCase();
  // "10来天", "十来天", "20多天": about that many days (the round figure; only fewer than 7 decides urgency).
  const about = /(\d{1,3}|[一二两三四五六七八九十]{1,3})(?:来|多)天/.exec(text);
  if (about) {
    const n = readNumber(about[1]!);
    if (n !== null) return n;
  }
  for (const [pattern, days] of ROUGH) if (pattern.test(text)) return days;
  return null;
}

const ROUGH: [RegExp, number | 'rough'][] = [
  [/过几天|这几天|没几天|再过两三天|过(一|两|二)?两天|过两三天|\b(in )?a (few|couple( of)?) days\b|\bin (2|3|two|three) days\b/, 3],
  [/下(个)?(周|星期|礼拜)(?![一二三四五六日天1-7])|\bnext week\b|\bin a week\b|\bwithin a week\b/, 7],
  [/(两|二)(个)?(周|星期|礼拜)|半个月|\b(in )?(two|2) weeks\b|\bfortnight\b/, 14],
  [/下(个)?月(?![0-9一二三四五六七八九十]+(号|日))|月底|年底|过年前|年前|春节前|\bbefore (the )?(chinese |lunar )?new year\b|几个(星期|礼拜)|\bnext month\b|\bend of (the|this) (month|year)\b|\b(a )?few weeks\b/, 'rough'],
];

/** What a deadline is, in a resident's story: the word after the day ("下周三开庭") or before it ("开庭是12月20号"). */
const DEADLINE_WORD_ZH = /开庭|仲裁|截止|宣判|起诉|上诉|判决|到期/g;
const DEADLINE_WORD_EN = /\b(?:court|hearing|trial|arbitration|deadline)\b/gi;
/** A count of days or weeks, once the deadline words are stripped ("5天", "十天", "5 days", "two weeks"). */
const COUNTED = /^(?:in )?\S{1,6}?\s?(?:天|日|个?星期|周|礼拜|days?|weeks?)$/i;

/** The days in a short span of a story, named ("下周三") or counted ("还有5天"); `null` when it reads as neither. */
function daysIn(span: string, today: string): number | null {
  const named = readDeadline(span, today);
  if (named !== null) return named;
  const stripped = stripDeadlineWords(span);
  if (!COUNTED.test(stripped)) return null;
  const n = readDays(stripped);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 3650 ? n : null;
}

/**
 * A deadline told in a story ("我儿子被抓了 下周三开庭", "the arbitration hearing is in 5 days"): its days counted from
 * `today` and the words that said it, to offer at the deadline question in one tap; `null` when the story names none.
 */
export function deadlineIn(input: string, today: string): { days: number; words: string } | null {
  const text = input.normalize('NFKC');
  for (const clause of text.split(/[,，。;；!！?？\n]+|\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/u)) {
    const c = clause.trim();
    for (const m of c.matchAll(DEADLINE_WORD_ZH)) {
      const end = m.index + m[0].length;
      // The day before the word, the longest span that reads ("下周三就开庭"), or after it ("开庭是12月20号").
      for (let start = Math.max(0, m.index - 12); start < m.index; start++) {
        const days = daysIn(c.slice(start, end), today);
        if (days !== null) return { days, words: c.slice(start, end) };
      }
      for (let stop = c.length; stop > end; stop--) {
        const days = daysIn(c.slice(m.index, stop), today);
        if (days !== null) return { days, words: c.slice(m.index, stop) };
      }
    }
    for (const m of c.matchAll(DEADLINE_WORD_EN)) {
      // "hearing is in 5 days", "court on 20 december": from the word, the longest span of whole words that reads.
      const words = c.slice(m.index).split(/\s+/);
      for (let n = Math.min(words.length, 8); n > 1; n--) {
        const span = words.slice(0, n).join(' ');
        const days = daysIn(span, today);
        if (days !== null) return { days, words: span };
      }
    }
  }
  return null;
}

import type { AgeRange } from '../../knowledge/eligibility/age-lines.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads a Chinese numeral below 10,000 (三十五, 两千五百, 十二); `null` when it is not one. */
function chineseNumeral(text: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  let lastUnit = 0;
  let previous = '';
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else {
      total += (digit === 0 ? 1 : digit) * UNITS[ch]!;
      lastUnit = UNITS[ch]!;
      digit = 0;
    }
    previous = ch;
  }
  // Spoken short form: a last digit right after 千 or 百 counts in the next unit down — 两千五 is 2500, 一百五 is 150
  // (一千零五, with 零, stays 1005; 十五 stays 15).
  const lastChar = text.at(-1) ?? '';
  const beforeLast = text.length >= 2 ? text.at(-2)! : '';
  if (digit > 0 && lastChar in DIGITS && lastUnit >= 100 && beforeLast in UNITS && previous === lastChar) return total + digit * (lastUnit / 10);
  return total + digit;
}

/** What a number typed with a unit is: money (元, 块), an age (岁), a number of people (口人), days (天). */
export type QuantityUnit = 'money' | 'age' | 'people' | 'days';

const UNIT_WORDS: [QuantityUnit, RegExp][] = [
  ['money', /(元|块|块钱|yuan|rmb|¥|￥)/i],
  ['age', /(岁|周岁|years? old)/i],
  ['people', /(口人|口|个人|人|people|persons?)$/i],
  ['days', /(天|日|days?)$/i],
];

/**
 * The unit a resident typed with a number (`2000元` → money, `3天` → days), or `null` for a bare number.
 * Used to catch an answer to the wrong question: `2000元` at "how many days are left?".
 */
export function unitOf(input: string): QuantityUnit | null {
  const text = input.trim().replace(/[,，\s。.]/g, '');
  if (/^[¥￥]/.test(text)) return 'money';
  for (const [unit, pattern] of UNIT_WORDS) if (pattern.test(text)) return unit;
  return null;
}

/**
 * Reads an amount or count the way residents type it: `3000`, `3,000元`, `3千`, `1.2万`, `三十五岁`, `三口人`.
 * Returns `null` when no single number can be read.
 */
const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
/** Tens as people write them, "fourty" too. */
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** A number written in English words, spaces already removed: "fortyfive", "forty-five", "seventy", "twelve". */
function englishWordNumber(text: string): number | null {
  const t = text.toLowerCase().replace(/(?:yearsold|yearold|yrsold|years|yrs|people|persons)$/, '');
  if (ENGLISH_NUMBERS[t] !== undefined) return ENGLISH_NUMBERS[t]!;
  const m = /^([a-z]+?)-?(one|two|three|four|five|six|seven|eight|nine)?$/.exec(t);
  const tens = m ? ENGLISH_TENS[m[1]!] : undefined;
  if (tens === undefined) return null;
  return tens + (m![2] ? ENGLISH_NUMBERS[m![2]]! : 0);
}

export function readNumber(input: string): number | null {
  const text = input
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/[。.]$/, '')
    // Words residents put around the number: 每个月3000左右, 一共三口人, 我们家4个人.
    .replace(/^(?:我和(?:老公|老婆|丈夫|妻子|爱人|孩子|爸妈|父母|家人)|我们俩|我们两个|两个人|两口子|全家人?|家里人?|我们家|我家|俺们家|俺家|咱们家|咱家|加起来|加在一起|合起来|每个?月|一个月|一月|月收入|收入|工资|一共|总共|合计|共|差不多)+/, '')
    // 六千多, 3000出头: the round figure is close enough for a per-capita test against a threshold.
    .replace(/(?:多|出头|左右|上下|的样子)+$/, '')
    // 三千来块, 两千来元: about that much.
    .replace(/来(?=元|块|块钱|$)/, '')
    // English the same way (spaces are gone by now): "we earn about 6000 a month", "there are 4 of us".
    .replace(/^(?:weearn|wemake|weget|iearn|imake|iget|ourincomeis|ourhouseholdincomeis|incomeis|thereare|there're|weare|we're|it'?s|just|only|roughly|approximately)+/i, '')
    .replace(/(?:amonth|permonth|monthly|eachmonth|everymonth|intotal|together|total|ofus|inthefamily|inmyfamily|inourfamily|members)+$/i, '');
  const word = englishWordNumber(text);
  if (word !== null) return word;
  const match = /^(?:大概|大约|约|about|around)?([0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百千]+)(万|千|k|w)?(?:元|块|块钱|岁|周岁|口人|口|人|个人|天|日|days?|years?(?:old)?|yuan|rmb|people|persons?)?$/i.exec(text.replace(/^[¥￥]/, ''));
  if (!match) return null;
  const base = /^[0-9]/.test(match[1]!) ? Number(match[1]) : chineseNumeral(match[1]!);
  if (base === null || !Number.isFinite(base)) return null;
  const unit = match[2]?.toLowerCase();
  const factor = unit === '万' || unit === 'w' ? 10_000 : unit === '千' || unit === 'k' ? 1000 : 1;
  return Math.round(base * factor * 100) / 100;
}

/**
 * A number said first, then explained: "4 people, me my wife and 2 kids", "三口人（我、老婆、孩子）",
 * "about 3000 a month, sometimes less". The whole answer when it reads as one number, else its first part.
 */
export function readLeadingNumber(input: string): number | null {
  const whole = readNumber(input);
  if (whole !== null) return whole;
  const first = input.trim().split(/[,，;；:：(（\-–—、]|\s-\s|\s+(?=\p{Script=Han})/u)[0] ?? '';
  return first.trim() === input.trim() ? null : readNumber(first);
}

/**
 * An age as residents type it: `52`, `52岁`, `我今年五十二`, `今年52了`, `I'm 34`, `34 years old`.
 * Only the words around one number are dropped; anything else (`我家有3个孩子`) stays unread (`null`).
 */
export function readAge(input: string): number | null {
  const text = input
    .trim()
    // A correction of the age offered: "不对 他15", "no, he's 15".
    .replace(/^(?:不对|不是|错了|说错了|no|nope|actually)[\s,，.。!！]*/i, '')
    .replace(/^(?:i'?m|i am|he'?s|he is|she'?s|she is|aged?)\s*/i, '')
    .replace(/^(?:我|本人|他|她|孩子|今年|现在|已经|都)+/, '')
    .replace(/(?:了|啦|吧|呀|啊)+[。.!！]*$/, '');
  return readNumber(text);
}

const RELATIVE_DAYS: [RegExp, number][] = [
  [/^(今天|今日|today)$/i, 0],
  [/^(明天|明日|tomorrow)$/i, 1],
  [/^(后天|the day after tomorrow)$/i, 2],
];

/**
 * Days until a deadline as residents say them: `5`, `5天`, `两周` (14), `一个月` (30), `明天` (1), `in 3 weeks`.
 * Months count as 30 days: only "fewer than 7 days" (LAL 44) turns on the exact number. `null` when not a duration.
 */
export function readDays(input: string): number | null {
  const text = input.trim().replace(/[,，\s]/g, '').replace(/[。.]$/, '').replace(/^(还有|只有|还剩|剩|in|about|大概|大约)/i, '');
  for (const [pattern, days] of RELATIVE_DAYS) if (pattern.test(text)) return days;
  // "ten days", "十天": the number said in words before the unit.
  const days = /^(.+?)(天|days?)$/i.exec(text);
  if (days && readNumber(days[1]!) !== null) return readNumber(days[1]!);
  const match = /^(.+?)(个?星期|周|礼拜|weeks?|个?月|months?)$/i.exec(text);
  if (match) {
    const n = readNumber(match[1]!.replace(/个$/, ''));
    if (n === null) return null;
    return Math.round(n * (/月|month/i.test(match[2]!) ? 30 : 7));
  }
  return readNumber(text);
}

const ZH_TENS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const EN_DECADES: Record<string, number> = { teens: 10, twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };

/**
 * An age said only as a range, the way older residents often answer: `七十多了`, `我七十多岁`, `八十好几了`, `十几岁`,
 * `五六十岁`, `70多`, `70+`, `in my seventies`, `seventy-something`, `over 70`. `null` for an exact age or anything else.
 */
export function readAgeRange(input: string): AgeRange | null {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/[。.!！~～]+$/, '')
    .replace(/^(?:我|本人|他|她|孩子|今年|现在|已经|都|也)+/, '')
    .replace(/(?:了|啦|吧|呀|啊|咯)+$/, '')
    .replace(/(?:岁|周岁)$/, '')
    .replace(/(?:了|啦|吧)+$/, '');
  // 七十多, 八十好几, 七十几, 70多, 70+
  const decade = /^(?:([一二两三四五六七八九])?十|([1-9])0)(?:多|好几|几|出头|\+)$/.exec(text);
  if (decade) {
    const tens = decade[2] ? Number(decade[2]) : decade[1] ? ZH_TENS[decade[1]]! : 1;
    return { low: tens * 10, high: tens * 10 + 9 };
  }
  // 五六十, 七八十: between two decades
  const between = /^([一二三四五六七八九])([一二三四五六七八九])十$/.exec(text);
  if (between && ZH_TENS[between[2]!]! === ZH_TENS[between[1]!]! + 1) return { low: ZH_TENS[between[1]!]! * 10, high: ZH_TENS[between[2]!]! * 10 + 9 };
  const en = text.replace(/^(?:i'?m|i am|he'?s|he is|she'?s|she is|aged?)\s+/, '').replace(/\s*(?:years? old|yrs? old)$/, '');
  const inDecade = /^(?:in )?(?:my|his|her|their)? ?(?:early |mid |late )?(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$/.exec(en);
  if (inDecade) return { low: EN_DECADES[inDecade[1]!]!, high: EN_DECADES[inDecade[1]!]! + 9 };
  const something = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(?:something|odd|plus)$|^([1-9])0 ?(?:something|odd|plus|\+)$/.exec(en);
  if (something) {
    const tens = something[2] ? Number(something[2]) * 10 : englishWordNumber(something[1]!)!;
    return { low: tens, high: tens + 9 };
  }
  const over = /^(?:over|above|more than|older than) (\d{2})$/.exec(en);
  if (over) return { low: Number(over[1]), high: 120 };
  return null;
}

const COUNT = '(\\d{1,2}|[一二两三四五六七八九十])';
/**
 * People at home as residents count them without a plain number: "3个" (3), "就我一个" (1), "我和两个孩子，…" (the
 * resident and two children: 3). `null` for anything else.
 */
export function householdFromWords(input: string): number | null {
  const t = input.normalize('NFKC').trim().replace(/[。.!！]+$/, '');
  const count = (n: string) => (/^\d+$/.test(n) ? Number(n) : chineseNumeral(n));
  const bare = new RegExp(`^${COUNT}个$`).exec(t);
  if (bare) return count(bare[1]!);
  if (/^(就)?(我|俺)(自己)?(一个人?|自己)$/.test(t)) return 1;
  // "just me, i live alone", "only me", "i live by myself", "我一个人住".
  if (/^(?:(?:just|only) (?:me|myself)|me alone|myself|alone|i live alone|i live by myself|i'?m alone|im alone|(?:just|only) (?:me|myself)[,.]? i live (?:alone|by myself))[.!]*$/i.test(t) || /^(就)?(我|俺)(自己)?一个人(住|过|生活)(的)?$/.test(t)) return 1;
  const withChildren = new RegExp(`^(就)?(我|俺)(和|带着|跟)${COUNT}个(孩子|娃|小孩|儿子|女儿|闺女|老人)`).exec(t);
  if (withChildren) {
    const n = count(withChildren[4]!);
    return n === null ? null : n + 1;
  }
  // The total said last: "我和老伴两个人", "我们家一共四口人", "一家五口".
  const total = new RegExp(`^.{0,20}?(?:一共|总共|共|就|一家|全家)?${COUNT}(?:个人|口人|口|个)(?:吧|啊|呀|了)?$`).exec(t);
  if (total && !/^\d/.test(t)) return count(total[1]!);
  if (/^(就)?(我们俩|我俩|俺俩|咱俩|我们两个|我们两口子|我们老两口|老两口)$/.test(t)) return 2;
  // "三口之家", "我们是四口之家".
  const family = new RegExp(`^(?:我们|我家|俺家)?(?:是)?(?:个)?${COUNT}口之家$`).exec(t);
  if (family) return count(family[1]!);
  return namedPeople(t);
}

/**
 * One person each, said by who they are: "老伴", "我妈", "my mum". A husband or wife named so (老公, 老婆, my wife) is not
 * counted by name: in a family dispute they may be the other side, whom the resident may not count (a total said, "我和老公
 * 两个人", is counted); 老伴, an old couple's word, is.
 */
const ONE_PERSON_ZH = /^(我|我的|俺|俺的)?(老伴|老伴儿|孩子|儿子|女儿|闺女|娃|小孩|妈|妈妈|爸|爸爸|母亲|父亲|婆婆|公公|岳母|丈母娘|岳父|奶奶|爷爷|外婆|外公|姥姥|姥爷|孙子|孙女|外孙|外孙女|儿媳|女婿|哥哥|弟弟|姐姐|妹妹|老母亲|老父亲)$/;
const ONE_PERSON_EN = /^(my )?(son|daughter|kid|child|baby|mum|mom|mother|dad|father|grandma|grandmother|grandpa|grandfather|brother|sister|grandson|granddaughter|mother-in-law|father-in-law)$/i;
const EN_COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * The resident and the people they name: "就我和老伴" (2), "我和老伴还有一个孙子" (3), "me and my mum and 2 kids" (4),
 * "there are 4 of us" (4). `null` when a part is not a person counted.
 */
function namedPeople(t: string): number | null {
  const us = /^(?:there (?:are|is) |we (?:are|r) )?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)(?: of us| people| persons)?(?: in (?:my|our|the) (?:family|household|home))?$/i.exec(t);
  if (us && /of us|people|persons|we |there /i.test(t)) return /^\d+$/.test(us[1]!) ? Number(us[1]) : EN_COUNTS[us[1]!.toLowerCase()]!;
  // "我 孩子 还有我婆婆": people listed with spaces between them, as on a phone keyboard.
  const zh = /^(?:就)?(?:我|俺)(?:和|跟|带着|还有|、|，|,|\s+)(.+)$/.exec(t);
  const en = /^(?:just )?(?:me|myself|i)(?:,| and| with|,? and)\s+(.+)$/i.exec(t);
  const rest = zh?.[1] ?? en?.[1];
  if (!rest) return null;
  const parts = rest.split(zh ? /和|跟|还有|带着|、|，|,|\s+/ : /,\s*|\s+and\s+|\s+with\s+/i).map((p) => p.trim()).filter((p) => p !== '');
  let n = 1;
  for (const part of parts) {
    const counted = zh ? new RegExp(`^${COUNT}个(孩子|娃|小孩|儿子|女儿|闺女|老人|孙子|孙女|外孙|外孙女)$`).exec(part) : /^(?:my |our )?(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten) (?:kids|children|sons|daughters|kid|child|son|daughter|babies|baby)$/i.exec(part);
    if (counted) {
      const c = zh ? (/^\d+$/.test(counted[1]!) ? Number(counted[1]) : chineseNumeral(counted[1]!)) : /^\d+$/.test(counted[1]!) ? Number(counted[1]) : EN_COUNTS[counted[1]!.toLowerCase()];
      if (c === null || c === undefined) return null;
      n += c;
    } else if ((zh ? ONE_PERSON_ZH : ONE_PERSON_EN).test(part)) n += 1;
    else return null;
  }
  return n;
}

const HAN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/**
 * The year of birth given for an age, as older residents answer ("我是1963年生的", "63年的", "六三年出生",
 * "born in 1958", "born '63"): the four-digit year, or `null`. A two-digit year is of this century when it is not
 * after this year ("05年的" → 2005), else of the last. `thisYear` is the current year.
 */
export function readBirthYear(input: string, thisYear: number): number | null {
  const text = input
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[。.!！~～]+$/, '')
    .replace(/[〇零一二三四五六七八九](?=[〇零一二三四五六七八九]*年)/g, (d) => HAN_DIGITS[d]!);
  const zh = /^(?:我|本人|他|她|俺|孩子|我爸|我妈|老人)?(?:是|今年是)?(\d{4}|\d{2})年(?:生|出生|生人|生的|出生的|的|人)(?:的)?(?:啊|呀|吧|哦|了)?$/.exec(text);
  const en = /^(?:i was |i'?m |he was |she was |was )?born (?:in )?(?:the year )?(\d{4}|'\d{2})$|^(?:my )?(?:birth ?year|year of birth) (?:is )?(\d{4})$/.exec(text);
  // A bare four-digit year ("1963", "1963年") can only be a year of birth at the age question.
  const bare = /^((?:19|20)\d{2})年?$/.exec(text);
  const digits = (zh?.[1] ?? en?.[1] ?? en?.[2] ?? bare?.[1])?.replace("'", '');
  if (digits === undefined) return null;
  const year = digits.length === 4 ? Number(digits) : Number(digits) <= thisYear % 100 ? 2000 + Number(digits) : 1900 + Number(digits);
  return year > thisYear - 121 && year <= thisYear ? year : null;
}

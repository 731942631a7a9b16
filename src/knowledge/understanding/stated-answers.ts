import { readNumber } from '../../flows/intake/number-words.js';
import { phoneIn } from '../../flows/intake/contact-validation.js';
import { readAge, readDisability } from './story.js';
import { statedRelative, type StatedKinship } from './stated-relative.js';
import type { StatedDisability, StatedFacts } from './types.js';

/**
 * Answers to later intake questions stated along with another answer ("示例县 我一个月挣两千", "示例县，我今年52岁，
 * 家里4口人", "3 people, i earn 2500 a month"): offered at those questions in one tap, never taken unasked.
 */
export interface StatedAnswers {
  age?: NonNullable<StatedFacts['age']>;
  /** Money a month, in yuan ("一个月挣两千", "月收入3000", "i earn 2500 a month"). */
  monthlyIncome?: number;
  /** People in the household ("家里4口人", "一家三口", "family of 4"). */
  householdSize?: number;
  /** Who the resident is to the person they apply for ("我替我妈申请" → their child). */
  kinship?: StatedKinship;
  /** A mobile number typed with another answer ("王大力 13912345678"): offered at the phone question. */
  phone?: string;
  /** A disability stated ("我是盲人"), and whose: offered first at the disability question. */
  disability?: StatedDisability;
}

const NUMBER_ZH = String.raw`(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万|千|k)?`;
const NUMBER_EN = String.raw`(\d[\d,]*(?:\.\d+)?)(k)?`;
/** A small count in figures or in English words (readNumber reads both). */
const COUNT_EN = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)';

/** A month word, then how the money comes: 一个月挣两千, 每月收入3000, 月工资两千五, 工资一个月3000 (never "三个月工资两万": a sum owed). */
const INCOME_ZH = [
  new RegExp(`(?:(?<![\\d十几])一个月|每个?月|(?<![\\d零〇一二两三四五六七八九十几个半])(?:一月|月收入|月工资|月薪)|工资一个月|收入一个月)(?:收入|工资|的工资|低保|补助|补贴|退休金|养老金|抚恤金|能|就|才|也就|只|只有|大概|大约|差不多|有|是|挣|赚|拿|能挣|能赚|能拿|挣个|赚个|拿个|靠|就靠|领|能领)*${NUMBER_ZH}(?:元|块钱?|多)?`),
  new RegExp(`(?:挣|赚|拿)${NUMBER_ZH}(?:元|块钱?)?(?:一个月|每个?月)`),
];
/** How residents say "a month" after a sum: "a month", "per month", "monthly", "/month", "every month". */
const A_MONTH = String.raw`(?:(?:a|per|each|every|one|1) month|monthly|\/ ?(?:month|mo)\b|a mo\b)`;
/** Words before the sum: "about", "around", "only", "like", "less than". */
const ROUGHLY = String.raw`(?:(?:about|around|roughly|only|just|like|maybe|approximately|approx\.?|less than|under|barely|not even|about maybe) )*`;
const INCOME_EN = [
  // "i earn about 2000 a month", "i make like 2000 yuan monthly", "we get 1500 per month", "im earning 2000/month".
  new RegExp(String.raw`\b(?:earn|earns|earning|make|makes|making|get|gets|getting|take home|takes home|bring home|brings home|receive|receives|income is|salary is|pay is)\s+${ROUGHLY}(?:¥|rmb ?)?${NUMBER_EN}\s*(?:yuan|rmb|kuai)?\s*${A_MONTH}`, 'i'),
  // "my wage is 1800 monthly", "our income is about 3000 a month", "his pension is 1200 yuan per month".
  new RegExp(String.raw`\b(?:income|salary|wage|wages|pay|pension)s? (?:is|are|was|of)\s+${ROUGHLY}(?:¥|rmb ?)?${NUMBER_EN}\s*(?:yuan|rmb|kuai)?\s*${A_MONTH}`, 'i'),
  new RegExp(String.raw`\b(?:monthly (?:income|salary|wage|pay|pension) (?:is|of) )${ROUGHLY}(?:¥|rmb ?)?${NUMBER_EN}\b`, 'i'),
];
const HOUSEHOLD_ZH = [
  new RegExp(`(?:家里|我家|我们家|全家|家)?(?:一共|总共|共|有)*${NUMBER_ZH}口人`),
  new RegExp(`一家${NUMBER_ZH}口`),
  new RegExp(`(?:家里|我家|我们家|全家)(?:一共|总共|共)?有?${NUMBER_ZH}个人`),
];
/** Where the people counted live: "at home", "in the family", "in our house". */
const AT_HOME = String.raw`(?:at home|in (?:my|our|the|his|her) (?:family|household|home|house))`;
const HOUSEHOLD_EN = [
  new RegExp(String.raw`\b${COUNT_EN} (?:people|persons) (?:live |living )?${AT_HOME}`, 'i'),
  new RegExp(String.raw`\b(?:family|household) of ${COUNT_EN}\b`, 'i'),
  // "there are 4 of us", "there's 3 of us", "there r 4 of us".
  new RegExp(String.raw`\bthere(?: are|'re| re|'s|s| is| r) ${COUNT_EN} of us\b`, 'i'),
  // "we are 4 people at home", "we're 3 in the family", "we have 4 people at home".
  new RegExp(String.raw`\bwe(?: are|'re| re| r) ${COUNT_EN} (?:(?:people|persons|of us)\b|${AT_HOME})`, 'i'),
  new RegExp(String.raw`\bwe have ${COUNT_EN} (?:people|persons) ${AT_HOME}`, 'i'),
  new RegExp(String.raw`^${COUNT_EN} (?:people|persons)\b`, 'i'),
];

function amount(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const n = readNumber(`${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`);
  return n !== null && n >= 0 && n <= 10_000_000 ? n : undefined;
}

function count(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const n = readNumber(match[1]!.toLowerCase());
  return n !== null && Number.isInteger(n) && n >= 1 && n <= 30 ? n : undefined;
}

const first = <T>(patterns: RegExp[], text: string, read: (m: RegExpExecArray | null) => T | undefined): T | undefined => {
  for (const pattern of patterns) {
    const value = read(pattern.exec(text));
    if (value !== undefined) return value;
  }
  return undefined;
};

/** What a message states besides the answer it gives: an age, a monthly income, a household size, whom it is for. */
export function statedAnswers(text: string): StatedAnswers {
  const t = text.normalize('NFKC').trim();
  const out: StatedAnswers = {};
  const age = readAge(t);
  if (age && !age.atLeast) out.age = age;
  const income = first([...INCOME_ZH, ...INCOME_EN], t, amount);
  if (income !== undefined) out.monthlyIncome = income;
  const household = first([...HOUSEHOLD_ZH, ...HOUSEHOLD_EN], t, count);
  if (household !== undefined) out.householdSize = household;
  const kinship = statedRelative(t);
  if (kinship) out.kinship = kinship;
  const phone = phoneIn(t);
  if (phone) out.phone = phone;
  const disability = readDisability(t);
  if (disability) out.disability = disability;
  return out;
}

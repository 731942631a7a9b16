import type { StepId } from './intake-types.js';

/** What is wrong, in words: "填错了", "写错了", "不对", "要改", "应该是…", "is wrong", "change my …". */
const SAYS_WRONG = /错|不对|改|更正|应该是|应是|不是这个|wrong|mistake|typo|incorrect|change|fix|correct|update|not right/i;

/** The summary line a correction names, by the words residents use for it (the labels and their everyday words). */
const NAMED: [StepId, RegExp][] = [
  ['phone', /电话|手机|号码|phone|mobile|number/i],
  ['name', /名字|姓名|\bname\b/i],
  ['age', /年龄|岁数|年纪|多大|\bage\b/i],
  ['region', /地区|地方|区县|region|area|place/i],
  ['disability', /残疾|disabilit/i],
  ['householdSize', /人数|几口人|口人|household size|people in/i],
  ['householdMonthlyIncome', /收入|工资|挣|income|earn/i],
  ['deadlineDays', /期限|日期|开庭|deadline|hearing/i],
  ['description', /情况说明|经过|说明|描述|what happened|description|account/i],
  ['category', /问题类型|类型|category|kind of problem/i],
  ['groups', /群体|农民工|低保|groups?\b/i],
  ['kinship', /关系|relationship/i],
  ['safeTimes', /联系时间|安全时间|safe times?/i],
];

/**
 * The answer a short correction typed at the summary names ("年龄填错了 应该是54" → age, "电话写错了" → phone, "the
 * phone number is wrong" → phone), among the steps that can be changed; `null` when it names none, or several.
 */
export function correctionTarget(text: string, changeable: readonly StepId[]): StepId | null {
  const t = text.normalize('NFKC').trim();
  if (t.length > 40 || !SAYS_WRONG.test(t)) return null;
  const named = NAMED.filter(([step, words]) => changeable.includes(step) && words.test(t)).map(([step]) => step);
  return named.length === 1 ? named[0]! : null;
}

import type { CategoryId } from '../../knowledge/eligibility/vocabulary.js';
import type { StepId } from './intake-types.js';

/**
 * What is wrong, in words: "填错了", "写错了", "不对", "要改", "应该是…", "is wrong", "change my …"; and whom the
 * application is not for ("不是给我申请的", "its not for me").
 */
const SAYS_WRONG = /错|不对|改|更正|应该是|应是|不是这个|不是(给|为|替)|wrong|mistake|typo|incorrect|change|fix|correct|update|not right|\b(not|isn'?t|aint) for\b/i;

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
  // Applying for a relative: "我的名字写错了" is the resident's own ("名字写错了" alone stays the applicant's, below).
  ['ownName', /(?:我|俺|本人|我自己|俺自己)的?(?:名字|姓名)|\bmy (?:own )?name\b/i],
  // "不对 不是给我自己申请 是给我妈": who the application is for.
  // "不是给我申请的，是给我爸", "wait its not for me, its for my mum".
  ['relation', /给我?自己申请|为我?自己申请|替我?自己申请|自己申请|不是(给|为|替)我申请的?|\bfor (me|myself)\b/i],
  ['safeTimes', /联系时间|安全时间|safe times?/i],
];

/** The changeable answers a text names; the resident's own name ("我的名字") rather than the applicant's when both can be changed. */
function namedIn(text: string, changeable: readonly StepId[]): [StepId, RegExp][] {
  const named = NAMED.filter(([step, words]) => changeable.includes(step) && words.test(text));
  return named.some(([step]) => step === 'ownName') ? named.filter(([step]) => step !== 'name') : named;
}

/**
 * The answer a short correction typed at the summary names ("年龄填错了 应该是54" → age, "电话写错了" → phone, "the
 * phone number is wrong" → phone), among the steps that can be changed; `null` when it names none, or several.
 */
export function correctionTarget(text: string, changeable: readonly StepId[]): StepId | null {
  const t = text.normalize('NFKC').trim();
  if (t.length > 40 || !SAYS_WRONG.test(t)) return null;
  const named = namedIn(t, changeable).map(([step]) => step);
  return named.length === 1 ? named[0]! : null;
}

/** Answers a correction may change with its new value in the same message: short values the step validates. */
const WITH_VALUE: readonly StepId[] = ['age', 'phone', 'name', 'ownName', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'region', 'relation'];
/** The words between the answer's name and its new value: "写错了，是", "应该是", "改成", "is wrong, it's", "to". */
const BETWEEN =
  /^(?:[\s,，。、:：;；!！.]+|写错了|填错了|弄错了|搞错了|打错了|选错了|错了|有误|不对|不正确|应该是|应是|应为|应该为|改成|改为|换成|更正为|写成|填成|是|为|is wrong|was wrong|is incorrect|is not right|wrong|should be|it'?s|its|is|to|i'?m|im|i am|actually|really|in fact)/i;
/** Words that start a correction before naming the answer: "我的年龄是60", "my age…", "改电话 139…", "change my phone…". */
// Also after "actually", "sorry", "其实", "不好意思": "actually the phone number is 139…", "其实电话是139…".
const LEAD = /^(?:(?:actually|sorry|oops|oh|wait|其实|不好意思|对不起|哦|哎呀)[\s,，]*)?(?:我的|俺的|我|改一?下|改|更正|修改|change|fix|correct|update)?\s*(?:my|the)?\s*/i;

/**
 * The answer a correction names and the new value it gives ("年龄写错了，是58" → age, "58"; "年龄 52" at the change
 * list; "change my phone number to 139…" → phone), for the step to validate; `null` when it names none or several,
 * gives no value ("电话写错了"), or asks instead of giving one ("名字写错了，帮我改一下"). Only short answers: a
 * description or a checklist is answered again at its question.
 */
export function correctionWithValue(text: string, changeable: readonly StepId[]): { step: StepId; value: string } | null {
  const t = text.normalize('NFKC').trim();
  if (t.length > 60) return null;
  const named = namedIn(t, changeable);
  if (named.length !== 1) return null;
  const [step, words] = named[0]!;
  if (!WITH_VALUE.includes(step)) return null;
  const label = words.exec(t)!;
  // Without a word saying it is wrong, the message must begin with the answer's name ("年龄 52", "电话13911112222").
  if (!SAYS_WRONG.test(t) && t.slice(0, label.index).replace(LEAD, '') !== '') return null;
  let value = t.slice(label.index + label[0].length);
  for (let before = ''; before !== value; ) {
    before = value;
    value = value.replace(BETWEEN, '').replace(words, (m, offset: number) => (offset === 0 ? '' : m)).trimStart();
  }
  value = value.trim();
  return value && !SAYS_WRONG.test(value) ? { step, value } : null;
}

/** "不对 不是工伤 是欠工资", "不是工伤，是欠薪": the recorded kind of problem denied, then the right one said. */
const DENIES_THEN_NAMES = /^(?:等一下|等等|不对|错了|搞错了)?[\s,，。!！]*不是(?<denied>[^，,\s]{1,10}?)(?:的事|的问题)?[\s,，。]*(?:而)?是(?<named>[^，,。？?]{2,20})[。!！]*$/;

/**
 * The words naming the right category when the resident denies the recorded one in the middle of an application, or
 * `null`: only when the named words point to another category than the recorded one (`categoryOf` reads them).
 */
export function categoryNamedInstead(text: string, recorded: CategoryId | undefined, categoryOf: (text: string) => CategoryId | null): string | null {
  const m = DENIES_THEN_NAMES.exec(text.normalize('NFKC').trim());
  if (!m?.groups || !recorded) return null;
  const named = m.groups.named!.trim();
  const category = categoryOf(named);
  return category && category !== recorded ? named : null;
}

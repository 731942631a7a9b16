import type { CategoryId } from '../eligibility/vocabulary.js';
import { categoryFromSimplified, categoryFromText } from '../../flows/intake/category-words.js';
import type { StatedDisability, StatedFacts } from './types.js';

/** The category a resident's story points to, or null. */
export function storyCategory(text: string): CategoryId | null {
  return categoryFromText(text.normalize('NFKC'));
}

/** {@link storyCategory} of text already read by `toSimplified` (understand.ts simplifies each message once). */
export function simplifiedStoryCategory(text: string): CategoryId | null {
  return categoryFromSimplified(text.normalize('NFKC'));
}

/** A story, not a bare question: it tells what happened to the resident or someone close. */
const NARRATIVE_ZH = /(我|俺|咱|我们|我家|我妈|我爸|我老公|我老婆|我儿子|我女儿|我孩子|我哥|我姐|我弟|我妹|老公|老婆|儿子|女儿).{0,40}(了|过|被|没|不给|一直|已经|正在|在|要|想|让|把)|被.{1,12}了|了[，,。！!\s]/;
/**
 * A short statement of what someone does to the resident ("老板欠我工资", "老公天天打我", "房东骗了我"): a story from
 * five characters, as "my boss owes me wages" is in five words. Longer stories need the patterns above.
 */
const SHORT_ZH = /欠(了)?(我|俺)|(不给|没给|不发|克扣|扣)(了)?(我|俺)|(打|骗|辞退|开除|赶走|赶)(了)?(我|俺)/;
const EVENTS_ZH = /干了|做了|不给|没给|拖着|跑路|跑了|不还|不管|不赔|欠(了)?(我|俺)|一直(不|没)|还没|到现在/;
const FIRST_PERSON_EN = /\b(i|i'm|i've|my|we|we've|our|me|us)\b/i;
const EVENTS_EN = /\b\w{3,}ed\b|\b(was|were|got|been|have|has|had|did|didn'?t|dint|didint|dident|dnt|haven'?t|hasn'?t|won'?t|will not|ran|lost|hit|hits|beats?|owes?|took|left|keeps?|refuses?|says?|said|lent|bought|sold|fell|broke|paid|gave|told|is|are|am|don'?t|doesn'?t|no pay|not pay|never pay|(?:no|not|never|dont|don'?t) (?:give|giving|paying)|run away|runaway)\b/i;

/** Does the text tell a story (rather than ask a general question)? */
export function tellsStory(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (/\p{Script=Han}/u.test(t)) return ([...t].length >= 8 && (NARRATIVE_ZH.test(t) || EVENTS_ZH.test(t))) || ([...t].length >= 5 && SHORT_ZH.test(t));
  return t.split(/\s+/).length >= 5 && FIRST_PERSON_EN.test(t) && EVENTS_EN.test(t);
}

const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 3, 三, 十二, 二十, 七十 → number; null otherwise. */
function smallNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '半') return 0.5;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (!m[2]) return m[1] ? ZH_DIGITS[m[1]]! : null;
  return (m[1] ? ZH_DIGITS[m[1]]! : 1) * 10 + (m[3] ? ZH_DIGITS[m[3]]! : 0);
}

const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };

const RELATIVE_ZH = '(?:儿子|女儿|孩子|闺女|妈妈|妈|爸爸|爸|母亲|父亲|老公|老婆|丈夫|妻子|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|爷爷|奶奶|外公|外婆|家老人|老人)';
const RELATIVE_EN = '(?:son|daughter|child|kid|boy|girl|mother|mum|mom|father|dad|husband|wife|brother|sister|grandmother|grandfather|grandma|grandpa|granny)';
/** "my son", "my dad": a relative named, before a he or she that stands for them. */
const MY_RELATIVE_EN = new RegExp(`\\bmy ${RELATIVE_EN}\\b`, 'i');

/**
 * Whose an age is that a story states without saying it plainly, by the words just before it: a relative or he/she
 * ("孩子才5岁", "我妈都80岁了", "my daughter, she is 6 years old") — someone else's; "我"/"I" alone — the resident's own;
 * neither — not said.
 */
function whoseAge(before: string): { whose?: 'self' | 'relative' } {
  const lastClause = before.split(/[，,。.;；!！?？]/).pop() ?? before;
  const near = lastClause.trim() ? lastClause : before;
  if (new RegExp(`${RELATIVE_ZH}|他|她|\\b${RELATIVE_EN}s?\\b|\\b(he|she|his|her|they)\\b|\\b(he|she)'s\\b`, 'i').test(near)) return { whose: 'relative' };
  if (/我|俺|\bi\b|\bi'?m\b/i.test(near)) return { whose: 'self' };
  return {};
}

/** An age in years, when plausible. */
function years(n: string): number | null {
  const value = /^\d+$/.test(n) ? Number(n) : smallNumber(n);
  return value !== null && value > 0 && value < 120 ? value : null;
}

/**
 * The age a story states, and whose it is: the resident's own ("我七十二岁了", "I'm 72") or a relative's
 * ("我儿子16岁", "my dad is 72", "我爸今年75了"); `whose` is left out when the story does not say.
 */
export function readAge(t: string): StatedFacts['age'] | undefined {
  const N = '(?<n>\\d{1,3}|[一二两三四五六七八九十]{1,3})';
  const relativeZh = new RegExp(`(?:我|俺)(?:的|家)?${RELATIVE_ZH}(?:今年|都|已经|快|才|只有)?${N}(?<plus>多|来)?(?:岁|周岁|了)`).exec(t);
  if (relativeZh?.groups) {
    const y = years(relativeZh.groups.n!);
    if (y !== null) return { years: y, atLeast: relativeZh.groups.plus === '多', whose: 'relative' };
  }
  const relativeEn =
    new RegExp(`\\bmy ${RELATIVE_EN}(?:,)? (?:is|was|just turned|turned|aged?|who is) (?<n>\\d{1,3})\\b(?! (?:yuan|rmb|kuai|dollars|days|weeks|months|hours|km|kg|%))`, 'i').exec(t) ??
    new RegExp(`\\bmy (?<n>\\d{1,3})[- ]?(?:years?[- ]old|yrs?[- ]old|yo|y/o|y\\.o\\.)[- ]${RELATIVE_EN}\\b`, 'i').exec(t) ??
    // "my son 17 got arrested", "my son (17)", "my daughter, 15, was…": the age right after the word, as 我儿子16岁.
    new RegExp(`\\bmy ${RELATIVE_EN},? \\(?(?<n>\\d{1,3})\\)?(?=[,.;!?]|\\s+(?!(?:yuan|rmb|kuai|dollars|days?|weeks?|months?|years?|hours?|times|km|kg|%|am|pm|o'?clock)\\b)[a-z]|$)`, 'i').exec(t);
  if (relativeEn?.groups) {
    const y = years(relativeEn.groups.n!);
    if (y !== null) return { years: y, atLeast: false, whose: 'relative' };
  }
  // "police took my son 2 days ago, he is 19": he or she, after a relative was named, is that relative.
  const pronounEn = /\b(?:he|she)(?:'s| is|s) (?:only |just )?(?<n>\d{1,3})(?: ?(?:years?|yrs?)(?: old)?)?\b(?! ?(?:yuan|rmb|kuai|dollars|days?|weeks?|months?|hours?|times|km|kg|%|am|pm)\b)/i.exec(t);
  if (pronounEn?.groups && MY_RELATIVE_EN.test(t.slice(0, pronounEn.index))) {
    const y = years(pronounEn.groups.n!);
    if (y !== null) return { years: y, atLeast: false, whose: 'relative' };
  }
  // "我儿子被派出所带走了 …他才十六", "我爸被骗了，他都七十多了": he or she after a relative was named, with 才/都/已经/
  // 只有 before a number that no unit follows (not "他才给了两千", "他已经两次动手了").
  const pronounZh = /(?:他|她)(?:今年)?(?:才|都|已经|只有)(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多)?(?:岁|周岁)?(?:了)?(?![\d万千百元块月号日天个年次回斤米里小时分钟号楼])/.exec(t);
  if (pronounZh?.groups && new RegExp(RELATIVE_ZH).test(t.slice(0, pronounZh.index))) {
    const y = years(pronounZh.groups.n!);
    if (y !== null) return { years: y, atLeast: pronounZh.groups.plus === '多', whose: 'relative' };
  }
  // "我今年45，…": with 今年 the number alone is the age, unless a unit follows (我今年3月…, 我今年45000元).
  const stated =
    /(我|俺)(今年|都|已经|快)?(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多)?(了|岁|周岁)/.exec(t) ??
    /(我|俺)今年(?<n>\d{2,3}|[二三四五六七八九]十[一二三四五六七八九]?)(?![\d万千百元块月号日天个年多])/.exec(t);
  if (stated?.groups) {
    const y = years(stated.groups.n!);
    if (y !== null) return { years: y, atLeast: stated.groups.plus === '多', whose: 'self' };
  }
  // "他今年三十五", "她今年都八十多了": the person applied for, told as he or she (never the resident's own age).
  const third = /^(他|她)(今年)(都|已经|才)?(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多)?(了|岁|周岁)?(了)?(?![\d万千百元块月号日天个年])/.exec(t.trim());
  if (third?.groups) {
    const y = years(third.groups.n!);
    if (y !== null) return { years: y, atLeast: third.groups.plus === '多', whose: 'relative' };
  }
  // "我叫李建国，今年七十多了", "…不给，今年六十八了": 今年 starting a clause, with no one named as its subject — the
  // resident's own age, unless a relative was named before it ("我妈住院了，今年七十多了": hers).
  const clause = /(?:^|[，,。.!！？?;；\s])(?:今年|今年都|今年已经|今年快)(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多)?(?:岁|周岁|了)/.exec(t);
  if (clause?.groups) {
    const y = years(clause.groups.n!);
    const before = t.slice(0, clause.index);
    if (y !== null) return { years: y, atLeast: clause.groups.plus === '多', whose: new RegExp(RELATIVE_ZH).test(before) ? 'relative' : 'self' };
  }
  const zh = /(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多|来)?(岁|周岁)/.exec(t);
  if (zh?.groups) {
    const y = years(zh.groups.n!);
    if (y !== null) return { years: y, atLeast: zh.groups.plus === '多', ...whoseAge(t.slice(Math.max(0, zh.index - 8), zh.index)) };
  }
  const decade = /(我|俺)(今年|都|已经)?([二三四五六七八九])十多(了|岁)?/.exec(t);
  if (decade) return { years: ZH_DIGITS[decade[3]!]! * 10, atLeast: true, whose: 'self' };
  const self = /\b(?:i'?m|i am)\s+(?:aged?\s+)?(\d{1,3})\b(?! (?:yuan|rmb|kuai|dollars|days|weeks|months|hours|km|kg|%))/i.exec(t);
  if (self) {
    const y = years(self[1]!);
    if (y !== null) return { years: y, atLeast: false, whose: 'self' };
  }
  const en = /\baged?\s+(\d{1,3})\b|\b(\d{1,3}) years? old\b/i.exec(t);
  if (en) {
    const y = years(en[1] ?? en[2]!);
    if (y !== null) return { years: y, atLeast: false, ...whoseAge(t.slice(Math.max(0, en.index - 30), en.index)) };
  }
  const seventies = /\bin (my|his|her) (sixties|seventies|eighties|nineties)\b/i.exec(t);
  if (seventies) {
    const decadeYears = { sixties: 60, seventies: 70, eighties: 80, nineties: 90 }[seventies[2]!.toLowerCase() as 'sixties']!;
    return { years: decadeYears, atLeast: true, ...(seventies[1]!.toLowerCase() === 'my' ? { whose: 'self' as const } : {}) };
  }
  return undefined;
}

function readUnpaidMonths(t: string): number | undefined {
  if (/半年/.test(t)) return 6;
  if (/一年多|一整年|一年/.test(t)) return 12;
  const zh = /(\d{1,2}|[一二两三四五六七八九十]{1,2})个(多)?月/.exec(t);
  if (zh) {
    const n = smallNumber(zh[1]!);
    if (n !== null && n > 0) return n;
  }
  const en = /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) months?\b/i.exec(t);
  if (en) return /^\d/.test(en[1]!) ? Number(en[1]) : EN_NUMBERS[en[1]!.toLowerCase()];
  if (/\bhalf a year\b|\bsix months\b/i.test(t)) return 6;
  return undefined;
}

/**
 * The kinds of disability in residents' words, as the disability question lists them (聋哑 is read as hearing: for the
 * decision, a hearing or a speech disability count alike, LAL 25); `unspecified`: a disability said without its kind.
 * Not "眼睛不好使", "耳朵有点背" (not said as a disability) nor a bare "听不见" (of a call, a voice).
 */
const DISABILITY_ZH: [StatedDisability['kind'], RegExp][] = [
  ['hearing', /聋哑|聋人|聋子|耳聋|失聪|耳朵(?:听不见|聋)|听力残疾/g],
  ['visual', /盲人|瞎子|失明|眼盲|(?:眼睛|双眼|眼)(?:瞎|看不见|看不到)|视力残疾/g],
  ['speech', /哑巴|哑人|言语残疾|不会说话/g],
  ['physical', /肢体残疾|坐轮椅|截肢|瘫痪|截瘫|偏瘫|(?:腿|脚|胳膊|手臂)(?:有|是)?残疾/g],
  ['intellectual', /智力残疾|智障|智力障碍/g],
  ['mental', /精神残疾/g],
  ['unspecified', /残疾人|有残疾|残疾证|残废/g],
];
/** A denial just before it: "不是残疾人", "没有残疾", "并非盲人". */
const DENIED_ZH = /(?:不是|不算|没有|没|并非|非|不)(?:是|个|一个|\s)*$/;
/** The certificate not yet issued ("残疾证还没办下来", "还没评残"): asked at the question, never assumed. */
const CERTIFICATE_PENDING = /残疾证.{0,6}(?:还没|没有?|未)(?:办|下来|批|拿到|领|发)|(?:还没|没有?|未)(?:办|领|拿到|评|鉴定)(?:下来)?(?:残疾证|残疾|伤残|评残)|还没评残/;
const SUBJECT_EN = `(?:i'?m|im|i am|i have|i've|ive|i use|i was born|my ${RELATIVE_EN} (?:is|has|was|uses|became|went)|(?:he|she)(?:'s| is| has| was| uses| became| went))`;
const KIND_EN: [StatedDisability['kind'], string][] = [
  ['hearing', 'deaf|hearing[- ]impaired'],
  ['visual', 'blind|visually[- ]impaired|lost (?:my|his|her) (?:sight|eyesight)'],
  ['speech', 'mute|dumb'],
  ['physical', 'in a wheelchair|a wheelchair|wheelchair[- ]bound|paraly[sz]ed|an amputee|lost (?:a|one|both|my|his|her) (?:legs?|arms?|hands?|feet|foot)'],
  ['intellectual', 'an intellectual disability|intellectually disabled'],
  ['mental', 'a mental disability|a psychosocial disability'],
  ['unspecified', 'disabled|a disability|handicapped|a disability (?:card|certificate)'],
];
/** "I'm blind", "my son is deaf and mute", "she is in a wheelchair": a subject, then the kind (a "not" between is no match). */
const DISABILITY_EN = new RegExp(
  `\\b${SUBJECT_EN}\\s+(?:(?:totally|completely|legally|partly|partially|also|almost|nearly|now|been|born|become|gone|using|use|a)\\s+)*(?:${KIND_EN.map(([kind, words]) => `(?<${kind}>${words})`).join('|')})\\b`,
  'i',
);

/** Whose a disability is by the words of its clause before it: a relative (or he/she after one), the resident, or nobody said. */
function whoseDisability(text: string, at: number): StatedDisability['whose'] | null {
  const clause = text.slice(0, at).split(/[，,。.;；!！?？\s]/).pop() ?? '';
  if (new RegExp(RELATIVE_ZH).test(clause)) return 'relative';
  if (/他|她/.test(clause) && new RegExp(RELATIVE_ZH).test(text.slice(0, at))) return 'relative';
  if (/他|她/.test(clause)) return null;
  return /我|俺|本人/.test(clause) ? 'self' : null;
}

/**
 * The disability a story states of the resident or a relative ("我是聋哑人…", "我儿子是聋哑人", "I'm blind and…"), to
 * offer at the disability question; none for a denial ("不是残疾人"), a certificate not yet issued ("残疾证还没办下来"),
 * words that do not say disability ("眼睛不好使"), or someone else ("老板专门欺负残疾人").
 */
export function readDisability(text: string): StatedDisability | undefined {
  const t = text.normalize('NFKC');
  if (CERTIFICATE_PENDING.test(t)) return undefined;
  const found: { at: number; kind: StatedDisability['kind']; whose: StatedDisability['whose'] }[] = [];
  for (const [kind, pattern] of DISABILITY_ZH) {
    for (const m of t.matchAll(pattern)) {
      if (DENIED_ZH.test(t.slice(0, m.index))) continue;
      const whose = whoseDisability(t, m.index);
      if (whose) found.push({ at: m.index, kind, whose });
    }
  }
  const first = found.sort((a, b) => a.at - b.at)[0];
  if (first) return { kind: first.kind, whose: first.whose };
  const en = DISABILITY_EN.exec(t);
  if (!en?.groups) return undefined;
  const kind = KIND_EN.map(([k]) => k).find((k) => en.groups![k] !== undefined)!;
  return { kind, whose: /^(?:my|he|she)\b/i.test(en[0]) ? 'relative' : 'self' };
}

/** Facts the story states plainly. */
export function statedFacts(text: string, category: CategoryId): StatedFacts {
  const t = text.normalize('NFKC');
  const facts: StatedFacts = {};
  const relative = /(我|俺)(的)?(儿子|女儿|孩子|妈|爸|母亲|父亲|老公|老婆|丈夫|妻子|哥|姐|弟|妹|爷爷|奶奶|外公|外婆|家老人)|\bmy (son|daughter|child|kid|mother|mum|mom|father|dad|husband|wife|brother|sister|grand(mother|father|ma|pa))\b/i;
  const age = readAge(t);
  if (age) facts.age = age;
  const disability = readDisability(t);
  if (disability) facts.disability = disability;
  if (category === 'wages' || category === 'work_injury') {
    const months = category === 'wages' ? readUnpaidMonths(t) : undefined;
    if (months !== undefined) facts.unpaidMonths = months;
    if (/农民工|农名工|工地|包工头|打工|进城务工|migrant worker|construction site/i.test(t)) facts.migrantWorker = true;
  }
  // Someone arrested is usually a relative the resident applies for; in other stories the resident tells their own problem.
  if (category === 'criminal_defense' && relative.test(t)) facts.forWhom = 'relative';
  else if (/(我|俺|\bi\b|\bmy\b|\bme\b)/i.test(t)) facts.forWhom = 'self';
  return facts;
}

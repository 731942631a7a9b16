import type { CategoryId } from '../eligibility/vocabulary.js';
import { categoryFromText } from '../../flows/intake/category-words.js';
import type { StatedFacts } from './types.js';

/**
 * Colloquial ways residents tell their problem that the intake's category words do not cover
 * ("老板跑路了，钱一分没拿到", "在厂里把手指头切断了", "被派出所抓了"). Consulted after the intake's words.
 */
const COLLOQUIAL: [CategoryId, RegExp][] = [
  ['work_injury', /(上班|干活|厂里|车间|工地|工厂|单位).{0,12}(手指|手指头|手|胳膊|腿|脚|腰|眼睛|头).{0,6}(断|切|轧|压|砸|夹|烫|烧|骨折|瞎)|(手指|手指头|手|胳膊|腿|脚).{0,4}(被机器|被机床|机器)|从.{0,6}(架子|脚手架|楼上|高处)(上)?(摔|掉)|\b(lost|cut off|crushed|broke) (a |my )?(finger|hand|arm|leg)s?\b.{0,30}\b(work|factory|site|machine)\b|\b(factory|site|machine)\b.{0,30}\b(lost|cut off|crushed|broke) (a |my )?(finger|hand|arm|leg)/i],
  ['wages', /(老板|老板娘|包工头|工头|厂里|公司|厂长|老板他).{0,10}(跑路|跑了|不给钱|没给钱|不发钱|拖着不给|赖账|不给结|不结账|一直拖)|干了.{0,8}(活|个月|年|天).{0,12}(没拿到|没给|不给|一分|没结|没发)|(钱|工钱|辛苦钱).{0,4}(一分)?(都)?没(拿到|给|结|发)|结不到(钱|账)|(boss|employer|company|foreman).{0,30}(ran off|disappeared|won'?t pay|refuses to pay|hasn'?t paid|didn'?t pay|never paid|not paid)|haven'?t (been )?paid|owe[sd]? (me|us) .{0,20}(months?|weeks?|pay)/i],
  ['criminal_defense', /(派出所|公安|警察|民警).{0,8}(抓|带走|关|拘)|被.{0,6}(抓|抓走|拘|关进去|带走调查)|关进去了|进去了.{0,6}(派出所|看守所)|\b(police|cops).{0,20}(took|arrested|detained|picked up|locked up)|\b(got|was|been) (arrested|locked up|detained)\b/i],
  ['domestic_violence', /(老公|丈夫|老婆|妻子|男朋友|男友|前夫|对象|公公|婆婆|继父|后爸|继母|后妈).{0,10}(打我|揍我|踢我|掐我|打得|动手|虐待|不让我吃饭|关着我)|(husband|wife|boyfriend|partner|ex).{0,20}(hits|beats|hit|beat|abuses|abused|kicks|kicked|slaps|slapped|chokes|choked) me/i],
  ['elder_support', /(儿子|女儿|儿女|子女|孩子们).{0,10}(不管我|不养我|不给钱|不给生活费|不赡养|不管老人|都不管)|(son|daughter|children|kids).{0,20}(won'?t|refuse to|don'?t|do not) (support|look after|take care of) (me|us)/i],
  ['traffic_injury', /(被|让).{0,4}(车|电动车|摩托车|货车|三轮车|面包车|出租车|外卖车)(给)?(撞|刮|碾|轧)|骑车.{0,6}(撞|摔)|\b(hit|knocked down|run over) by (a |an )?(car|truck|van|bus|motorbike|scooter|taxi|e-?bike)/i],
  ['contract_debt', /借(了)?(我|给他|给她|给朋友|出去).{0,10}(钱|万|块)|(朋友|亲戚|同事|邻居|他|她).{0,8}借.{0,8}(不还|没还|一直拖)|\b(lent|loaned) .{0,30}(money|\d)|won'?t pay (me )?back/i],
  ['consumer', /(网上|网购|淘宝|拼多多|京东|直播间|商场|店里).{0,10}(买|下单)|买的.{0,10}(坏|假|退不了|不给退)|\b(bought|ordered) .{0,30}(broken|fake|refund|return)/i],
  ['labor_contract', /被.{0,6}(炒|辞退|开除|裁)(了|掉)?|把我(炒|辞|开|裁)(了|掉)|炒鱿鱼|不让我干了|让我走人|\b(fired|let go|laid off|sacked) me\b|\bgot (fired|sacked|laid off)\b/i],
  ['medical_injury', /(医院|医生|大夫|诊所).{0,12}(治坏|误诊|做坏|搞错|出事|治死|延误|割错)|\b(hospital|doctor).{0,30}(botched|misdiagnos|wrong (leg|arm|organ)|negligen)/i],
  ['marriage_family', /想离婚|要离婚|闹离婚|离不了婚|孩子(的)?抚养权|\b(want|wants) (a )?divorce\b/i],
  ['house_expropriation', /(房子|房屋|老房|家).{0,8}(被拆|要拆|强拆|拆了)|\b(house|home)\b.{0,20}\b(demolish|torn down|tear down)/i],
];

/** The category a resident's story points to, or null. */
export function storyCategory(text: string): CategoryId | null {
  const t = text.normalize('NFKC');
  const fromIntake = categoryFromText(t);
  if (fromIntake) return fromIntake;
  for (const [category, pattern] of COLLOQUIAL) if (pattern.test(t)) return category;
  return null;
}

/** A story, not a bare question: it tells what happened to the resident or someone close. */
const NARRATIVE_ZH = /(我|俺|咱|我们|我家|我妈|我爸|我老公|我老婆|我儿子|我女儿|我孩子|我哥|我姐|我弟|我妹|老公|老婆|儿子|女儿).{0,40}(了|过|被|没|不给|一直|已经|正在|在|要|想|让|把)|被.{1,12}了|了[，,。！!\s]/;
const EVENTS_ZH = /干了|做了|不给|没给|拖着|跑路|跑了|不还|不管|不赔|欠(了)?(我|俺)|一直(不|没)|还没|到现在/;
const NARRATIVE_EN = /\b(i|i'm|i've|my|we|we've|our|me)\b.{0,60}\b(was|were|got|been|have|has|had|did|didn'?t|haven'?t|hasn'?t|won'?t|ran|lost|fired|hits?|beats?|owes?|took|left|is|are|am|keeps?|worked|refuses?|says?|said)\b/i;

/** Does the text tell a story (rather than ask a general question)? */
export function tellsStory(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (/\p{Script=Han}/u.test(t)) return [...t].length >= 8 && (NARRATIVE_ZH.test(t) || EVENTS_ZH.test(t));
  return t.split(/\s+/).length >= 5 && NARRATIVE_EN.test(t);
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

function readAge(t: string): StatedFacts['age'] | undefined {
  const zh = /(?<n>\d{1,3}|[一二两三四五六七八九十]{1,3})(?<plus>多|来)?(岁|周岁)/.exec(t);
  if (zh?.groups) {
    const years = smallNumber(zh.groups.n!);
    if (years !== null && years > 0 && years < 120) return { years, atLeast: zh.groups.plus === '多' };
  }
  const decade = /(我|俺)(今年|都|已经)?([二三四五六七八九])十多(了|岁)?/.exec(t);
  if (decade) return { years: ZH_DIGITS[decade[3]!]! * 10, atLeast: true };
  const en = /\b(?:i'?m|i am|aged?)\s+(\d{1,3})\b|\b(\d{1,3}) years? old\b/i.exec(t);
  if (en) {
    const years = Number(en[1] ?? en[2]);
    if (years > 0 && years < 120) return { years, atLeast: false };
  }
  const seventies = /\bin (my|his|her) (sixties|seventies|eighties|nineties)\b/i.exec(t);
  if (seventies) return { years: { sixties: 60, seventies: 70, eighties: 80, nineties: 90 }[seventies[2]!.toLowerCase() as 'sixties']!, atLeast: true };
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

/** Facts the story states plainly. */
export function statedFacts(text: string, category: CategoryId): StatedFacts {
  const t = text.normalize('NFKC');
  const facts: StatedFacts = {};
  const relative = /(我|俺)(的)?(儿子|女儿|孩子|妈|爸|母亲|父亲|老公|老婆|丈夫|妻子|哥|姐|弟|妹|爷爷|奶奶|外公|外婆|家老人)|\bmy (son|daughter|child|kid|mother|mum|mom|father|dad|husband|wife|brother|sister|grand(mother|father|ma|pa))\b/i;
  const age = readAge(t);
  if (age) facts.age = age;
  if (category === 'wages' || category === 'work_injury') {
    const months = category === 'wages' ? readUnpaidMonths(t) : undefined;
    if (months !== undefined) facts.unpaidMonths = months;
    if (/农民工|工地|包工头|打工|进城务工|migrant worker|construction site/i.test(t)) facts.migrantWorker = true;
  }
  // Someone arrested is usually a relative the resident applies for; in other stories the resident tells their own problem.
  if (category === 'criminal_defense' && relative.test(t)) facts.forWhom = 'relative';
  else if (/(我|俺|\bi\b|\bmy\b|\bme\b)/i.test(t)) facts.forWhom = 'self';
  return facts;
}

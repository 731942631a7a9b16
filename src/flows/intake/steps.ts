import { describesMigrantWork, groupAskedAbout, GROUP_WORDS } from '../../knowledge/understanding/group-question.js';
import { asksWhoCounts } from '../../knowledge/understanding/household-question.js';
import { ACCOUNT_MAX_CHARS, accountPlus } from './account-words.js';
import type { BotReply, Choice, Params, ResidentEvent } from '../events.js';
import { choice, reply } from '../replies.js';
import { translate } from '../../locales/render.js';
import {
  CATEGORIES,
  DISABILITIES,
  GROUPS,
  type CategoryId,
  type GroupId,
} from '../../knowledge/eligibility/vocabulary.js';
import { categoryFromText, neighbourDispute } from './category-words.js';
import { withoutFinalParticles } from '../../knowledge/understanding/colloquial.js';
import { toSimplified } from '../../knowledge/understanding/simplified.js';
import { asksAboutTheCall, onlyPhoneIn, readName, readPhone, statedNameIn, withoutQuestionAfter, worriesAboutCall } from './contact-validation.js';
import { refersToEarlier } from './typed-choice.js';
import { asksIfDisability, saysNoCertificate } from '../../knowledge/understanding/disability-question.js';
import type { IntakeDeps } from './intake-deps.js';
import type { IntakeContext, StepId } from './intake-types.js';
import type { StatedDisability } from '../../knowledge/understanding/types.js';
import { householdFromWords, readAge, readAgeRange, readBirthYear, readDays, readLeadingNumber, readNumber, unitOf, type QuantityUnit } from './number-words.js';
import { ageLines, rangeDecision } from '../../knowledge/eligibility/age-lines.js';
import { statedAnswers } from '../../knowledge/understanding/stated-answers.js';
import { readAge as readStatedAge, tellsStory } from '../../knowledge/understanding/story.js';
import { oneToThreeOf } from '../word-run.js';
import { readDeadline, roughDeadline, stripDeadlineWords } from './deadline-words.js';
import { afterUnsureClause, afterUnsureWords, mentionsUnsure, saysUnsure } from './unsure-words.js';
import { asksWhichToChoose, namesPlaceElsewhere, regionByOwnWord } from './region-words.js';

/** How a step changes the context when its answer is accepted. */
export type Patch = (ctx: IntakeContext) => Partial<IntakeContext>;

/** The result of reading an answer: accepted, still on the same question (e.g. a checklist toggle), or refused with a reason. */
export type ReadResult =
  | { kind: 'answer'; patch: Patch }
  /** Stays at this question; `reply`, when given, comes before the question again (e.g. "noted: …"). */
  | { kind: 'stay'; patch: Patch; reply?: BotReply }
  | { kind: 'unsure' }
  | { kind: 'invalid'; error: string; params?: Params }
  /** Not an answer but a question about the question ("why?", "my region is not listed"): reply, then ask again. */
  | { kind: 'explain'; reply: BotReply };

export interface StepDefinition {
  prompt(ctx: IntakeContext, deps: IntakeDeps): BotReply;
  read(event: ResidentEvent, ctx: IntakeContext, deps: IntakeDeps): ReadResult;
  /** May be answered "not sure". */
  unsureAllowed?: boolean;
  /** Takes free text as the answer, so a question typed here is not treated as a question to the FAQ. */
  freeText?: boolean;
}

const YES_WORDS = String.raw`是|是的|是啊|是呀|对|对的|对啊|对呀|对对|对对对|没错|没错的|有|有的|需要|要|好|好的|好啊|行|行的|可以|同意|确定|确认|没问题|嗯|嗯嗯|嗯呢|嗯呐|嗯哪|嗯那|恩呐|好哒|ok|okay|sure|yes|y|yeah|yep|yup|ya|yah|yea|true|right|correct|that'?s right|that'?s it|thats it|exactly|that'?s the one|就是|就是这个|就是它|没毛病`;
const NO_WORDS = String.raw`否|不是|不是的|不对|错了|不|没有|没|没得|无|不需要(的)?|不要|不用(了)?|没必要|不必(了)?|用不着|no|n|nope|nah|none|false|wrong|not really|not at all|i don'?t think so`;
/** One to three of them, as typed: "yes thats right", "是的没错", "nope, no". */
const YES = oneToThreeOf(YES_WORDS);
/**
 * A clear yes, for a question whose yes changes how the case is handled (urgency): "是", "需要", "要", "yes",
 * "need it". An acknowledgement ("ok", "好", "嗯", "行", "sure") is not one (docs/intake.md).
 */
const CLEAR_YES = oneToThreeOf(String.raw`是|是的|是啊|是呀|对|对的|对啊|没错|需要|需要的|要|要的|很需要|yes|yeah|yep|need|needed|need it|i need it|we need it|i do|we do|true|correct|that'?s right`);
/** A clear yes among acknowledgements ("好的 需要", "ok yes"): the clear word decides. */
const HAS_CLEAR_YES = /是|对|没错|需要|要|\b(yes|yeah|yep|need|needed|true|correct|right)\b/i;
const NO = oneToThreeOf(NO_WORDS);
/** A guessed no: "不用吧", "没有吧", "应该不需要", "好像没有", "probably not", "i guess not". Staff check it as any answer. */
const GUESSED_NO = new RegExp(
  String.raw`^(?:(?:应该|好像|大概|估计|可能)(?:是)?(?:${NO_WORDS})(?:吧|了吧|的吧)?|(?:${NO_WORDS})(?:吧|了吧|的吧))[!！。.~～]*$|^(?:probably|prob|i guess|guess|i think|maybe|likely)[\s,]+(?:not|no)[!.]*$`,
  'i',
);
/** "没得期限", "没啥期限", "没有什么期限", "no deadline as far as i know": the "no deadline" button, as said in words. */
const NO_DEADLINE = /^(我们?)?(没得|没啥|没有啥|没什么|没有什么|没有|没|无)(啥|什么)?(期限|时限|截止日期|截止)(的|啊|呀|吧)?[。.!！]*$|^no deadlines?( (yet|that i know of|as far as i know))?[.!]*$|^(there'?s |there is )?no (court|hearing|trial|arbitration) (date|day)( (yet|set|so far))?[.!]*$|^(还)?没(有)?(定)?(开庭|仲裁)(时间|日期|的日子)(呢)?[。.!！]*$/i;
/** Documents named in words at the documents question. */
const DOCUMENT_WORDS =
  /身份证|户口|合同|工资条|工资单|欠条|借条|收据|发票|票据|病历|诊断|x光|片子|照片|截图|聊天记录|录音|视频|转账|流水|证据|证明|判决书|通知书|报告|协议|工牌|考勤|\b(id|contract|payslips?|pay ?slips?|iou|receipts?|invoices?|bills?|medical records?|x-?rays?|scans?|photos?|pictures?|screenshots?|messages|recordings?|bank (statements?|transfers?)|transfers?|evidence|certificates?|reports?|letters?|judg(e)?ments?|agreements?|documents?|papers)\b/i;

/** Done sending files, or none to send now ("手上没有", "以后再交", "i dont have any right now"); see also NONE_TO_SEND. */
const DONE_OR_LATER =
  /^(完成|好了|发完了|提交|提交吧|继续|下一步|传完了|跳过|没有|没|暂时没有|现在没有|手上没有|手头没有|还没有|都没有|没带|以后再交|以后再说|以后再发|之后再交|下次再交|下次带|done|finished|skip|later|next|continue|submit|no|none|nothing|not now|no documents?|(i )?(don'?t|do not|dont) have (any|them|anything|it)( (right )?now| with me| yet| here)?|(i'?ll|i will) (bring|send) (them|it|everything|the papers|the documents)( later| when i come( in)?| in person| next time| with me)*)[!！。.]*$/i;
/**
 * None, said with what there is none of ("没有材料", "啥材料都没有", "我没有证据", "no papers", "i have nothing to send"):
 * the whole message, so "没有合同 只有聊天记录" (some there is) is still noted as documents.
 */
const NONE_TO_SEND =
  /^(我|俺)?(现在|暂时|目前|手上|手头|手里|身边|还)?(什么|啥|任何)?(材料|证据|文件|资料|东西|照片)?(都|也)?(没有|没|没带|没得)(什么|啥|任何)?(材料|证据|文件|资料|东西|照片|可以发的|能发的)?(了|呢|啊|哦)?[!！。.~～]*$|^(i )?(have |got )?(no|none|nothing)( (papers?|documents?|evidence|proof|files?|photos?|pictures?))?( (to send|to give|with me|yet|right now|now|at the moment))*[!.]*$|^i (don'?t|do not|dont) have any (papers?|documents?|evidence|proof|files?|photos?|pictures?)( (yet|right now|now|with me))?[!.]*$/i;
/** Nothing (more) to send at the documents question, in any of the ways above. */
const saysNoDocumentsNow = (text: string): boolean => DONE_OR_LATER.test(text) || NONE_TO_SEND.test(text);
/** Signs that property or evidence is about to go: the other side running off, selling up, moving money, deleting records. */
const ASSETS_AT_RISK =
  /跑路|要跑|想跑|准备跑|躲起来|转移(财产|资产|钱|存款|房子|房产|车)|把(钱|存款|房子|车|财产).{0,4}(转走|转移|转到|过户|藏起来|卖了)|偷偷(卖|转|取)|(取走|转走|取光)了?(钱|存款)|(卖|变卖|过户)(房|车|厂|设备|财产)|关厂|关门|注销公司|删(了|掉)?(聊天)?记录|毁(掉)?证据|\b(run(ning)? off|ran (away|off)|(has|have|had) (run|gone) (away|off)|fled|disappear(ing|ed)?|skip(ping|ped)? town|leav(e|ing) the country)\b|\b(moving|hiding|transferring) (his |her |their |the )?(money|assets|property)\b|\b(selling|(trying|going|wants?|about|planning) to sell|putting up for sale) (the |his |her |their |our )?(house|home|flat|apartment|car|truck|factory|business|company|equipment|land|shop|store|restaurant)\b|\b(delet(e|ing)|destroy(ing)?) (the )?(evidence|records|messages)\b/i;
/** The other side running off or moving what they have, named with a doubt ("不知道他会不会跑", "not sure if he will run"). */
const RUNS_OR_MOVES = /跑|转移|转走|卖|藏|躲|\b(run|runs|running|flee|disappear|leave town|move (his|her|the|their) (money|assets)|sell|hide)\b/i;
/** Whether a text is the preservation question's yes by itself ("老板好像要跑路了", "he is moving his money"). */
export const signalsAssetsAtRisk = (text: string): boolean => ASSETS_AT_RISK.test(text) && !/^(不|没|no\b|not\b)/i.test(text.trim());
/**
 * No income at all, said in words at the income question: "没有", "啥收入都没有", "一分钱都没有", "we have no income".
 * (The question asks for income, so a bare "没有" is none of it.)
 */
const NO_INCOME =
  /^(我们?|家里|俺|俺们|我家)?(现在|目前|暂时)?(啥|什么)?(收入)?(都|也)?(没有|没|没得|无)(啥|什么)?(收入|进账|钱)?(了|啊|呀|呢|哦)?[。.!！~～]*$|^(一分钱?|一分)(收入)?(都|也)?没有[。.!！]*$|^((we|i) (have|got|get) )?(no|zero) (income|money)( (at all|now|right now|coming in))?[.!]*$|^none( at all)?[.!]*$|^(we|i) (don'?t|do not) (have|get|earn) (any )?(income|money)( (at all|now|right now))?[.!]*$|^(nothing|none|zero|no income|no money)( (right )?now| at the moment| at all)?[,.;]\s*(i|we|he|she)\b[^\d]*$/i;

/** A year's income said instead of a month's ("一年三万左右", "年收入2万", "about 30000 a year"): a twelfth of it, rounded. */
function yearlyAsMonthly(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  // What it comes from, said first ("种地一年也就万把块钱", "打零工一年两万"): a few characters before the year.
  const zh = /^(?:\p{Script=Han}{1,6}?)?(?:一年|每年|年收入|全年|一年下来)(?:大概|大约|差不多|也就|能|有|挣|收入)*(.+?)(?:左右|多|出头|上下)?$/u.exec(t);
  const en = /^(?:about |around |roughly )?(.+?) (?:a|per) year$/i.exec(t);
  const amount = zh?.[1] ?? en?.[1];
  const n = amount === undefined ? null : readNumber(amount);
  return n === null || n <= 0 ? null : Math.round(n / 12);
}
/** The one amount in a short English answer ("we get 2500 from my pension", "no idea maybe 2000"); none when it has two. */
function soleAmount(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  if (/\p{Script=Han}/u.test(t) || t.split(/\s+/).length > 12) return null;
  const amounts = t.match(/\d[\d,]*(?:\.\d+)?\s*k?\b/gi) ?? [];
  return amounts.length === 1 ? readNumber(amounts[0]!.replace(/[,\s]/g, '')) : null;
}
/** A sum of money in figures or Chinese numerals: "3000", "2,500", "2.5k", "三千多", "两千五", "1万". */
const MONEY = /\d[\d,]*(?:\.\d+)?\s*(?:k\b|千|万)?|[一二两三四五六七八九十][一二两三四五六七八九十百千万零]*(?=多|元|块|左右|[，,。.\s]|$)/gi;
/** Saying the figure is already the household's total: "加起来一共五千五", "5500 in total". */
const TOTAL = /一共|总共|加起来|合计|加在一起|全家|\b(in total|altogether|total|combined|together)\b/i;
/**
 * Two or more incomes said in one answer ("我挣三千多，我老婆在超市上班一个月两千五", "i make 3000 and my wife gets 2500"),
 * none of them said to be the total: the amounts (at least 100 yuan each), or `null`. Taking one of them understates
 * the household's income.
 */
function severalIncomes(text: string): number[] | null {
  const t = text.normalize('NFKC');
  if (TOTAL.test(t)) return null;
  const amounts = (t.match(MONEY) ?? []).map((m) => readNumber(m.replace(/[,\s]/g, ''))).filter((n): n is number => n !== null && n >= 100);
  return new Set(amounts).size >= 2 ? amounts : null;
}


/** "None of these" at a checklist, as residents type it. */
const NONE_OF_THESE = /^(以上)?(都|全|全都|一个都)?(不是|没有|不属于|不符合|没|不沾边|沾不上边|不搭边|挨不上)(的|啊|呀)?[!！。.]*$|^(none|nothing)( of (these|them|the above))?[!！。.]*$|^(i'?m |i am )?not any of (these|them)[!！。.]*$/i;
/** A resident correcting what the bot understood: "不是…", "其实是…", "not wages, actually…". */
const CORRECTION = /不是|不对|并不|其实|而是|倒是|\bnot\b|n't\b|\bactually\b|\brather\b/i;
const NOT_LISTED = /^(不在列表中?|不在上面|没有我的地区|没有我(们)?(这|那)里|都不是|其他地区|外地|别的地方|not listed|my region is not listed|none of these|other|somewhere else)[!！。.]*$/i;

/** A hedged answer, not sure or a guessed no: "我也不知道 好像没有吧", "应该没有吧", "probably not", "i dont think there is one". */
const HEDGED = (text: string): boolean => mentionsUnsure(text) || GUESSED_NONE.test(text);
/** A guessed none: "好像没有", "应该也没", "probably not", "i dont think there is one", "not that i know". */
const GUESSED_NONE = /(好像|应该|估计|可能|大概)(也)?没(有)?|\b(probably not|i don'?t think( so)?|i dont think|not that i know)\b/iu;

/** The category list's last button in a word or two: "其他", "别的问题", "other", "something else". */
const OTHER_GROUP = /^(其他|其它|别的|其他的|其它的|别的事|其他事|其他问题|其它问题|别的问题|其他情况|other|others|something else|another thing)$/i;
const choiceId = (event: ResidentEvent) => (event.type === 'user.choice' ? event.id : null);
const textOf = (event: ResidentEvent) => (event.type === 'user.text' ? event.text.trim() : null);

/** Person words: questions about the applicant say "you" or "the person who needs help". */
const who = (ctx: IntakeContext) => ({ key: ctx.applicant.relation === 'relative' ? 'intake.who.relative' : 'intake.who.self' });

/**
 * A question about the applicant: the key stays `intake.q.<step>`, its text is worded for who answers —
 * `intake.ask.<step>.self` ("How old are you?") or `.relative` ("How old is the person who needs help?").
 */
function personal(step: StepId, ctx: IntakeContext, choices?: Choice[]): BotReply {
  const form = ctx.applicant.relation === 'relative' ? 'relative' : 'self';
  return reply(`intake.q.${step}`, { question: { key: `intake.ask.${step}.${form}`, params: { who: who(ctx) } } }, choices);
}

/**
 * The age the starting story stated for the person the application is for ("my dad is 72" when applying
 * for a family member, "我七十二岁了" for oneself), offered as a button; null when the story stated none
 * or stated someone else's.
 */
export function statedAgeOf(ctx: IntakeContext): { years: number; atLeast: boolean } | null {
  const stated = ctx.statedAge;
  // Asked again to change it (from the summary, or "back"): the resident wants another value than the one given.
  if (!stated || ctx.answered.includes('age')) return null;
  const relation = ctx.applicant.relation;
  const matches = relation === 'relative' ? stated.whose === 'relative' : relation === 'self' && stated.whose !== 'relative';
  return matches ? { years: stated.years, atLeast: stated.atLeast === true } : null;
}

/**
 * The disability the story stated for the person the application is for ("我是聋哑人" for one's own, "我儿子是聋哑人" for
 * a son's), offered at the disability question; null when none was stated, it was someone else's, or the question was
 * answered (asked again to change it: another answer is wanted).
 */
export function statedDisabilityOf(ctx: IntakeContext): StatedDisability | null {
  const stated = ctx.statedDisability;
  if (!stated || ctx.answered.includes('disability')) return null;
  const relation = ctx.applicant.relation;
  return (relation === 'relative' ? stated.whose === 'relative' : relation === 'self' && stated.whose === 'self') ? stated : null;
}

const PHONE_NUMERALS: Record<string, string> = { 〇: '0', 零: '0', 洞: '0', 幺: '1', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** A run of seven or more Chinese numerals (spaces and dashes between them allowed) as its digits; the rest as typed. */
function numeralsAsDigits(text: string): string {
  return text.replace(/[〇零洞幺一二三四五六七八九](?:[\s-]*[〇零洞幺一二三四五六七八九]){6,}/g, (run) => run.replace(/[\s-]/g, '').replace(/./g, (c) => PHONE_NUMERALS[c] ?? c));
}

/** The button of the deadline told in the story ("下周三开庭"); its id carries no days (they change with the day). */
const STATED_DEADLINE = 'opt:deadline:stated';

/** Days from one `YYYY-MM-DD` to another. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The deadline the story told, with its days counted from today; `null` when none was told, it has passed, or the question was answered. */
function statedDeadlineOf(ctx: IntakeContext, deps: IntakeDeps): { days: number; words: string } | null {
  const stated = ctx.statedDeadline;
  if (!stated || ctx.answered.includes('deadlineDays')) return null;
  const days = stated.days - (deps.today ? Math.max(0, daysBetween(stated.on, deps.today())) : 0);
  return days >= 0 ? { days, words: stated.words } : null;
}

/**
 * How long someone is held, said at the deadline question ("拘留15天", "已经被关了10天了", "he got 15 days detention"): the
 * days of detention, not the days left before a hearing or a charge decision.
 */
const DETENTION_DAYS =
  /(拘留|刑拘|行拘|关押|羁押|关了|被关|拘役|判了)[^\d一二两三四五六七八九十]{0,4}(\d{1,3}|[一二两三四五六七八九十]{1,3})(天|日|个月)|\b(detained|locked up|jailed|held|in (jail|detention|custody))\b.{0,20}\b\d{1,3} days?\b|\b\d{1,3} days?\b.{0,12}\b(detention|jail|custody|lock ?up|locked up)\b/i;
/** A deadline named with it ("拘留15天 下周开庭"): then the answer is read as usual. */
const DEADLINE_NAMED = /开庭|仲裁|起诉|宣判|截止|\b(court|hearing|trial|deadline)\b/i;

/** The button of the name said in the account. */
const STATED_NAME = 'opt:name:stated';

/**
 * The resident's name introduced in their own account ("我叫李建国，…"): offered at the name question of their own
 * application, or at the own-name question of a relative's (the account's 我 is the resident); `null` otherwise.
 */
function statedNameOf(ctx: IntakeContext, step: 'name' | 'ownName' = 'name'): string | null {
  if (ctx.applicant.relation !== (step === 'name' ? 'self' : 'relative') || !ctx.applicant.description) return null;
  return statedNameIn(ctx.applicant.description);
}

/** "我前面说了啊" at a question whose answer may be in what was said before: press what was said, or type it again. */
const saidBefore = (stated: string | null): ReadResult =>
  stated ? { kind: 'invalid', error: 'intake.err.said_before_stated', params: { value: stated } } : { kind: 'invalid', error: 'intake.err.said_before' };

/** A household size or income stated with an earlier answer, while its question has not been answered: one tap. */
function statedValueOf(ctx: IntakeContext, step: 'householdSize' | 'householdMonthlyIncome'): number | null {
  if (ctx.answered.includes(step)) return null;
  return (step === 'householdSize' ? ctx.statedHousehold : ctx.statedIncome) ?? null;
}

/** The number a stated value's button carries in its id ("opt:income:2000"), or the text typed. */
function typedOrStated(event: ResidentEvent, prefix: string): string | null {
  const id = choiceId(event);
  return id?.startsWith(prefix) ? id.slice(prefix.length) : textOf(event);
}

/**
 * Pay said per month with no unit ("每个月两千多", "i make 2000 a month"): at the deadline question it is money, not
 * days ("一个月" alone, "还有一个月开庭", is still a duration).
 */
const PER_MONTH_PAY = /^(每个?月|月薪|月收入|工资|收入)|(a|per|every|each) ?month$|monthly$|每个?月$/i;

/** A number typed with the unit of another question (`2000元` at the deadline): say so kindly instead of misreading it. */
function wrongUnit(text: string, expected: QuantityUnit, found: QuantityUnit | null = unitOf(text)): ReadResult | null {
  if (found === null || found === expected) return null;
  return { kind: 'invalid', error: 'intake.err.wrong_unit', params: { text, found: { key: `intake.unit.${found}` }, expected: { key: `intake.unit.${expected}` } } };
}

function unsureChoice(): Choice {
  return choice('intake.unsure', 'intake.opt.unsure');
}

/** Yes-or-no questions about the applicant (the others are about the case). */
const ABOUT_APPLICANT = new Set<StepId>(['hasDefender', 'cannotFullyRecognizeConduct', 'fixedIncome']);

/** Categories in which the resident is the one accused or held (their side has no claim on assets). */
const DEFENDING: ReadonlySet<string> = new Set(['criminal_defense', 'compulsory_treatment']);

function yesNo(step: StepId, ctx: IntakeContext, extra: Choice[] = []): BotReply {
  const choices = [choice('intake.yes', 'intake.opt.yes'), choice('intake.no', 'intake.opt.no'), ...extra];
  return ABOUT_APPLICANT.has(step) ? personal(step, ctx, choices) : reply(`intake.q.${step}`, { who: who(ctx) }, choices);
}

/** A yes or no, then why: "yes he might sell the car", "no, nothing like that", "没有，他没什么财产". */
const LEADING_YES = /^(yes|yeah|yep|yup|是的|是啊|对的|有的)[\s,，.。!！:：]+\S/i;
const LEADING_NO = /^(no|nope|nah|没有|不是|不会|不用|不需要)[\s,，.。!！:：]+\S/i;
/** No defence lawyer, in a family's words ("还没请律师", "请不起", "can't afford one"). */
const NO_DEFENDER = /没(有)?(请|找|钱请)|请不起|找不到律师|没(有)?律师|no lawyer|can'?t afford|cannot afford|(haven'?t|have not|didn'?t|did not) (got|get|hired|hire|found|find)|(don'?t|do not) have (a |any )?lawyer/i;
/** A defence lawyer already there ("家里已经请了律师", "we hired a lawyer"). */
const HAS_DEFENDER = /(已经|家里)?(请了|找了|委托了)(个|一个)?律师|有律师了|(we|i|family) (have|has|hired|got) (a )?lawyer/i;

/**
 * A yes or no, pressed or typed (`thenWhy`: also one followed by why); `null` for anything else, "not sure"
 * included.
 */
function yesOrNo(event: ResidentEvent, { thenWhy = true } = {}): boolean | null {
  const id = choiceId(event);
  const text = textOf(event);
  if (id === 'intake.yes' || (text !== null && YES.test(text))) return true;
  if (id === 'intake.no' || (text !== null && (NO.test(text) || GUESSED_NO.test(text.normalize('NFKC').trim())))) return false;
  if (text === null || !thenWhy || mentionsUnsure(text)) return null;
  const t = text.normalize('NFKC').trim();
  if (LEADING_YES.test(t)) return true;
  if (LEADING_NO.test(t)) return false;
  return null;
}

/**
 * A yes-or-no whose yes makes the case urgent: a typed yes must be a clear one; an acknowledgement gets the
 * question again with why it needs a clear answer.
 */
function readClearYesNo(event: ResidentEvent, apply: (value: boolean) => Patch): ReadResult {
  const text = textOf(event);
  const answer = yesOrNo(event);
  const t = text?.normalize('NFKC').trim() ?? '';
  const clear = CLEAR_YES.test(t) || LEADING_YES.test(t) || (YES.test(t) && HAS_CLEAR_YES.test(t));
  if (answer === true && text !== null && !clear) return { kind: 'invalid', error: 'intake.err.clear_yes_no' };
  return answer === null ? { kind: 'invalid', error: 'intake.err.yes_no' } : { kind: 'answer', patch: apply(answer) };
}

function readYesNo(event: ResidentEvent, apply: (value: boolean) => Patch, error: string): ReadResult {
  const answer = yesOrNo(event);
  return answer === null ? { kind: 'invalid', error } : { kind: 'answer', patch: apply(answer) };
}

function readOption<T extends string>(event: ResidentEvent, values: readonly T[], words: (value: T) => RegExp | null): T | null {
  const id = choiceId(event);
  if (id?.startsWith('opt:')) {
    const value = id.slice(4) as T;
    return values.includes(value) ? value : null;
  }
  const typed = textOf(event);
  if (typed === null) return null;
  // "给自己申清", "没残疾哈": read in simplified characters, the slips for 申请 made 申请, without a final 哈 or 呗; "自已" /
  // "自巳" (the commonest slip for 自己) as 自己.
  const text = withoutFinalParticles(toSimplified(typed)).replace(/自[已巳]/g, '自己');
  for (const value of values) if (words(value)?.test(text)) return value;
  return null;
}

/** The category buttons, grouped the way residents think about their problem. */
export const CATEGORY_GROUPS: { id: string; key: string; categories: CategoryId[] }[] = [
  { id: 'wages', key: 'intake.catgroup.wages', categories: ['wages'] },
  { id: 'work_injury', key: 'intake.catgroup.work_injury', categories: ['work_injury'] },
  { id: 'labor', key: 'intake.catgroup.labor', categories: ['labor_contract', 'labor_relationship', 'social_insurance'] },
  { id: 'traffic', key: 'intake.catgroup.traffic', categories: ['traffic_injury'] },
  { id: 'domestic_violence', key: 'intake.catgroup.domestic_violence', categories: ['domestic_violence'] },
  { id: 'family', key: 'intake.catgroup.family', categories: ['marriage_family', 'inheritance'] },
  { id: 'support', key: 'intake.catgroup.support', categories: ['elder_support', 'child_support', 'spousal_support'] },
  { id: 'criminal', key: 'intake.catgroup.criminal', categories: ['criminal_defense', 'criminal_victim', 'compulsory_treatment'] },
  {
    id: 'other',
    key: 'intake.catgroup.other',
    categories: CATEGORIES.filter(
      (c) =>
        ![
          'wages', 'work_injury', 'labor_contract', 'labor_relationship', 'social_insurance', 'traffic_injury',
          'domestic_violence', 'marriage_family', 'inheritance', 'elder_support', 'child_support', 'spousal_support',
          'criminal_defense', 'criminal_victim', 'compulsory_treatment',
        ].includes(c),
    ),
  },
];

const categoryChoice = (c: CategoryId) => choice(`cat:${c}`, `category.${c}`);

const REGION_WORDS = (name: { 'zh-CN': string; en: string }) =>
  new RegExp(`${escape(name['zh-CN'])}|${escape(name.en)}`, 'i');

/** A region's name as residents say it: "示例市" for the button "示例市本级" (本级 is the authorities' word). */
const SPOKEN_REGION_WORDS = (name: { 'zh-CN': string; en: string }) => {
  const spoken = name['zh-CN'].replace(/本级$/, '');
  return spoken === name['zh-CN'] ? null : new RegExp(escape(spoken));
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


/**
 * The groups a resident says they belong to, typed at another question ("我是农民工", "俺是低保户", "i'm a migrant worker"):
 * to tick in advance at the groups question. Nothing for a denial ("我不是农民工") or a story that only mentions a word.
 */
export function groupsSaidIn(typed: string): GroupId[] {
  const text = typed.normalize('NFKC').trim();
  if (!/^(我|俺|本人|我们|俺们|我家|俺家)(也|都)?(是|属于|算|家是)|^(i'?m|i am|we are|we're) (a |an )?/i.test(text)) return [];
  if (/^(我|俺|本人|我们|俺们|我家|俺家)(也|都)?(不是|不属于|不算)|\bnot\b/i.test(text)) return [];
  return GROUPS.filter((g) => GROUP_WORDS[g].test(text));
}

/**
 * More of the story typed at a question after the account ("司机跑了，到现在都没找到，医药费花了三万多" at the name or the
 * relation): added to the account, said so, and the question asked again; `null` when it does not read as a story.
 */
function moreOfTheAccount(ctx: IntakeContext, text: string): ReadResult | null {
  // About the question itself ("我不想告诉你我的名字", "叫我张阿姨就行") is no part of the story.
  if (/名字|姓名|叫我|称呼|\bname\b/i.test(text)) return null;
  if (!ctx.applicant.description || !(tellsStory(text) || [...text.replace(/[^\p{Script=Han}]/gu, '')].length >= 10)) return null;
  const description = accountPlus(ctx.applicant.description, text.trim());
  if (description === null) return null;
  return { kind: 'stay', patch: (c) => ({ applicant: { ...c.applicant, description } }), reply: reply('intake.description_added_here') };
}

/** Words that name how people are related ("闺女", "儿媳", "邻居", "her son", "guardian"). */
const KINSHIP_WORDS = /儿|女|子|妻|夫|老公|老婆|爱人|对象|兄|弟|姐|妹|哥|父|母|爸|妈|爷|奶|孙|外公|外婆|姥|舅|姨|叔|伯|姑|侄|甥|媳|婿|亲|朋友|邻居|同事|同学|监护|家属|本人|自己|\b(son|daughter|wife|husband|brother|sister|father|mother|dad|mum|mom|parent|grand\w*|uncle|aunt|nephew|niece|cousin|friend|relative|guardian|partner|fianc\w*|neighbou?r|colleague|in-?law|child|kid)s?\b/i;

/** A group's button label typed in either language, without its brackets ("进城务工人员", "Migrant worker"). */
function namesGroupLabel(text: string, group: GroupId): boolean {
  const plain = (s: string) => s.normalize('NFKC').replace(/[（(][^）)]*[）)]/g, '').replace(/[\s☐☑。.!！]/g, '').toLowerCase();
  const typed = plain(text);
  return (['zh-CN', 'en'] as const).some((locale) => plain(translate(`group.${group}`, locale)) === typed);
}

const DISABILITY_WORDS: Record<string, RegExp> = {
  // Injured but not (yet) assessed is "no disability" (the question says so): "还没鉴定", "没评过残", "not assessed yet".
  none: /^(没有|无|没|否|没得|都没得|健康|都没有|没有残疾证?|没残疾|无残疾|不残疾|不是残疾人|没有评残|没评残|(还)?(没|没有|未)(做|去)?(过)?(鉴定|评定|评残|伤残鉴定|评过残|办残疾证|办证|评)(过)?(呢)?|none|no|nope|no disability|not disabled|i'?m not disabled|none of (these|them)|not (assessed|certified|officially)( yet)?|(it'?s |he'?s |she'?s )?not been assessed( yet)?|no certificate( yet)?|(no|nope)?[ ,.]*(i )?(don'?t|do not) have (a |any )?(disability|disabilities|disability card|disability certificate|certificate|card)( yet)?|(没有|没)?[ ，,]*(还)?(没|没有)(办|领)(过)?(残疾证|证))(的|啊|呀)?$|[，,\s](还)?(没|没有|未)(做|去)?(过)?(鉴定|评定|评残|伤残鉴定|评)(过)?(呢|的)?[。!！]*$|^(no[,.]?\s*)?(i'?m|im|i am) (fine|healthy|ok|okay|all right|alright|in good health|not disabled)[.!]*$|^(身体(很|挺|还)?(好|健康)|(很|挺)?健康)(的)?(呢|啊)?$|^(没有|没|无)[\s,，。]*(残疾)?[\s,，。]*(身体|人)?(好着呢|好好的|挺好的?|很好|健康着呢|健康|没毛病)[。!！]*$/i,
  visual: /盲|视力|看不见|visual|blind|sight/i,
  hearing: /聋|听力|听不见|hearing|deaf/i,
  speech: /哑|言语|说不了话|speech|mute/i,
  // "我腿是残疾的", "下肢瘫痪", "my leg is disabled": a limb or the body named with the disability.
  // "i lost my leg in the accident": a limb lost.
  physical: /肢体|残疾人|瘸|截肢|轮椅|瘫痪|截瘫|偏瘫|(腿|脚|胳膊|手臂|手|腰|双腿|下肢|上肢).{0,4}(残|瘫)|physical|wheelchair|paraly[sz]|amputat|\b(leg|legs|arm|arms|hand|foot|feet|spine|back)\b.{0,12}\bdisab|\blost (a|my|his|her|one|both) (leg|legs|arm|arms|hand|hands|foot|feet)\b/i,
  intellectual: /智力|intellectual/i,
  mental: /精神|mental/i,
  multiple: /多重|multiple/i,
};

const TIME_WORDS = /时间|时候|白天|晚上|上午|下午|早上|中午|工作日|周末|点|morning|afternoon|evening|night|weekday|weekend|lunch|\d/i;
/** Is it safe to call: checked in this order, "不安全" / "not safe" before the "安全" / "safe" inside them. */
const SAFE_CONTACT_WORDS: Record<'quiet' | 'never' | 'times' | 'any', RegExp> = {
  // Someone reads the phone, or no messages either: a notice pushed into the chat could be seen as well.
  quiet:
    /(看|查|翻|偷看)(我的?)?手机|(消息|信息|短信)(也)?(别|不要|不能)发|(别|不要|不能)(给我)?发(任何)?(消息|信息|短信)|我自己(来|会)?(查|看)|(he|she|they) (checks?|looks? at|reads?|goes through) my phone|no messages|(do not|don'?t) (send|message|text) (me )?(anything|any messages?)|i('ll| will) check (it )?(myself|here)/i,
  never: /不安全|不要|别打|别给我打|不能|不方便|不行|不可以|不好|^否|^不$|没法接|只在这里|只能在这|never|do not call|don'?t call|not safe|unsafe|no calls?|^no\b|^nope|only (here|in (the|this) chat)|message (me )?only|texts? (me )?only|only texts?/i,
  times: new RegExp(`${TIME_WORDS.source}|只在|only at|certain times|between`, 'i'),
  any: /随时|都可以|都行|可以|安全|(直接)?(打电话给我|给我打电话|打我电话|打给我)|^(just )?call me|^是|^行|^好|^ok|^yes|^yeah|^sure|any ?time|always|safe/i,
};

/**
 * The number is someone else's: borrowed ("借的手机", "借我工友的"), a friend's or relative's ("用我姐姐的手机", "这是我朋友的
 * 号"), "not mine"; "i'm using my friend's phone", "borrowed phone", "not my phone".
 */
const BORROWED_PHONE =
  /借(了|用)?(别人|人家|我?(朋友|工友|同事|邻居|老乡|室友|同学|亲戚|姐姐?|妹妹?|哥哥?|弟弟?|表姐|表妹|嫂子|闺蜜))的(手机|电话|号码?)?|借(了|用|来)?的?(手机|电话)|(用|拿)的?是?(别人|人家|我?(朋友|工友|同事|邻居|老乡|室友|同学|亲戚|姐姐?|妹妹?|哥哥?|弟弟?|闺蜜|表姐|表妹|嫂子))的(手机|电话|号码?)|(这|这个|此)(手机|号码?|电话)?(是|是我)(别人|人家|朋友|工友|同事|邻居|老乡|室友|同学|亲戚|姐姐?|妹妹?|哥哥?|弟弟?|闺蜜)的|不是我(自己)?的(手机|电话|号码?)|\bborrow(ed|ing)\b.{0,20}\b(phone|mobile|number)\b|\b(my|a) (friend|coworker|co-worker|colleague|neighbou?r|roommate|room-mate|cousin|sister|brother|aunt|uncle|workmate)'?s (phone|mobile|number)\b|\bsomeone (else)?'?s (phone|mobile|number)\b|\bnot my (own )?(phone|mobile|number)\b/i;

/** Messages asked for ("only text me", "只发短信就行"): not "no messages", whatever else is said. */
const ASKS_FOR_MESSAGES = /\bonly (text|message)|\b(text|message) (me )?only|只(能|可以)?(发|给我发)(短信|消息|信息)|(发|回)(短信|消息|信息)(可以|就行|没事)/i;

/** A window when calling is safe: "only weekdays 9 to 11", "白天他上班的时候可以打". */
const SAFE_WINDOW =
  /\bonly (on )?(weekdays?|week days|mornings?|afternoons?|daytime|during the day|between|from|at|when|\d)|\b\d{1,2}(:\d\d)?\s*(am|pm)?\s*(to|-|till|until)\s*\d{1,2}\b|(工作日|上午|下午|白天|早上|中午|\d+点|[一二三四五六七八九十]+点).{0,12}(可以|能打|才能|方便|没事)|(可以|能).{0,4}(工作日|上午|下午|白天|早上|中午)/i;
/** A fixed income named ("有养老金", "每月领退休金", "i get a small pension"), or none ("没收入 靠儿子给点", "no pension"). */
const FIXED_INCOME = /(有|拿|领|吃)(点|个)?(养老金|退休金|退休工资|养老钱|工资|固定收入|社保)|(每个?月|按月)(都)?(有|能拿|能领|领|拿).{0,4}(钱|养老金|退休金|工资)|\b(i )?(get|receive|have|draw)( a| my)?( small| little| state)? (pension|salary|wage|wages|fixed income)\b/i;
const NO_FIXED_INCOME = /没(有)?(啥|什么)?(收入|工作|退休金|养老金|工资|固定)|靠(儿女|子女|儿子|女儿|孩子|亲戚|低保|救济|捡|打零工)|\bno (pension|income|job|salary|wages?)\b|\b(don'?t|do not) have (a |any )?(pension|income|job)\b/i;

/** "Don't call" tied to other times ("dont call in the evening", "晚上千万别打", "晚上他在家不可以"): no "never" when a safe window is given. */
const TIMED_NEVER =
  /(don'?t|do not|never)\s+(call|ring|phone)(\s+me)?\s+(in the (evening|morning|afternoon)|at (night|weekends?|the weekend)|on (weekends?|the weekend)|after\s+\d+|before\s+\d+|when (he|she)('s| is) (home|back|there))|(晚上|夜里|夜间|周末|下班后|他在家的?时候|她在家的?时候|中午|\d+点(以|之)?后)[^，,。.;；]{0,6}?(千万|可|就|都)?(别|不要|不能|不方便|不行|不可以|不好|没法)(打|联系|接)?/gi;

/** A safe window given, with any "don't call" tied to other times: the answer is "only at certain times". */
function givesSafeWindow(text: string): boolean {
  const rest = text.replace(TIMED_NEVER, ' ');
  return SAFE_WINDOW.test(text) && !SAFE_CONTACT_WORDS.never.test(rest) && !SAFE_CONTACT_WORDS.quiet.test(rest);
}

/** The groups ticked so far: the resident's, or before they touch the list, the ones their story stated. */
function groupsSoFar(ctx: IntakeContext): GroupId[] {
  return ctx.facts.groups ?? ctx.statedGroups ?? [];
}

/** Family named at the household question ("老婆孩子在老家", "my wife is back home with our son"). */
const FAMILY_NAMED = /老婆|老公|媳妇|丈夫|妻子|爱人|老伴|孩子|儿子|女儿|闺女|小孩|娃|爸|妈|父母|老人|公婆|\b(wife|husband|partner|son|daughter|kids?|children|child|baby|mum|mom|mother|dad|father|parents|family)\b/i;

/** Every question of the intake: how it is asked and how an answer is read. */
export const STEPS: Record<StepId, StepDefinition> = {
  category: {
    prompt: (ctx) => {
      if (ctx.proposedCategory) {
        // "Something else" said as such ("邻居家漏水…" fits none of the kinds), not as a kind of its own.
        const key = ctx.proposedCategory === 'other' ? 'intake.q.category_confirm_other' : 'intake.q.category_confirm';
        return reply(key, { category: { key: `category.${ctx.proposedCategory}` } }, [
          choice('intake.yes', 'intake.opt.yes_that'),
          choice('intake.no', 'intake.opt.no_other'),
        ]);
      }
      const group = CATEGORY_GROUPS.find((g) => g.id === ctx.categoryGroup);
      if (group) return reply('intake.q.category_in_group', { group: { key: group.key } }, [...group.categories.map(categoryChoice), choice('intake.categories', 'intake.opt.other_groups')]);
      return reply('intake.q.category', {}, CATEGORY_GROUPS.map((g) => choice(`catgroup:${g.id}`, g.key)));
    },
    read: (event, ctx, deps) => {
      const id = choiceId(event);
      if (ctx.proposedCategory) {
        const proposed = ctx.proposedCategory;
        // "不是，是工伤" is a correction, read below, not a bare no.
        const confirmed = yesOrNo(event, { thenWhy: false });
        if (confirmed === true) {
          return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, category: proposed }, proposedCategory: null, categoryGroup: null }) };
        }
        if (confirmed === false) return { kind: 'stay', patch: () => ({ proposedCategory: null, categoryGroup: null }) };
        // A story instead of yes or no: telling the same problem is the yes; another problem is proposed instead.
        // A correction ("不是欠薪，是被开除了") is never the yes: the problem it names other than the proposed one is.
        const text = textOf(event);
        if (text !== null && CORRECTION.test(text)) {
          const named = text.split(/[，,。.；;！!？?\s]/).map(categoryFromText).filter((c) => c !== null);
          // "不是 是工伤" to "工伤事故，对吗？": it names only the proposed category — the resident insists it is that one.
          if (named.length > 0 && named.every((c) => c === proposed)) {
            return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, category: proposed }, proposedCategory: null, categoryGroup: null }) };
          }
          const other = named.find((c) => c !== proposed);
          return other ? { kind: 'stay', patch: () => ({ proposedCategory: other }) } : { kind: 'stay', patch: () => ({ proposedCategory: null, categoryGroup: null }) };
        }
        const again = text === null ? null : categoryFromText(text);
        if (again === proposed) {
          return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, category: proposed }, proposedCategory: null, categoryGroup: null }) };
        }
        if (again) return { kind: 'stay', patch: () => ({ proposedCategory: again }) };
        // Answering ahead ("my self", "我自己": for whom, the next question) goes along with the proposal.
        const ahead = STEPS.relation.read(event, ctx, deps);
        if (ahead.kind === 'answer') {
          return {
            kind: 'answer',
            patch: (c) => ({ ...ahead.patch(c), facts: { ...c.facts, category: proposed }, proposedCategory: null, categoryGroup: null, answered: [...c.answered, 'relation'] }),
          };
        }
        return { kind: 'invalid', error: 'intake.err.category_confirm' };
      }
      if (id?.startsWith('cat:')) {
        const category = id.slice(4) as CategoryId;
        if (!(CATEGORIES as readonly string[]).includes(category)) return { kind: 'invalid', error: 'intake.err.category' };
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, category }, categoryGroup: null }) };
      }
      if (id?.startsWith('catgroup:')) {
        const group = CATEGORY_GROUPS.find((g) => g.id === id.slice(9));
        if (!group) return { kind: 'invalid', error: 'intake.err.category' };
        if (group.categories.length === 1) {
          const category = group.categories[0]!;
          return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, category }, categoryGroup: null }) };
        }
        return { kind: 'stay', patch: () => ({ categoryGroup: group.id }) };
      }
      if (id === 'intake.categories') return { kind: 'stay', patch: () => ({ categoryGroup: null }) };
      const text = textOf(event);
      // "其他", "别的", "something else": the last button's short name, typed — its list.
      if (text !== null && OTHER_GROUP.test(text.normalize('NFKC').trim().replace(/[。.!！]+$/, ''))) return { kind: 'stay', patch: () => ({ categoryGroup: 'other' }) };
      if (text) {
        const category = categoryFromText(text) ?? (neighbourDispute(text) ? 'other' : null);
        if (category) return { kind: 'stay', patch: () => ({ proposedCategory: category }) };
      }
      return { kind: 'invalid', error: 'intake.err.category' };
    },
  },

  relation: {
    // Said before ("我替我妈申请"): "for a family member" comes first, marked as said (one tap, never taken unasked).
    prompt: (ctx) =>
      reply(
        'intake.q.relation',
        {},
        ctx.statedKinship
          ? [choice('opt:relative', 'intake.opt.relation_relative_stated'), choice('opt:self', 'intake.opt.relation_self')]
          : [choice('opt:self', 'intake.opt.relation_self'), choice('opt:relative', 'intake.opt.relation_relative')],
      ),
    read: (event) => {
      const value = readOption(event, ['self', 'relative'] as const, (v) =>
        v === 'self'
          ? /^(算了|那|那就|还是|就是|就|是)?[，, ]*(为|给|帮)?(自己|本人|我本人|我自己|我|俺|俺自己|自个儿?|我自个儿?|俺自个儿?)(的事|申请|来申请|自己申请|来|填|弄|办)?(吧|啊|呀|了|的)?$|^(self|my ?self|me|for my ?self|for me|i am|it'?s for me|(i'?ll|i will) do it my ?self|just me)$/i
          : /(替|帮|给|为)(他|她|ta|他们|她们|别人)|\bfor (him|her|them|someone else)\b|\bon (his|her|their) behalf\b|家人|家里人|亲属|亲戚|代|儿子|女儿|父亲|母亲|爸|妈|丈夫|老公|妻子|老婆|媳妇|孩子|哥|弟|姐|妹|爷爷|奶奶|外公|外婆|relative|family|on behalf|for my|husband|wife|son|daughter|father|mother|dad|mum|mom|brother|sister|child/i,
      );
      return value ? { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, relation: value } }) } : { kind: 'invalid', error: 'intake.err.choose' };
    },
  },

  criminalRole: {
    prompt: (ctx) => {
      const roles = ctx.facts.category === 'criminal_victim' ? (['victim', 'private_prosecutor', 'civil_plaintiff'] as const) : (['suspect', 'defendant'] as const);
      return personal('criminalRole', ctx, roles.map((r) => choice(`opt:${r}`, `intake.opt.role_${r}`)));
    },
    read: (event) => {
      const value = readOption(event, ['suspect', 'defendant', 'victim', 'private_prosecutor', 'civil_plaintiff'] as const, (v) =>
        ({
          suspect: /嫌疑人|被抓|拘留|侦查|suspect|arrested|investigat/i,
          defendant: /被告|起诉|审判|开庭|defendant|on trial|charged/i,
          victim: /被害|受害|victim/i,
          private_prosecutor: /自诉|private prosecut/i,
          civil_plaintiff: /附带民事|civil claim|civil plaintiff/i,
        })[v],
      );
      return value ? { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, criminalRole: value } }) } : { kind: 'invalid', error: 'intake.err.choose' };
    },
  },

  hasDefender: {
    prompt: (ctx) => yesNo('hasDefender', ctx, [unsureChoice()]),
    // A parent often cannot know whether the police or a relative already found a lawyer: "不知道" is an answer (staff
    // check; an unknown defender is no claimed defender).
    unsureAllowed: true,
    read: (event) => {
      // Said as families say it: "还没有请律师 请不起" is a no, "家里已经请了律师" a yes.
      const text = textOf(event);
      const said = text === null || mentionsUnsure(text) || /有没有/.test(text) ? null : NO_DEFENDER.test(text) ? false : HAS_DEFENDER.test(text) ? true : null;
      if (said !== null) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, hasDefender: said } }) };
      return readYesNo(event, (v) => (c) => ({ facts: { ...c.facts, hasDefender: v } }), 'intake.err.yes_no');
    },
  },

  possibleSentence: {
    prompt: (ctx) =>
      personal('possibleSentence', ctx, [
        choice('opt:ordinary', 'intake.opt.sentence_ordinary'),
        choice('opt:life', 'intake.opt.sentence_life'),
        choice('opt:death', 'intake.opt.sentence_death'),
        unsureChoice(),
      ]),
    unsureAllowed: true,
    read: (event) => {
      const value = readOption(event, ['ordinary', 'life', 'death'] as const, (v) =>
        ({ ordinary: /有期|拘役|管制|一般|ordinary|years?/i, life: /无期|life/i, death: /死刑|death/i })[v],
      );
      return value ? { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, possibleSentence: value } }) } : { kind: 'invalid', error: 'intake.err.choose' };
    },
  },

  deathPenaltyReview: {
    prompt: (ctx) => yesNo('deathPenaltyReview', ctx),
    read: (event) => readYesNo(event, (v) => (c) => ({ facts: { ...c.facts, deathPenaltyReview: v } }), 'intake.err.yes_no'),
  },

  trialInAbsentia: {
    prompt: (ctx) => yesNo('trialInAbsentia', ctx),
    read: (event) => readYesNo(event, (v) => (c) => ({ facts: { ...c.facts, trialInAbsentia: v } }), 'intake.err.yes_no'),
  },

  cannotFullyRecognizeConduct: {
    prompt: (ctx) => yesNo('cannotFullyRecognizeConduct', ctx, [unsureChoice()]),
    unsureAllowed: true,
    read: (event) => readYesNo(event, (v) => (c) => ({ facts: { ...c.facts, cannotFullyRecognizeConduct: v } }), 'intake.err.yes_no'),
  },

  region: {
    // A region the resident named earlier ("住在示例县农村") comes first, marked as said: one tap, never taken unasked.
    prompt: (ctx, deps) => {
      const said = deps.pack.regions.find((r) => r.id === ctx.statedRegion);
      const others = deps.pack.regions.filter((r) => r !== said);
      return reply('intake.q.region', {}, [
        ...(said ? [choice(`opt:${said.id}`, 'intake.opt.stated_region', { region: said.name })] : []),
        ...others.map((r) => ({ id: `opt:${r.id}`, label: r.name })),
        choice('intake.region.not_listed', 'intake.opt.region_not_listed'),
      ]);
    },
    read: (event, _ctx, deps): ReadResult => {
      const text = textOf(event);
      const notListed = () =>
        ({
          kind: 'explain',
          reply: reply('intake.region.not_listed', {
            regions: { items: deps.pack.regions.map((r) => r.name), separator: '、' },
            hotline: deps.pack.hotline,
          }),
        }) as const;
      if (choiceId(event) === 'intake.region.not_listed' || (text !== null && NOT_LISTED.test(text))) return notListed();
      const ids = deps.pack.regions.map((r) => r.id);
      const nameOf = (id: string) => deps.pack.regions.find((r) => r.id === id)?.name;
      // Full names first, so "示例市某区" typed for a listed district is not taken for the city's own level.
      const value =
        readOption(event, ids, (id) => { const name = nameOf(id); return name ? REGION_WORDS(name) : null; }) ??
        readOption(event, ids, (id) => { const name = nameOf(id); return name ? SPOKEN_REGION_WORDS(name) : null; }) ??
        (text !== null ? regionByOwnWord(text, deps.pack.regions) : null) ??
        // The place first, then more ("县里，我52岁，家里三口人"): its first clause is the answer; the rest is kept (keepStated).
        (text !== null && /[,，;；、]/.test(text) ? regionByOwnWord(text.split(/[,，;；、]/)[0]!, deps.pack.regions) : null);
      if (value) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, region: value } }) };
      // Not knowing first, then a guess ("i dont know the name of this place, its the city i think", "不知道叫啥，应该是县里吧"):
      // the guess is the answer, read as a whole answer would be.
      const guess = text === null ? null : afterUnsureClause(text.normalize('NFKC'));
      if (guess && text !== null && guess !== text.normalize('NFKC')) {
        const guessed = STEPS.region.read({ type: 'user.text', text: guess.replace(/^(?:应该|可能|大概|好像)(?:是)?/, '') }, _ctx, deps);
        if (guessed.kind === 'answer') return guessed;
      }
      // A place outside the pack ("北京", "在广东东莞打工", "shenzhen"): the not-listed answer, as its button would be.
      if (text !== null && namesPlaceElsewhere(text)) return notListed();
      // "不清楚", "选哪个": the region decides the office, so no "not sure" here; how to choose instead of "choose one".
      return { kind: 'invalid', error: isUnsure(event) || (text !== null && asksWhichToChoose(text)) ? 'intake.err.region_unsure' : 'intake.err.region' };
    },
  },

  age: {
    prompt: (ctx) => {
      const stated = statedAgeOf(ctx);
      // "我七十多了" in the story: "70 岁以上" (its button id "opt:age:70_plus" reads as "70+", the range 70–79 below; a
      // "+" in an id is refused by the web chat, so pressing it did nothing there).
      const button = stated === null ? [] : stated.atLeast
        ? [choice(`opt:age:${stated.years}_plus`, 'intake.opt.stated_age_at_least', { age: String(stated.years) })]
        : [choice(`opt:age:${stated.years}`, 'intake.opt.stated_age', { age: String(stated.years) })];
      const asked = personal('age', ctx, [...button, unsureChoice()]);
      if (stated === null) return asked;
      // The button alone did not say why it was there: the question says what was told, and that a yes keeps it.
      const note = stated.atLeast ? 'intake.ask.age.stated_at_least' : 'intake.ask.age.stated';
      return { ...asked, followedBy: { key: note, params: { age: String(stated.years) } } };
    },
    unsureAllowed: true,
    read: (event, ctx, deps) => {
      // The stated age's button carries the age in its id ("opt:age:72"); a plain yes ("对", "是的") keeps it too.
      const id = choiceId(event);
      const offered = statedAgeOf(ctx);
      const typed = textOf(event);
      const keepsOffered = offered !== null && typed !== null && !/\d/.test(typed) && yesOrNo(event, { thenWhy: false }) === true;
      const text = keepsOffered ? `${offered.years}${offered.atLeast ? '+' : ''}` : id?.startsWith('opt:age:') ? id.slice('opt:age:'.length).replace(/_plus$/, '+') : typed;
      // "七十多了": when every age it allows is on the same side of every age line of the pack, its lowest decides
      // (kept as "70 岁以上"); when it straddles a line ("十几岁" and 18), the exact age is asked for.
      const answerRange = (range: { low: number; high: number }): ReadResult => {
        const decided = rangeDecision(range, ageLines(deps.pack));
        if ('line' in decided) return { kind: 'invalid', error: 'intake.err.age_exact', params: { line: decided.line } };
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, age: decided.age }, ageAtLeast: true }) };
      };
      const range = text === null ? null : readAgeRange(text);
      if (range) return answerRange(range);
      // The year of birth ("我是1963年生的", "63年的", "born in 1958"): this year's age or one less, as a range.
      const thisYear = deps.today ? Number(deps.today().slice(0, 4)) : null;
      const born = text === null || thisYear === null ? null : readBirthYear(text, thisYear);
      if (born !== null && thisYear !== null) return answerRange({ low: Math.max(0, thisYear - born - 1), high: thisYear - born });
      const exact = (age: number): ReadResult => ({ kind: 'answer', patch: (c) => ({ facts: { ...c.facts, age }, ageAtLeast: false }) });
      // A bare quantity with another question's unit ("45元", "3口人") is refused as such, never read as an age.
      const unit = text === null ? null : wrongUnit(text, 'age');
      if (unit && readNumber(text!) !== null) return unit;
      const age = text === null ? null : readAge(text);
      if (age !== null && Number.isInteger(age) && age >= 0 && age <= 120) return exact(age);
      // The age in a longer answer ("俺今年五十二了，老家河南的…"): taken when it is the applicant's — the resident's own
      // for their own application, a relative's ("我爸今年75了") for a relative's — or says nobody's ("75岁，身体不好").
      const stated = text === null ? undefined : readStatedAge(text.normalize('NFKC'));
      const applicant = ctx.applicant.relation === 'relative' ? 'relative' : 'self';
      if (stated && (stated.whose === undefined || stated.whose === applicant)) {
        return stated.atLeast ? answerRange({ low: stated.years, high: stated.years + 9 }) : exact(stated.years);
      }
      return unit ?? { kind: 'invalid', error: 'intake.err.age' };
    },
  },

  disability: {
    prompt: (ctx) => {
      const stated = statedDisabilityOf(ctx);
      if (stated === null) return personal('disability', ctx, DISABILITIES.map((d) => choice(`opt:${d}`, `disability.${d}`)));
      // "我是聋哑人" in the story: that kind first, marked as said, and a line saying why it is there; "我是残疾人" (no kind):
      // the kinds first and 没有残疾 last. Either way the resident chooses: nothing is recorded until they do.
      const kind = stated.kind;
      const choices =
        kind === 'unspecified'
          ? [...DISABILITIES.filter((d) => d !== 'none'), 'none' as const].map((d) => choice(`opt:${d}`, `disability.${d}`))
          : [
              choice(`opt:${kind}`, 'intake.opt.stated_disability', { disability: { key: `disability.${kind}` } }),
              ...DISABILITIES.filter((d) => d !== kind).map((d) => choice(`opt:${d}`, `disability.${d}`)),
            ];
      const note =
        kind === 'unspecified'
          ? { key: `intake.ask.disability.stated_unspecified.${ctx.applicant.relation === 'relative' ? 'relative' : 'self'}` }
          : { key: 'intake.ask.disability.stated', params: { disability: { key: `disability.${kind}` } } };
      return { ...personal('disability', ctx, choices), followedBy: note };
    },
    read: (event, ctx) => {
      // "手指断了算残疾吗": what counts, at the question (the knowledge base offered three entries instead).
      const text = textOf(event);
      if (text !== null && asksIfDisability(text)) return { kind: 'explain', reply: reply('intake.explain.disability_counts') };
      // A plain yes ("对", "yes") to the kind the story stated keeps it, as its button does.
      const offered = statedDisabilityOf(ctx);
      if (offered !== null && offered.kind !== 'unspecified' && text !== null && yesOrNo(event, { thenWhy: false }) === true) {
        const kind = offered.kind;
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, disability: kind } }) };
      }
      const value = readOption(event, DISABILITIES, (d) => DISABILITY_WORDS[d] ?? null);
      // "腿有点残疾 没办证": a disability told without its certificate gets what counts, not taken nor "press a button".
      if (value !== 'none' && text !== null && saysNoCertificate(text)) return { kind: 'explain', reply: reply('intake.explain.disability_counts') };
      if (value) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, disability: value } }) };
      return { kind: 'invalid', error: 'intake.err.choose' };
    },
  },

  groups: {
    prompt: (ctx) => {
      const selected = new Set(groupsSoFar(ctx));
      const question = personal('groups', ctx);
      // Ticked from the story before the resident touched the list: said so, or a tap meant to "choose" it unticks it
      // (a migrant worker's wage claim then loses its means-test exemption, found in session 11's console walk).
      const fromStory = ctx.facts.groups === undefined ? (ctx.statedGroups ?? []) : [];
      const stated = fromStory.length > 0 ? { key: 'intake.groups.stated_note', params: { groups: { items: fromStory.map((g) => ({ key: `group.${g}` })), separator: ' / ' } } } : '';
      return {
        ...reply(question.key, { ...question.params, stated }, [
          ...GROUPS.map((g) => choice(`group:${g}`, selected.has(g) ? 'intake.opt.checked' : 'intake.opt.unchecked', { label: { key: `group.${g}` } })),
          choice('intake.groups.none', 'intake.opt.groups_none'),
          choice('intake.groups.done', 'intake.opt.groups_done'),
        ]),
        multiSelect: { doneId: 'intake.groups.done' },
      };
    },
    read: (event, ctx) => {
      if (event.type === 'user.choices') {
        // The whole checklist at once (TEAM.md contract 1): the selected groups, none selected meaning none of these.
        const groups = [...new Set(event.ids.filter((id) => id.startsWith('group:')).map((id) => id.slice(6)))];
        if (groups.some((g) => !(GROUPS as readonly string[]).includes(g))) return { kind: 'invalid', error: 'intake.err.groups' };
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, groups: groups as GroupId[] } }) };
      }
      const id = choiceId(event);
      const text = textOf(event);
      if (id?.startsWith('group:')) {
        const group = id.slice(6) as GroupId;
        if (!(GROUPS as readonly string[]).includes(group)) return { kind: 'invalid', error: 'intake.err.choose' };
        const current = groupsSoFar(ctx);
        const groups = current.includes(group) ? current.filter((g) => g !== group) : [...current, group];
        return { kind: 'stay', patch: (c) => ({ facts: { ...c.facts, groups } }) };
      }
      // "进城务工人员是什么意思": its meaning, nothing ticked; "我是农村来的 在厂里干活": that is what the group means.
      const asked = text === null ? null : groupAskedAbout(text);
      if (asked) return { kind: 'explain', reply: reply(`intake.explain.group.${asked}`) };
      if (text !== null && describesMigrantWork(text)) return { kind: 'explain', reply: reply('intake.explain.group.sounds_like_migrant') };
      // "我不是农民工" names a group to say it does not apply: never a tick.
      const denies = text !== null && /^(我|他|她)?(也)?(不是|不属于|没有|没|不算|not|no|i'?m not|he'?s not|she'?s not)/i.test(text);
      const named = text === null || denies ? [] : GROUPS.filter((g) => GROUP_WORDS[g].test(text) || namesGroupLabel(text, g));
      if (named.length > 0) {
        const groups = [...new Set([...groupsSoFar(ctx), ...named])];
        return { kind: 'stay', patch: (c) => ({ facts: { ...c.facts, groups } }) };
      }
      if (id === 'intake.groups.none' || (text !== null && (NO.test(text) || NONE_OF_THESE.test(text)))) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, groups: [] } }) };
      if (id === 'intake.groups.done' || (text !== null && /^(完成|好了|好的|选好了|选完了|就这些|就这样|就这个|就这一个|就是这个|只有这个|只有这一个|这些|没了|没别的了|下一步|继续|done|ok|okay|finish|finished|next|continue|all done|that'?s (all|it)|just (that|this)( one)?|only (that|this)( one)?|that one)(吧|了)?[!！。.]*$/i.test(text))) {
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, groups: groupsSoFar(c) } }) };
      }
      return { kind: 'invalid', error: 'intake.err.groups' };
    },
  },

  fixedIncome: {
    // "不清楚" (a son who sends money now and then): not sure, which staff check, as at the other fact questions.
    prompt: (ctx) => yesNo('fixedIncome', ctx, [unsureChoice()]),
    unsureAllowed: true,
    read: (event) => {
      // The source named instead of yes or no: "有养老金 一个月一千多" is a yes, "没收入 靠儿子给点" a no.
      const text = textOf(event);
      const named = text === null ? null : NO_FIXED_INCOME.test(text) ? false : FIXED_INCOME.test(text) ? true : null;
      if (named !== null) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, fixedIncome: named } }) };
      return readYesNo(event, (v) => (c) => ({ facts: { ...c.facts, fixedIncome: v } }), 'intake.err.yes_no');
    },
  },

  residence: {
    prompt: (ctx) => personal('residence', ctx, [choice('opt:urban', 'intake.opt.urban'), choice('opt:rural', 'intake.opt.rural')]),
    read: (event) => {
      const value = readOption(event, ['urban', 'rural'] as const, (v) => (v === 'urban' ? /城|市区|镇|urban|city|town/i : /农村|乡|村|rural|village|countryside/i));
      if (value) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, residence: value } }) };
      // "not sure", "不知道算哪个": how to choose (where they live now), not "I did not understand".
      const text = textOf(event);
      return { kind: 'invalid', error: isUnsure(event) || (text !== null && asksWhichToChoose(text)) ? 'intake.err.residence_unsure' : 'intake.err.choose' };
    },
  },

  householdSize: {
    prompt: (ctx) => {
      const stated = statedValueOf(ctx, 'householdSize');
      return personal('householdSize', ctx, stated === null ? [] : [choice(`opt:household:${stated}`, 'intake.opt.stated_household', { count: String(stated) })]);
    },
    read: (event) => {
      const typed = textOf(event);
      if (typed !== null && asksWhoCounts(typed)) return { kind: 'explain', reply: reply('intake.explain.household_who') };
      const text = typedOrStated(event, 'opt:household:');
      const unit = text === null ? null : wrongUnit(text, 'people');
      if (unit) return unit;
      // "3个", "我和两个孩子，…": counted as residents say it.
      const n = text === null ? null : (householdFromWords(text) ?? readLeadingNumber(text));
      // "just me, my wife is back home in chengdu with our son", "老婆孩子在老家": family named but not counted — who counts.
      if (n === null && typed !== null && FAMILY_NAMED.test(typed)) return { kind: 'explain', reply: reply('intake.explain.household_who') };
      if (n === null || !Number.isInteger(n) || n < 1 || n > 30) return { kind: 'invalid', error: 'intake.err.householdSize' };
      return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, householdSize: n } }) };
    },
  },

  householdMonthlyIncome: {
    prompt: (ctx) => {
      const stated = statedValueOf(ctx, 'householdMonthlyIncome');
      return reply('intake.q.householdMonthlyIncome', { who: who(ctx) }, [
        // With others at home the tap must mean the whole household's (a resident's own pay is often what was said).
        ...(stated === null ? [] : [choice(`opt:income:${stated}`, (ctx.facts.householdSize ?? 1) > 1 ? 'intake.opt.stated_income_household' : 'intake.opt.stated_income', { amount: String(stated) })]),
        choice('intake.no_income', 'intake.opt.no_income'),
        unsureChoice(),
      ]);
    },
    unsureAllowed: true,
    read: (event) => {
      const text = typedOrStated(event, 'opt:income:');
      if (choiceId(event) === 'intake.no_income' || (text !== null && (/^(没有收入|没收入|无收入|0|零|none|no income|nothing)$/i.test(text) || NO_INCOME.test(text)))) {
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, householdMonthlyIncome: 0 } }) };
      }
      const unit = text === null ? null : wrongUnit(text, 'money');
      if (unit) return unit;
      // "万把块", "千把块": about ten thousand, about a thousand.
      const amount = text?.replace(/(^|[^一二两三四五六七八九十\d])(万|千)把/g, '$1一$2') ?? null;
      // "我挣三千多，我老婆…两千五": both said back, and the household's total asked for (never one of them kept).
      const several = amount === null || choiceId(event) !== null ? null : severalIncomes(amount);
      if (several) return { kind: 'invalid', error: 'intake.err.income_several', params: { amounts: several.join(' + '), total: String(several.reduce((a, b) => a + b, 0)) } };
      // "一年三万左右": a year's income, a twelfth of it a month; "就我一个人挣钱 一个月两千多": the month's figure said inside.
      const n = amount === null ? null : (readLeadingNumber(amount) ?? yearlyAsMonthly(amount) ?? statedAnswers(amount).monthlyIncome ?? soleAmount(amount));
      if (n === null || n < 0 || n > 10_000_000) return { kind: 'invalid', error: 'intake.err.income' };
      return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, householdMonthlyIncome: n } }) };
    },
  },

  deadlineDays: {
    // A day told in the story ("下周三开庭") comes first, in the resident's words: one tap, never taken unasked.
    prompt: (ctx, deps) => {
      const stated = statedDeadlineOf(ctx, deps);
      return reply('intake.q.deadlineDays', {}, [
        ...(stated === null ? [] : [choice(STATED_DEADLINE, 'intake.opt.stated_deadline', { words: stated.words })]),
        choice('intake.no_deadline', 'intake.opt.no_deadline'),
        unsureChoice(),
      ]);
    },
    unsureAllowed: true,
    read: (event, ctx, deps) => {
      const stated = choiceId(event) === STATED_DEADLINE ? statedDeadlineOf(ctx, deps) : null;
      if (stated) return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, deadlineDays: stated.days } }) };
      const text = textOf(event);
      if (choiceId(event) === 'intake.no_deadline' || (text !== null && (NO.test(text) || NO_DEADLINE.test(text.trim())))) {
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, deadlineDays: null } }) };
      }
      // "拘留15天", "已经被关了10天了": how long the person is held, not a deadline — said so, with what to answer instead.
      if (text !== null && DETENTION_DAYS.test(text.normalize('NFKC')) && !DEADLINE_NAMED.test(text)) {
        return { kind: 'invalid', error: 'intake.err.deadline_detention', params: { text: text.trim() } };
      }
      // "不知道 大概还有十天": what follows the hedge is the answer.
      const unhedged = text === null ? null : afterUnsureWords(text).trim() || text;
      // A day named instead of counted ("后天就开庭了", "12月10日开庭", "下周三") is counted from today.
      const dated = unhedged !== null && deps.today ? readDeadline(unhedged, deps.today()) : null;
      const unit = unhedged === null || dated !== null ? null : wrongUnit(unhedged, 'days', PER_MONTH_PAY.test(unhedged) ? 'money' : unitOf(unhedged));
      if (unit) return unit;
      const counted = dated ?? (unhedged === null ? null : readDays(stripDeadlineWords(unhedged)));
      // "过几天", "next week": counted roughly; "下个月": the resident is told how to answer instead.
      const rough = counted === null && unhedged !== null ? roughDeadline(unhedged) : null;
      // Said not sure first, then a vague time of something else ("not sure, the boss say maybe pay next month", "不知道
      // 老板说下个月可能发"): the not-sure answer it began with, not "press Not sure". A guess at the deadline itself ("不知道啊
      // 好像过年前要起诉？") is still asked roughly how many days.
      if (rough === 'rough' && text !== null && afterUnsureWords(text) !== text && !DEADLINE_NAMED.test(text)) return { kind: 'unsure' };
      if (rough === 'rough') return { kind: 'invalid', error: 'intake.err.deadline_rough' };
      // "我也不知道 好像没有吧", "应该没有吧", "i dont think so": a hedge is "not sure" (staff check; a limitation period
      // may be running), never a refusal to answer.
      if (counted === null && rough === null && text !== null && HEDGED(text) && !/\d/.test(text)) return { kind: 'unsure' };
      const n = counted ?? rough;
      if (n === null || !Number.isInteger(n) || n < 0 || n > 3650) return { kind: 'invalid', error: 'intake.err.deadline' };
      return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, deadlineDays: n } }) };
    },
  },

  needsPreservation: {
    // "不知道" is an answer: a parent often cannot know whether evidence is about to be lost (a claim not made; staff
    // see that the applicant was not sure).
    unsureAllowed: true,
    // A defence has no assets of the other side to secure: its example is evidence that may be lost.
    prompt: (ctx) =>
      reply(
        'intake.q.needsPreservation',
        { example: { key: DEFENDING.has(ctx.facts.category ?? '') ? 'intake.example.preservation_criminal' : 'intake.example.preservation' } },
        [choice('intake.yes', 'intake.opt.yes'), choice('intake.no', 'intake.opt.no'), unsureChoice()],
      ),
    read: (event) => {
      // The sign itself is the yes: "老板好像要跑路", "他在卖房子", "he is moving his money".
      const text = textOf(event);
      if (text !== null && signalsAssetsAtRisk(text)) {
        return { kind: 'answer', patch: (c) => ({ facts: { ...c.facts, needsPreservation: true } }) };
      }
      // "不知道他会不会跑", "not sure if he will run away": how to answer a fear of it, not "answer yes or no".
      if (text !== null && mentionsUnsure(text) && RUNS_OR_MOVES.test(text)) return { kind: 'invalid', error: 'intake.err.preservation_worry' };
      return readClearYesNo(event, (v) => (c) => ({ facts: { ...c.facts, needsPreservation: v } }));
    },
  },

  assessment: {
    // The assessment replies are built by the machine; this is the question under them.
    prompt: () => reply('intake.q.assessment'),
    read: () => ({ kind: 'invalid', error: 'intake.err.choose' }),
  },

  description: {
    prompt: () => reply('intake.q.description'),
    freeText: true,
    read: (event) => {
      const text = textOf(event);
      if (text === null || text.length < 4) return { kind: 'invalid', error: 'intake.err.description_short' };
      if (text.length > ACCOUNT_MAX_CHARS) return { kind: 'invalid', error: 'intake.err.description_long' };
      return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, description: text } }) };
    },
  },

  documents: {
    prompt: () => reply('intake.q.documents', {}, [choice('intake.documents.done', 'intake.opt.documents_done')]),
    read: (event) => {
      const text = textOf(event);
      if (choiceId(event) === 'intake.documents.done' || (text !== null && saysNoDocumentsNow(text.normalize('NFKC').trim()))) {
        return { kind: 'answer', patch: () => ({}) };
      }
      if (event.type === 'user.attachment') {
        return { kind: 'stay', patch: (c) => ({ attachments: [...c.attachments, event.attachment] }) };
      }
      // "x-ray and hospital bills", "有工资条和聊天记录": what they have, noted for staff; photos still welcome.
      if (text !== null && DOCUMENT_WORDS.test(text) && text.trim().length <= 300) {
        const note = text.trim();
        return {
          kind: 'stay',
          patch: (c) => ({ applicant: { ...c.applicant, documentsNote: c.applicant.documentsNote ? `${c.applicant.documentsNote}; ${note}` : note } }),
          reply: reply('intake.documents.noted', { note }),
        };
      }
      return { kind: 'invalid', error: 'intake.err.documents' };
    },
  },

  name: {
    // For a relative: the applicant's name (the person who needs help), said to be theirs, not the resident's.
    // The resident's own name introduced in the account ("我叫李建国，…"): offered in one tap for their own application.
    prompt: (ctx) => {
      const stated = statedNameOf(ctx);
      // The id carries no name: the web chat and Telegram send back only short ASCII ids.
      return personal('name', ctx, stated ? [choice(STATED_NAME, 'intake.opt.stated_name', { name: stated })] : undefined);
    },
    freeText: true,
    read: (event, ctx) => {
      const id = choiceId(event);
      const stated = statedNameOf(ctx);
      if (stated && id === STATED_NAME) return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, name: stated } }) };
      const text = textOf(event);
      // "我前面说了啊": not a name; the one said before is pressed, or the name typed again.
      if (text !== null && refersToEarlier(text)) return saidBefore(stated);
      const read = text === null ? null : readName(text);
      // Seven Chinese characters and more without a "·" ("司机跑了到现在都没找到") are no name: more of the story, added to
      // the account (said so) when it reads as one.
      const name = read !== null && /^\p{Script=Han}{7,}$/u.test(read.replace(/\s/g, '')) ? null : read;
      if (name) return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, name } }) };
      const added = text === null ? null : moreOfTheAccount(ctx, text);
      if (added) return added;
      return { kind: 'invalid', error: ctx.applicant.relation === 'relative' ? 'intake.err.name_relative' : 'intake.err.name' };
    },
  },

  kinship: {
    // Said before ("我替我妈申请"): offered in one tap, in the words of the language it was said in.
    prompt: (ctx) =>
      reply('intake.q.kinship', { name: ctx.applicant.name ?? who(ctx) }, ctx.statedKinship ? [choice(`opt:kin:${ctx.statedKinship.role}`, 'intake.opt.stated_kinship', { role: { key: `kinship.${ctx.statedKinship.role}` } })] : []),
    freeText: true,
    read: (event, ctx) => {
      const stated = ctx.statedKinship;
      if (stated && choiceId(event) === `opt:kin:${stated.role}`) {
        const kinship = translate(`kinship.${stated.role}`, stated.locale);
        return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, kinship } }) };
      }
      // "我是他女儿 然后呢": the answer, not the question after it.
      const typed = textOf(event);
      const text = typed === null ? null : withoutQuestionAfter(typed);
      // More of the story instead ("司机跑了，到现在都没找到…"): added to the account, said so, the question again — never
      // kept as the relation.
      const added = text !== null && !KINSHIP_WORDS.test(text) ? moreOfTheAccount(ctx, text) : null;
      if (added) return added;
      if (text === null || text.length < 1 || text.length > 30 || /\d/.test(text)) return { kind: 'invalid', error: 'intake.err.kinship' };
      // A longer answer names the relation ("我是她闺女", "her youngest son"); words without one are not it.
      if ([...text].length > 6 && !KINSHIP_WORDS.test(text)) return { kind: 'invalid', error: 'intake.err.kinship' };
      return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, kinship: text } }) };
    },
  },

  ownName: {
    // Applying for a relative: the resident's own name, after who they are to the applicant. The phone asked next is
    // theirs; staff must know whom to ask for (docs/intake.md). The name introduced in the account is offered.
    prompt: (ctx) => {
      const stated = statedNameOf(ctx, 'ownName');
      return reply('intake.q.ownName', {}, stated ? [choice(STATED_NAME, 'intake.opt.stated_name', { name: stated })] : []);
    },
    freeText: true,
    read: (event, ctx) => {
      const stated = statedNameOf(ctx, 'ownName');
      if (stated && choiceId(event) === STATED_NAME) return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, ownName: stated } }) };
      const text = textOf(event);
      if (text !== null && refersToEarlier(text)) return saidBefore(stated);
      const read = text === null ? null : readName(text);
      const name = read !== null && /^\p{Script=Han}{7,}$/u.test(read.replace(/\s/g, '')) ? null : read;
      // The applicant's name typed again: the question was read as the earlier one.
      if (name !== null && name === ctx.applicant.name) return { kind: 'invalid', error: 'intake.err.own_name_same', params: { name } };
      if (name) return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, ownName: name } }) };
      return { kind: 'invalid', error: 'intake.err.own_name' };
    },
  },

  phone: {
    // "这是借别人的手机 139…", "i'm using my friend's phone": the words go to staff with the number (session 17); said
    // without a number, they are noted and the number asked for. A plain number typed again later (a change from the
    // summary) clears them.
    // A number typed with another answer ("王大力 13912345678") is offered in one tap, never taken unasked.
    prompt: (ctx) => reply('intake.q.phone', {}, ctx.statedPhone ? [choice(`opt:phone:${ctx.statedPhone}`, 'intake.opt.stated_phone', { phone: ctx.statedPhone })] : []),
    read: (event, ctx, deps) => {
      const id = choiceId(event);
      const typed = id?.startsWith('opt:phone:') ? id.slice('opt:phone:'.length) : textOf(event);
      // Said in Chinese numerals, as voice input writes it ("幺三八 幺二三四 五六七八"): its digits.
      const text = typed === null ? null : numeralsAsDigits(typed);
      // The number with words around it ("我没有手机 用我姐姐的 139…", "use my friend 137…"): that number, when it is the only one.
      const phone = text === null ? null : (readPhone(text) ?? onlyPhoneIn(text));
      const borrowed = typed !== null && BORROWED_PHONE.test(typed) ? typed.trim().slice(0, 200) : null;
      if (phone) {
        return {
          kind: 'answer',
          patch: (c) => ({ applicant: { ...c.applicant, phone, phoneWords: borrowed ?? (c.applicant.phone === null ? (c.applicant.phoneWords ?? null) : null) } }),
        };
      }
      if (borrowed) return { kind: 'stay', patch: (c) => ({ applicant: { ...c.applicant, phoneWords: borrowed } }), reply: reply('intake.phone.borrowed_noted') };
      // "我前面说了啊": not "no phone"; the number said before is pressed, or typed again.
      if (text !== null && refersToEarlier(text)) return saidBefore(ctx.statedPhone ?? null);
      // Afraid of the call in a domestic-violence application ("你们会打电话过来吗 他会接到的"): the next question asks when
      // it is safe, or "don't call, only here".
      if (text !== null && ctx.facts.category === 'domestic_violence' && worriesAboutCall(text)) return { kind: 'invalid', error: 'intake.err.phone_safety' };
      // "你们会不会打电话到我单位去？", "will you call me at work?": whose number is called, then the question again.
      if (text !== null && asksAboutTheCall(text)) return { kind: 'invalid', error: 'intake.err.phone_call_asked' };
      // No number at all ("我没有手机"): what will do instead, not "this number looks wrong".
      if (text !== null && !/\d/.test(text.normalize('NFKC')) && !/[一二三四五六七八九零〇]{5,}/.test(text)) {
        return { kind: 'invalid', error: 'intake.err.phone_missing', params: { hotline: deps.pack.hotline } };
      }
      return { kind: 'invalid', error: 'intake.err.phone' };
    },
  },

  safeContact: {
    prompt: () =>
      reply('intake.q.safeContact', {}, [
        choice('opt:any', 'intake.opt.safe_any'),
        choice('opt:times', 'intake.opt.safe_times'),
        choice('opt:never', 'intake.opt.safe_never'),
        choice('opt:quiet', 'intake.opt.safe_quiet'),
      ]),
    read: (event) => {
      const text = textOf(event);
      // "Not safe" first: a no read as "any time" would have staff ring a phone the abuser may answer. A safe window
      // with "don't call" tied to other times is not a no.
      const read = text !== null && givesSafeWindow(text) ? 'times' : readOption(event, ['quiet', 'never', 'times', 'any'] as const, (v) => SAFE_CONTACT_WORDS[v]);
      // "only text me, never call, he checks my phone sometimes": she asks for messages; her words go to staff.
      const value = read === 'quiet' && text !== null && ASKS_FOR_MESSAGES.test(text) ? 'never' : read;
      if (!value) return { kind: 'invalid', error: 'intake.err.choose' };
      // "工作日上午" names the times with the answer: kept, not asked again.
      const timesGiven = value === 'times' && text !== null && TIME_WORDS.test(text) && !/^(只在)?(某些|特定|固定)时间|^only at certain times$/i.test(text);
      return {
        kind: 'answer',
        patch: (c) => ({
          applicant: {
            ...c.applicant,
            contactPreference: value,
            safeTimes: value === 'times' ? (timesGiven ? text : c.applicant.safeTimes) : null,
            // More than a bare answer, and not already kept as the times: the words go to staff as typed.
            contactWords: text !== null && !timesGiven && text.trim().length >= 6 ? text.trim().slice(0, 200) : null,
          },
        }),
      };
    },
  },

  safeTimes: {
    prompt: () => reply('intake.q.safeTimes'),
    freeText: true,
    read: (event) => {
      const text = textOf(event);
      if (text === null || text.length < 2 || text.length > 200) return { kind: 'invalid', error: 'intake.err.safeTimes' };
      return { kind: 'answer', patch: (c) => ({ applicant: { ...c.applicant, safeTimes: text } }) };
    },
  },

  // Summary and the change list are answered by the machine's own transitions.
  summary: { prompt: () => reply('intake.q.summary'), read: () => ({ kind: 'invalid', error: 'intake.err.summary' }) },
  changeList: { prompt: () => reply('intake.q.changeList'), read: () => ({ kind: 'invalid', error: 'intake.err.choose' }) },
};

/** Questions that explain themselves when the resident asks why (`intake.why.<step>`): all but free descriptions. */
export const WHY_EXPLAINED = new Set<StepId>([
  'category', 'relation', 'criminalRole', 'hasDefender', 'possibleSentence', 'deathPenaltyReview', 'trialInAbsentia',
  'cannotFullyRecognizeConduct', 'region', 'age', 'disability', 'groups', 'fixedIncome', 'residence', 'householdSize',
  'householdMonthlyIncome', 'deadlineDays', 'needsPreservation', 'description', 'documents', 'name', 'kinship', 'ownName', 'phone', 'safeContact', 'safeTimes',
]);

/** Is `text` one of the words that mean "not sure"? */
export function isUnsure(event: ResidentEvent): boolean {
  if (event.type === 'user.choice') return event.id === 'intake.unsure';
  return event.type === 'user.text' && (saysUnsure(event.text) || unsureWithReason(event.text));
}

/** A figure in what follows "not sure" ("不知道，大概5天", "not sure, maybe two weeks"): then it is an answer, not a "not sure". */
const FIGURE = /\d|[一二两三四五六七八九十半几][个]?(天|号|日|月|周|星期|礼拜|岁|口|人|块|元|千|万)|过年|年前|年底|月底|春节|下个?(月|周|星期|礼拜)|明天|后天|\b(one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|a few|a couple|next|tomorrow|before|end of)\b|\b(days?|weeks?|months?|years?)\b/i;
/**
 * "不知道啊，警察也没说", "not sure, nobody told us anything": the not-sure answer with why after it — the first clause
 * says not sure, and what follows gives no figure.
 */
function unsureWithReason(text: string): boolean {
  const [first, ...rest] = text.normalize('NFKC').trim().split(/[,，。;；!！~～]+|\s+(?=\p{Script=Han})/u).filter((part) => part.trim() !== '');
  // A guess after it ("不知道啊 好像过年前要起诉？") is read as the answer it guesses, not as "not sure".
  return first !== undefined && rest.length > 0 && saysUnsure(first) && !FIGURE.test(rest.join(' ')) && !/[?？]\s*$/.test(text);
}

import { detectDanger } from './danger.js';
import { saysNoNeed } from './no-need-words.js';
import { looksLikeQuestion } from './question-words.js';
import { afterApplyRequest, forSomeoneElse, isAcknowledgment, isBareNumber, readSteering, saysBack } from './steering.js';
import { kbQuery } from './kb-query.js';
import { asksIfDisability, namesDisability, saysNoCertificate } from './disability-question.js';
import { describesMigrantWork, groupAskedAbout } from './group-question.js';
import { asksWhoCounts } from './household-question.js';
import { safetyRequest } from './safety-numbers.js';
import { simplifiedStoryCategory as storyCategory, statedFacts, tellsStory } from './story.js';
import { toSimplified } from './simplified.js';
import { abuseToldInSimplified } from './abuse-told.js';
import { unansweredText } from '../faq/unanswered-text.js';
import { isPersonalName } from '../faq/personal-name.js';
import { CATEGORIES, type CategoryId } from '../eligibility/vocabulary.js';
import { asksAboutTheCall, phoneIn } from '../../flows/intake/contact-validation.js';
import { asksWhichToChoose, namesPlaceElsewhere } from '../../flows/intake/region-words.js';
import type { KbJudgement, Meaning, SteerIntent, UnderstandDeps, UnderstandInput, Where } from './types.js';

/**
 * Intents that steer only at the menu, and are never looked up in the knowledge base: a prompt to say more
 * ("怎么办"), the centre's hours, a correction ("不是这个意思"), how to send files ("材料怎么发给你们"). At an intake question the step reads them
 * (the centre's hours and address, and how to send files, excepted: see below).
 */
const MENU_ONLY: ReadonlySet<SteerIntent> = new Set<SteerIntent>(['ask', 'hours', 'repair', 'send_files']);

/** Menu-only intents that no intake question takes as its answer: answered there too, then the question again. */
const ALSO_IN_AN_APPLICATION: ReadonlySet<SteerIntent> = new Set<SteerIntent>(['hours', 'send_files']);

/**
 * Questions a time answers ("什么时间联系您比较安全？"): "上班时间" / "during working hours" there is when to call — the
 * centre's hours only when the centre is asked ("你们几点上班", "when is your office open").
 */
const TIME_IS_THE_ANSWER: ReadonlySet<string> = new Set(['safeContact', 'safeTimes']);
const ADDRESSES_THE_CENTRE = /你们|您们|中心|法援|援助|单位|几点(上班|下班|开门|关门)|开门|关门|\b(you|your|centre|center|office|open|close)\b/i;

const NOT_ASKED: KbJudgement = { band: 'unknown', topic: null, candidates: [], score: 0 };

/**
 * A steer worded as a question that is decided before the knowledge base's guess, by its intent: the index would
 * answer a question about the service where the resident asks the service itself.
 */
const STEERS_BEFORE_THE_INDEX: Partial<Record<SteerIntent, RegExp>> = {
  // "我的案子怎么样了": the resident's own case, not how status checks work in general.
  status: /我的|我刚|刚才|刚刚|到哪|怎么样了|有结果|批了|批下来|通过了吗|处理了吗|\bmy\b|\bi (already )?applied\b|\bany (news|updates?)\b/i,
  // "能不能找个工作人员问一下": a person asked for by name, not a question about staff.
  person: /人工|真人|工作人员|客服|\b(human|real person|agent|operator|staff|someone|somebody)\b/i,
  // "who am i talking to", "你是机器人吗": about this chat itself, which no entry is.
  help: /\bwho am i\b|\bare you\b|\bwho(s| is) this\b|你是/i,
  // "can you apply for me", "请帮我申请": an application asked of the bot, not a question about applying.
  apply: /^(请|麻烦)|帮我申请|\b(can|could|would|will) you\b|\bhelp me apply\b/i,
  // "can you speak english": the language asked for, not a question about the service.
  language: /\b(english|chinese)\b|中文|英文|英语/i,
};

/**
 * What the resident means, by precedence (issue 12 §1):
 * 1. danger to life or safety, now — in every state, before anything else; then a request for the
 *    emergency numbers ("报警电话是多少"), answered at once like danger but raising no alarm;
 * 2. a steering intent — only a short phrase that clearly steers, never a question the knowledge base answers;
 * 3. a problem story → its category and the facts it states plainly (with the knowledge base's
 *    judgement of the question it contains, if it asks one);
 * 4. a question → the knowledge base's judgement;
 * 5. an answer to the question on screen (the intake step validates it).
 * Pure: the knowledge base is passed in as a function.
 *
 * @example
 * understand({ text: '救命 我老公拿刀要杀我', locale: 'zh-CN', where: { kind: 'menu' } }, deps)
 * // { kind: 'danger', danger: 'domestic_violence' }
 */
export function understand(input: UnderstandInput, deps: UnderstandDeps): Meaning {
  // "老闆欠我工資", "我想申清法律援助": read in simplified characters, the slips for 申请 made 申请 (simplified.ts).
  const text = toSimplified(input.text);
  const read = readMeaning(input, text, deps);
  // Read again after its danger was answered ("我妈晕倒了叫不醒怎么办"): only a question the knowledge base answers is
  // answered; "what do I do" is not a question for it, and nothing else is said after the numbers.
  const meaning: Meaning = input.dangerTold && read.kind === 'question' && read.kb.band !== 'answer' ? { kind: 'answer' } : read;
  // Violence at home told as a habit or history ("我老公天天喝酒回来就打我", "我妹妹被她老公打"): never with danger, whose
  // warning gives the numbers already.
  const abuse = meaning.kind === 'danger' || input.dangerTold ? null : abuseToldInSimplified(text);
  return abuse ? { ...meaning, abuseAtHome: abuse } : meaning;
}

function readMeaning(input: UnderstandInput, text: string, { judge: askKb, classify }: UnderstandDeps): Meaning {
  const { locale, where } = input;
  // The knowledge base is asked in its own words (kb-query.ts): "替我老公申请" as applying for a family member.
  const deps = { judge: (t: string, l: typeof locale) => askKb(kbQuery(t), l), classify };
  const danger = input.dangerTold ? null : detectDanger(text);
  if (danger) return { kind: 'danger', danger };
  // With a person on the line the text is for them.
  if (where.kind === 'handoff_live') return { kind: 'answer' };
  // Waiting for a person, "还要等多久" is about the queue (the person intent says it), not how long a decision takes.
  if (where.kind === 'handoff_waiting' && ASKS_HOW_LONG_TO_WAIT.test(text.normalize('NFKC').trim())) return { kind: 'steer', intent: 'person' };
  const safety = safetyRequest(text, input.afterDanger);
  if (safety) return safety === 'cannot_call' ? { kind: 'safety_numbers', cannotCall: true } : { kind: 'safety_numbers' };
  const question = looksLikeQuestion(text);
  // Before consent a question is answered from the knowledge base (issue 9: help without consent); a story
  // with nothing to answer is still a story (kept until the resident agrees); anything else answers the
  // privacy question.
  if (where.kind === 'before_consent') {
    const kb = question ? deps.judge(text, locale) : null;
    const category = storyCategory(text);
    const story = category !== null && tellsStory(text);
    // A story whose question the knowledge base is only unsure of ("我儿子才16岁…被派出所带走了…怎么办啊") is kept as
    // the story: a did-you-mean would drop it, and agreeing takes it up as an application with its category.
    if (kb && (kb.band === 'answer' || (kb.band !== 'unknown' && !story))) return { kind: 'question', kb };
    if (category && story) return { kind: 'story', category, facts: statedFacts(text, category), asks: false, kb: NOT_ASKED };
    // A problem stated without a question mark ("房东不退押金") is answered too, when the knowledge base is sure;
    // never a yes or a word or two ("同意" as the very first message is not the divorce entry).
    if (isAcknowledgment(text) || isBareNumber(text) || !saysEnough(text)) return { kind: 'answer' };
    const stated = kb ?? deps.judge(text, locale);
    return stated.band === 'answer' ? { kind: 'question', kb: stated } : { kind: 'answer' };
  }

  // "嗯", "好的" at the menu or after an answer: show the menu again, as a greeting does; never a question
  // to answer "这个问题我还回答不了" and record for staff. (At an intake question it stays an answer: "嗯" = yes.)
  const atMenu = where.kind === 'menu' || where.kind === 'other';
  if (atMenu && (isAcknowledgment(text) || isBareNumber(text))) return { kind: 'steer', intent: 'greeting' };
  // "😭😭😭", "？？？", a message of spaces: no word to read or look up — the menu again, never "I have noted your question".
  if (atMenu && !HAS_A_WORD.test(text)) return { kind: 'steer', intent: 'greeting' };
  // A name, phone or ID number alone ("王秀英", "我叫王建国") answers a question nobody asked: the menu again, never
  // "I have noted your question for staff" (nothing personal is noted: unanswered-text.ts).
  if (atMenu && unansweredText(text) === null) return { kind: 'steer', intent: 'greeting' };
  // "张伟 怎么办": a name, then "what now" — asked what happened, as a bare "怎么办" is (and never kept for staff).
  if (atMenu && nameThenWhatNow(text)) return { kind: 'steer', intent: 'ask' };
  if (atMenu && saysBack(text)) return { kind: 'steer', intent: 'cancel' };
  // The trained classifier only helps at the menu: at an intake question short answers ("我是农民工") must stay answers.
  const read = readSteering(text, where.kind === 'menu' || where.kind === 'handoff_waiting' ? deps.classify : undefined);
  const steer = read && leftToTheStep(read.intent, text, where, atMenu) ? null : read;
  // "给我老公申请" at an intake question answers it (who the application is for); the step reads it.
  if (steer?.intent === 'apply' && where.kind === 'intake_question' && forSomeoneElse(text)) return { kind: 'answer' };
  // "不用了" at an intake question answers it ("no"); it never cancels the application.
  if (steer?.intent === 'cancel' && where.kind === 'intake_question' && saysNoNeed(text)) return { kind: 'answer' };
  if (steer) {
    // Nothing to look up in "怎么办" alone: whatever the index finds for it is a guess.
    if (!question || MENU_ONLY.has(steer.intent)) return { kind: 'steer', ...steer };
    if (STEERS_BEFORE_THE_INDEX[steer.intent]?.test(text)) return { kind: 'steer', ...steer };
    const kb = deps.judge(text, locale);
    return kb.band === 'answer' ? { kind: 'question', kb } : { kind: 'steer', ...steer };
  }
  // "its for my dad, hes locked up", "给我爸申请，他被抓了" at "who is it for?": its first clause answers it (a story after it
  // says no more than the category already does).
  if (where.kind === 'intake_question' && where.step === 'relation' && forSomeoneElse(text.normalize('NFKC').trim().split(/[,，。.;；!！]/)[0]!)) return { kind: 'answer' };
  // "我妈没有手机 打我的吧 13912345678" at the phone question: a number in it is the answer, whatever the words around it.
  if (where.kind === 'intake_question' && where.step === 'phone' && phoneIn(text.normalize('NFKC'))) return { kind: 'answer' };
  // A free-text question on screen (a description, a name, safe times): the text is its answer.
  if (where.kind === 'intake_question' && where.freeText) return { kind: 'answer' };

  // "i have a bad leg but no disability certificate" at the disability question: its answer (what counts), not a story.
  // "my leg is disabled, i have the certificate": the disability told, for the step to read.
  if (where.kind === 'intake_question' && where.step === 'disability' && (saysNoCertificate(text) || namesDisability(text))) return { kind: 'answer' };
  // "我是贵州来的，在这边饭店当服务员两年了，这样算不算进城务工人员啊" at the groups question: asked about a group, which
  // the step explains, not an account kept for later.
  if (where.kind === 'intake_question' && where.step === 'groups' && groupAskedAbout(text) !== null) return { kind: 'answer' };
  const own = storyCategory(text);
  const category = own ?? storyOfTheApplication(text, where);
  if (category && tellsStory(text)) {
    const kb = question ? deps.judge(text, locale) : NOT_ASKED;
    // "i am not chinese, i am from pakistan is this problem?": facts about the resident that name no problem of their
    // own, told to ask something the index can help with — the question, not more of the application's story.
    if (own === null && question && kb.band !== 'unknown') return { kind: 'question', kb };
    return { kind: 'story', category, facts: statedFacts(text, category), asks: question, kb };
  }
  // "我想申请法律援助，我妈在超市摔了…", "i want apply legal aid for my mum, she fall…": asked to apply first, then told
  // more the category words do not name — the application (its category question), unless what follows is a question.
  const rest = atMenu ? afterApplyRequest(text) : null;
  if (rest !== null && !looksLikeQuestion(rest)) {
    // Asked to apply, then the problem named in plain words, however brief ("…she fall in supermarket…"): the request
    // already says a problem is being told, so its category is recognised as a story's would be.
    const told = storyCategory(rest);
    if (told) return { kind: 'story', category: told, facts: statedFacts(text, told), asks: false, kb: NOT_ASKED };
    return { kind: 'steer', intent: 'apply' };
  }
  if (where.kind === 'intake_question') {
    // "手指断了算残疾吗" at the disability question: the question's own explanation (the step reads it).
    if (where.step === 'disability' && asksIfDisability(text)) return { kind: 'answer' };
    // "进城务工人员是什么意思", "im from the countryside and work in a factory" at the groups question: answered there.
    if (where.step === 'groups' && (groupAskedAbout(text) !== null || describesMigrantWork(text))) return { kind: 'answer' };
    // "家里几口人算哪些人", "does my husband count" at the household question: answered there.
    if (where.step === 'householdSize' && asksWhoCounts(text)) return { kind: 'answer' };
    // "我是农民工啊，不是说了吗" at the groups checklist: who the resident is, for the checklist, not a question.
    if (where.step === 'groups' && SAYS_WHO_I_AM.test(text.normalize('NFKC').trim())) return { kind: 'answer' };
    // "俺在深圳干活 不知道选哪个", "which one should i pick?" at the region question: the step says where to apply
    // instead, or how to choose (the index's nearest entry was the 12348 hotline).
    if (where.step === 'region' && (namesPlaceElsewhere(text) || asksWhichToChoose(text))) return { kind: 'answer' };
    // "不知道算哪个" at "town or countryside?": how to choose, the step's to say.
    if (where.step === 'residence' && asksWhichToChoose(text)) return { kind: 'answer' };
    // "你们会不会打电话到我单位去？" at the phone question: about this call, which the step explains (no entry is about it).
    if (where.step === 'phone' && asksAboutTheCall(text)) return { kind: 'answer' };
    // "不知道啊 好像过年前要起诉？": not knowing, then a guess — an answer to the question on screen, for the step to read.
    // A real question after it ("不知道，能申请法律援助吗？") is still answered.
    const unsure = BEGINS_UNSURE.exec(text.normalize('NFKC').trim());
    if (unsure) {
      const rest = text.normalize('NFKC').trim().slice(unsure[0].length);
      const kb = rest && looksLikeQuestion(rest) ? deps.judge(rest, locale) : null;
      return kb?.band === 'answer' ? { kind: 'question', kb } : { kind: 'answer' };
    }
    // A question the knowledge base can help with is answered; anything else is the step's to read,
    // except a plain question ("要去户口所在地申请吗？"): the step would refuse it as a wrong answer.
    if (!question) return { kind: 'answer' };
    const kb = deps.judge(text, locale);
    return kb.band === 'unknown' && !plainlyAsks(text) ? { kind: 'answer' } : { kind: 'question', kb };
  }
  const kb = deps.judge(text, locale);
  // A word or two that asks nothing ("my mom", "for my dad": an answer to a question nobody asked), answered only
  // just above the threshold: offered as "did you mean" rather than answered on an incidental word.
  if (atMenu && !question && kb.band === 'answer' && kb.lowConfidence && fewWords(text)) return { kind: 'question', kb: { ...kb, band: 'suggest', topic: null } };
  // "老板不给钱", "离婚需要什么材料": the problem it names, for the offer to apply under the answer.
  const named = atMenu ? storyCategory(text) : null;
  return named ? { kind: 'question', kb, category: named } : { kind: 'question', kb };
}

/** A letter or a digit of any script (a Chinese character, a Latin letter, a number). */
const HAS_A_WORD = /[\p{L}\p{N}]/u;

/**
 * Choice questions an account of what happened cannot answer. Elsewhere it may be the answer, told with why ("我们家
 * 三口人，他不给钱", "yes he might sell the car", "don't call, he checks my phone", "我没有手机…").
 */
const STORY_IS_NO_ANSWER = new Set(['relation', 'region', 'disability', 'groups', 'residence']);

/**
 * A longer account at a choice question that names no category ("他喝了酒就打我，上周把我推到墙上…" in a domestic-violence
 * application): a story of the application's own category, kept for the description rather than refused.
 */
function storyOfTheApplication(text: string, where: UnderstandInput['where']): CategoryId | null {
  if (where.kind !== 'intake_question' || !where.category || !STORY_IS_NO_ANSWER.has(where.step)) return null;
  const t = text.normalize('NFKC').trim();
  // "do i have to pay anything for this?": a question from its first word to its end tells nothing that happened;
  // "i dont know the name of this place, its the city i think": not knowing, then a guess at the answer.
  if (asksOnly(t) || BEGINS_UNSURE.test(t)) return null;
  const long = /\p{Script=Han}/u.test(t) ? [...t].length >= 15 : t.split(/\s+/).length >= 8;
  return long && (CATEGORIES as readonly string[]).includes(where.category) ? (where.category as CategoryId) : null;
}

/**
 * One sentence that is a question from its first word ("do i have to pay anything for this?", "请问要不要交钱，收不收费"):
 * an English question word or auxiliary first, or a Chinese one, with no other sentence before or after it.
 */
function asksOnly(t: string): boolean {
  const sentence = t.replace(/[?？!！。.~～\s]+$/u, '');
  if (/\p{Script=Han}/u.test(sentence)) return !/[。！？；!?;]/u.test(sentence) && /^(请问|想问|问一下|问下|我想问|能不能|可不可以|是不是|要不要|需不需要|用不用|是否)/.test(sentence);
  return !/[.!?;,]/.test(sentence) && /^(do|does|did|can|could|is|are|am|will|would|should|shall|may|must|how|what|whats|when|where|why|who|which)\b/i.test(sentence);
}

/** "还要等多久", "怎么还没人", "how long do i have to wait", "is anyone coming": asked while waiting for a person. */
const ASKS_HOW_LONG_TO_WAIT = /^(还|还要|要|得)?(等)?(多久|多长时间|多少分钟|几分钟)|还要等|怎么还没(有)?人|还没(有)?人(来|接)|什么时候(有人|能接|接)|^how long\b.{0,30}\bwait|^(is )?(any|some)(one|body) (coming|there)|^when will (someone|somebody|a person|staff)/i;

/** Saying who one is ("我是农民工啊", "俺是低保户", "i'm a migrant worker"), not denying it ("我不是…"). */
const SAYS_WHO_I_AM = /^(我|俺|本人|他|她)(也)?(是|属于|算)|^(i'?m|i am|he'?s|she'?s|he is|she is) (a|an)\b/i;

/**
 * A steering phrase the question on screen reads instead: "怎么办" alone is a prompt for more only at the menu. Where
 * the centre is ("法律援助中心在哪里") and how to send materials ("材料怎么给你们") no intake question takes as its
 * answer (told, then the question again) — except a time at a question a time answers ("上班时间" at "when is it safe
 * to call you?").
 */
function leftToTheStep(intent: SteerIntent, text: string, where: Where, atMenu: boolean): boolean {
  if (where.kind === 'intake_question') {
    if (intent === 'hours' && TIME_IS_THE_ANSWER.has(where.step) && !ADDRESSES_THE_CENTRE.test(text)) return true;
    return MENU_ONLY.has(intent) && !ALSO_IN_AN_APPLICATION.has(intent);
  }
  return MENU_ONLY.has(intent) && !atMenu;
}

/** A personal name followed by "what now" ("张伟 怎么办", "王秀英，然后呢", "Wang Wei what now"). */
function nameThenWhatNow(text: string): boolean {
  const m = /^(.+?)[\s,，:：]*(怎么办|咋办|咋整|怎么弄|然后呢|接下来呢|接下来怎么办|下一步呢|what now|now what|what next|what do i do)(啊|呀|呢|哇)?[?？!！。.]*$/i.exec(text.normalize('NFKC').trim());
  return m !== null && isPersonalName(m[1]!.trim());
}

/**
 * "不知道啊，…", "不清楚 …", "不知道叫啥名，…", "not sure, …": the resident says first that they do not know (then perhaps
 * guesses).
 */
const BEGINS_UNSURE = /^(?:我也?|俺)?(?:不知道|不清楚|不太清楚|说不好|不确定|记不清|不记得)(?:了|啊|呀|哎|诶|欸|耶)*(?:[\s,，。.!！…~～]+|$)|^(?:我也?|俺)?(?:不知道|不清楚|不确定|说不准)(?=[^，。,.？?]{0,8}(?:会不会|能不能|有没有|是不是|要不要))|^(?:我也?|俺)?(?:不知道|不清楚|说不清|搞不清|不晓得|记不清)(?:叫|是)?(?:啥|什么|哪)(?:名字?|地方|个)?(?:了|啊|呀)*[\s,，。.!！…~～]+|^(?:i'?m )?(?:not sure|no idea|i don'?t know|dunno)\b[\s,.!]*/i;

/** How much a message says: its Chinese characters when it has any, else its words. */
function amountOf(text: string): { n: number; chinese: boolean } {
  const t = text.normalize('NFKC').trim();
  const han = [...t.replace(/[^\p{Script=Han}]/gu, '')].length;
  return han > 0 ? { n: han, chinese: true } : { n: t.split(/\s+/).length, chinese: false };
}

/** A word or two: at most four Chinese characters or three words. */
function fewWords(text: string): boolean {
  const { n, chinese } = amountOf(text);
  return n <= (chinese ? 4 : 3);
}

/** Enough to state a problem: at least four Chinese characters or three words. */
function saysEnough(text: string): boolean {
  const { n, chinese } = amountOf(text);
  return n >= (chinese ? 4 : 3);
}

/** Ends as a question does ("…吗？", "…呢", "…?") and says more than a word or two. */
function plainlyAsks(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return [...t.replace(/\s/g, '')].length >= 5 && /([?？]|[吗呢么嘛])[?？!！。.]*$/u.test(t);
}

export { detectDanger } from './danger.js';
export type * from './types.js';

/** A short label of a meaning for reports (`kb ask`): `danger:self_harm`, `steer:apply`, `story:wages`, `question`, `answer`. */
export function meaningLabel(meaning: Meaning): string {
  if (meaning.kind === 'danger') return `danger:${meaning.danger}`;
  if (meaning.kind === 'steer') return `steer:${meaning.intent}`;
  if (meaning.kind === 'story') return `story:${meaning.category}`;
  return meaning.kind;
}

import { and, type AnyActorRef, assertEvent, assign, emit, enqueueActions, fromPromise, or, raise, sendTo, setup, stateIn } from 'xstate';
import type { Locale } from '../locales/catalog.js';
import type { AttachmentRef, BotReply, Choice, ResidentEvent } from './events.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding, Where } from './understanding.js';
import type { CategoryId } from '../knowledge/eligibility/vocabulary.js';
import { detectDanger } from '../knowledge/understanding/danger.js';
import { asksSafetyNumbers, safetyRequest } from '../knowledge/understanding/safety-numbers.js';
import { abuseAtHomeTold } from '../knowledge/understanding/abuse-told.js';
import { asksToSeeDetained } from '../knowledge/understanding/detained-visit.js';
import { accountOf, isAffirmative, leavesInAHurry, readSteering, saysGoodbye, stopsWaiting } from '../knowledge/understanding/steering.js';
import type { Meaning, SteerIntent } from '../knowledge/understanding/types.js';
import { reply, choice } from './replies.js';
import { looksLikeQuestion } from './question-words.js';
import { readConsent } from './consent-words.js';
import { ageKeptFromStory, createIntakeMachine, type IntakeInput, type IntakeOutput, type IntakeToParent } from './intake/intake-machine.js';
import type { IntakeDeps } from './intake/intake-deps.js';
import type { IntakeContext } from './intake/intake-types.js';
import { asksWhy } from './intake/why-words.js';
import { categoryFromText } from './intake/category-words.js';
import { accountPlus } from './intake/account-words.js';
import { readNavigation } from './intake/navigation-words.js';
import { hidesNow } from './hide-words.js';
import { signalsAssetsAtRisk } from './intake/steps.js';
import type { StatedKinship } from '../knowledge/understanding/stated-relative.js';
import { asksForCallback, asksForPerson, type ConversationEffect, type HandoffEvent, type StaffRelay } from './staff-relay.js';
import { phoneIn, readPhone, worriesAboutCall } from './intake/contact-validation.js';
import { ERASE_CANCEL, ERASE_CONFIRM, SENSITIVE_AGREE, SENSITIVE_DECLINE } from './privacy-choices.js';
import { parseWithdrawChoice } from '../knowledge/cases/case-status-view.js';
import { staffJoinedKey, staffNameParam } from './staff-name.js';
import { oneToThreeOf } from './word-run.js';
import { statedFacts, storyCategory as categoryOfStory, tellsStory } from '../knowledge/understanding/story.js';
import { readCaseRefText, readLinkCode } from '../knowledge/cases/case-link-rules.js';
import { statedAnswers } from '../knowledge/understanding/stated-answers.js';
import { choicesForCaseInProgress, type CaseInProgress } from './case-in-progress-choices.js';

/** Bump when states or context change incompatibly; see `conversation-migrations.ts`. */
export const CONVERSATION_MACHINE_VERSION = '2';

/** What the last message was understood as: for `chat --jsonl` and the transcript tests (never shown to residents). */
export interface TurnMeta {
  emergency: boolean;
  intent: SteerIntent | null;
  category: CategoryId | null;
  faq: { topic: string | null; answered: boolean; candidates: string[] } | null;
}

export const EMPTY_META: TurnMeta = { emergency: false, intent: null, category: null, faq: null };

export interface ConversationContext {
  conversationKey: string;
  /** The intake question on screen (its step id), for the understanding step. */
  intakeStep?: string | null;
  /** A story typed at a later intake question, offered as the description when that step comes (absent in older snapshots). */
  keptStory?: string | null;
  /** Whom the text that started an application said it is for ("我替我妈申请"), for the intake's kinship question. */
  statedKinship?: StatedKinship | null;
  /** A category recognised in a story, handed to the intake it starts (confirmed in one tap). */
  pendingCategory?: CategoryId | null;
  /**
   * The category of the last story told outside an application: a generic Apply (the menu's, or under an answer)
   * starts with it, confirmed in one tap. Cleared when an application starts (a cancelled one starts afresh next time)
   * or the resident starts over.
   */
  storyCategory?: CategoryId | null;
  /** The resident chose `pendingCategory` with a button ("apply for this"): the intake does not ask to confirm it. */
  pendingCategoryChosen?: boolean;
  /** A story told before consent, kept in memory only (nothing is stored before consent): agreeing takes it up (absent in older snapshots). */
  storyBeforeConsent?: string | null;
  /** That story was answered (it asked a question): agreeing keeps it for the application instead of answering it again. */
  storyAnsweredBeforeConsent?: boolean;
  /** Danger was recognised in this conversation: a plain "打哪个电话" then asks for the emergency numbers. */
  afterDanger?: boolean;
  /** Violence at home told as a habit or history was answered with its gentle safety line (once per conversation; absent in older snapshots). */
  abuseLineGiven?: boolean;
  /** A question typed at the sensitive-information agreement: its answer offers the application that was starting (absent in older snapshots). */
  askedAtAgreement?: boolean;
  /** The text being read asked a question with its danger, and the danger was answered: what else it says is read now (absent in older snapshots). */
  dangerTold?: boolean;
  /** The first message of a new conversation, read for danger before the greeting. */
  firstText?: string | null;
  /**
   * The language was taken from a bare greeting ("hi", "你好"): the first message with words of its own ("同意", "I
   * agree", a story) decides it instead, before the application starts (absent in older snapshots).
   */
  localeTentative?: boolean;
  /** The greeting and privacy question were shown (a question answered before consent returns without them). */
  greeted?: boolean;
  /** A question typed instead of agreeing: ask for consent again after the answer. */
  remindAfterAnswer?: boolean;
  meta?: TurnMeta;
  /** How many applications were started here: makes each submission id unique. */
  intakeCount: number;
  /** The intake question on screen takes free text (a description, a name): text is an answer, not a question. */
  intakeFreeText: boolean;
  locale: Locale;
  consented: boolean;
  /**
   * The resident agreed, separately, to the application's sensitive questions (age of a minor, health
   * and disability, income, violence; PIPL arts. 28–29). Absent in conversations stored before it existed.
   */
  sensitiveConsent?: boolean;
  hotline: string;
  /** The free text being understood, or the topic being shown. */
  pendingText: string | null;
  pendingTopic: string | null;
  /** A person: `waiting` after the resident asked, `live` while staff hold the conversation (the bot stays silent). */
  handoff: 'idle' | 'waiting' | 'live';
  staffName: string | null;
  /** The resident accepted a call-back and is asked for a phone number. */
  awaitingCallbackPhone: boolean;
  /** A rating being recorded, and then its optional comment. */
  rating: { ref: string; score: number } | null;
  /** A reference number typed to reach a case from another device; a one-time code was texted for it. */
  linkRef?: string | null;
  /** The region of the application submitted here last: its centre is the office offered when no one is online. */
  caseRegion?: string | null;
  /**
   * How the resident of the application submitted here last may be contacted: after "do not call" or "no calls and no
   * messages" a person is never offered as a call-back (absent in older snapshots).
   */
  caseContact?: 'any' | 'times' | 'never' | 'quiet' | null;
}

/**
 * Every key the context will ever hold, in one order, from the start. Each `assign` copies the context; one that
 * adds a key turns the copy into a slow dictionary object for the rest of the conversation (~9 µs per later
 * copy instead of ~0.6), so no key is ever added (tests/flows/context-shape.test.ts). Restored snapshots are
 * given the missing keys the same way (`withFullContext`).
 */
export const CONTEXT_DEFAULTS: ConversationContext = {
  conversationKey: '',
  handoff: 'idle',
  staffName: null,
  awaitingCallbackPhone: false,
  rating: null,
  intakeCount: 0,
  intakeFreeText: false,
  locale: 'zh-CN',
  consented: false,
  sensitiveConsent: false,
  hotline: '',
  pendingText: null,
  pendingTopic: null,
  intakeStep: null,
  pendingCategory: null,
  pendingCategoryChosen: false,
  storyCategory: null,
  keptStory: null,
  statedKinship: null,
  storyBeforeConsent: null,
  storyAnsweredBeforeConsent: false,
  afterDanger: false,
  abuseLineGiven: false,
  askedAtAgreement: false,
  dangerTold: false,
  firstText: null,
  localeTentative: false,
  greeted: false,
  remindAfterAnswer: false,
  linkRef: null,
  caseRegion: null,
  caseContact: null,
  meta: EMPTY_META,
};

export interface ConversationInput {
  conversationKey: string;
  locale?: Locale;
  /** The text of the message that opened the conversation, if it was one. */
  firstText?: string;
  /** That text was a bare greeting: the language it gave is tentative (see the context's `localeTentative`). */
  localeTentative?: boolean;
  hotline: string;
}

/** Events from outside the resident: the runner, staff, timers. */
export type SystemEvent =
  /** `question`: a message that asked something with its danger ("他去年说要杀了我，我能申请保护令吗"), read after the warning. */
  | { type: 'internal.reprompt'; afterDanger?: boolean; afterRequest?: boolean; story?: { text: string; category: CategoryId }; question?: string }
  | { type: 'internal.askBeforeConsent' }
  | { type: 'internal.remindAfter' }
  /** Text to hand to the intake question on screen as its answer (after a danger warning). */
  | { type: 'internal.answer'; text: string }
  | { type: 'internal.human' }
  | { type: 'internal.status' }
  | { type: 'inbound'; event: ResidentEvent }
  | IntakeToParent
  | HandoffEvent;

export type ConversationEvent = ResidentEvent | SystemEvent;

const notProvided = async (): Promise<never> => {
  throw new Error('Provide this actor with conversationMachine.provide({ actors: { … } }).');
};

const MENU_CHOICES = [
  choice('menu.apply', 'core.menu.apply'),
  choice('menu.ask', 'core.menu.ask'),
  choice('menu.status', 'core.menu.status'),
  choice('menu.human', 'core.menu.human'),
  choice('menu.help', 'core.menu.help'),
  choice('lang.toggle', 'core.menu.language'),
];

/** After submitting an application here (`caseRegion` set), its progress is what the resident comes back for: first. */
const MENU_AFTER_APPLYING = ['menu.status', 'menu.ask', 'menu.apply', 'menu.human', 'menu.help', 'lang.toggle'].map((id) => MENU_CHOICES.find((c) => c.id === id)!);
/** The menu's buttons: no "talk to a person" while the resident already waits for one (or talks to one). */
const menuChoices = (context: Pick<ConversationContext, 'handoff'> & Partial<Pick<ConversationContext, 'caseRegion'>>) => {
  const choices = context.caseRegion ? MENU_AFTER_APPLYING : MENU_CHOICES;
  return context.handoff === 'idle' ? choices : choices.filter((c) => c.id !== 'menu.human');
};

/**
 * Whose applications an answer looks up: only a conversation that submitted one (`caseRegion` is set then). Looked up
 * for every answer that offers to apply, the read cost every question asked in the durable bench (session 18).
 */
function casesLookedUp(context: Pick<ConversationContext, 'caseRegion' | 'conversationKey'>): { conversationKey?: string } {
  return context.caseRegion ? { conversationKey: context.conversationKey } : {};
}

/** A reply's buttons for a resident with applications in progress (`choicesForCaseInProgress`); unchanged without buttons. */
function forCasesInProgress(r: BotReply, cases: readonly CaseInProgress[]): BotReply {
  return r.choices?.length && cases.length > 0 ? { ...r, choices: choicesForCaseInProgress(r.choices, cases) } : r;
}

/** A reply without the "talk to a person" button while the resident already waits for one (or talks to one). */
function offeredNow(r: BotReply, context: Pick<ConversationContext, 'handoff'>): BotReply {
  if (context.handoff === 'idle' || !r.choices?.some((c) => c.id === 'menu.human')) return r;
  return { ...r, choices: r.choices.filter((c) => c.id !== 'menu.human') };
}

/** A file the resident sent outside an application, for the case store to link to a case awaiting materials. */
export interface AttachFileInput {
  conversationKey: string;
  attachment: AttachmentRef;
}

/** Where the file went: the case awaiting materials it was linked to (and how many files that case now has), or none. */
export interface AttachFileResult {
  linked: { ref: string; count: number; attachment: AttachmentRef } | null;
}

/** Under a file linked to a case awaiting materials: done, send more, or a message for staff (not the menu: they are still sending). */
const MATERIALS_DONE = 'materials.done';
const MATERIALS_MORE = 'materials.more';
const MATERIALS_NOTE = 'materials.note';
const materialsChoices = () => [
  choice(MATERIALS_DONE, 'conv.materials.opt_done'),
  choice(MATERIALS_MORE, 'conv.materials.opt_more'),
  choice(MATERIALS_NOTE, 'conv.materials.opt_note'),
];

/** "给工作人员留言": what to write, with the way back to sending (or done) instead. */
const askForNote = () => reply('conv.materials.note_ask', {}, [choice(MATERIALS_MORE, 'conv.materials.opt_more'), choice(MATERIALS_DONE, 'conv.materials.opt_done')]);

/** A message for staff about the case awaiting materials ("合同没签过"), kept on that case. */
export interface NoteCaseInput {
  conversationKey: string;
  text: string;
}

/** The case the message was kept on, or none (no case of this conversation awaits materials any more). */
export interface NoteCaseResult {
  ref: string | null;
}

/** What the conversation needs besides its actors. */
export interface ConversationDeps {
  /** The intake's policy pack and eligibility engine. */
  intake: IntakeDeps;
  /** Staff can take live conversations (a staff channel is configured). */
  staffAvailable: boolean;
  /** Minutes a resident waits for a person before being offered a call-back. */
  pickupMinutes: number;
  /**
   * Ask a separate consent before the application's sensitive questions (PIPL art. 29). Off when
   * absent, so flows built without it (tests, tools) start the application at once.
   */
  askSensitiveConsent?: boolean;
}

/** What withdrawing an application gives back: the replies, and whether the case was withdrawn (staff are told). */
export interface WithdrawResult {
  replies: BotReply[];
  withdrawn: boolean;
}

export interface RatingInput {
  conversationKey: string;
  ref: string;
  score: number;
  comment?: string;
}

/** "No, carry on" under the confirmation of a typed cancel: the question on screen again. */
const KEEP_APPLYING = 'conv.cancel.keep';
/** "Carry on with the application" under a reply in the middle of one that is not its question (no one online, did you mean). */
const CARRY_ON_APPLYING = 'conv.intake.carry_on';

/** Choices the root answers wherever the resident is (they are never an intake answer). */
const GLOBAL_CHOICES = new Set([ERASE_CONFIRM, ERASE_CANCEL, SENSITIVE_AGREE, SENSITIVE_DECLINE, 'lang.toggle', 'menu.help', 'menu.back', 'menu.human', 'menu.status', 'handoff.callback']);
const isGlobalChoice = (id: string) => GLOBAL_CHOICES.has(id) || id.startsWith('rate:') || parseWithdrawChoice(id) !== undefined;

/** The region the application under way names, read from the intake child (undefined when none runs). */
function regionOf(self: AnyActorRef): string | undefined {
  const intake = (self.getSnapshot().children as Record<string, AnyActorRef | undefined>).intake;
  return (intake?.getSnapshot()?.context as { facts?: { region?: string } } | undefined)?.facts?.region;
}

/** What the conversation learned from an understood message, for the turn's meta; `faq` only when the knowledge base's reply is shown. */
function metaOf(understood: Understanding, faqShown: boolean): TurnMeta {
  const { meaning, answer } = understood;
  return {
    emergency: false,
    intent: meaning.kind === 'steer' ? meaning.intent : null,
    category: meaning.kind === 'story' ? meaning.category : meaning.kind === 'question' ? (meaning.category ?? null) : null,
    faq: faqShown && answer.replies.length > 0 ? { topic: answer.topic, answered: answer.band === 'answer', candidates: answer.candidates } : null,
  };
}

/** What the conversation reads of the application in progress. */
interface IntakeView {
  facts?: { category?: CategoryId };
  applicant?: { relation?: string | null; description?: string | null; contactPreference?: string | null };
}

/**
 * The resident said not to phone them ("do not call", or "no calls and no messages"), in the application under way or
 * the one submitted here last: a person is offered as chat, a visit or checking here, never as a call-back.
 */
function saidNoCalls(context: { caseContact?: string | null }, self: { getSnapshot(): unknown }): boolean {
  const preference = intakeContext(self)?.applicant?.contactPreference ?? context.caseContact;
  return preference === 'never' || preference === 'quiet';
}

/** The context of the application in progress (the intake child), if any. */
function intakeContext(self: { getSnapshot(): unknown }): IntakeView | undefined {
  const intake = (self.getSnapshot() as { children?: Record<string, { getSnapshot(): unknown } | undefined> }).children?.intake;
  return (intake?.getSnapshot() as { context?: IntakeView } | undefined)?.context;
}

/** "Use what I wrote" under the description question, when a story was typed earlier in the application. */
const USE_KEPT_STORY = 'conv.story.use';
/** The same, typed: a yes, or "use this / 就用这个". */
const USE_KEPT_STORY_WORDS = oneToThreeOf(
  "(就)?用(我)?(刚才|刚刚|前面|上面|之前)(说|写|讲|发)?(过)?的(那段|那些|那个)?(话|内容)?|(我)?(刚才|刚刚|前面|上面|之前)(都|已经)?(说|写|讲)(过)?了(呀|啊|吧|的)?|不是(都)?说(过)?了(吗|嘛)|用|就用|用这个|就用这个|用这段|就用这段|用这段话|就用这段话|这段|就这段|用上面的|用上面那段|用前面的|用前面那段|就这个|就这样|可以|好|好的|行|是|是的|对|嗯|嗯嗯|use (this|that|it)|use what i (wrote|said)|yes|yeah|yep|ok|okay|sure|that'?s (fine|it|right)",
  { between: '[\\s,，、!！。.]*', end: '[\\s,，、!！。.]*' },
);

/**
 * The language of a message with words of its own: two Chinese characters or more ("同意", a story), or two English
 * words or more with none ("I agree"); `null` for "ok", "好", "yes", a number or a button's worth.
 */
function wordsOfItsOwn(text: string): Locale | null {
  const t = text.normalize('NFKC');
  if ([...t.matchAll(/\p{Script=Han}/gu)].length >= 2) return 'zh-CN';
  const words = t.match(/[A-Za-z]+/g) ?? [];
  if (!/\p{Script=Han}/u.test(t) && words.length >= 2 && words.join('').length >= 4) return 'en';
  return null;
}

type Understood = { output: Understanding };
const meaningOf = (event: unknown): Meaning => (event as Understood).output.meaning;
const steersTo = (intent: SteerIntent) => ({ event }: { event: unknown }) => {
  const m = meaningOf(event);
  return m.kind === 'steer' && m.intent === intent;
};
const isStory = ({ event }: { event: unknown }) => meaningOf(event).kind === 'story';
/** Read again after its danger was answered, the message asked nothing the knowledge base answers: the numbers were the reply. */
const nothingMoreAfterDanger = ({ context, event }: { context: ConversationContext; event: unknown }) => context.dangerTold === true && meaningOf(event).kind === 'answer';
/** The knowledge base answered (a question, or the question a story asks). */
const kbAnswered = ({ event }: { event: unknown }) => (event as Understood).output.answer.band === 'answer';
/**
 * The application in progress of the story's kind, if any (the cases are looked up only for a story told in a
 * conversation that applied here).
 */
function caseInProgressOfStory(event: unknown) {
  const m = meaningOf(event);
  return m.kind === 'story' ? (event as Understood).output.answer.casesInProgress?.find((c) => c.category === m.category) : undefined;
}
const storyOfCaseInProgress = ({ event }: { event: unknown }) => caseInProgressOfStory(event) !== undefined;
/**
 * What the story that started an application stated, for the intake to offer, never to take unasked: an exact age
 * (one tap at the age question), groups ("我是农民工", ticked in advance at the groups question) and a disability
 * ("我是聋哑人", first at the disability question).
 */
function statedInput(story: string | null | undefined, category: CategoryId | null | undefined): Pick<IntakeInput, 'statedAge' | 'statedGroups' | 'statedIncome' | 'statedHousehold' | 'statedDisability'> {
  if (!story || !category) return {};
  const { age, migrantWorker, disability } = statedFacts(story, category);
  const { monthlyIncome, householdSize } = statedAnswers(story);
  return {
    ...(monthlyIncome !== undefined ? { statedIncome: monthlyIncome } : {}),
    ...(householdSize !== undefined ? { statedHousehold: householdSize } : {}),
    ...(age ? { statedAge: { years: age.years, ...(age.atLeast ? { atLeast: true } : {}), ...(age.whose ? { whose: age.whose } : {}) } } : {}),
    ...(migrantWorker ? { statedGroups: ['migrant_worker' as const] } : {}),
    ...(disability ? { statedDisability: disability } : {}),
  };
}

/** A story told with violence ("他昨晚又把我打伤了，我想离婚"): what the application starts from; none after self-harm, a child in danger or a medical emergency (the numbers, then the menu). */
function dangerStory(text: string, danger: string): { text: string; category: CategoryId } | null {
  if (danger !== 'domestic_violence' && danger !== 'violence') return null;
  const category = categoryOfStory(text);
  return category && tellsStory(text) ? { text, category } : null;
}

/** The gentle line for violence at home, by whom it is done to: the resident, or a relative of theirs ("我妹妹被她老公打"). */
const ABUSE_LINE = { self: 'safety.domestic_violence', relative: 'safety.domestic_violence_relative' } as const;

/**
 * Gives that line once per conversation: never after a danger warning (which gave the numbers), nor to a person on
 * the line; `told` is whom the violence is done to, as read from the text (nothing when none was told).
 */
function giveAbuseLine(
  enqueue: { assign: (values: { abuseLineGiven: true }) => void; emit: (r: BotReply) => void },
  context: Pick<ConversationContext, 'abuseLineGiven' | 'afterDanger' | 'handoff'>,
  told: 'self' | 'relative' | null | undefined,
): void {
  if (!told || context.abuseLineGiven || context.afterDanger || context.handoff === 'live') return;
  enqueue.assign({ abuseLineGiven: true });
  enqueue.emit(reply(ABUSE_LINE[told]));
}

/** The sensitive-information agreement's two buttons. */
const sensitiveChoices = () => [choice(SENSITIVE_AGREE, 'privacy.sensitive.agree'), choice(SENSITIVE_DECLINE, 'privacy.sensitive.decline')];

const storyCategory = (event: unknown): CategoryId | null => {
  const m = meaningOf(event);
  return m.kind === 'story' ? m.category : null;
};

/** The problem a question at the menu names ("老板不给钱"), or `null`. */
const questionCategory = (event: unknown): CategoryId | null => {
  const m = meaningOf(event);
  return m.kind === 'question' ? (m.category ?? null) : null;
};

/**
 * Emits the resident's cases. When they carry buttons (withdraw, rate), those go on the last message with `onward`
 * (a web page shows only the last message's buttons) and it returns true; otherwise the caller says what comes next.
 */
function emitStatus(replies: BotReply[], onward: Choice, enqueue: { emit: (reply: BotReply) => void }): boolean {
  const caseButtons = replies.slice(0, -1).flatMap((r) => r.choices ?? []);
  if (caseButtons.length === 0) {
    for (const r of replies) enqueue.emit(r);
    return false;
  }
  for (const r of replies.slice(0, -1)) enqueue.emit({ ...r, choices: [] });
  const last = replies.at(-1)!;
  enqueue.emit({ ...last, choices: [...caseButtons, ...(last.choices ?? []), onward] });
  return true;
}

/** Offers to apply with the story's category already recognised (confirmed in one tap in the intake). */
const applyWithCategory = (category: CategoryId) =>
  choice(`apply:${category}`, 'conv.story.apply', { category: { key: `category.${category}` } });

/**
 * The root conversation: greeting, privacy consent, language, main menu, help, restart, the
 * application intake, and free questions answered from the knowledge base. Pure: effects are the
 * provided actors.
 */
export function createConversationMachine(deps: ConversationDeps) {
  /** The office residents call when no one is online: the first legal aid centre of the pack. */
  const mainOffice = (region?: string) =>
    deps.intake.pack.offices.find((o) => o.kind === 'centre' && (region === undefined || o.region === region)) ??
    deps.intake.pack.offices.find((o) => o.kind === 'centre') ??
    deps.intake.pack.offices[0];
  /**
   * Hours, name and phone of the centre a resident should call: the region of the application under way
   * (or the one submitted here), else the pack's first centre.
   */
  const centreContact = (context: ConversationContext, self: AnyActorRef) => officeContact(mainOffice(regionOf(self) ?? context.caseRegion ?? undefined), context.hotline);
  /** An office's name, address, hours and phone as message parameters, each with its fallback. */
  const officeContact = (office: ReturnType<typeof mainOffice>, hotline: string) => ({
    office: office?.name ?? { key: 'intake.office.unknown' },
    address: office?.address ?? { key: 'conv.office.address_unknown' },
    hours: office?.hours ?? { key: 'conv.handoff.hours_unknown' },
    phone: office?.phone ?? hotline,
    hotline,
  });
  return setup({
  types: {} as {
    context: ConversationContext;
    events: ConversationEvent;
    input: ConversationInput;
    emitted: ConversationEffect;
  },
  actors: {
    understandText: fromPromise<Understanding, UnderstandInput>(notProvided),
    showTopic: fromPromise<KnowledgeAnswer, TopicInput>(notProvided),
    listCases: fromPromise<BotReply[], { conversationKey: string }>(notProvided),
    rateCase: fromPromise<BotReply[], RatingInput>(notProvided),
    withdrawCase: fromPromise<WithdrawResult, { conversationKey: string; ref: string }>(notProvided),
    attachFile: fromPromise<AttachFileResult, AttachFileInput>(notProvided),
    noteCase: fromPromise<NoteCaseResult, NoteCaseInput>(notProvided),
    requestLinkCode: fromPromise<{ replies: BotReply[]; done: boolean }, { conversationKey: string; ref: string }>(notProvided),
    verifyLinkCode: fromPromise<{ replies: BotReply[]; done: boolean }, { conversationKey: string; ref: string; code: string }>(notProvided),
    intake: createIntakeMachine(deps.intake),
  },
  guards: {
    hasConsented: ({ context }) => context.consented,
    saysAgree: ({ event }) => event.type === 'user.text' && readConsent(event.text) === 'agree',
    toldStoryBeforeConsent: ({ context }) => Boolean(context.storyBeforeConsent),
    /** The story kept before consent came with a danger warning (read again, it would warn twice). */
    toldDangerStoryBeforeConsent: ({ context }) => Boolean(context.storyBeforeConsent) && detectDanger(context.storyBeforeConsent ?? '') !== null,
    answeredStoryBeforeConsent: ({ context }) => Boolean(context.storyBeforeConsent) && context.storyAnsweredBeforeConsent === true,
    saysDecline: ({ event }) => event.type === 'user.text' && readConsent(event.text) === 'decline',
    asksOnly: ({ event }) => event.type === 'user.text' && readSteering(event.text) === null && looksLikeQuestion(event.text),
    /** "删除我的信息", "快删掉": before agreeing too (nothing is kept, but the page on a shared phone is cleared). */
    saysDelete: ({ event }) => event.type === 'user.text' && readSteering(event.text)?.intent === 'delete',
    /** Where or when the centre is open ("法律援助中心在哪里"): the policy pack's answer, before consent too (nothing is kept). */
    asksForCentre: ({ event }) => event.type === 'user.text' && readSteering(event.text)?.intent === 'hours',
    /** "他回来了", "he is coming back i have to go": leaving at once (a shared phone). */
    leavesInAHurry: ({ event }) => event.type === 'user.text' && leavesInAHurry(event.text),
    steersAwayOrAsks: ({ event }) => {
      if (event.type !== 'user.text') return false;
      const steer = readSteering(event.text);
      return (steer !== null && !['apply', 'greeting', 'thanks'].includes(steer.intent)) || looksLikeQuestion(event.text);
    },
    /** A problem the category words recognise ("老板欠我三个月工资不给"), typed at the sensitive-information agreement. */
    tellsStoryAtAgreement: ({ event }) => event.type === 'user.text' && categoryFromText(event.text) !== null,
    /**
     * More of a story already kept, typed at the agreement without a category of its own ("我今年78了 老伴走了 一个人住"
     * after "我儿子不给我养老钱"): older residents write in pieces; what it states (an age) is offered later.
     */
    addsToStoryAtAgreement: ({ context, event }) => {
      if (event.type !== 'user.text' || !context.keptStory) return false;
      const stated = statedAnswers(event.text);
      return tellsStory(event.text) || stated.age !== undefined || stated.monthlyIncome !== undefined || stated.householdSize !== undefined;
    },
  },
  actions: {
    greet: emit(() => reply('core.greeting')),
    resetMeta: assign({ meta: EMPTY_META }),
    /** Danger first, in every state: the numbers to call, staff alerted when they hold or are awaited, then where the resident was. */
    warnDanger: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'inbound' || event.event.type !== 'user.text') return;
      const detected = detectDanger(event.event.text);
      if (!detected) return;
      // Inside a domestic-violence application, a threat is from the abuser: 12338 beside 110.
      const intake = (self.getSnapshot().children as Record<string, AnyActorRef | undefined>).intake;
      const category = (intake?.getSnapshot()?.context as { facts?: { category?: string }; categoryGroup?: string | null } | undefined);
      // Also a domestic-violence story told a moment ago, waiting at the agreement (pendingCategory).
      const dvApplication =
        category?.facts?.category === 'domestic_violence' || category?.categoryGroup === 'domestic_violence' || context.pendingCategory === 'domestic_violence';
      const danger = detected === 'violence' && dvApplication ? 'domestic_violence' : detected;
      enqueue.assign({ meta: { ...EMPTY_META, emergency: true }, afterDanger: true });
      enqueue.emit(reply(`danger.${danger}`));
      if (context.handoff === 'live') enqueue.emit({ type: 'relay', relay: { kind: 'message', text: event.event.text } });
      if (context.handoff !== 'idle') enqueue.emit({ type: 'relay', relay: { kind: 'danger', danger } });
      if (context.handoff === 'live') return;
      // At a free-text intake question (what happened, safe times) the words are still the answer: keep them.
      if (context.intakeStep && context.intakeFreeText) {
        enqueue.raise({ type: 'internal.answer', text: event.event.text });
        return;
      }
      // A story told with the danger ("he choked me last night… he keeps texting he will find me"): at the menu the
      // application starts with it, as it would without the danger; elsewhere the state asks its question again.
      // A question asked with the danger ("…我能申请人身安全保护令吗", "…can i get a restraining order"): the numbers
      // first, then the message read as it would be without the danger (a story with it is read there too).
      if (looksLikeQuestion(event.event.text)) {
        enqueue.raise({ type: 'internal.reprompt', afterDanger: true, question: event.event.text });
        return;
      }
      const story = dangerStory(event.event.text, danger);
      // Before agreeing, the story is kept in memory only; agreeing goes on with it.
      if (story && !context.consented) enqueue.assign({ storyBeforeConsent: story.text, storyAnsweredBeforeConsent: false });
      enqueue.raise({ type: 'internal.reprompt', afterDanger: true, ...(story ? { story } : {}) });
    }),
    /** The message that opened a new conversation, read for danger before the greeting. */
    warnFirstDanger: enqueueActions(({ context, enqueue }) => {
      const danger = context.firstText ? detectDanger(context.firstText) : null;
      // "报警电话是多少" as the very first message: the numbers before the greeting, as for danger.
      if (!danger && context.firstText && asksSafetyNumbers(context.firstText)) {
        enqueue.assign({ firstText: null });
        enqueue.emit(reply('safety.numbers'));
        return;
      }
      // A first message that is not danger may be a question (answered from memory after the privacy question)
      // or a story (kept in memory until the resident agrees): read as any message before consent.
      if (!danger && context.firstText) {
        // Violence at home told in it: the gentle line before the greeting too, as danger is (the understanding step reads
        // it again after the greeting; the line is given once).
        giveAbuseLine(enqueue, context, abuseAtHomeTold(context.firstText));
        enqueue.assign({ pendingText: context.firstText });
        enqueue.raise({ type: 'internal.askBeforeConsent' });
      }
      enqueue.assign({ firstText: null });
      if (!danger) return;
      enqueue.assign({ meta: { ...EMPTY_META, emergency: true }, afterDanger: true });
      enqueue.emit(reply(`danger.${danger}`));
      // A question asked with it: answered after the privacy question, as a first question without danger is.
      if (context.firstText && looksLikeQuestion(context.firstText)) {
        enqueue.assign({ pendingText: context.firstText, dangerTold: true });
        enqueue.raise({ type: 'internal.askBeforeConsent' });
        return;
      }
      // A story told with the danger ("他昨晚又把我打伤了，我想离婚"): kept in memory, agreeing goes on with it.
      const story = dangerStory(context.firstText ?? '', danger);
      if (story) enqueue.assign({ storyBeforeConsent: story.text, storyAnsweredBeforeConsent: false });
    }),
    /**
     * Violence at home told as a habit or as history ("我老公天天喝酒回来就打我", "我妹妹被她老公打"), as the understanding step
     * read it into the Meaning: once per conversation, before the reply to the message (the exit of the state that read it),
     * the numbers in one gentle line — not an emergency (no alarm, nothing relayed to staff). Not after a danger warning,
     * which gave them already, nor to a person on the line.
     */
    lineForAbuseAtHome: enqueueActions(({ context, event, enqueue }) => giveAbuseLine(enqueue, context, (event as Partial<Understood>).output?.meaning?.abuseAtHome)),
    /** Asked which number to call: every emergency number at once (no alarm: nothing says danger now), then where the resident was. */
    giveSafetyNumbers: enqueueActions(({ context, event, enqueue }) => {
      const typed = (event as { event?: ResidentEvent }).event;
      const request = typed?.type === 'user.text' ? safetyRequest(typed.text, context.afterDanger === true) : null;
      enqueue.emit(reply(request === 'cannot_call' ? 'safety.cannot_call' : 'safety.numbers'));
      enqueue.raise({ type: 'internal.reprompt', afterDanger: true });
    }),
    // The turn that warned of danger stays an emergency when the question asked with it is answered.
    noteMeaning: assign({ meta: ({ context, event }) => ({ ...metaOf((event as unknown as Understood).output, false), emergency: context.dangerTold === true }) }),
    /**
     * A story typed at a later intake question: kept for the description step (not typed twice), and the age it
     * states plainly taken as the answer when the age question is on screen and the resident applies for themself.
     */
    keepStory: enqueueActions(({ context, event, enqueue, self }) => {
      const text = context.pendingText ?? '';
      // The description is already written: added to it at once (the intake appends the story it is given), said so;
      // only one too long to add is left to the summary's change list.
      const written = intakeContext(self)?.applicant?.description;
      if (written) {
        const fits = accountPlus(written, text.trim()) !== null;
        enqueue.emit(reply(fits ? 'intake.description_added_here' : 'conv.story.add_later'));
        enqueue.sendTo('intake', fits ? { type: 'flow.reprompt', stated: text } : { type: 'flow.reprompt' });
        return;
      }
      enqueue.assign({ keptStory: context.keptStory ? `${context.keptStory}\n${text}` : text });
      const m = meaningOf(event);
      const age = m.kind === 'story' ? m.facts.age : undefined;
      if (context.intakeStep === 'age' && age && !age.atLeast && age.whose !== 'relative' && intakeContext(self)?.applicant?.relation === 'self') {
        enqueue.emit(reply('conv.story.kept_age', { age: String(age.years) }));
        enqueue.sendTo('intake', { type: 'user.text', text: String(age.years) });
        return;
      }
      // The applicant's age it states is kept for the age question (one tap there): said so, as the age question would.
      const intake = intakeContext(self) as IntakeContext | undefined;
      const keptAge = intake ? ageKeptFromStory(intake, text, deps.intake) : null;
      if (keptAge !== null) enqueue.emit(reply(intake?.applicant.relation === 'relative' ? 'conv.story.kept_stated_age_relative' : 'conv.story.kept_stated_age', { age: String(keptAge) }));
      else enqueue.emit(reply('conv.story.kept'));
      // What the story states (a region, an income) is offered when its question comes.
      enqueue.sendTo('intake', { type: 'flow.reprompt', stated: text });
    }),
    /** The story that starts an application (at the menu, or at the category question): offered as its description later. */
    // Without a request to apply before it ("我想申请法律援助，老板欠我…"): the account alone is the description offered.
    keepStartingStory: assign({ keptStory: ({ context }) => (context.pendingText ? accountOf(context.pendingText) : null), storyCategory: ({ event }) => storyCategory(event) }),
    /** "我替我妈申请", "I'm applying for my mother": kept for the kinship question (offered there, never taken unasked). */
    keepStatedKinship: assign({
      statedKinship: ({ context }) => {
        const kinship = statedAnswers(context.pendingText ?? '').kinship;
        // "我是他老婆，他打我": her own role, not an application for him.
        return (kinship && !kinship.own ? kinship : null) ?? context.statedKinship ?? null;
      },
    }),
    /** A generic Apply after a story: the story's category, to confirm in one tap (none without a story). */
    applyWithStoryCategory: assign({ pendingCategory: ({ context }) => context.storyCategory ?? null, pendingCategoryChosen: false }),
    /** The story that came with a danger warning starts the application, as a story at the menu does. */
    startDangerStory: assign(({ event }) => {
      const story = (event as { story?: { text: string; category: CategoryId } }).story!;
      return { keptStory: story.text, pendingCategory: story.category, storyCategory: story.category, pendingCategoryChosen: false, meta: { ...EMPTY_META, emergency: true, category: story.category } };
    }),
    /** The story kept earlier, given as the description ("就用这段" pressed or typed). */
    useKeptStory: enqueueActions(({ context, enqueue }) => {
      enqueue.sendTo('intake', { type: 'user.text', text: context.keptStory ?? '' });
      enqueue.assign({ keptStory: null });
    }),
    /** How the family can see a relative the police hold, with applying for a defence lawyer for them (kept for a typed yes). */
    sayDetainedVisit: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ pendingCategory: 'criminal_defense', pendingCategoryChosen: false });
      enqueue.emit(offeredNow(reply('conv.detained_visit', { hotline: context.hotline }, [applyWithCategory('criminal_defense'), choice('menu.back', 'core.back_to_menu')]), context));
    }),
    noteAnswer: assign({ meta: ({ context, event }) => ({ ...metaOf((event as unknown as Understood).output, true), emergency: context.dangerTold === true }) }),
    emitAnswer: enqueueActions(({ context, event, enqueue }) => {
      const { replies, casesInProgress = [] } = (event as unknown as Understood).output.answer;
      for (const answer of replies) enqueue.emit(offeredNow(forCasesInProgress(answer, casesInProgress), context));
    }),
    /**
     * An answer that offers to apply for a category: the one the story asking it names, or (a question typed at
     * the agreement) the one the interrupted application started with. Kept for a typed "我要申请" or 同意 next.
     */
    emitAnswerOfferingApplication: enqueueActions(({ context, event, enqueue }) => {
      const told = storyCategory(event);
      const category = told ?? questionCategory(event) ?? context.pendingCategory ?? null;
      enqueue.assign({ pendingCategory: category, pendingCategoryChosen: false });
      const { replies, casesInProgress = [] } = (event as unknown as Understood).output.answer;
      for (const answer of replies) {
        const choices = (answer.choices ?? []).map((c) => (c.id === 'menu.apply' && category ? applyWithCategory(category) : c));
        // Someone who told their own problem is offered its application first, not below related topics — unless an
        // application of theirs is in progress: then its progress comes first.
        if (told) choices.sort((a, b) => Number(b.id.startsWith('apply:')) - Number(a.id.startsWith('apply:')));
        enqueue.emit(offeredNow(forCasesInProgress({ ...answer, choices }, casesInProgress), context));
      }
    }),
    /** The story's matter has an application in progress: said, with its progress first and another matter's application. */
    sayCaseInProgress: enqueueActions(({ context, event, enqueue }) => {
      const same = caseInProgressOfStory(event);
      if (!same) return;
      const cases = (event as unknown as Understood).output.answer.casesInProgress ?? [];
      const choices = choicesForCaseInProgress([choice('menu.apply', 'core.menu.apply'), choice('menu.back', 'core.back_to_menu')], cases);
      enqueue.emit(offeredNow(reply('conv.story.case_in_progress', { ref: same.ref, category: { key: `category.${same.category}` } }, choices), context));
    }),
    /** The application starts with the recognised category, to confirm in one tap (introduced on entering the intake). */
    startWithCategory: assign({
      pendingCategory: ({ event }) => (event.type === 'user.choice' ? (event.id.slice('apply:'.length) as CategoryId) : storyCategory(event)),
      pendingCategoryChosen: ({ event }) => event.type === 'user.choice',
    }),
    setLocaleFromMeaning: assign({
      localeTentative: false,
      locale: ({ context, event }) => {
        const m = meaningOf(event);
        if (m.kind === 'steer' && m.locale) return m.locale;
        return context.locale === 'zh-CN' ? 'en' : 'zh-CN';
      },
    }),
    askConsent: emit(() =>
      reply('core.privacy', {}, [
        choice('consent.agree', 'core.consent.agree'),
        choice('consent.decline', 'core.consent.decline'),
        choice('lang.toggle', 'core.menu.language'),
      ]),
    ),
    /** Leaving at once before agreeing: nothing is kept, and how to clear what the screen shows. */
    sayLeaveBeforeConsent: emit(() => reply('core.leave_now')),
    /** After a danger warning before consent: a short line with the agreement buttons, not the whole notice again. */
    remindConsentAfterDanger: emit(() =>
      reply('core.consent.remind_danger', {}, [
        choice('consent.agree', 'core.consent.agree'),
        choice('consent.decline', 'core.consent.decline'),
        choice('lang.toggle', 'core.menu.language'),
      ]),
    ),
    remindConsent: emit(() =>
      reply('core.consent.remind', {}, [
        choice('consent.agree', 'core.consent.agree'),
        choice('consent.decline', 'core.consent.decline'),
      ]),
    ),
    explainDeclined: emit(({ context }) =>
      reply('core.consent.declined', { hotline: context.hotline }, [choice('consent.agree', 'core.consent.agree')]),
    ),
    recordConsent: assign({ consented: true }),
    /** Agreeing after telling a story: the story is read as if typed at the menu (an application with its category). */
    /**
     * Agreeing after a story whose question was answered ("我儿子16岁被派出所带走了…怎么办"): the menu, with the story kept
     * as an application's would be (its category confirmed in one tap on Apply, its text offered as the description).
     */
    keepAnsweredStoryOnConsent: assign(({ context }) => ({
      consented: true,
      keptStory: context.storyBeforeConsent ?? null,
      storyCategory: categoryOfStory(context.storyBeforeConsent ?? ''),
      storyBeforeConsent: null,
      storyAnsweredBeforeConsent: false,
    })),
    /** Agreeing after a story told with danger: the application starts with it, as at the menu (no second warning). */
    takeUpDangerStoryOnConsent: assign(({ context }) => {
      const text = context.storyBeforeConsent ?? '';
      const category = categoryOfStory(text);
      return { consented: true, keptStory: text, pendingCategory: category, storyCategory: category, pendingCategoryChosen: false, storyBeforeConsent: null, meta: { ...EMPTY_META, category } };
    }),
    takeUpStoryBeforeConsent: assign({ consented: true, pendingText: ({ context }) => context.storyBeforeConsent ?? null, storyBeforeConsent: null }),
    // With the language button: after a first message it is the last one on screen, under the privacy question.
    remindConsentKeepingStory: emit(() =>
      reply('core.consent.remind_story', {}, [
        choice('consent.agree', 'core.consent.agree'),
        choice('consent.decline', 'core.consent.decline'),
        choice('lang.toggle', 'core.menu.language'),
      ]),
    ),
    askSensitiveConsent: emit(() =>
      reply('privacy.sensitive.ask', {}, sensitiveChoices()),
    ),
    /** Something else typed at the sensitive-information consent: a short reminder with the two buttons, not the whole notice again. */
    remindSensitiveConsent: emit(() =>
      reply('privacy.sensitive.remind', {}, sensitiveChoices()),
    ),
    remindSensitiveConsentWithStory: emit(() =>
      reply('privacy.sensitive.remind_story', {}, sensitiveChoices()),
    ),
    /**
     * A problem told at the sensitive-information agreement: its words kept for the account and its category for the
     * one-tap confirmation, unless a category was already chosen with a button.
     */
    keepStoryAtAgreement: assign(({ context, event }) => {
      const text = event.type === 'user.text' ? event.text : '';
      const category = categoryFromText(text);
      const account = accountOf(text);
      return {
        keptStory: context.keptStory ? (accountPlus(context.keptStory, account) ?? context.keptStory) : account,
        storyCategory: category,
        ...(context.pendingCategoryChosen ? {} : { pendingCategory: category, pendingCategoryChosen: false }),
      };
    }),
    addToStoryAtAgreement: assign(({ context, event }) => {
      const more = accountOf(event.type === 'user.text' ? event.text : '');
      return { keptStory: context.keptStory ? (accountPlus(context.keptStory, more) ?? context.keptStory) : more };
    }),
    /** The gentle line for violence at home told in a story at the agreement (kept there without the understanding step). */
    lineForAbuseInStoryAtAgreement: enqueueActions(({ context, event, enqueue }) =>
      giveAbuseLine(enqueue, context, event.type === 'user.text' ? abuseAtHomeTold(event.text) : null),
    ),
    recordSensitiveConsent: assign({ sensitiveConsent: true }),
    saySensitiveDeclined: emit(({ context }) => reply('privacy.sensitive.declined', { hotline: context.hotline }, menuChoices(context))),
    // Waiting for a person: the menu says they are in the queue, and does not offer a person again.
    showMenu: emit(({ context, event }) => {
      // Right under "finding a member of staff" the plain menu: the queue was just said.
      const justAsked = event.type === 'internal.reprompt' && event.afterRequest === true;
      // Just agreed after telling a story whose question was answered: say what was understood and offer that
      // application first, so the story is not told again (its text goes with the application).
      const agreed = (event.type === 'user.choice' && event.id === 'consent.agree') || (event.type === 'user.text' && readConsent(event.text) === 'agree');
      if (agreed && context.keptStory && context.storyCategory && context.handoff === 'idle') {
        const others = menuChoices(context).filter((c) => c.id !== 'menu.apply');
        return reply('core.menu.after_story', { category: { key: `category.${context.storyCategory}` } }, [applyWithCategory(context.storyCategory), ...others]);
      }
      return reply(context.handoff === 'waiting' && !justAsked ? 'conv.menu.in_queue' : 'core.menu', {}, menuChoices(context));
    }),
    welcomeBack: emit(() => reply('core.welcome_back')),
    showHelp: emit(({ context }) => reply('core.help', { hotline: context.hotline })),
    promptQuestion: emit(() => reply('core.ask.prompt', {}, [choice('menu.back', 'core.back_to_menu')])),
    // A language chosen (the button, /lang, "speak english") is the resident's: no later message changes it.
    toggleLocale: assign({ locale: ({ context }) => (context.locale === 'zh-CN' ? 'en' : 'zh-CN'), localeTentative: false }),
    setLocale: assign({
      localeTentative: false,
      locale: ({ context, event }) => {
        if (event.type !== 'user.command') return context.locale;
        const arg = event.arg?.toLowerCase();
        if (arg === 'en' || arg === 'english') return 'en';
        if (arg === 'zh' || arg === 'zh-cn' || arg === '中文') return 'zh-CN';
        return context.locale === 'zh-CN' ? 'en' : 'zh-CN';
      },
    }),
    confirmLocale: emit(() => reply('core.language.changed')),
    reprompt: raise({ type: 'internal.reprompt' }),
    sayRestarted: enqueueActions(({ enqueue }) => {
      enqueue.assign({ storyCategory: null });
      enqueue.emit(reply('core.restarted'));
    }),
    sayDeleted: emit(({ context }) => reply('core.deleted', { hotline: context.hotline })),
    askErase: emit(() => reply('privacy.erase.confirm', {}, [choice(ERASE_CONFIRM, 'privacy.erase.yes'), choice(ERASE_CANCEL, 'privacy.erase.no')])),
    sayUnsupported: emit(({ event }) => {
      assertEvent(event, 'user.unsupported');
      return reply('core.unsupported', { kind: { key: `core.kind.${event.kind}` } });
    }),
    sayAttachmentNotExpected: emit(() => reply('core.attachment.unexpected')),
    sayStaleChoice: emit(() => reply('core.stale_choice')),
    /** Thanks, or a goodbye to a resident who is leaving ("bye", "谢谢，再见"): the application they are in stays open. */
    // Leaving at once because someone is coming: how to clear the chat now, before anything else.
    sayThanks: emit(({ context }) =>
      reply(leavesInAHurry(context.pendingText ?? '') ? 'conv.leave_now' : saysGoodbye(context.pendingText ?? '') ? 'conv.intake.goodbye' : 'conv.intake.thanks'),
    ),
    sayThanksWithMenu: emit(({ context }) =>
      leavesInAHurry(context.pendingText ?? '')
        ? reply('conv.leave_now')
        : reply(saysGoodbye(context.pendingText ?? '') ? 'core.goodbye' : 'core.thanks', {}, menuChoices(context)),
    ),
    sayAttachmentRefused: emit(({ event }) => {
      assertEvent(event, 'user.refused_attachment');
      return reply(event.reason === 'size' ? 'core.attachment.refused.size' : 'core.attachment.refused.type');
    }),
    rememberText: assign({
      pendingText: ({ event }) => (event.type === 'user.text' ? event.text : null),
    }),
    rememberTopic: assign({
      pendingTopic: ({ event }) => (event.type === 'user.choice' ? event.id.slice('faq:'.length) : null),
    }),
    forget: assign({ pendingText: null, pendingTopic: null, askedAtAgreement: false, dangerTold: false }),
    /** A story told with danger, read after the warning as a story told without it (no second warning). */
    readStoryAfterDanger: assign({ pendingText: ({ event }) => (event.type === 'internal.reprompt' ? (event.story?.text ?? null) : null), dangerTold: true }),
    /** The question asked with a danger just answered, to read now (its danger is not warned of twice). */
    readQuestionAfterDanger: assign({ pendingText: ({ event }) => (event.type === 'internal.reprompt' ? (event.question ?? null) : null), dangerTold: true }),
    sayError: emit(() => reply('core.error.try_again')),
    emitAll: enqueueActions(({ event, enqueue }) => {
      for (const r of (event as unknown as { output: BotReply[] }).output) enqueue.emit(r);
    }),
    /** The replies, and a notice to staff only when the application was really withdrawn. */
    emitWithdrawal: enqueueActions(({ event, context, enqueue }) => {
      const { replies, withdrawn } = (event as unknown as { output: WithdrawResult }).output;
      for (const r of replies) enqueue.emit(r);
      if (withdrawn && context.pendingTopic) enqueue.emit({ type: 'relay', relay: { kind: 'case_withdrawn', ref: context.pendingTopic } });
    }),
    /**
     * The resident's cases, then the menu. When the cases carry buttons (withdraw, rate) they go on the last message
     * with "back to the menu" instead of the menu itself: a web page shows only the last message's buttons.
     */
    emitStatusThenMenu: enqueueActions(({ event, enqueue }) => {
      const replies = (event as unknown as { output: BotReply[] }).output;
      if (!emitStatus(replies, choice('menu.back', 'core.back_to_menu'), enqueue)) enqueue.raise({ type: 'internal.reprompt' });
    }),
    /** The same in the middle of an application: "carry on with the application" instead of the menu. */
    emitStatusThenQuestion: enqueueActions(({ event, enqueue }) => {
      const replies = (event as unknown as { output: BotReply[] }).output;
      if (!emitStatus(replies, choice(CARRY_ON_APPLYING, 'conv.intake.carry_on'), enqueue)) enqueue.sendTo('intake', { type: 'flow.reprompt' });
    }),
    emitLinkReplies: enqueueActions(({ event, enqueue }) => {
      for (const r of (event as unknown as { output: { replies: BotReply[] } }).output.replies) enqueue.emit(r);
    }),
    relayToStaff: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'inbound') return;
      const inner = event.event;
      let relay: StaffRelay | null = null;
      if (inner.type === 'user.text') relay = { kind: 'message', text: inner.text };
      else if (inner.type === 'user.attachment') relay = { kind: 'attachment', attachment: inner.attachment };
      else if (inner.type === 'user.command') relay = { kind: 'message', text: `/${inner.command}${inner.arg ? ` ${inner.arg}` : ''}` };
      else if (inner.type === 'user.choice') relay = { kind: 'message', text: `[${inner.id}]` };
      if (relay) enqueue.emit({ type: 'relay', relay });
    }),
    requestPerson: enqueueActions(({ enqueue }) => {
      enqueue.assign({ handoff: 'waiting' });
      enqueue.emit({ type: 'relay', relay: { kind: 'handoff_request' } });
      enqueue.emit(reply('handoff.requested', { minutes: deps.pickupMinutes }));
    }),
    /** Stops waiting for a person: out of the queue (staff are told), and the hotline for later; the menu follows. */
    leaveQueue: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ handoff: 'idle' });
      enqueue.emit({ type: 'relay', relay: { kind: 'handoff_left' } });
      enqueue.emit(reply('conv.handoff.left', { hotline: context.hotline }));
    }),
    /** Leaves the queue at once because someone is coming: staff are told, the resident how to clear the chat. */
    leaveQueueInAHurry: enqueueActions(({ enqueue }) => {
      enqueue.assign({ handoff: 'idle' });
      enqueue.emit({ type: 'relay', relay: { kind: 'handoff_left' } });
      enqueue.emit(reply('conv.leave_now_queue'));
    }),
    /** No staff channel: office hours, the office phone, the hotline and a call-back, instead of a dead end. */
    sayNoStaff: emit(({ context, self }) => {
      // In an application its question comes back with "carry on" (the menu would drop the application).
      const back = intakeContext(self) ? choice(CARRY_ON_APPLYING, 'conv.intake.carry_on') : choice('menu.back', 'core.back_to_menu');
      // She said not to be phoned: chat here, a visit or checking here, never a call-back.
      if (saidNoCalls(context, self)) return reply('conv.handoff.no_staff_no_calls', centreContact(context, self), [back]);
      return reply('conv.handoff.no_staff', centreContact(context, self), [choice('handoff.callback', 'handoff.callback'), back]);
    }),
    /**
     * Where and when: the centre of the application under way (or submitted here), else every centre of the pack
     * (a county resident is not sent to the city's), each with its address, hours and phone; then the hotline.
     */
    sayOfficeHours: enqueueActions(({ context, self, enqueue }) => {
      const region = regionOf(self) ?? context.caseRegion ?? undefined;
      const centres = deps.intake.pack.offices.filter((o) => o.kind === 'centre');
      const shown = region !== undefined || centres.length === 0 ? [mainOffice(region)] : centres.slice(0, 3);
      for (const office of shown) enqueue.emit(reply('conv.office.hours', officeContact(office, context.hotline)));
      // Before agreeing (either agreement) its buttons follow, and in an application its question: the menu only at the menu.
      const atTheMenu = context.consented && !intakeContext(self) && !self.getSnapshot().matches('sensitiveConsent');
      enqueue.emit(reply('conv.office.anytime', { hotline: context.hotline }, atTheMenu ? menuChoices(context) : []));
    }),
    // At the menu its buttons come along (a web page shows only the last message's); in an application the question follows.
    sayAlreadyWaiting: emit(({ context, self }) =>
      reply(context.handoff === 'live' ? 'handoff.already_live' : 'handoff.already_waiting', { minutes: deps.pickupMinutes }, intakeContext(self) ? [] : menuChoices(context)),
    ),
    staffJoined: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'staff.joined') return;
      enqueue.assign({ handoff: 'live', staffName: event.staffName, awaitingCallbackPhone: false });
      if (context.handoff !== 'live') enqueue.emit(reply(staffJoinedKey(event.staffName), { name: staffNameParam(event.staffName) }));
    }),
    staffJoinedQuietly: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'staff.message' && event.type !== 'staff.file') return;
      if (context.handoff === 'live') return;
      enqueue.assign({ handoff: 'live', staffName: event.staffName, awaitingCallbackPhone: false });
      enqueue.emit(reply(staffJoinedKey(event.staffName), { name: staffNameParam(event.staffName) }));
    }),
    relayStaffMessage: emit(({ event }) => {
      assertEvent(event, 'staff.message');
      return reply('handoff.staff_says', { name: staffNameParam(event.staffName), text: event.text });
    }),
    relayStaffFile: emit(({ event }) => {
      assertEvent(event, 'staff.file');
      // Named as their texts are (【王芳】), or 【工作人员】 when they gave no name for residents.
      return { type: 'file' as const, attachment: event.attachment, caption: { key: 'handoff.staff_file', params: { name: staffNameParam(event.staffName) } } };
    }),
    staffReleased: enqueueActions(({ enqueue }) => {
      enqueue.assign({ handoff: 'idle', staffName: null });
      enqueue.emit(reply('handoff.released'));
    }),
    sayNobodyFree: enqueueActions(({ context, enqueue, self }) => {
      enqueue.assign({ handoff: 'idle' });
      if (saidNoCalls(context, self)) {
        enqueue.emit(reply('handoff.timeout_no_calls', { minutes: deps.pickupMinutes, ...centreContact(context, self) }, [choice('menu.back', 'core.back_to_menu')]));
        return;
      }
      enqueue.emit(
        reply('handoff.timeout', { minutes: deps.pickupMinutes, hotline: context.hotline }, [
          choice('handoff.callback', 'handoff.callback'),
          choice('menu.back', 'core.back_to_menu'),
        ]),
      );
    }),
    askCallbackPhone: enqueueActions(({ enqueue }) => {
      enqueue.assign({ awaitingCallbackPhone: true });
      enqueue.emit(reply('handoff.callback.ask_phone'));
    }),
    readCallbackPhone: enqueueActions(({ context, event, enqueue, self }) => {
      if (event.type !== 'inbound' || event.event.type !== 'user.text') return;
      // "我电话13912345678 下午打": the number inside.
      const phone = readPhone(event.event.text) ?? phoneIn(event.event.text);
      if (!phone) {
        enqueue.emit(reply('intake.err.phone'));
        return;
      }
      enqueue.assign({ awaitingCallbackPhone: false });
      enqueue.emit({ type: 'relay', relay: { kind: 'callback', phone } });
      const hours = mainOffice(regionOf(self) ?? context.caseRegion ?? undefined)?.hours;
      enqueue.emit(deps.staffAvailable || !hours ? reply('handoff.callback.confirmed') : reply('conv.callback.confirmed_hours', { hours }));
      enqueue.raise({ type: 'internal.reprompt' });
    }),
    rememberRating: assign({
      rating: ({ event }) => {
        if (event.type !== 'user.choice') return null;
        const match = /^rate:(.+):([1-5])$/.exec(event.id);
        return match ? { ref: match[1]!, score: Number(match[2]) } : null;
      },
    }),
    resetContext: assign({ storyCategory: null, greeted: false, remindAfterAnswer: false, consented: false, sensitiveConsent: false, pendingText: null, pendingTopic: null, handoff: 'idle', staffName: null, awaitingCallbackPhone: false, rating: null }),
  },
}).createMachine({
  id: 'conversation',
  version: CONVERSATION_MACHINE_VERSION,
  context: ({ input }) => ({
    ...CONTEXT_DEFAULTS,
    conversationKey: input.conversationKey,
    locale: input.locale ?? 'zh-CN',
    hotline: input.hotline,
    firstText: input.firstText ?? null,
    localeTentative: input.localeTentative === true,
  }),
  initial: 'welcome',
  on: {
    /**
     * Every resident message arrives wrapped, so that one place decides first: relay it to the person
     * holding the conversation, read a call-back number, take a request for a person, or let the
     * current state handle it.
     */
    inbound: [
      // "hi", then "同意" or the story in Chinese: that message's language from now on, then the message as usual.
      {
        guard: ({ context, event }) => context.localeTentative === true && context.intakeStep === null && event.event.type === 'user.text' && wordsOfItsOwn(event.event.text) !== null,
        actions: [
          assign(({ event }) => ({ locale: wordsOfItsOwn((event.event as { text: string }).text)!, localeTentative: false })),
          raise(({ event }) => event),
        ],
      },
      {
        guard: ({ event }) => event.event.type === 'user.text' && detectDanger(event.event.text) !== null,
        actions: ['resetMeta', 'warnDanger'],
      },
      {
        guard: ({ context, event }) =>
          context.handoff !== 'live' &&
          event.event.type === 'user.text' &&
          safetyRequest(event.event.text, context.afterDanger === true) !== null,
        actions: ['resetMeta', 'giveSafetyNumbers'],
      },
      // A rating tapped while staff hold the conversation is the resident's rating, not a message for staff.
      {
        guard: ({ context, event }) => context.handoff === 'live' && event.event.type === 'user.choice' && (event.event.id.startsWith('rate:') || event.event.id === 'rating.skip'),
        actions: ['resetMeta', raise(({ event }) => event.event)],
      },
      { guard: ({ context }) => context.handoff === 'live', actions: ['resetMeta', 'relayToStaff'] },
      {
        guard: ({ context, event }) => context.awaitingCallbackPhone && event.event.type === 'user.text',
        actions: ['resetMeta', 'readCallbackPhone'],
      },
      // "请工作人员回电" typed: the call-back button — except where it answers "is it safe to call you?" ("打电话给我").
      {
        guard: ({ context, event }) =>
          context.consented && event.event.type === 'user.text' && asksForCallback(event.event.text) && context.intakeStep !== 'safeContact',
        actions: ['resetMeta', raise({ type: 'user.choice', id: 'handoff.callback' })],
      },
      // "快删了 他来了": the deletion to confirm in one tap, at once, wherever the resident is.
      {
        guard: ({ context, event }) => context.consented && event.event.type === 'user.text' && hidesNow(event.event.text),
        actions: ['resetMeta', 'askErase'],
      },
      {
        guard: ({ context, event }) =>
          context.consented &&
          ((event.event.type === 'user.text' && asksForPerson(event.event.text)) ||
            (event.event.type === 'user.command' && event.event.command === 'human') ||
            (event.event.type === 'user.choice' && event.event.id === 'menu.human')),
        actions: [
          assign({ meta: ({ event }) => ({ ...EMPTY_META, intent: event.event.type === 'user.text' ? ('person' as const) : null }) }),
          raise({ type: 'internal.human' }),
        ],
      },
      {
        guard: ({ context, event }) =>
          context.consented &&
          ((event.event.type === 'user.command' && event.event.command === 'status') ||
            (event.event.type === 'user.choice' && event.event.id === 'menu.status')),
        actions: ['resetMeta', raise({ type: 'internal.status' })],
      },
      { actions: ['resetMeta', raise(({ event }) => event.event)] },
    ],
    'internal.human': [
      // Its own buttons (call-back; back to the menu, or carry on with the application) are the last: a web page shows
      // only the last message's buttons.
      { guard: and([() => !deps.staffAvailable, or([stateIn('menu'), stateIn('answered'), stateIn('asking'), stateIn('intake')])]), actions: 'sayNoStaff' },
      { guard: () => !deps.staffAvailable, actions: ['sayNoStaff', 'reprompt'] },
      { guard: and([({ context }) => context.handoff !== 'idle', stateIn('intake')]), actions: ['sayAlreadyWaiting', 'reprompt'] },
      { guard: ({ context }) => context.handoff !== 'idle', actions: 'sayAlreadyWaiting' },
      { actions: ['requestPerson', raise({ type: 'internal.reprompt', afterRequest: true })] },
    ],
    'internal.status': { target: '.showingStatus' },
    'staff.joined': { actions: 'staffJoined' },
    'staff.message': { actions: ['staffJoinedQuietly', 'relayStaffMessage'] },
    'staff.file': { actions: ['staffJoinedQuietly', 'relayStaffFile'] },
    'staff.released': { guard: ({ context }) => context.handoff !== 'idle', actions: ['staffReleased', 'reprompt'] },
    'handoff.timeout': { guard: ({ context }) => context.handoff === 'waiting', actions: 'sayNobodyFree' },
    'bot.relay': { actions: emit(({ event }) => ({ type: 'relay' as const, relay: event.relay })) },
    'bot.replies': {
      actions: enqueueActions(({ context, event, enqueue }) => {
        if (event.freeText !== undefined) enqueue.assign({ intakeFreeText: event.freeText });
        if (event.step !== undefined) enqueue.assign({ intakeStep: event.step });
        for (const r of event.replies) enqueue.emit(offeredNow(r, context));
        if (event.step === 'description' && context.keptStory) {
          // The question's own buttons (back) come along: a web page shows only the last message's buttons.
          const own = event.replies.at(-1)?.choices ?? [];
          enqueue.emit(reply('conv.story.use_prompt', { story: context.keptStory }, [choice(USE_KEPT_STORY, 'conv.story.use'), ...own]));
        }
      }),
    },
    'user.command': [
      { guard: ({ event }) => event.command === 'lang', actions: ['setLocale', 'confirmLocale', 'reprompt'] },
      { guard: ({ event }) => event.command === 'help', actions: ['showHelp', 'reprompt'] },
      // Erasure asks once; the runner erases when the confirmation arrives (see `privacy/erasure.ts`).
      { guard: ({ event }) => event.command === 'delete', actions: 'askErase' },
      {
        guard: ({ event, context }) => (event.command === 'restart' || event.command === 'start') && context.consented,
        target: '.menu',
        actions: ['sayRestarted', 'forget'],
      },
      { guard: ({ event }) => event.command === 'restart' || event.command === 'start', target: '.welcome' },
      { guard: ({ context }) => context.consented, target: '.menu' },
      { actions: 'reprompt' },
    ],
    'user.choice': [
      { guard: ({ event }) => event.id === ERASE_CONFIRM, target: '.welcome', actions: ['sayDeleted', 'resetContext'] },
      { guard: ({ event }) => event.id === ERASE_CANCEL, actions: 'reprompt' },
      {
        guard: ({ event }) => parseWithdrawChoice(event.id)?.confirmed === false,
        actions: emit(({ event }) => {
          const ref = parseWithdrawChoice((event as { id: string }).id)!.ref;
          return reply('privacy.withdraw.confirm', { ref }, [choice(`withdraw.confirm:${ref}`, 'privacy.withdraw.yes'), choice('menu.back', 'core.back_to_menu')]);
        }),
      },
      {
        guard: ({ event }) => parseWithdrawChoice(event.id)?.confirmed === true,
        target: '.withdrawing',
        actions: assign({ pendingTopic: ({ event }) => parseWithdrawChoice((event as { id: string }).id)!.ref }),
      },
      { guard: ({ event }) => event.id.startsWith('rate:'), target: '.rating', actions: 'rememberRating' },
      { guard: ({ event }) => event.id === 'handoff.callback', actions: 'askCallbackPhone' },
      { guard: ({ event }) => event.id === 'lang.toggle', actions: ['toggleLocale', 'confirmLocale', 'reprompt'] },
      { guard: ({ event }) => event.id === 'menu.help', actions: ['showHelp', 'reprompt'] },
      { guard: ({ event, context }) => event.id === 'menu.back' && context.consented, target: '.menu' },
      // Any other button no state took is from an earlier message (chat apps keep old buttons tappable): say so,
      // then the question on screen again, instead of no reply at all.
      { actions: ['sayStaleChoice', 'reprompt'] },
    ],
    'user.unsupported': { actions: ['sayUnsupported', 'reprompt'] },
    // Before consent nothing was kept, so the page shows nothing of it: the greeting again, not "welcome back".
    'user.returned': [{ guard: ({ context }) => !context.consented, actions: ['greet', 'reprompt'] }, { actions: ['welcomeBack', 'reprompt'] }],
    'user.attachment': [
      // A file outside an application may answer a materials request: the case store decides.
      { guard: ({ context }) => context.consented, target: '.filingAttachment' },
      { actions: ['sayAttachmentNotExpected', 'reprompt'] },
    ],
    'user.refused_attachment': { actions: ['sayAttachmentRefused', 'reprompt'] },
    'user.choices': { actions: 'reprompt' },
  },
  states: {
    welcome: {
      tags: ['waiting'],
      // Greeted once: coming back after answering a question before consent asks nothing twice.
      entry: enqueueActions(({ context, enqueue }) => {
        if (context.greeted) return;
        enqueue('warnFirstDanger');
        enqueue('greet');
        enqueue('askConsent');
        enqueue.assign({ greeted: true });
      }),
      on: {
        // After danger (or the emergency numbers): the numbers first, then one short line with the buttons.
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'answeringBeforeConsent', actions: ['readQuestionAfterDanger', assign({ remindAfterAnswer: true })] }, 
          { guard: ({ event }) => event.afterDanger === true, actions: 'remindConsentAfterDanger' },
          { actions: 'askConsent' },
        ],
        'user.choice': [
          { guard: and([({ event }) => event.id === 'consent.agree', 'answeredStoryBeforeConsent']), target: 'menu', actions: 'keepAnsweredStoryOnConsent' },
          { guard: and([({ event }) => event.id === 'consent.agree', 'toldDangerStoryBeforeConsent']), target: 'sensitiveConsent', actions: 'takeUpDangerStoryOnConsent' },
          { guard: ({ context, event }) => event.id === 'consent.agree' && Boolean(context.storyBeforeConsent), target: 'understanding', actions: 'takeUpStoryBeforeConsent' },
          { guard: ({ event }) => event.id === 'consent.agree', target: 'menu', actions: 'recordConsent' },
          { guard: ({ event }) => event.id === 'consent.decline', target: 'declined', actions: assign({ storyBeforeConsent: null }) },
        ],
        'internal.askBeforeConsent': { target: 'answeringBeforeConsent' },
        'user.text': [
          { guard: and(['saysAgree', 'answeredStoryBeforeConsent']), target: 'menu', actions: 'keepAnsweredStoryOnConsent' },
          { guard: and(['saysAgree', 'toldDangerStoryBeforeConsent']), target: 'sensitiveConsent', actions: 'takeUpDangerStoryOnConsent' },
          { guard: and(['saysAgree', 'toldStoryBeforeConsent']), target: 'understanding', actions: 'takeUpStoryBeforeConsent' },
          { guard: 'saysAgree', target: 'menu', actions: 'recordConsent' },
          { guard: 'saysDecline', target: 'declined', actions: assign({ storyBeforeConsent: null }) },
          { guard: 'saysDelete', actions: 'askErase' },
          { guard: 'leavesInAHurry', actions: 'sayLeaveBeforeConsent' },
          { guard: 'asksForCentre', actions: ['sayOfficeHours', 'remindConsent'] },
          { target: 'answeringBeforeConsent', actions: ['rememberText', raise({ type: 'internal.remindAfter' })] },
        ],
      },
    },
    /**
     * A question before consent (PIPL: nothing is kept until the resident agrees): answered from the
     * knowledge base in memory — the port records nothing before consent — then consent is asked again.
     */
    answeringBeforeConsent: {
      tags: ['busy'],
      exit: 'lineForAbuseAtHome',
      invoke: {
        src: 'understandText',
        input: ({ context }) => ({ text: context.pendingText ?? '', locale: context.locale, where: { kind: 'before_consent' } satisfies Where, dangerTold: context.dangerTold === true }),
        onDone: {
          target: 'welcome',
          actions: enqueueActions(({ context, event, enqueue }) => {
            for (const r of event.output.answer.replies) enqueue.emit(r);
            // A story with nothing answered: kept in memory, and agreeing goes on with it instead of the menu.
            const story = event.output.meaning.kind === 'story' && event.output.answer.replies.length === 0 ? context.pendingText : null;
            // A story whose question was answered: kept in memory too, for the application (not answered again).
            const text = context.pendingText ?? '';
            const answeredStory = !story && event.output.answer.replies.length > 0 && categoryOfStory(text) !== null && tellsStory(text);
            if (story) {
              enqueue.assign({ storyBeforeConsent: story, storyAnsweredBeforeConsent: false });
              enqueue('remindConsentKeepingStory');
            } else if (context.dangerTold && context.remindAfterAnswer && event.output.answer.replies.length === 0) enqueue('remindConsentAfterDanger');
            else if (event.output.answer.replies.length > 0 || context.remindAfterAnswer) enqueue('remindConsent');
            if (answeredStory) enqueue.assign({ storyBeforeConsent: text, storyAnsweredBeforeConsent: true });
            enqueue.assign({ pendingText: null, remindAfterAnswer: false, dangerTold: false });
          }),
        },
        onError: { target: 'welcome', actions: ['forget', 'remindConsent', assign({ remindAfterAnswer: false })] },
      },
      on: { 'internal.remindAfter': { actions: assign({ remindAfterAnswer: true }) } },
    },
    declined: {
      tags: ['waiting'],
      entry: 'explainDeclined',
      on: {
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'answeringBeforeConsent', actions: ['readQuestionAfterDanger', assign({ remindAfterAnswer: true })] }, 
          { guard: ({ event }) => event.afterDanger === true, actions: 'remindConsentAfterDanger' },
          { actions: 'explainDeclined' },
        ],
        'user.choice': { guard: ({ event }) => event.id === 'consent.agree', target: 'menu', actions: 'recordConsent' },
        'user.text': [
          { guard: 'saysAgree', target: 'menu', actions: 'recordConsent' },
          { guard: 'saysDelete', actions: 'askErase' },
          { guard: 'leavesInAHurry', actions: 'sayLeaveBeforeConsent' },
          { guard: 'asksForCentre', actions: 'sayOfficeHours' },
          // Declining keeps nothing, but questions are still answered from memory, as before agreeing.
          { target: 'answeringBeforeConsent', actions: ['rememberText', raise({ type: 'internal.remindAfter' })] },
        ],
      },
    },
    /**
     * Before an application asks for sensitive information: a separate agreement that says why it is
     * needed (PIPL art. 29). Asked once per conversation; declining goes back to the menu.
     */
    sensitiveConsent: {
      tags: ['waiting'],
      always: { guard: ({ context }) => context.sensitiveConsent === true || !deps.askSensitiveConsent, target: 'intake' },
      entry: enqueueActions(({ context, enqueue }) => {
        if (deps.askSensitiveConsent && context.sensitiveConsent !== true) enqueue('askSensitiveConsent');
      }),
      on: {
        // After danger: the short reminder with the two buttons, not the whole notice again; after a language
        // switch the whole notice, in the language the resident can read.
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'understanding', actions: ['readQuestionAfterDanger', assign({ askedAtAgreement: true })] },
          { guard: ({ event }) => event.afterDanger === true, actions: 'remindSensitiveConsent' },
          { actions: 'askSensitiveConsent' },
        ],
        'user.choice': [
          { guard: ({ event }) => event.id === SENSITIVE_AGREE, target: 'intake', actions: 'recordSensitiveConsent' },
          { guard: ({ event }) => event.id === SENSITIVE_DECLINE, target: 'answered', actions: 'saySensitiveDeclined' },
        ],
        'user.text': [
          { guard: 'saysAgree', target: 'intake', actions: 'recordSensitiveConsent' },
          { guard: 'saysDecline', target: 'answered', actions: 'saySensitiveDeclined' },
          // "你们几点上班": the centre's hours, then the agreement again (the application it leads to is kept).
          { guard: 'asksForCentre', actions: ['sayOfficeHours', 'remindSensitiveConsent'] },
          // "他回来了 先不说了": how to clear the chat, and nothing after it (the agreement names violence).
          { guard: 'leavesInAHurry', actions: emit(() => reply('conv.leave_now_agreement')) },
          // "delete my data", "取消", "English", or a question: read as at the menu (the application has not started).
          // A question keeps the application it interrupted (its category) for the answer's apply button and a typed yes.
          { guard: 'asksOnly', target: 'understanding', actions: ['rememberText', assign({ askedAtAgreement: true })] },
          { guard: 'steersAwayOrAsks', target: 'understanding', actions: 'rememberText' },
          // "老板欠我三个月工资不给": the problem, kept as a story told at the menu is, for the application after agreeing.
          // Not read by the understanding step: violence at home told in it is read here, for its line.
          { guard: 'tellsStoryAtAgreement', actions: ['keepStoryAtAgreement', 'lineForAbuseInStoryAtAgreement', 'remindSensitiveConsentWithStory'] },
          { guard: 'addsToStoryAtAgreement', actions: ['addToStoryAtAgreement', 'remindSensitiveConsentWithStory'] },
          { actions: 'remindSensitiveConsent' },
        ],
      },
    },
    /** The resident confirmed withdrawing an undecided application (`pendingTopic` holds its reference). */
    withdrawing: {
      tags: ['busy'],
      invoke: {
        src: 'withdrawCase',
        input: ({ context }) => ({ conversationKey: context.conversationKey, ref: context.pendingTopic ?? '' }),
        onDone: { target: 'answered', actions: ['emitWithdrawal', 'forget'] },
        onError: { target: 'menu', actions: ['forget', 'sayError'] },
      },
    },
    menu: {
      tags: ['waiting'],
      entry: ['showMenu', assign({ pendingCategory: null })],
      on: {
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'understanding', actions: 'readQuestionAfterDanger' },
          // After applying here, the story is read as any story (an application of its kind may be in progress already).
          { guard: ({ context, event }) => event.story !== undefined && Boolean(context.caseRegion), target: 'understanding', actions: 'readStoryAfterDanger' },
          { guard: ({ event }) => event.story !== undefined, target: 'sensitiveConsent', actions: 'startDangerStory' },
          { actions: 'showMenu' },
        ],
        'user.choice': [
          { guard: ({ event }) => event.id === 'menu.apply', target: 'sensitiveConsent', actions: 'applyWithStoryCategory' },
          { guard: ({ event }) => event.id.startsWith('apply:'), target: 'sensitiveConsent', actions: 'startWithCategory' },
          { guard: ({ event }) => event.id === 'menu.ask', target: 'asking' },
          { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
        ],
        'user.text': [{ guard: ({ event }) => readCaseRefText(event.text) !== undefined, target: 'linkRequesting', actions: assign({ linkRef: ({ event }) => readCaseRefText(event.text) ?? null }) }, { target: 'understanding', actions: 'rememberText' }],
      },
    },
    intake: {
      entry: [
        // The story kept when it started this application (its category recognised); nothing older.
        assign({
          intakeCount: ({ context }) => context.intakeCount + 1,
          // Used by this application: one cancelled starts afresh next time.
          storyCategory: null,
          intakeFreeText: false,
          keptStory: ({ context }) => (context.pendingCategory ? (context.keptStory ?? null) : null),
        }),
        // With a category recognised the intake opens on its confirmation: the introduction comes first, once.
        enqueueActions(({ context, enqueue }) => {
          if (context.pendingCategory) enqueue.emit(reply('intake.start'));
        }),
      ],
      invoke: {
        id: 'intake',
        src: 'intake',
        input: ({ context }) => ({
          submissionId: `${context.conversationKey}#${context.intakeCount}`,
          ...(context.pendingCategory ? (context.pendingCategoryChosen ? { category: context.pendingCategory } : { proposedCategory: context.pendingCategory }) : {}),
          ...statedInput(context.keptStory, context.pendingCategory),
          ...(context.statedKinship ? { statedKinship: context.statedKinship } : {}),
          ...(context.pendingCategory && context.keptStory ? { statedText: context.keptStory } : {}),
          ...(context.keptStory ? { earlierStory: context.keptStory } : {}),
        }),
        onDone: [
          { guard: ({ event }) => (event.output as IntakeOutput).result === 'ask', target: 'asking', actions: assign({ pendingCategory: null, intakeStep: null, statedKinship: null }) },
          {
            guard: ({ event }) => (event.output as IntakeOutput).result === 'submitted',
            target: 'answered',
            actions: assign({
              pendingCategory: null,
              storyCategory: null,
              intakeStep: null,
              statedKinship: null,
              caseRegion: ({ event }) => (event.output as IntakeOutput).region ?? null,
              caseContact: ({ event }) => (event.output as IntakeOutput).contactPreference ?? null,
            }),
          },
          { target: 'menu', actions: assign({ pendingCategory: null, intakeStep: null, statedKinship: null }) },
        ],
      },
      initial: 'active',
      states: {
        active: {
          on: {
            'internal.reprompt': [
              { guard: ({ event }) => event.question !== undefined, target: 'answeringQuestion', actions: 'readQuestionAfterDanger' },
              { actions: sendTo('intake', { type: 'flow.reprompt' }) },
            ],
            'internal.answer': { actions: sendTo('intake', ({ event }) => ({ type: 'user.text' as const, text: event.text })) },
            'user.text': [
              // "Why do you need my age?" is the step's to explain.
              { guard: ({ event }) => asksWhy(event.text), actions: sendTo('intake', ({ event }) => event) },
              // "will you call me? he checks my phone" at the phone question: the step's to answer (the safe-contact question).
              { guard: ({ context, event }) => context.intakeStep === 'phone' && worriesAboutCall(event.text), actions: sendTo('intake', ({ event }) => event) },
              // "sorry, can i go back", "能不能返回上一步": going back, not a question for the knowledge base.
              { guard: ({ event }) => readNavigation(event) === 'back', actions: sendTo('intake', ({ event }) => event) },
              // A typed yes under "use what you wrote earlier?" is the button, not a four-word account of what happened.
              {
                guard: ({ context, event }) => context.intakeStep === 'description' && Boolean(context.keptStory) && USE_KEPT_STORY_WORDS.test(event.text.normalize('NFKC').trim()),
                actions: 'useKeptStory',
              },
              { target: 'answeringQuestion', actions: 'rememberText' },
            ],
            'user.choice': [
              { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
              { guard: ({ event }) => event.id === KEEP_APPLYING || event.id === CARRY_ON_APPLYING, actions: sendTo('intake', { type: 'flow.reprompt' }) },
              {
                guard: ({ context, event }) => event.id === USE_KEPT_STORY && Boolean(context.keptStory),
                actions: 'useKeptStory',
              },
              // "Apply" pressed again (a double tap, an old message's button): the application is already open.
              { guard: ({ event }) => event.id === 'menu.apply' || event.id.startsWith('apply:'), actions: sendTo('intake', { type: 'flow.reprompt' }) },
              { guard: ({ event }) => !isGlobalChoice(event.id), actions: sendTo('intake', ({ event }) => event) },
            ],
            'internal.status': { target: 'showingStatus' },
            'user.attachment': { actions: sendTo('intake', ({ event }) => event) },
            'user.choices': { actions: sendTo('intake', ({ event }) => event) },
          },
        },
        /** A suggested topic picked in the middle of an application: show it, then ask the intake's question again. */
        showingTopic: {
          tags: ['busy'],
          invoke: {
            src: 'showTopic',
            input: ({ context }) => ({ topic: context.pendingTopic ?? '', locale: context.locale }),
            onDone: {
              target: 'active',
              actions: [
                assign({ meta: ({ event }) => ({ ...EMPTY_META, faq: { topic: event.output.topic, answered: event.output.band === 'answer', candidates: event.output.candidates } }) }),
                enqueueActions(({ event, enqueue }) => {
                  for (const answer of event.output.replies) enqueue.emit({ ...answer, choices: [] });
                }),
                emit(() => reply('intake.resume_after_answer')),
                'forget',
                sendTo('intake', { type: 'flow.reprompt' }),
              ],
            },
            onError: { target: 'active', actions: ['forget', 'sayError', sendTo('intake', { type: 'flow.reprompt' })] },
          },
        },
        /** "Check my case" in the middle of an application: show it, then ask the intake's question again. */
        showingStatus: {
          tags: ['busy'],
          invoke: {
            src: 'listCases',
            input: ({ context }) => ({ conversationKey: context.conversationKey }),
            onDone: { target: 'active', actions: 'emitStatusThenQuestion' },
            onError: { target: 'active', actions: ['sayError', sendTo('intake', { type: 'flow.reprompt' })] },
          },
        },
        /**
         * Text typed at an intake question, read by the understanding step: a question is answered and the
         * question asked again; a story does not lose the intake; a steering phrase steers; anything else
         * is the step's answer (the step validates it).
         */
        answeringQuestion: {
          tags: ['busy'],
          exit: 'lineForAbuseAtHome',
          invoke: {
            src: 'understandText',
            input: ({ context, self }) => ({
              text: context.pendingText ?? '',
              locale: context.locale,
              where: { kind: 'intake_question', step: context.intakeStep ?? 'unknown', freeText: context.intakeFreeText, category: intakeContext(self)?.facts?.category ?? null } satisfies Where,
              dangerTold: context.dangerTold === true,
            }),
            onDone: [
              { guard: nothingMoreAfterDanger, target: 'active', actions: ['forget', sendTo('intake', { type: 'flow.reprompt' })] },
              // "不等了" while waiting for a person: out of the queue (staff are told), the application kept, its question again.
              {
                guard: and([steersTo('cancel'), ({ context }) => context.handoff === 'waiting' && stopsWaiting(context.pendingText ?? '')]),
                target: 'active',
                actions: ['noteMeaning', 'forget', 'leaveQueue', sendTo('intake', { type: 'flow.reprompt' })],
              },
              // A typed "算了" asks first: one word must not throw away the whole application.
              {
                guard: steersTo('cancel'),
                target: 'active',
                actions: ['noteMeaning', 'forget', emit(() => reply('conv.cancel.confirm', {}, [choice('intake.cancel', 'conv.cancel.yes'), choice(KEEP_APPLYING, 'conv.cancel.keep')]))],
              },
              { guard: steersTo('restart'), target: 'active', actions: ['noteMeaning', 'forget', sendTo('intake', { type: 'user.choice', id: 'intake.restart' })] },
              { guard: steersTo('status'), target: 'showingStatus', actions: ['noteMeaning', 'forget'] },
              { guard: steersTo('person'), target: 'active', actions: ['noteMeaning', 'forget', raise({ type: 'internal.human' })] },
              { guard: steersTo('language'), target: 'active', actions: ['noteMeaning', 'forget', 'setLocaleFromMeaning', 'confirmLocale', sendTo('intake', { type: 'flow.reprompt' })] },
              { guard: steersTo('delete'), target: 'active', actions: ['noteMeaning', 'forget', 'askErase'] },
              { guard: steersTo('greeting'), target: 'active', actions: ['noteMeaning', 'forget', emit(() => reply('conv.intake.greeting')), sendTo('intake', { type: 'flow.reprompt' })] },
              // "我要申请" typed while applying, like the apply button pressed again: the question on screen again.
              { guard: steersTo('apply'), target: 'active', actions: ['noteMeaning', 'forget', sendTo('intake', { type: 'flow.reprompt' })] },
              { guard: steersTo('help'), target: 'active', actions: ['noteMeaning', 'forget', 'showHelp', sendTo('intake', { type: 'flow.reprompt' })] },
              { guard: steersTo('hours'), target: 'active', actions: ['noteMeaning', 'forget', 'sayOfficeHours', sendTo('intake', { type: 'flow.reprompt' })] },
              // "材料怎么给你们": here, a photo or PDF, kept with this application (or sent when staff ask); then the question.
              { guard: steersTo('send_files'), target: 'active', actions: ['noteMeaning', 'forget', emit(() => reply('conv.files.how_applying')), sendTo('intake', { type: 'flow.reprompt' })] },
              // Leaving at once because someone is coming: how to clear the chat, and not the question again after it (the
              // last thing on screen must not say what the application is about, "家庭暴力，对吗？"). The next message resumes.
              { guard: and([steersTo('thanks'), ({ context }) => leavesInAHurry(context.pendingText ?? '')]), target: 'active', actions: ['noteMeaning', 'sayThanks', 'forget'] },
              { guard: steersTo('thanks'), target: 'active', actions: ['noteMeaning', 'sayThanks', 'forget', sendTo('intake', { type: 'flow.reprompt' })] },
              // At the category question a story tells the category (even one the knowledge base could answer): the
              // step reads it and proposes the category; the story is kept for the description. So at the preservation
              // question does a story that is its yes ("老板好像要跑路了").
              {
                guard: ({ context, event }) =>
                  isStory({ event }) && (context.intakeStep === 'category' || (context.intakeStep === 'needsPreservation' && signalsAssetsAtRisk(context.pendingText ?? ''))),
                target: 'active',
                actions: [
                  'noteMeaning',
                  assign({ keptStory: ({ context }) => (context.keptStory ? `${context.keptStory}\n${context.pendingText ?? ''}` : context.pendingText) }),
                  sendTo('intake', ({ context }) => ({ type: 'user.text', text: context.pendingText ?? '' })),
                  'forget',
                ],
              },
              {
                guard: kbAnswered,
                target: 'active',
                actions: [
                  'noteAnswer',
                  enqueueActions(({ event, enqueue }) => {
                    for (const answer of event.output.answer.replies) enqueue.emit({ ...answer, choices: [] });
                  }),
                  emit(() => reply('intake.resume_after_answer')),
                  'forget',
                  sendTo('intake', { type: 'flow.reprompt' }),
                ],
              },
              // A question the knowledge base is unsure of: its suggestions (they answer here) with "carry on with the
              // application" beside them — the question again after them would take their buttons off a web page.
              {
                guard: ({ event }) => meaningOf(event).kind === 'question' && event.output.answer.band === 'suggest',
                target: 'active',
                actions: [
                  'noteAnswer',
                  enqueueActions(({ context, event, enqueue }) => {
                    const replies = event.output.answer.replies;
                    replies.forEach((r, i) => enqueue.emit(offeredNow(i < replies.length - 1 ? r : { ...r, choices: [...(r.choices ?? []), choice(CARRY_ON_APPLYING, 'conv.intake.carry_on')] }, context)));
                  }),
                  'forget',
                ],
              },
              // A plain question the knowledge base cannot answer: said so (it is recorded for staff), then the question again.
              {
                guard: ({ event }) => meaningOf(event).kind === 'question' && event.output.answer.band === 'unknown',
                target: 'active',
                actions: ['noteAnswer', emit(({ context }) => reply('conv.intake.question_unknown', { hotline: context.hotline })), 'forget', sendTo('intake', { type: 'flow.reprompt' })],
              },
              // At the category question a story is read by the step (it proposes the category, confirmed in one tap);
              // at a later question it is kept for the description, and an age it states is the age question's answer;
              // at "continue?" after the assessment the step takes it as the description itself.
              {
                guard: ({ context, event }) => isStory({ event }) && context.intakeStep !== 'category' && context.intakeStep !== 'assessment',
                target: 'active',
                actions: ['noteMeaning', 'keepStory', 'forget'],
              },
              {
                target: 'active',
                actions: ['noteMeaning', sendTo('intake', ({ context }) => ({ type: 'user.text', text: context.pendingText ?? '' })), 'forget'],
              },
            ],
            onError: {
              target: 'active',
              actions: [sendTo('intake', ({ context }) => ({ type: 'user.text', text: context.pendingText ?? '' })), 'forget'],
            },
          },
        },
      },
    },
    asking: {
      tags: ['waiting'],
      entry: 'promptQuestion',
      on: {
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'understanding', actions: 'readQuestionAfterDanger' },
          { actions: 'promptQuestion' },
        ],
        'user.text': { target: 'understanding', actions: 'rememberText' },
        'user.choice': { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
      },
    },
    /** After an answer: the resident may ask again, pick a suggestion, or go back to the menu. */
    answered: {
      tags: ['waiting'],
      on: {
        'internal.reprompt': [
          { guard: ({ event }) => event.question !== undefined, target: 'understanding', actions: 'readQuestionAfterDanger' },
          // After applying here, the story is read as any story (an application of its kind may be in progress already).
          { guard: ({ context, event }) => event.story !== undefined && Boolean(context.caseRegion), target: 'understanding', actions: 'readStoryAfterDanger' },
          { guard: ({ event }) => event.story !== undefined, target: 'sensitiveConsent', actions: 'startDangerStory' },
          { actions: 'showMenu' },
        ],
        'user.text': [{ guard: ({ event }) => readCaseRefText(event.text) !== undefined, target: 'linkRequesting', actions: assign({ linkRef: ({ event }) => readCaseRefText(event.text) ?? null }) }, { target: 'understanding', actions: 'rememberText' }],
        'user.choice': [
          { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
          { guard: ({ event }) => event.id === 'menu.ask', target: 'asking' },
          { guard: ({ event }) => event.id === 'menu.apply', target: 'sensitiveConsent', actions: 'applyWithStoryCategory' },
          { guard: ({ event }) => event.id.startsWith('apply:'), target: 'sensitiveConsent', actions: 'startWithCategory' },
          // After a file sent for staff's materials request: done (the menu), more to send, or a message for staff.
          { guard: ({ event }) => event.id === MATERIALS_DONE, target: 'menu', actions: emit(() => reply('conv.materials.done')) },
          { guard: ({ event }) => event.id === MATERIALS_MORE, actions: emit(() => reply('conv.materials.more', {}, [choice(MATERIALS_DONE, 'conv.materials.opt_done')])) },
          { guard: ({ event }) => event.id === MATERIALS_NOTE, target: 'materialsNote' },
        ],
      },
    },
    /** "给工作人员留言" after a file for a materials request: the next text is kept on that case for the staff handling it. */
    materialsNote: {
      tags: ['waiting'],
      entry: emit(askForNote),
      on: {
        'internal.reprompt': { actions: emit(askForNote) },
        'user.text': { target: 'notingForCase', actions: 'rememberText' },
        // Its buttons (send more, done) and any other (an answer's, the menu's) are handled as after an answer.
        'user.choice': { target: 'answered', actions: raise(({ event }) => event) },
      },
    },
    notingForCase: {
      tags: ['busy'],
      invoke: {
        src: 'noteCase',
        input: ({ context }) => ({ conversationKey: context.conversationKey, text: context.pendingText ?? '' }),
        onDone: [
          {
            guard: ({ event }) => event.output.ref !== null,
            target: 'answered',
            actions: [
              'forget',
              enqueueActions(({ event, enqueue }) => {
                const ref = event.output.ref!;
                // Staff are told in the same commit as the reply that says so (the words stay on the case).
                enqueue.emit({ type: 'relay', relay: { kind: 'case_note', ref } });
                enqueue.emit(reply('conv.materials.note_kept', { ref }, materialsChoices()));
              }),
            ],
          },
          { target: 'menu', actions: ['forget', emit(() => reply('conv.materials.note_no_case'))] },
        ],
        onError: { target: 'answered', actions: ['forget', 'sayError', 'reprompt'] },
      },
    },
    understanding: {
      tags: ['busy'],
      exit: 'lineForAbuseAtHome',
      invoke: {
        src: 'understandText',
        input: ({ context }) => ({
          text: context.pendingText ?? '',
          locale: context.locale,
          where: (context.handoff === 'waiting' ? { kind: 'handoff_waiting' } : { kind: 'menu' }) satisfies Where,
          dangerTold: context.dangerTold === true,
          ...casesLookedUp(context),
        }),
        onDone: [
          // At the agreement, the agreement again; elsewhere the menu, as after any danger.
          { guard: and([nothingMoreAfterDanger, ({ context }) => context.askedAtAgreement === true]), target: 'sensitiveConsent', actions: 'forget' },
          { guard: nothingMoreAfterDanger, target: 'menu', actions: 'forget' },
          // "对" / "好的" right after a story's answer offered to apply for its category: that is a yes to the offer.
          {
            guard: ({ context, event }) => steersTo('greeting')({ event }) && Boolean(context.pendingCategory) && isAffirmative(context.pendingText ?? ''),
            target: 'sensitiveConsent',
            actions: [
              'noteMeaning',
              'forget',
              // The offer named the category ("申请法律援助：劳动报酬（欠薪）"): the yes chose it, as the button would.
              assign({ pendingCategoryChosen: true, meta: ({ context }) => ({ ...EMPTY_META, intent: 'apply' as const, category: context.pendingCategory ?? null }) }),
            ],
          },
          { guard: steersTo('greeting'), target: 'menu', actions: ['noteMeaning', 'forget'] },
          { guard: steersTo('help'), target: 'menu', actions: ['noteMeaning', 'forget', 'showHelp'] },
          { guard: steersTo('ask'), target: 'asking', actions: ['noteMeaning', 'keepStatedKinship', 'forget'] },
          { guard: steersTo('hours'), target: 'answered', actions: ['noteMeaning', 'forget', 'sayOfficeHours'] },
          { guard: steersTo('send_files'), target: 'answered', actions: ['noteMeaning', 'forget', emit(({ context }) => reply('conv.files.how', {}, menuChoices(context)))] },
          // Leaving in a hurry while waiting for a person: out of the queue (a person joining later would write to a phone
          // someone else may hold), and the quick goodbye.
          {
            guard: and([steersTo('thanks'), ({ context }) => context.handoff === 'waiting' && leavesInAHurry(context.pendingText ?? '')]),
            target: 'answered',
            actions: ['noteMeaning', 'forget', 'leaveQueueInAHurry'],
          },
          { guard: steersTo('thanks'), target: 'answered', actions: ['noteMeaning', 'sayThanksWithMenu', 'forget'] },
          { guard: steersTo('repair'), target: 'answered', actions: ['noteMeaning', 'forget', emit(({ context }) => reply('core.repair', {}, menuChoices(context)))] },
          // Right after a story's question was answered, applying keeps the story's category.
          {
            guard: ({ context, event }) => steersTo('apply')({ event }) && Boolean(context.pendingCategory),
            target: 'sensitiveConsent',
            actions: ['noteMeaning', 'keepStatedKinship', 'forget', assign({ meta: ({ context }) => ({ ...EMPTY_META, intent: 'apply' as const, category: context.pendingCategory ?? null }) })],
          },
          { guard: steersTo('apply'), target: 'sensitiveConsent', actions: ['noteMeaning', 'keepStatedKinship', 'forget', 'applyWithStoryCategory'] },
          { guard: steersTo('status'), target: 'showingStatus', actions: ['noteMeaning', 'forget'] },
          { guard: steersTo('person'), target: 'answered', actions: ['noteMeaning', 'forget', raise({ type: 'internal.human' })] },
          { guard: steersTo('restart'), target: 'menu', actions: ['noteMeaning', 'sayRestarted', 'forget'] },
          // Waiting for a person, "算了不等了" / "never mind" leaves the queue: staff are told, the resident gets a kind word.
          { guard: and([steersTo('cancel'), ({ context }) => context.handoff === 'waiting']), target: 'menu', actions: ['noteMeaning', 'forget', 'leaveQueue'] },
          { guard: steersTo('cancel'), target: 'menu', actions: ['noteMeaning', 'forget'] },
          { guard: steersTo('language'), target: 'menu', actions: ['noteMeaning', 'setLocaleFromMeaning', 'confirmLocale', 'forget'] },
          { guard: steersTo('delete'), target: 'answered', actions: ['noteMeaning', 'forget', 'askErase'] },
          // A story that asks a question the knowledge base answers: the answer, then the offer to apply.
          // Who it is for, said in the question ("我替我儿子问一下…"), is kept for applying after the answer.
          // "家属能去看守所探视吗", "我儿子被抓了 我想去看看他 怎么才能见到他": what the family can do (no entry in the knowledge base), and
          // applying for a lawyer for him offered in one tap — not the application started unasked.
          {
            guard: ({ context, event }) => {
              // Asked ("怎么才能见到他", "can i go see her"), not told ("they wont let me see him": the story starts the application).
              const m = meaningOf(event);
              return (m.kind === 'question' || (m.kind === 'story' && m.asks)) && asksToSeeDetained(context.pendingText ?? '');
            },
            target: 'answered',
            actions: ['noteMeaning', 'keepStartingStory', 'keepStatedKinship', 'forget', 'sayDetainedVisit'],
          },
          { guard: ({ event }) => isStory({ event }) && kbAnswered({ event }), target: 'answered', actions: ['noteAnswer', 'keepStartingStory', 'keepStatedKinship', 'forget', 'emitAnswerOfferingApplication'] },
          // More of a matter whose application is in progress ("包工头电话也打不通了 老板还是欠着我工资"): that application's
          // progress first, another application only as another matter — never a second one of the same kind started unasked.
          { guard: storyOfCaseInProgress, target: 'answered', actions: ['noteMeaning', 'forget', 'sayCaseInProgress'] },
          // Any other story starts the application with its category recognised.
          { guard: isStory, target: 'sensitiveConsent', actions: ['noteMeaning', 'keepStartingStory', 'keepStatedKinship', 'forget', 'startWithCategory'] },
          {
            guard: ({ context }) => context.askedAtAgreement === true && Boolean(context.pendingCategory),
            target: 'answered',
            actions: ['noteAnswer', 'keepStatedKinship', 'forget', 'emitAnswerOfferingApplication'],
          },
          // "老板不给钱" answered: the offer to apply names its problem, as a story's does.
          {
            guard: ({ event }) => questionCategory(event) !== null && kbAnswered({ event }),
            target: 'answered',
            actions: ['noteAnswer', 'keepStatedKinship', 'forget', assign({ pendingCategory: null }), 'emitAnswerOfferingApplication'],
          },
          { target: 'answered', actions: ['noteAnswer', 'keepStatedKinship', 'forget', 'emitAnswer', assign({ pendingCategory: null })] },
        ],
        onError: { target: 'menu', actions: ['forget', 'sayError'] },
      },
    },
    showingStatus: {
      tags: ['busy'],
      invoke: {
        src: 'listCases',
        input: ({ context }) => ({ conversationKey: context.conversationKey }),
        onDone: { target: 'answered', actions: 'emitStatusThenMenu' },
        onError: { target: 'menu', actions: 'sayError' },
      },
    },
    /** Another device: a code is texted to the phone number of the case typed (the same reply whether it exists or not). */
    linkRequesting: {
      tags: ['busy'],
      invoke: {
        src: 'requestLinkCode',
        input: ({ context }) => ({ conversationKey: context.conversationKey, ref: context.linkRef ?? '' }),
        onDone: [
          { guard: ({ event }) => event.output.done, target: 'answered', actions: ['emitLinkReplies', assign({ linkRef: null })] },
          { target: 'linkAwaitingCode', actions: 'emitLinkReplies' },
        ],
        onError: { target: 'menu', actions: ['sayError', assign({ linkRef: null })] },
      },
    },
    /** Waiting for the texted code; another reference number starts again, "never mind" or any other button leaves. */
    linkAwaitingCode: {
      tags: ['waiting'],
      on: {
        'internal.reprompt': { actions: emit(() => reply('caselink.code_prompt', {}, [choice('link.cancel', 'caselink.cancel')])) },
        'user.text': [
          { guard: ({ event }) => readCaseRefText(event.text) !== undefined, target: 'linkRequesting', actions: assign({ linkRef: ({ event }) => readCaseRefText(event.text) ?? null }) },
          { guard: ({ event }) => readLinkCode(event.text) !== undefined, target: 'linkVerifying', actions: 'rememberText' },
          { actions: emit(() => reply('caselink.code_prompt', {}, [choice('link.cancel', 'caselink.cancel')])) },
        ],
        'user.choice': [
          { guard: ({ event }) => event.id === 'link.cancel', target: 'menu', actions: assign({ linkRef: null }) },
          { target: 'answered', actions: [assign({ linkRef: null }), raise(({ event }) => event)] },
        ],
      },
    },
    linkVerifying: {
      tags: ['busy'],
      invoke: {
        src: 'verifyLinkCode',
        input: ({ context }) => ({ conversationKey: context.conversationKey, ref: context.linkRef ?? '', code: readLinkCode(context.pendingText ?? '') ?? '' }),
        onDone: [
          { guard: ({ event }) => event.output.done, target: 'answered', actions: ['emitLinkReplies', 'forget', assign({ linkRef: null })] },
          { target: 'linkAwaitingCode', actions: ['emitLinkReplies', 'forget'] },
        ],
        onError: { target: 'linkAwaitingCode', actions: ['forget', 'sayError'] },
      },
    },
    /** A file sent outside an application: linked to the case awaiting materials, or kindly declined. */
    filingAttachment: {
      tags: ['busy'],
      invoke: {
        src: 'attachFile',
        input: ({ context, event }) => {
          assertEvent(event, 'user.attachment');
          return { conversationKey: context.conversationKey, attachment: event.attachment };
        },
        onDone: [
          {
            guard: ({ event }) => event.output.linked !== null,
            target: 'answered',
            actions: enqueueActions(({ event, enqueue }) => {
              const { ref, count, attachment } = event.output.linked!;
              // Staff are told in the same commit as the acknowledgement that says so.
              enqueue.emit({ type: 'relay', relay: { kind: 'materials_received', ref, attachment } });
              enqueue.emit(reply('intake.materials.received', { ref, count, fileName: attachment.fileName }, materialsChoices()));
            }),
          },
          { target: 'answered', actions: [emit(() => reply('core.attachment.unexpected')), 'reprompt'] },
        ],
        onError: { target: 'answered', actions: ['sayError', 'reprompt'] },
      },
    },
    rating: {
      tags: ['busy'],
      invoke: {
        src: 'rateCase',
        input: ({ context }) => ({ conversationKey: context.conversationKey, ref: context.rating?.ref ?? '', score: context.rating?.score ?? 0 }),
        onDone: { target: 'ratingComment', actions: 'emitAll' },
        onError: { target: 'menu', actions: 'sayError' },
      },
    },
    /** After a rating: an optional comment, or skip. */
    ratingComment: {
      tags: ['waiting'],
      on: {
        'internal.reprompt': { actions: emit(() => reply('handoff.rating.comment_prompt', {}, [choice('rating.skip', 'handoff.rating.skip')])) },
        'user.choice': { guard: ({ event }) => event.id === 'rating.skip', target: 'menu', actions: assign({ rating: null }) },
        'user.text': { target: 'savingComment', actions: 'rememberText' },
      },
    },
    savingComment: {
      tags: ['busy'],
      invoke: {
        src: 'rateCase',
        input: ({ context }) => ({
          conversationKey: context.conversationKey,
          ref: context.rating?.ref ?? '',
          score: context.rating?.score ?? 0,
          comment: context.pendingText ?? '',
        }),
        onDone: { target: 'menu', actions: ['emitAll', 'forget', assign({ rating: null })] },
        onError: { target: 'menu', actions: ['sayError', 'forget'] },
      },
    },
    showingTopic: {
      tags: ['busy'],
      invoke: {
        src: 'showTopic',
        input: ({ context }) => ({ topic: context.pendingTopic ?? '', locale: context.locale, ...casesLookedUp(context) }),
        onDone: {
          target: 'answered',
          actions: [
            'forget',
            assign({ meta: ({ event }) => ({ ...EMPTY_META, faq: { topic: event.output.topic, answered: event.output.band === 'answer', candidates: event.output.candidates } }) }),
            enqueueActions(({ context, event, enqueue }) => {
              for (const answer of event.output.replies) enqueue.emit(offeredNow(forCasesInProgress(answer, event.output.casesInProgress ?? []), context));
            }),
          ],
        },
        onError: { target: 'menu', actions: ['forget', 'sayError'] },
      },
    },
  },
});
}

export type ConversationMachine = ReturnType<typeof createConversationMachine>;

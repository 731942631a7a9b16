import { assign, enqueueActions, fromPromise, raise, setup } from 'xstate';
import type { BotReply, ResidentEvent } from '../events.js';
import type { StaffRelay } from '../staff-relay.js';
import { halfWidth } from '../half-width.js';
import { choice, explainedQuestion, reply } from '../replies.js';
import { assessmentReplies, receiptReplies } from './decision-replies.js';
import type { IntakeDeps } from './intake-deps.js';
import type { ApplicantDetails, CaseDraft, CaseReceipt, IntakeContext, StatedAge, StatedDeadline, StepId } from './intake-types.js';
import { deadlineIn } from './deadline-words.js';
import type { CategoryId, GroupId } from '../../knowledge/eligibility/vocabulary.js';
import { readNavigation, saysCorrection } from './navigation-words.js';
import { asksSafeContact, nextStep } from './next-step.js';
import { worriesAboutCall } from './contact-validation.js';
import { groupsSaidIn, isUnsure, STEPS, statedAgeOf, WHY_EXPLAINED, type ReadResult } from './steps.js';
import { typedChoice } from './typed-choice.js';
import { asksWhy, asksWhyAlone, saysRatherNotSay } from './why-words.js';
import { accountPlus, additionToAccount, namesMaterials, tellsWhatHappened } from './account-words.js';
import { statedFacts, tellsStory } from '../../knowledge/understanding/story.js';
import { categoryNamedInstead, correctionTarget, correctionWithValue } from './correction-words.js';
import { categoryFromText } from './category-words.js';
import { regionByOwnWord, regionNamedIn, type NamedRegion } from './region-words.js';
import { statedAnswers } from '../../knowledge/understanding/stated-answers.js';
import type { StatedKinship } from '../../knowledge/understanding/stated-relative.js';
import type { StatedDisability } from '../../knowledge/understanding/types.js';
import { oneToThreeOf } from '../word-run.js';
import { changeableSteps, changeListReplies, summaryReplies } from './summary-replies.js';

/** Questions where a fear of being called is the answer (or said with it), not a worry to reassure. */
const CONTACT_STEPS: ReadonlySet<StepId> = new Set<StepId>(['phone', 'safeContact', 'safeTimes', 'summary', 'changeList']);
/** Going on after the assessment, typed: one to three of these ("继续", "好的 继续", "ok go on", "yes submit"). */
const GOING_ON_WORDS = "继续|继续申请|申请|好|好的|好吧|提交|仍然提交|可以|行|是|是的|嗯|嗯嗯|那就申请|那就继续|那就提交|那申请|那继续|continue|apply|yes|ok|okay|sure|yeah|yep|go on|go ahead|submit|submit anyway|let'?s do it|lets do it|do it|go for it|let'?s go|lets go|let'?s continue|lets continue";
/** Agreeing to the summary, typed: one to three of these ("没问题 提交吧", "looks good, send it", "yes submit"). */
const SUBMITTING_WORDS =
  "同意并提交|同意|提交|提交吧|确认|确认提交|确认无误|没问题|没错|对的|对|是的|可以|好的|好|行|confirm|submit|submit it|agree|i agree|agree and submit|agree & submit|send|send it|yes|ok|okay|sure|correct|that'?s (right|correct|fine)|all (good|correct|right)|looks (good|right|fine)|go ahead";
/** A particle after them ("继续吧", "提交啊", "没问题了提交吧"): the same yes. */
const PARTICLE_END = { between: '(?:了|啦|的)?[\\s,，、。.!！]*', end: '(?:了|的)?(?:吧|啊|呀|哈|呗|嘛|啦)?[!！。.~～]*' };
const SUBMITTING = oneToThreeOf(SUBMITTING_WORDS, PARTICLE_END);
const GOING_ON = oneToThreeOf(GOING_ON_WORDS, PARTICLE_END);

export interface IntakeInput {
  submissionId: string;
  /** A category recognised in the resident's story before the intake started: asked as a one-tap confirmation. */
  proposedCategory?: CategoryId;
  /** A category the resident already chose (the "apply for this" button under an answer): not asked again. */
  category?: CategoryId;
  /** An age the resident's story stated ("my dad is 72"): offered as a one-tap answer at the age question, never taken unasked. */
  statedAge?: StatedAge;
  /** Groups the story stated ("我是农民工"): ticked in advance at the groups question, never taken unasked. */
  statedGroups?: GroupId[];
  /** A disability the story stated ("我是聋哑人", "I'm blind"): offered first at the disability question, never taken unasked. */
  statedDisability?: StatedDisability;
  /** A monthly income or household size the story stated ("一个月就挣两千"): offered at its question, never taken unasked. */
  statedIncome?: number;
  statedHousehold?: number;
  /** Who the resident said the applicant is to them ("我替我妈申请" at the menu): offered at the kinship question. */
  statedKinship?: StatedKinship;
  /** The story that started the application, read with the pack for a region it names (offered first at the region question). */
  statedText?: string;
  /** What the resident wrote about the problem before applying (kept by the conversation): part of the account when they type more at "continue?". */
  earlierStory?: string;
}

/** How the intake ended, for the root conversation. */
export interface IntakeOutput {
  result: 'submitted' | 'cancelled' | 'ask';
  ref: string | null;
  /** The region the application named (absent in outputs of older snapshots). */
  region?: string | null;
  /** How the resident may be contacted ("do not call", "no calls and no messages"; absent in outputs of older snapshots). */
  contactPreference?: ApplicantDetails['contactPreference'];
}

/** Sent to the root conversation: a reply to show, and whether the question on screen takes free text. */
export type IntakeToParent =
  | { type: 'bot.replies'; replies: BotReply[]; freeText?: boolean; step?: StepId }
  | { type: 'bot.relay'; relay: StaffRelay }
  | { type: 'intake.step'; freeText: boolean };

/** `flow.reprompt`: ask the question on screen again; `stated`, a story the conversation kept meanwhile, is read for answers it states. */
export type IntakeEvent = ResidentEvent | { type: 'flow.reprompt'; stated?: string };

const MAX_FAILURES = 3;
const FACT_STEPS = new Set<StepId>([
  'category', 'criminalRole', 'hasDefender', 'possibleSentence', 'deathPenaltyReview', 'trialInAbsentia',
  'cannotFullyRecognizeConduct', 'region', 'age', 'disability', 'groups', 'fixedIncome', 'residence',
  'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation',
]);

/** "Back", "cancel", "start over" or "change" in a resident's event; `null` for anything else. */
const navigationOf = (event: IntakeEvent) => (event.type === 'flow.reprompt' ? null : readNavigation(event));

const notProvided = async (): Promise<never> => {
  throw new Error('Provide submitCase with intakeMachine.provide({ actors: { submitCase } }).');
};

export function initialContext(submissionId: string): IntakeContext {
  return {
    submissionId,
    facts: {},
    applicant: { relation: null, name: null, phone: null, contactPreference: null, safeTimes: null, description: null },
    attachments: [],
    answered: [],
    unsure: [],
    step: 'category',
    changing: null,
    history: [],
    failures: 0,
    proposedCategory: null,
    categoryGroup: null,
    assessmentShown: false,
    submitAnyway: false,
    caseRef: null,
    leaving: null,
    // The optional keys too, absent or not: an `assign` that adds a key makes the context a slow dictionary object
    // (see CONTEXT_DEFAULTS in conversation-machine.ts).
    assessmentNews: false,
    ageAtLeast: false,
    statedAge: undefined,
    statedGroups: undefined,
    statedDisability: undefined,
    statedIncome: undefined,
    statedHousehold: undefined,
    statedKinship: undefined,
    statedPhone: undefined,
    statedRegion: undefined,
    statedDeadline: undefined,
    earlierStory: undefined,
    resumeAfter: undefined,
  };
}

/**
 * What a changed answer invalidates: a changed fact means the assessment must be shown again. A step answered
 * again keeps its place, so the summary line stays where the resident saw it.
 */
function markAnswered(ctx: IntakeContext, step: StepId, unsure: boolean): Partial<IntakeContext> {
  return {
    answered: ctx.answered.includes(step) ? ctx.answered : [...ctx.answered, step],
    changing: null,
    unsure: unsure ? [...ctx.unsure.filter((s) => s !== step), step] : ctx.unsure.filter((s) => s !== step),
    failures: 0,
    assessmentShown: FACT_STEPS.has(step) ? false : ctx.assessmentShown,
  };
}

/**
 * What an answer also said about a later question ("示例县 我一个月挣两千"): kept, to be offered there in one tap.
 * Not for the question on screen (its own answer), nor one already answered.
 */
function keepStated(ctx: IntakeContext, event: ResidentEvent, regions: readonly NamedRegion[], deps?: IntakeDeps): Partial<IntakeContext> {
  if (event.type !== 'user.text') return {};
  const stated = statedAnswers(event.text);
  // Kept only for a question still to come: "后面问到时请您确认" must not promise one the application skips (a migrant
  // worker's wages need no income; an application for oneself asks no kinship).
  const needed = deps ? new Set<StepId>(deps.neededFacts(ctx.facts)) : null;
  const willAsk = (step: StepId) =>
    step === 'kinship' ? ctx.applicant.relation !== 'self' : step === 'region' || step === 'phone' || needed === null || needed.has(step);
  const open = (step: StepId) => ctx.step !== step && !ctx.answered.includes(step) && willAsk(step);
  const region = open('region') ? regionNamedIn(event.text, regions) : null;
  const deadline = open('deadlineDays') ? statedDeadlineIn(event.text, deps) : undefined;
  const whose = stated.age?.whose ?? ctx.applicant.relation ?? undefined;
  // "我是农民工" one question early: ticked in advance at the groups question (never once the resident has touched it).
  const groups = open('groups') && ctx.facts.groups === undefined ? groupsSaidIn(event.text) : [];
  const newGroups = groups.filter((g) => !(ctx.statedGroups ?? []).includes(g));
  return {
    ...(newGroups.length > 0 ? { statedGroups: [...(ctx.statedGroups ?? []), ...newGroups] } : {}),
    ...(stated.age && open('age') ? { statedAge: { years: stated.age.years, ...(whose ? { whose } : {}) } } : {}),
    ...(stated.disability && open('disability') ? { statedDisability: stated.disability } : {}),
    ...(stated.monthlyIncome !== undefined && open('householdMonthlyIncome') ? { statedIncome: stated.monthlyIncome } : {}),
    ...(stated.householdSize !== undefined && open('householdSize') ? { statedHousehold: stated.householdSize } : {}),
    // The resident's own role ("im his mom") counts once the application is for a relative.
    ...(stated.kinship && open('kinship') && (!stated.kinship.own || ctx.applicant.relation === 'relative') ? { statedKinship: stated.kinship } : {}),
    ...(region ? { statedRegion: region } : {}),
    ...(stated.phone && open('phone') ? { statedPhone: stated.phone } : {}),
    ...(deadline ? { statedDeadline: deadline } : {}),
  };
}

/** A deadline the text tells ("下周三开庭"), counted from today; `undefined` for none, or without a calendar. */
function statedDeadlineIn(text: string, deps?: IntakeDeps): StatedDeadline | undefined {
  const today = deps?.today?.();
  const found = today ? deadlineIn(text, today) : null;
  return found && today ? { ...found, on: today } : undefined;
}

/**
 * The account typed at "continue?" after a story told earlier (before agreeing, at the menu): the story first, then the
 * new words, so staff read both; `null` when there is no earlier story, the new words already hold it (or it holds
 * them), or both together would be too long for one account (the new words are then the account, as before).
 */
function accountWithEarlierStory(event: ResidentEvent, story: string | undefined): ResidentEvent | null {
  if (event.type !== 'user.text' || !story) return null;
  const typed = event.text.trim();
  const earlier = story.trim();
  if (!earlier || typed.includes(earlier) || earlier.includes(typed)) return null;
  const text = accountPlus(earlier, typed);
  return text === null ? null : { ...event, text };
}

/** The groups ticked in advance, with 进城务工人员 among them (a migrant worker's wages or injury told in a story). */
const withMigrantWorker = (groups: readonly GroupId[] | undefined): GroupId[] => [...new Set([...(groups ?? []), 'migrant_worker' as const])];

/** The earlier story with more of it kept meanwhile (a story at a later question, the materials named at "continue?"). */
const withMore = (earlier: string | undefined, more: string): string => (earlier && !earlier.includes(more) ? `${earlier}\n${more}` : earlier || more);

/** The one region a clause of a longer message names by its own word ("im in the county i think"); `null` for none or several. */
function placeInAClause(text: string, regions: readonly NamedRegion[]): string | null {
  const found = new Set(text.split(/[,，;；。.!！?？]+/).map((clause) => regionByOwnWord(clause.trim(), regions)).filter((id): id is string => id !== null));
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The age a story typed at this question states for the applicant, as the age question will offer it in one tap
 * ("我今年61了…" for one's own application, "我爸78了" for a parent's); `null` when it states none, or only someone
 * else's ("im 61" when applying for a son). The conversation says so when it keeps the story, so that what the bot
 * says and what it keeps agree.
 */
export function ageKeptFromStory(ctx: IntakeContext, text: string, deps?: IntakeDeps): number | null {
  const kept = keepStated(ctx, { type: 'user.text', text }, [], deps);
  return kept.statedAge ? (statedAgeOf({ ...ctx, statedAge: kept.statedAge })?.years ?? null) : null;
}

/**
 * A text typed with a Chinese keyboard's full-width forms ("４５", "３０００", "１０天", "ｎｏ"): read in their plain ASCII
 * forms, as every step's number and word readers expect, at the questions that keep only the value read.
 */
function halfWidthEvent(event: ResidentEvent): ResidentEvent {
  if (event.type !== 'user.text' || !/[\uFF01-\uFF5E\u3000]/.test(event.text)) return event;
  return { ...event, text: halfWidth(event.text) };
}

/** A change-list button's label typed as text, as the button press it names; `null` otherwise. */
function typedChangeChoice(context: IntakeContext, event: ResidentEvent): ResidentEvent | null {
  if (event.type !== 'user.text') return null;
  // Either label of the going-on button ("返回核对页" at the summary, "继续填写" in the middle) counts.
  for (const atSummary of [true, false]) {
    const pressed = typedChoice(event, changeListReplies(context, atSummary)[0]!);
    if (pressed.type === 'user.choice') return pressed;
  }
  return null;
}

/**
 * A correction that gives its new value ("年龄写错了，是58", "年龄 52" at the change list) and the value reads as that
 * question's answer: the step and the value as a typed answer; `null` otherwise (the question is asked again instead).
 */
function correctionAnswer(context: IntakeContext, event: IntakeEvent, deps: IntakeDeps): { step: StepId; event: ResidentEvent } | null {
  if (event.type !== 'user.text') return null;
  const correction = correctionWithValue(event.text, changeableSteps(context));
  if (!correction) return null;
  const answer: ResidentEvent = { type: 'user.text', text: correction.value };
  const asked = { ...context, step: correction.step, changing: correction.step };
  return STEPS[correction.step].read(answer, asked, deps).kind === 'answer' ? { step: correction.step, event: answer } : null;
}

/**
 * The application intake: asks only what the eligibility decision needs (per the policy pack), shows
 * the assessment with its legal basis, collects the account and contact details, shows a summary
 * where any answer can be changed, and submits the case once the resident consents.
 * Replies go to the parent conversation as `bot.reply` events.
 */
export function createIntakeMachine(deps: IntakeDeps) {
  // Guards and actions read the same answer several times in one transition: read it once.
  const readCache = new WeakMap<object, { ctx: IntakeContext; result: ReadResult }>();
  const read = (ctx: IntakeContext, event: ResidentEvent): ReadResult => {
    const cached = readCache.get(event);
    if (cached && cached.ctx === ctx) return cached.result;
    // Free text (the account, a name) is kept as typed; elsewhere only the value read is kept.
    const typed = STEPS[ctx.step].freeText ? event : halfWidthEvent(event);
    const result = whyAsked(ctx, typed) ?? callWorried(ctx, typed) ?? STEPS[ctx.step].read(typedChoice(typed, STEPS[ctx.step].prompt(ctx, deps)), ctx, deps);
    readCache.set(event, { ctx, result });
    return result;
  };

  /** "Why do you need my age?" at a question that explains itself: the explanation, with the question under it. */
  const whyAsked = (ctx: IntakeContext, event: ResidentEvent): ReadResult | null => {
    if (event.type !== 'user.text' || !WHY_EXPLAINED.has(ctx.step)) return null;
    if (ctx.step !== 'description' && saysRatherNotSay(event.text)) {
      // Why it is asked, and how to go on without it: "不清楚" where the question has it, else that it is needed.
      const skippable = STEPS[ctx.step].prompt(ctx, deps).choices?.some((c) => c.id === 'intake.unsure') === true;
      const why = { key: `intake.why.${ctx.step}`, params: { hotline: deps.pack.hotline } };
      return { kind: 'explain', reply: reply(skippable ? 'intake.rather_not_say' : 'intake.rather_not_say_needed', { why, hotline: deps.pack.hotline }) };
    }
    if (!(ctx.step === 'description' ? asksWhyAlone(event.text) : asksWhy(event.text))) return null;
    return { kind: 'explain', reply: reply(`intake.why.${ctx.step}`, { hotline: deps.pack.hotline }) };
  };

  /**
   * "他会看我手机 你们别给我打电话" at a question before the contact details, in an application that asks whether calling
   * is safe: her safety first, and that those questions come (or contact only here), with the question under it. At the
   * phone and safe-contact questions it is their answer; in an account, part of it.
   */
  const callWorried = (ctx: IntakeContext, event: ResidentEvent): ReadResult | null => {
    if (event.type !== 'user.text' || STEPS[ctx.step].freeText || CONTACT_STEPS.has(ctx.step)) return null;
    // The worry first: one pattern on the answer, before the account is read for violence at home.
    if (!worriesAboutCall(event.text) || !asksSafeContact(ctx)) return null;
    return { kind: 'explain', reply: reply('intake.call_worry_later') };
  };

  /** Queues each reply as a `bot.reply` event to the parent conversation. */
  const sendReplies = (enqueue: { sendParent: (event: IntakeToParent) => void }, replies: BotReply[]) => {
    enqueue.sendParent({ type: 'bot.replies', replies });
  };

  /** The question on screen, with "back" beside its own buttons once there is a question before it. */
  const questionWithBack = (context: IntakeContext): BotReply => {
    const question = STEPS[context.step].prompt(context, deps);
    const back = context.history.length > 1 ? [choice('intake.back', 'intake.opt.back')] : [];
    return { ...question, choices: [...(question.choices ?? []), ...back] };
  };

  /** Going on after a refusal is what "submit anyway for staff review" means: staff must see it as such. */
  const refused = (context: IntakeContext) => {
    const { outcome } = deps.assess(context.facts);
    return outcome === 'not_eligible' || outcome === 'out_of_scope';
  };

  const officeName = (ctx: IntakeContext) => {
    const decision = deps.assess(ctx.facts);
    const office = deps.pack.offices.find((o) => o.id === decision.route);
    return office ? office.name : { key: 'intake.office.unknown' };
  };

  return setup({
    types: {} as {
      context: IntakeContext;
      events: IntakeEvent;
      input: IntakeInput;
      output: IntakeOutput;
    },
    actors: {
      submitCase: fromPromise<CaseReceipt, CaseDraft>(notProvided),
    },
    guards: {
      isNavigation: ({ event }) => navigationOf(event) !== null,
      saysCancel: ({ event }) => navigationOf(event) === 'cancel',
      saysChange: ({ event }) => navigationOf(event) === 'change',
      saysBack: ({ event }) => navigationOf(event) === 'back',
      isUnsureAnswer: ({ context, event }) =>
        event.type !== 'flow.reprompt' && STEPS[context.step].unsureAllowed === true && (isUnsure(event) || read(context, event).kind === 'unsure'),
      isAcceptedAnswer: ({ context, event }) => event.type !== 'flow.reprompt' && read(context, event).kind === 'answer',
      addsToAccount: ({ context, event }) => {
        const added = event.type === 'user.text' ? additionToAccount(event.text) : null;
        return added !== null && context.applicant.description !== null && accountPlus(context.applicant.description, added) !== null;
      },
      joinsEarlierStory: ({ context, event }) =>
        context.step === 'description' &&
        !context.answered.includes('description') &&
        event.type === 'user.text' &&
        accountWithEarlierStory(event, context.earlierStory) !== null &&
        read(context, event).kind === 'answer',
      isStayAnswer: ({ context, event }) => event.type !== 'flow.reprompt' && read(context, event).kind === 'stay',
      isExplanationAsked: ({ context, event }) => event.type !== 'flow.reprompt' && read(context, event).kind === 'explain',
      nextIsAssessment: ({ context }) => context.step === 'assessment',
      nextIsSummary: ({ context }) => context.step === 'summary',
      hasAttachment: ({ event }) => event.type === 'user.attachment',
      correctsWithValue: ({ context, event }) => correctionAnswer(context, event, deps) !== null,
      /** "不对 不是工伤 是欠工资": the recorded category denied and another named, in the middle of the application. */
      namesAnotherCategory: ({ context, event }) =>
        event.type === 'user.text' && context.step !== 'category' && context.answered.includes('category') && categoryNamedInstead(event.text, context.facts.category, categoryFromText) !== null,
      /** Said to be wrong, with a value that answers an earlier question, not the one on screen. */
      correctsEarlierWithValue: ({ context, event }) => {
        if (!saysCorrection(event as ResidentEvent)) return false;
        const step = correctionAnswer(context, event, deps)?.step;
        return step !== undefined && step !== context.step;
      },
      /** Not this question's answer, but one for a later question ("我们家4口人" at town or countryside): kept, and said so. */
      statesLaterAnswer: ({ context, event }) => {
        const kept = keepStated(context, event as ResidentEvent, deps.pack.regions, deps) as Record<string, unknown>;
        const now = context as unknown as Record<string, unknown>;
        return Object.keys(kept).some((key) => JSON.stringify(kept[key]) !== JSON.stringify(now[key]));
      },
      isStaleChoice: ({ context, event }) =>
        event.type === 'user.choice' &&
        readNavigation(event) === null &&
        !(STEPS[context.step].prompt(context, deps).choices ?? []).some((c) => c.id === event.id),
    },
    actions: {
      chooseNext: assign(({ context }) => {
        const step = nextStep(context, deps);
        const history = context.history[context.history.length - 1] === step ? context.history : [...context.history, step];
        return { step, history, failures: context.step === step ? context.failures : 0 };
      }),
      applyAnswer: assign(({ context, event }) => {
        const result = read(context, event as ResidentEvent);
        if (result.kind !== 'answer') return {};
        const patched = { ...context, ...result.patch(context) };
        const answered = { ...keepStated(patched, event as ResidentEvent, deps.pack.regions, deps), ...result.patch(context), ...markAnswered(patched, context.step, false) };
        // A fact changed from the summary goes straight back to it: no "continue?" again; a changed assessment is
        // shown above the summary.
        // So does a fact corrected in the middle of the application, unless the assessment changed.
        if (FACT_STEPS.has(context.step) && context.changing === context.step && context.assessmentShown && (context.history.includes('summary') || context.resumeAfter)) {
          const news = JSON.stringify(assessmentReplies(deps.assess(context.facts), context, deps.pack)) !== JSON.stringify(assessmentReplies(deps.assess(patched.facts), patched, deps.pack));
          // Now refused: the assessment with its alternatives ("submit anyway for review" is a choice staff must see).
          if (news && refused(patched) && !context.submitAnyway) return answered;
          if (news && !context.history.includes('summary')) return answered;
          return { ...answered, assessmentShown: true, ...(news ? { assessmentNews: true } : {}) };
        }
        return answered;
      }),
      /** Still at this question (a checklist toggle, a note): its change, and its reply before the question again. */
      applyStay: enqueueActions(({ context, event, enqueue }) => {
        const result = read(context, event as ResidentEvent);
        if (result.kind !== 'stay') return;
        enqueue.assign({ ...keepStated(context, event as ResidentEvent, deps.pack.regions, deps), ...result.patch(context), failures: 0 });
        // A story told at the category question (its category proposed) is part of the account, as the conversation keeps it.
        if (context.step === 'category' && event.type === 'user.text' && tellsStory(event.text)) {
          const proposed = result.patch(context).proposedCategory;
          // A migrant worker's wages told there ("包工头欠了我们八个月工钱…"): ticked in advance at the groups question too.
          const migrant = (proposed === 'wages' || proposed === 'work_injury') && statedFacts(event.text, proposed).migrantWorker === true;
          enqueue.assign({
            earlierStory: withMore(context.earlierStory, event.text.trim()),
            ...(migrant ? { statedGroups: withMigrantWorker(context.statedGroups) } : {}),
          });
        }
        if (result.reply) sendReplies(enqueue, [result.reply]);
      }),
      markUnsure: assign(({ context }) => markAnswered(context, context.step, true)),
      /** A story the conversation kept at this question: the answers it states, offered when their questions come. */
      keepStatedStory: assign(({ context, event }) => {
        if (event.type !== 'flow.reprompt' || !event.stated) return {};
        // At the region question itself, the story's place ("…, im in the county i think", "…，我在县里吧") is offered
        // first, marked as said (the story was kept whole, so the step did not read it as the answer).
        const place = context.step === 'region' && !context.answered.includes('region')
          ? (regionNamedIn(event.stated, deps.pack.regions) ?? placeInAClause(event.stated, deps.pack.regions))
          : null;
        // A migrant worker's wages or injury told in it ("给包工头干了半年活…"): ticked in advance at the groups question, as
        // when the story starts the application.
        const category = context.facts.category;
        const migrant =
          (category === 'wages' || category === 'work_injury') && !context.answered.includes('groups') && statedFacts(event.stated, category).migrantWorker === true;
        const statedGroups = migrant ? withMigrantWorker(context.statedGroups) : context.statedGroups;
        // Kept for the account too: an account typed at the description question comes after it (nothing told is lost);
        // once the account is written, added to it.
        const written = context.applicant.description;
        const more = event.stated.trim();
        if (written) {
          const description = written.includes(more) ? written : (accountPlus(written, more) ?? written);
          return { ...keepStated(context, { type: 'user.text', text: event.stated }, deps.pack.regions, deps), applicant: { ...context.applicant, description } };
        }
        return {
          ...keepStated(context, { type: 'user.text', text: event.stated }, deps.pack.regions, deps),
          ...(place ? { statedRegion: place } : {}),
          ...(migrant ? { statedGroups } : {}),
          earlierStory: withMore(context.earlierStory, event.stated.trim()),
        };
      }),
      // A wrong answer may still say what a later question asks ("我一个月挣两千" at the region question): kept.
      keepLaterAnswer: assign(({ context, event }) => keepStated(context, event as ResidentEvent, deps.pack.regions, deps)),
      sayKeptThenAsk: enqueueActions(({ context, enqueue }) => sendReplies(enqueue, [explainedQuestion(reply('intake.stated.kept'), questionWithBack(context))])),
      countFailure: assign(({ context, event }) => ({ ...keepStated(context, event as ResidentEvent, deps.pack.regions, deps), failures: context.failures + 1 })),
      navigate: assign(({ context, event }) => {
        const nav = navigationOf(event);
        if (nav === 'restart') return initialContext(context.submissionId);
        if (nav !== 'back') return {};
        // Drop the current question; re-open the one before it.
        const history = context.history.slice(0, -1);
        const previous = history[history.length - 1];
        // A step re-opened from the summary: back returns to the summary.
        if (context.changing && previous === 'summary') return { changing: null, failures: 0 };
        if (!previous) return { history: [], proposedCategory: null, categoryGroup: null, changing: null };
        return {
          history: history.slice(0, -1),
          // Asked again even when its answer already settled what it decides (a fact no longer "needed"); the
          // answers after it stand (they stay in the summary), so the intake goes on with the first unanswered step.
          changing: previous === 'assessment' || previous === 'summary' ? null : previous,
          assessmentShown: previous === 'assessment' ? false : context.assessmentShown,
          proposedCategory: null,
          categoryGroup: null,
          failures: 0,
        };
      }),
      reopenStep: assign(({ context, event }) => {
        if (event.type !== 'user.choice' || !event.id.startsWith('change:')) return {};
        const step = event.id.slice(7) as StepId;
        if (!changeableSteps(context).includes(step)) return {};
        return { changing: step, proposedCategory: null, categoryGroup: null };
      }),
      /** "年龄写错了，是58": that question re-opened and its new value given as the answer, in the same turn. */
      reopenWithValue: enqueueActions(({ context, event, enqueue }) => {
        const correction = correctionAnswer(context, event, deps);
        if (!correction) return;
        enqueue.assign({ step: correction.step, changing: correction.step, failures: 0 });
        enqueue.raise(correction.event);
      }),
      /** After a one-step correction that makes another question needed: said, so the question does not come unexplained. */
      sayMoreToAsk: enqueueActions(({ context, enqueue }) => {
        // Corrected in the middle of the application: changed, and on with the questions.
        if (context.resumeAfter) {
          enqueue.assign({ resumeAfter: undefined });
          sendReplies(enqueue, [reply('intake.changed_go_on')]);
          return;
        }
        const next = nextStep(context, deps);
        if (next !== 'summary' && next !== 'assessment') sendReplies(enqueue, [reply('intake.changed_more')]);
      }),
      /** The category question re-opened with the named category, proposed in one tap (the step reads it). */
      reopenCategoryWithValue: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'user.text') return;
        const named = categoryNamedInstead(event.text, context.facts.category, categoryFromText);
        if (!named) return;
        enqueue.assign({ step: 'category', changing: 'category', proposedCategory: null, categoryGroup: null, failures: 0 });
        enqueue.raise({ type: 'user.text', text: named });
      }),
      /** The question on screen, kept while an earlier answer is corrected with its value (see `resumeAfter`). */
      keepQuestionOnScreen: assign(({ context }) => ({ resumeAfter: context.step })),
      storeAttachment: assign({
        attachments: ({ context, event }) => (event.type === 'user.attachment' ? [...context.attachments, event.attachment] : context.attachments),
      }),
      addToAccount: enqueueActions(({ context, event, enqueue }) => {
        const added = event.type === 'user.text' ? additionToAccount(event.text) : null;
        const description = added && context.applicant.description !== null ? accountPlus(context.applicant.description, added) : null;
        if (description === null) return;
        enqueue.assign({ applicant: { ...context.applicant, description } });
        sendReplies(enqueue, [reply('intake.description_added')]);
      }),
      /** The materials named at "continue?" ("有欠条和聊天记录"): kept for the account, said so; the account is asked next. */
      noteMaterials: enqueueActions(({ context, event, enqueue }) => {
        if (event.type !== 'user.text') return;
        enqueue.assign({ earlierStory: withMore(context.earlierStory, event.text.trim()), ...(refused(context) ? { submitAnyway: true } : {}) });
        sendReplies(enqueue, [reply('intake.materials_noted')]);
      }),
      /** The account typed at "continue?", or at the description question after a story told earlier: the description's answer, said so (it can be changed at the summary). */
      takeAccount: enqueueActions(({ context, event, enqueue }) => {
        const withStory = accountWithEarlierStory(event as ResidentEvent, context.earlierStory);
        const result = STEPS.description.read(withStory ?? (event as ResidentEvent), context, deps);
        if (result.kind !== 'answer') return;
        const patch = result.patch(context);
        enqueue.assign({ ...(refused(context) ? { submitAnyway: true } : {}), ...patch, ...markAnswered({ ...context, ...patch }, 'description', false) });
        sendReplies(enqueue, [reply(withStory ? 'intake.description_kept_with_story' : 'intake.description_kept')]);
      }),
      markAssessmentShown: assign({ assessmentShown: true }),
      markSubmitAnyway: assign({ submitAnyway: true, assessmentShown: true }),
      ask: enqueueActions(({ context, event, enqueue }) => {
        // The introduction once, when the intake starts (never again on a re-ask).
        const first = (event as { type: string }).type === 'xstate.init' && context.history.length <= 1 && context.step === 'category' && !context.proposedCategory && !context.categoryGroup;
        enqueue.sendParent({
          type: 'bot.replies',
          replies: [...(first ? [reply('intake.start')] : []), questionWithBack(context)],
          freeText: STEPS[context.step].freeText === true,
          step: context.step,
        } satisfies IntakeToParent);
      }),
      explainThenAsk: enqueueActions(({ context, event, enqueue }) => {
        const result = event.type === 'flow.reprompt' ? null : read(context, event);
        if (result?.kind !== 'explain') return;
        // One message: the reason, with the question and its buttons under it (a second bubble read as a new question).
        sendReplies(enqueue, [explainedQuestion(result.reply, questionWithBack(context))]);
      }),
      sayStaleThenAsk: enqueueActions(({ context, enqueue }) => sendReplies(enqueue, [explainedQuestion(reply('core.stale_choice'), questionWithBack(context))])),
      explainRefusal: enqueueActions(({ context, event, enqueue }) => {
        const result = event.type === 'flow.reprompt' ? null : read(context, event);
        const error = result?.kind === 'invalid' ? result.error : 'intake.err.choose';
        const errorParams = result?.kind === 'invalid' ? result.params : undefined;
        const definition = STEPS[context.step];
        if (context.failures >= MAX_FAILURES) {
          const question = definition.prompt(context, deps);
          enqueue.sendParent({
            type: 'bot.replies',
            replies: [reply('intake.stuck', { hotline: deps.pack.hotline }, [
              ...(question.choices ?? []),
              ...(definition.unsureAllowed && !(question.choices ?? []).some((c) => c.id === 'intake.unsure') ? [choice('intake.unsure', 'intake.opt.unsure')] : []),
              choice('menu.human', 'core.menu.human'),
              choice('intake.cancel', 'intake.opt.cancel'),
            ])],
          } satisfies IntakeToParent);
          return;
        }
        sendReplies(enqueue, [explainedQuestion(reply(error, errorParams), questionWithBack(context))]);
      }),
      acknowledgeAttachment: enqueueActions(({ context, enqueue }) =>
        sendReplies(enqueue, [
          reply('intake.documents.received', { count: context.attachments.length }, [choice('intake.documents.done', 'intake.opt.documents_done')]),
        ]),
      ),
      acknowledgeEarlyAttachment: enqueueActions(({ context, enqueue }) =>
        sendReplies(enqueue, [reply('intake.documents.received_early', { count: context.attachments.length }), questionWithBack(context)]),
      ),
      // The step is named so that the conversation knows a story typed next answers "continue?" (see takeAccount).
      showAssessment: enqueueActions(({ context, enqueue }) =>
        enqueue.sendParent({ type: 'bot.replies', replies: assessmentReplies(deps.assess(context.facts), context, deps.pack), step: 'assessment', freeText: false } satisfies IntakeToParent),
      ),
      remindSummary: enqueueActions(({ enqueue }) =>
        sendReplies(enqueue, [
          reply('intake.err.summary', {}, [
            choice('intake.confirm', 'intake.opt.confirm'),
            choice('intake.change', 'intake.opt.change'),
            choice('intake.cancel', 'intake.opt.cancel'),
          ]),
        ]),
      ),
      remindAssessment: enqueueActions(({ context, enqueue }) => {
        const question = assessmentReplies(deps.assess(context.facts), context, deps.pack).at(-1)!;
        sendReplies(enqueue, [explainedQuestion(reply('intake.err.assessment'), question)]);
      }),
      showSummary: enqueueActions(({ context, enqueue }) => {
        // The new assessment after a change from the summary: its lines, not its "continue?" (the summary asks to submit).
        const news = context.assessmentNews ? assessmentReplies(deps.assess(context.facts), context, deps.pack).slice(0, -1) : [];
        if (context.assessmentNews) enqueue.assign({ assessmentNews: false });
        sendReplies(enqueue, [...news, ...summaryReplies(context, deps.pack, officeName(context))]);
      }),
      showChangeList: enqueueActions(({ context, enqueue }) => sendReplies(enqueue, changeListReplies(context, nextStep(context, deps) === 'summary'))),
      sayCancelled: enqueueActions(({ enqueue }) => sendReplies(enqueue, [reply('intake.cancelled')])),
      saySubmitFailed: enqueueActions(({ enqueue }) => sendReplies(enqueue, [reply('intake.submit_failed')])),
      showReceipt: enqueueActions(({ context, enqueue }) => {
        sendReplies(enqueue, receiptReplies(context.caseRef ?? '', deps.assess(context.facts), context, deps.pack));
        // Staff see every new case: the card goes out in the same commit as the receipt.
        if (context.caseRef) enqueue.sendParent({ type: 'bot.relay', relay: { kind: 'new_case', ref: context.caseRef } } satisfies IntakeToParent);
      }),
    },
  }).createMachine({
    id: 'intake',
    context: ({ input }) => {
      const fresh: IntakeContext = {
        ...initialContext(input.submissionId),
        proposedCategory: input.proposedCategory ?? null,
        statedAge: input.statedAge || undefined,
        statedGroups: input.statedGroups?.length ? input.statedGroups : undefined,
        statedDisability: input.statedDisability || undefined,
        statedIncome: input.statedIncome,
        statedHousehold: input.statedHousehold,
        statedKinship: input.statedKinship || undefined,
        earlierStory: input.earlierStory || undefined,
      };
      const region = input.statedText ? regionNamedIn(input.statedText, deps.pack.regions) : null;
      if (region) fresh.statedRegion = region;
      // "我儿子被抓了 下周三开庭": the day offered at the deadline question.
      const deadline = input.earlierStory ? statedDeadlineIn(input.earlierStory, deps) : undefined;
      if (deadline) fresh.statedDeadline = deadline;
      return input.category ? { ...fresh, facts: { ...fresh.facts, category: input.category }, answered: ['category' as const] } : fresh;
    },
    initial: 'routing',
    output: ({ context }) => ({
      result: context.caseRef ? 'submitted' : context.leaving === 'ask' ? 'ask' : 'cancelled',
      ref: context.caseRef,
      region: context.facts.region ?? null,
      contactPreference: context.applicant.contactPreference,
    }),
    states: {
      routing: {
        entry: 'chooseNext',
        always: [
          { guard: 'nextIsAssessment', target: 'assessment' },
          { guard: 'nextIsSummary', target: 'summary' },
          { target: 'asking' },
        ],
      },
      asking: {
        tags: ['waiting'],
        entry: 'ask',
        on: {
          'flow.reprompt': { actions: ['keepStatedStory', 'ask'] },
          '*': [
            { guard: 'saysCancel', target: 'cancelled' },
            { guard: 'saysChange', target: 'changing' },
            { guard: 'isNavigation', target: 'routing', actions: 'navigate' },
            { guard: 'isUnsureAnswer', target: 'routing', actions: 'markUnsure' },
            // "等一下 年龄不对 是30", "wait the age is wrong its 30": an earlier answer changed at once, as at the summary,
            // then on from the question on screen ("是30" is never this question's answer).
            { guard: 'namesAnotherCategory', target: 'correcting', actions: 'reopenCategoryWithValue' },
            {
              guard: 'correctsEarlierWithValue',
              target: 'correcting',
              actions: ['keepQuestionOnScreen', 'reopenWithValue'],
            },
            // The first account typed at the description question after a story told earlier (before agreeing, at another
            // question): the story first, then the new words — the story offered above it does not silently vanish.
            { guard: 'joinsEarlierStory', target: 'routing', actions: 'takeAccount' },
            { guard: 'isAcceptedAnswer', target: 'routing', actions: 'applyAnswer' },
            // "Wait, I picked the wrong place": the list of answers to change, not this question's error line.
            { guard: ({ event }) => saysCorrection(event as ResidentEvent), target: 'changing' },
            {
              guard: ({ context, event }) => event.type === 'user.attachment' && context.step === 'documents',
              actions: ['storeAttachment', 'acknowledgeAttachment'],
            },
            // A file sent early is kept with the application (nothing accepted is lost), then the question is asked again.
            { guard: 'hasAttachment', actions: ['storeAttachment', 'acknowledgeEarlyAttachment'] },
            { guard: 'isStayAnswer', target: 'asking', reenter: true, actions: 'applyStay' },
            // A button of an earlier question (Telegram and WeChat keep old buttons tappable): said so, then this question.
            { guard: 'isStaleChoice', actions: 'sayStaleThenAsk' },
            { guard: 'isExplanationAsked', actions: 'explainThenAsk' },
            { guard: 'statesLaterAnswer', actions: ['keepLaterAnswer', 'sayKeptThenAsk'] },
            { actions: ['countFailure', 'explainRefusal'] },
          ],
        },
      },
      assessment: {
        tags: ['waiting'],
        entry: ['showAssessment', 'markAssessmentShown'],
        on: {
          'flow.reprompt': { actions: 'showAssessment' },
          '*': [
            { guard: ({ event }) => event.type === 'user.choice' && event.id === 'intake.continue', target: 'routing' },
            { guard: ({ event }) => event.type === 'user.choice' && event.id === 'intake.submit_anyway', target: 'routing', actions: 'markSubmitAnyway' },
            {
              guard: ({ event }) => event.type === 'user.choice' && event.id === 'menu.ask',
              target: 'leavingToAsk',
              actions: assign({ leaving: 'ask' as const }),
            },
            {
              guard: ({ event }) => event.type === 'user.text' && GOING_ON.test(event.text.trim()),
              target: 'routing',
              actions: enqueueActions(({ context, enqueue }) => {
                if (refused(context)) enqueue('markSubmitAnyway');
              }),
            },
            { guard: 'saysCancel', target: 'cancelled' },
            { guard: 'saysChange', target: 'changing' },
            { guard: 'isNavigation', target: 'routing', actions: 'navigate' },
            // The materials alone ("有欠条和聊天记录"): with a story told earlier they join it as the account; else they are
            // noted and the account is asked for.
            {
              guard: ({ context, event }) => event.type === 'user.text' && !context.earlierStory && namesMaterials(event.text) && categoryFromText(event.text) === null,
              target: 'routing',
              actions: 'noteMaterials',
            },
            {
              guard: ({ context, event }) => event.type === 'user.text' && Boolean(context.earlierStory) && namesMaterials(event.text),
              target: 'routing',
              actions: 'takeAccount',
            },
            // What happened, told in answer to "next, briefly describe what happened…": going on, with it as the description.
            {
              guard: ({ event }) => event.type === 'user.text' && tellsWhatHappened(event.text),
              target: 'routing',
              actions: 'takeAccount',
            },
            // Anything else ("不", "not now"): a short reminder with the buttons, not the whole assessment again.
            { actions: 'remindAssessment' },
          ],
        },
      },
      summary: {
        tags: ['waiting'],
        entry: 'showSummary',
        on: {
          'flow.reprompt': { actions: 'showSummary' },
          '*': [
            {
              guard: ({ event }) =>
                (event.type === 'user.choice' && event.id === 'intake.confirm') ||
                (event.type === 'user.text' && SUBMITTING.test(event.text.normalize('NFKC').trim())),
              target: 'submitting',
            },
            { guard: 'saysCancel', target: 'cancelled' },
            { guard: 'saysChange', target: 'changing' },
            { guard: ({ event }) => event.type === 'user.choice' && event.id.startsWith('change:'), target: 'routing', actions: 'reopenStep' },
            // "年龄写错了，是58": changed at once, then the summary again (the new value is read as the question would).
            { guard: 'correctsWithValue', target: 'correcting', actions: 'reopenWithValue' },
            // "年龄填错了", "电话写错了": that answer asked again, as its change-list button would.
            {
              guard: ({ context, event }) => event.type === 'user.text' && correctionTarget(event.text, changeableSteps(context)) !== null,
              actions: raise(({ context, event }) => ({ type: 'user.choice' as const, id: `change:${correctionTarget((event as { text: string }).text, changeableSteps(context))}` })),
            },
            // "电话" typed at the summary: straight to that answer, as from the change list.
            {
              guard: ({ context, event }) => typedChangeChoice(context, event as ResidentEvent) !== null,
              actions: raise(({ context, event }) => typedChangeChoice(context, event as ResidentEvent)!),
            },
            { guard: 'isNavigation', target: 'routing', actions: 'navigate' },
            // "情况说明再加一句：儿子还推过我", "还有，…", "also …": added to the account, said so, the summary again.
            { guard: 'addsToAccount', actions: ['addToAccount', 'showSummary'] },
            { guard: 'hasAttachment', actions: ['storeAttachment', 'showSummary'] },
            // Anything else ("等一下"): a short reminder with the three buttons, not the whole summary again.
            { actions: 'remindSummary' },
          ],
        },
      },
      changing: {
        tags: ['waiting'],
        entry: 'showChangeList',
        on: {
          'flow.reprompt': { actions: 'showChangeList' },
          '*': [
            // "年龄 52": that answer with its new value, as at the summary.
            { guard: 'correctsWithValue', target: 'correcting', actions: 'reopenWithValue' },
            // "年龄" typed instead of pressed (Telegram, WeChat, scripts): the same as the button.
            {
              guard: ({ context, event }) => typedChangeChoice(context, event as ResidentEvent) !== null,
              actions: raise(({ context, event }) => typedChangeChoice(context, event as ResidentEvent)!),
            },
            { guard: ({ event }) => event.type === 'user.choice' && event.id.startsWith('change:'), target: 'routing', actions: 'reopenStep' },
            { guard: ({ event }) => event.type === 'user.choice' && event.id === 'intake.summary', target: 'routing' },
            { guard: 'saysCancel', target: 'cancelled' },
            { guard: 'saysBack', target: 'routing' },
            { actions: 'showChangeList' },
          ],
        },
      },
      /** Passed through in the same turn: the corrected value (raised by `reopenWithValue`) answers the re-opened question. */
      correcting: {
        on: {
          'user.text': [
            { guard: 'isAcceptedAnswer', target: 'routing', actions: ['applyAnswer', 'sayMoreToAsk'] },
            // A category named in words is proposed first ("劳动报酬（欠薪），对吗？").
            { guard: 'isStayAnswer', target: 'asking', actions: 'applyStay' },
            { target: 'routing', actions: assign({ resumeAfter: undefined }) },
          ],
        },
      },
      submitting: {
        tags: ['busy'],
        invoke: {
          src: 'submitCase',
          input: ({ context }) => ({
            submissionId: context.submissionId,
            facts: context.facts,
            applicant: context.applicant,
            attachments: context.attachments,
            unsure: context.unsure,
            submitAnyway: context.submitAnyway,
            ...(context.ageAtLeast ? { ageAtLeast: true } : {}),
          }),
          onDone: {
            target: 'submitted',
            actions: [assign({ caseRef: ({ event }) => event.output.ref }), 'showReceipt'],
          },
          onError: { target: 'summary', actions: 'saySubmitFailed' },
        },
      },
      submitted: { type: 'final' },
      leavingToAsk: { type: 'final' },
      cancelled: { type: 'final', entry: 'sayCancelled' },
    },
  });
}

export type IntakeMachine = ReturnType<typeof createIntakeMachine>;

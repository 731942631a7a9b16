import { assertEvent, assign, emit, enqueueActions, fromPromise, raise, sendTo, setup } from 'xstate';
import type { Locale } from '../locales/catalog.js';
import type { BotReply, ResidentEvent } from './events.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from './understanding.js';
import { reply, choice } from './replies.js';
import { readConsent } from './consent-words.js';
import { createIntakeMachine, type IntakeOutput, type IntakeToParent } from './intake/intake-machine.js';
import type { IntakeDeps } from './intake/intake-deps.js';
import { looksLikeQuestion } from './question-words.js';
import { asksWhy } from './intake/why-words.js';
import { asksForPerson, type ConversationEffect, type HandoffEvent, type StaffRelay } from './staff-relay.js';
import { readPhone } from './intake/contact-validation.js';
import { ERASE_CANCEL, ERASE_CONFIRM, SENSITIVE_AGREE, SENSITIVE_DECLINE } from './privacy-choices.js';
import { parseWithdrawChoice } from '../knowledge/cases/case-status-view.js';

/** Bump when states or context change incompatibly; see `conversation-migrations.ts`. */
export const CONVERSATION_MACHINE_VERSION = '1';

export interface ConversationContext {
  conversationKey: string;
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
}

export interface ConversationInput {
  conversationKey: string;
  locale?: Locale;
  hotline: string;
}

/** Events from outside the resident: the runner, staff, timers. */
export type SystemEvent =
  | { type: 'internal.reprompt' }
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

/** What the conversation needs besides its actors. */
export interface ConversationDeps {
  /** The intake's policy pack and eligibility engine. */
  intake: IntakeDeps;
  /** Staff can take live conversations (a staff channel is configured). */
  staffAvailable: boolean;
  /** Minutes a resident waits for a person before being offered a call-back. */
  pickupMinutes: number;
}

export interface RatingInput {
  conversationKey: string;
  ref: string;
  score: number;
  comment?: string;
}

/** Choices the root answers wherever the resident is (they are never an intake answer). */
const GLOBAL_CHOICES = new Set([ERASE_CONFIRM, ERASE_CANCEL, SENSITIVE_AGREE, SENSITIVE_DECLINE, 'lang.toggle', 'menu.help', 'menu.back', 'menu.human', 'menu.status', 'handoff.callback']);
const isGlobalChoice = (id: string) => GLOBAL_CHOICES.has(id) || id.startsWith('rate:') || parseWithdrawChoice(id) !== undefined;

/**
 * The root conversation: greeting, privacy consent, language, main menu, help, restart, the
 * application intake, and free questions answered from the knowledge base. Pure: effects are the
 * provided actors.
 */
export function createConversationMachine(deps: ConversationDeps) {
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
    withdrawCase: fromPromise<BotReply[], { conversationKey: string; ref: string }>(notProvided),
    intake: createIntakeMachine(deps.intake),
  },
  guards: {
    hasConsented: ({ context }) => context.consented,
    saysAgree: ({ event }) => event.type === 'user.text' && readConsent(event.text) === 'agree',
    saysDecline: ({ event }) => event.type === 'user.text' && readConsent(event.text) === 'decline',
  },
  actions: {
    greet: emit(() => reply('core.greeting')),
    askConsent: emit(() =>
      reply('core.privacy', {}, [
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
    askSensitiveConsent: emit(() =>
      reply('privacy.sensitive.ask', {}, [choice(SENSITIVE_AGREE, 'privacy.sensitive.agree'), choice(SENSITIVE_DECLINE, 'privacy.sensitive.decline')]),
    ),
    recordSensitiveConsent: assign({ sensitiveConsent: true }),
    saySensitiveDeclined: emit(({ context }) => reply('privacy.sensitive.declined', { hotline: context.hotline }, MENU_CHOICES)),
    showMenu: emit(() => reply('core.menu', {}, MENU_CHOICES)),
    welcomeBack: emit(() => reply('core.welcome_back')),
    showHelp: emit(({ context }) => reply('core.help', { hotline: context.hotline })),
    promptQuestion: emit(() => reply('core.ask.prompt', {}, [choice('menu.back', 'core.back_to_menu')])),
    toggleLocale: assign({ locale: ({ context }) => (context.locale === 'zh-CN' ? 'en' : 'zh-CN') }),
    setLocale: assign({
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
    sayRestarted: emit(() => reply('core.restarted')),
    sayDeleted: emit(({ context }) => reply('core.deleted', { hotline: context.hotline })),
    askErase: emit(() => reply('privacy.erase.confirm', {}, [choice(ERASE_CONFIRM, 'privacy.erase.yes'), choice(ERASE_CANCEL, 'privacy.erase.no')])),
    sayUnsupported: emit(({ event }) => {
      assertEvent(event, 'user.unsupported');
      return reply('core.unsupported', { kind: { key: `core.kind.${event.kind}` } });
    }),
    sayAttachmentNotExpected: emit(() => reply('core.attachment.unexpected')),
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
    forget: assign({ pendingText: null, pendingTopic: null }),
    sayError: emit(() => reply('core.error.try_again')),
    emitAll: enqueueActions(({ event, enqueue }) => {
      for (const r of (event as unknown as { output: BotReply[] }).output) enqueue.emit(r);
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
    sayNoStaff: emit(({ context }) => reply('handoff.unavailable', { hotline: context.hotline })),
    sayAlreadyWaiting: emit(({ context }) =>
      reply(context.handoff === 'live' ? 'handoff.already_live' : 'handoff.already_waiting'),
    ),
    staffJoined: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'staff.joined') return;
      enqueue.assign({ handoff: 'live', staffName: event.staffName, awaitingCallbackPhone: false });
      if (context.handoff !== 'live') enqueue.emit(reply('handoff.joined', { name: event.staffName }));
    }),
    staffJoinedQuietly: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'staff.message' && event.type !== 'staff.file') return;
      if (context.handoff === 'live') return;
      enqueue.assign({ handoff: 'live', staffName: event.staffName, awaitingCallbackPhone: false });
      enqueue.emit(reply('handoff.joined', { name: event.staffName }));
    }),
    relayStaffMessage: emit(({ event }) => {
      assertEvent(event, 'staff.message');
      return reply('handoff.staff_says', { name: event.staffName, text: event.text });
    }),
    relayStaffFile: emit(({ event }) => {
      assertEvent(event, 'staff.file');
      return { type: 'file' as const, attachment: event.attachment, caption: event.staffName };
    }),
    staffReleased: enqueueActions(({ enqueue }) => {
      enqueue.assign({ handoff: 'idle', staffName: null });
      enqueue.emit(reply('handoff.released'));
    }),
    sayNobodyFree: enqueueActions(({ context, enqueue }) => {
      enqueue.assign({ handoff: 'idle' });
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
    readCallbackPhone: enqueueActions(({ event, enqueue }) => {
      if (event.type !== 'inbound' || event.event.type !== 'user.text') return;
      const phone = readPhone(event.event.text);
      if (!phone) {
        enqueue.emit(reply('intake.err.phone'));
        return;
      }
      enqueue.assign({ awaitingCallbackPhone: false });
      enqueue.emit({ type: 'relay', relay: { kind: 'callback', phone } });
      enqueue.emit(reply('handoff.callback.confirmed'));
      enqueue.raise({ type: 'internal.reprompt' });
    }),
    rememberRating: assign({
      rating: ({ event }) => {
        if (event.type !== 'user.choice') return null;
        const match = /^rate:(.+):([1-5])$/.exec(event.id);
        return match ? { ref: match[1]!, score: Number(match[2]) } : null;
      },
    }),
    resetContext: assign({ consented: false, sensitiveConsent: false, pendingText: null, pendingTopic: null, handoff: 'idle', staffName: null, awaitingCallbackPhone: false, rating: null }),
  },
}).createMachine({
  id: 'conversation',
  version: CONVERSATION_MACHINE_VERSION,
  context: ({ input }) => ({
    conversationKey: input.conversationKey,
    handoff: 'idle',
    staffName: null,
    awaitingCallbackPhone: false,
    rating: null,
    intakeCount: 0,
    intakeFreeText: false,
    locale: input.locale ?? 'zh-CN',
    consented: false,
    sensitiveConsent: false,
    hotline: input.hotline,
    pendingText: null,
    pendingTopic: null,
  }),
  initial: 'welcome',
  on: {
    /**
     * Every resident message arrives wrapped, so that one place decides first: relay it to the person
     * holding the conversation, read a call-back number, take a request for a person, or let the
     * current state handle it.
     */
    inbound: [
      { guard: ({ context }) => context.handoff === 'live', actions: 'relayToStaff' },
      {
        guard: ({ context, event }) => context.awaitingCallbackPhone && event.event.type === 'user.text',
        actions: 'readCallbackPhone',
      },
      {
        guard: ({ context, event }) =>
          context.consented &&
          ((event.event.type === 'user.text' && asksForPerson(event.event.text)) ||
            (event.event.type === 'user.command' && event.event.command === 'human') ||
            (event.event.type === 'user.choice' && event.event.id === 'menu.human')),
        actions: raise({ type: 'internal.human' }),
      },
      {
        guard: ({ context, event }) =>
          context.consented &&
          ((event.event.type === 'user.command' && event.event.command === 'status') ||
            (event.event.type === 'user.choice' && event.event.id === 'menu.status')),
        actions: raise({ type: 'internal.status' }),
      },
      { actions: raise(({ event }) => event.event) },
    ],
    'internal.human': [
      { guard: () => !deps.staffAvailable, actions: ['sayNoStaff', 'reprompt'] },
      { guard: ({ context }) => context.handoff !== 'idle', actions: 'sayAlreadyWaiting' },
      { actions: ['requestPerson', 'reprompt'] },
    ],
    'internal.status': { target: '.showingStatus' },
    'staff.joined': { actions: 'staffJoined' },
    'staff.message': { actions: ['staffJoinedQuietly', 'relayStaffMessage'] },
    'staff.file': { actions: ['staffJoinedQuietly', 'relayStaffFile'] },
    'staff.released': { guard: ({ context }) => context.handoff !== 'idle', actions: ['staffReleased', 'reprompt'] },
    'handoff.timeout': { guard: ({ context }) => context.handoff === 'waiting', actions: 'sayNobodyFree' },
    'bot.relay': { actions: emit(({ event }) => ({ type: 'relay' as const, relay: event.relay })) },
    'bot.replies': {
      actions: enqueueActions(({ event, enqueue }) => {
        if (event.freeText !== undefined) enqueue.assign({ intakeFreeText: event.freeText });
        for (const r of event.replies) enqueue.emit(r);
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
    ],
    'user.unsupported': { actions: ['sayUnsupported', 'reprompt'] },
    'user.returned': { actions: ['welcomeBack', 'reprompt'] },
    'user.attachment': { actions: ['sayAttachmentNotExpected', 'reprompt'] },
    'user.refused_attachment': { actions: ['sayAttachmentRefused', 'reprompt'] },
    'user.choices': { actions: 'reprompt' },
  },
  states: {
    welcome: {
      tags: ['waiting'],
      entry: ['greet', 'askConsent'],
      on: {
        'internal.reprompt': { actions: 'askConsent' },
        'user.choice': [
          { guard: ({ event }) => event.id === 'consent.agree', target: 'menu', actions: 'recordConsent' },
          { guard: ({ event }) => event.id === 'consent.decline', target: 'declined' },
        ],
        'user.text': [
          { guard: 'saysAgree', target: 'menu', actions: 'recordConsent' },
          { guard: 'saysDecline', target: 'declined' },
          { actions: 'remindConsent' },
        ],
      },
    },
    declined: {
      tags: ['waiting'],
      entry: 'explainDeclined',
      on: {
        'internal.reprompt': { actions: 'explainDeclined' },
        'user.choice': { guard: ({ event }) => event.id === 'consent.agree', target: 'menu', actions: 'recordConsent' },
        'user.text': [
          { guard: 'saysAgree', target: 'menu', actions: 'recordConsent' },
          { actions: 'explainDeclined' },
        ],
      },
    },
    /**
     * Before an application asks for sensitive information: a separate agreement that says why it is
     * needed (PIPL art. 29). Asked once per conversation; declining goes back to the menu.
     */
    sensitiveConsent: {
      tags: ['waiting'],
      always: { guard: ({ context }) => context.sensitiveConsent === true, target: 'intake' },
      entry: enqueueActions(({ context, enqueue }) => {
        if (context.sensitiveConsent !== true) enqueue('askSensitiveConsent');
      }),
      on: {
        'internal.reprompt': { actions: 'askSensitiveConsent' },
        'user.choice': [
          { guard: ({ event }) => event.id === SENSITIVE_AGREE, target: 'intake', actions: 'recordSensitiveConsent' },
          { guard: ({ event }) => event.id === SENSITIVE_DECLINE, target: 'answered', actions: 'saySensitiveDeclined' },
        ],
        'user.text': [
          { guard: 'saysAgree', target: 'intake', actions: 'recordSensitiveConsent' },
          { guard: 'saysDecline', target: 'answered', actions: 'saySensitiveDeclined' },
          { actions: 'askSensitiveConsent' },
        ],
      },
    },
    /** The resident confirmed withdrawing an undecided application (`pendingTopic` holds its reference). */
    withdrawing: {
      tags: ['busy'],
      invoke: {
        src: 'withdrawCase',
        input: ({ context }) => ({ conversationKey: context.conversationKey, ref: context.pendingTopic ?? '' }),
        onDone: { target: 'answered', actions: ['emitAll', 'forget'] },
        onError: { target: 'menu', actions: ['forget', 'sayError'] },
      },
    },
    menu: {
      tags: ['waiting'],
      entry: 'showMenu',
      on: {
        'internal.reprompt': { actions: 'showMenu' },
        'user.choice': [
          { guard: ({ event }) => event.id === 'menu.apply', target: 'sensitiveConsent' },
          { guard: ({ event }) => event.id === 'menu.ask', target: 'asking' },
          { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
        ],
        'user.text': { target: 'understanding', actions: 'rememberText' },
      },
    },
    intake: {
      entry: assign({ intakeCount: ({ context }) => context.intakeCount + 1, intakeFreeText: false }),
      invoke: {
        id: 'intake',
        src: 'intake',
        input: ({ context }) => ({ submissionId: `${context.conversationKey}#${context.intakeCount}` }),
        onDone: [
          { guard: ({ event }) => (event.output as IntakeOutput).result === 'ask', target: 'asking' },
          { guard: ({ event }) => (event.output as IntakeOutput).result === 'submitted', target: 'answered' },
          { target: 'menu' },
        ],
      },
      initial: 'active',
      states: {
        active: {
          on: {
            'internal.reprompt': { actions: sendTo('intake', { type: 'flow.reprompt' }) },
            'user.text': [
              {
                guard: ({ context, event }) => !context.intakeFreeText && looksLikeQuestion(event.text) && !asksWhy(event.text),
                target: 'answeringQuestion',
                actions: 'rememberText',
              },
              { actions: sendTo('intake', ({ event }) => event) },
            ],
            'user.choice': {
              guard: ({ event }) => !isGlobalChoice(event.id),
              actions: sendTo('intake', ({ event }) => event),
            },
            'internal.status': { target: 'showingStatus' },
            'user.attachment': { actions: sendTo('intake', ({ event }) => event) },
            'user.choices': { actions: sendTo('intake', ({ event }) => event) },
          },
        },
        /** "Check my case" in the middle of an application: show it, then ask the intake's question again. */
        showingStatus: {
          tags: ['busy'],
          invoke: {
            src: 'listCases',
            input: ({ context }) => ({ conversationKey: context.conversationKey }),
            onDone: { target: 'active', actions: ['emitAll', sendTo('intake', { type: 'flow.reprompt' })] },
            onError: { target: 'active', actions: ['sayError', sendTo('intake', { type: 'flow.reprompt' })] },
          },
        },
        /** A question typed in the middle of the application: answer it, then ask the intake's question again. */
        answeringQuestion: {
          tags: ['busy'],
          invoke: {
            src: 'understandText',
            input: ({ context }) => ({ text: context.pendingText ?? '', locale: context.locale }),
            onDone: [
              {
                guard: ({ event }) => event.output.answer.band === 'answer',
                target: 'active',
                actions: [
                  enqueueActions(({ event, enqueue }) => {
                    for (const answer of event.output.answer.replies) enqueue.emit({ ...answer, choices: [] });
                  }),
                  emit(() => reply('intake.resume_after_answer')),
                  'forget',
                  sendTo('intake', { type: 'flow.reprompt' }),
                ],
              },
              {
                target: 'active',
                actions: [sendTo('intake', ({ context }) => ({ type: 'user.text', text: context.pendingText ?? '' })), 'forget'],
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
        'internal.reprompt': { actions: 'promptQuestion' },
        'user.text': { target: 'understanding', actions: 'rememberText' },
        'user.choice': { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
      },
    },
    /** After an answer: the resident may ask again, pick a suggestion, or go back to the menu. */
    answered: {
      tags: ['waiting'],
      on: {
        'internal.reprompt': { actions: 'showMenu' },
        'user.text': { target: 'understanding', actions: 'rememberText' },
        'user.choice': [
          { guard: ({ event }) => event.id.startsWith('faq:'), target: 'showingTopic', actions: 'rememberTopic' },
          { guard: ({ event }) => event.id === 'menu.ask', target: 'asking' },
          { guard: ({ event }) => event.id === 'menu.apply', target: 'sensitiveConsent' },
        ],
      },
    },
    understanding: {
      tags: ['busy'],
      invoke: {
        src: 'understandText',
        input: ({ context }) => ({ text: context.pendingText ?? '', locale: context.locale }),
        onDone: [
          { guard: ({ event }) => event.output.intent === 'greeting', target: 'menu', actions: 'forget' },
          { guard: ({ event }) => event.output.intent === 'thanks', target: 'answered', actions: ['forget', emit(() => reply('core.thanks', {}, MENU_CHOICES))] },
          { guard: ({ event }) => event.output.intent === 'apply', target: 'sensitiveConsent', actions: 'forget' },
          { guard: ({ event }) => event.output.intent === 'status', target: 'showingStatus', actions: 'forget' },
          {
            guard: ({ event }) => event.output.intent === 'human',
            target: 'answered',
            actions: ['forget', raise({ type: 'internal.human' })],
          },
          { guard: ({ event }) => event.output.intent === 'restart', target: 'menu', actions: ['sayRestarted', 'forget'] },
          { guard: ({ event }) => event.output.intent === 'cancel', target: 'menu', actions: 'forget' },
          {
            guard: ({ event }) => event.output.intent === 'language',
            target: 'menu',
            actions: ['toggleLocale', 'confirmLocale', 'forget'],
          },
          {
            target: 'answered',
            actions: [
              'forget',
              enqueueActions(({ event, enqueue }) => {
                for (const answer of event.output.answer.replies) enqueue.emit(answer);
              }),
            ],
          },
        ],
        onError: { target: 'menu', actions: ['forget', 'sayError'] },
      },
    },
    showingStatus: {
      tags: ['busy'],
      invoke: {
        src: 'listCases',
        input: ({ context }) => ({ conversationKey: context.conversationKey }),
        onDone: { target: 'answered', actions: ['emitAll', 'reprompt'] },
        onError: { target: 'menu', actions: 'sayError' },
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
        input: ({ context }) => ({ topic: context.pendingTopic ?? '', locale: context.locale }),
        onDone: {
          target: 'answered',
          actions: [
            'forget',
            enqueueActions(({ event, enqueue }) => {
              for (const answer of event.output.replies) enqueue.emit(answer);
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

import { assertEvent, assign, emit, enqueueActions, fromPromise, raise, sendTo, setup } from 'xstate';
import type { Locale } from '../locales/catalog.js';
import type { BotReply, ResidentEvent } from './events.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from './understanding.js';
import { reply, choice } from './replies.js';
import { readConsent } from './consent-words.js';
import { createIntakeMachine, type IntakeOutput, type IntakeToParent } from './intake/intake-machine.js';
import type { IntakeDeps } from './intake/intake-deps.js';
import { looksLikeQuestion } from './question-words.js';

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
  hotline: string;
  /** The free text being understood, or the topic being shown. */
  pendingText: string | null;
  pendingTopic: string | null;
}

export interface ConversationInput {
  conversationKey: string;
  locale?: Locale;
  hotline: string;
}

/** Events from outside the resident: the runner, staff, timers. */
export type SystemEvent = { type: 'internal.reprompt' } | IntakeToParent;

export type ConversationEvent = ResidentEvent | SystemEvent;

const notProvided = async (): Promise<never> => {
  throw new Error('Provide this actor with conversationMachine.provide({ actors: { … } }).');
};

const MENU_CHOICES = [
  choice('menu.apply', 'core.menu.apply'),
  choice('menu.ask', 'core.menu.ask'),
  choice('menu.help', 'core.menu.help'),
  choice('lang.toggle', 'core.menu.language'),
];

/** What the conversation needs besides its actors: the intake's policy pack and eligibility engine. */
export interface ConversationDeps {
  intake: IntakeDeps;
}

/** Choices the root answers wherever the resident is (they are never an intake answer). */
const GLOBAL_CHOICES = new Set(['lang.toggle', 'menu.help', 'menu.back', 'menu.human', 'menu.status']);

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
    emitted: BotReply;
  },
  actors: {
    understandText: fromPromise<Understanding, UnderstandInput>(notProvided),
    showTopic: fromPromise<KnowledgeAnswer, TopicInput>(notProvided),
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
    resetContext: assign({ consented: false, pendingText: null, pendingTopic: null }),
  },
}).createMachine({
  id: 'conversation',
  version: CONVERSATION_MACHINE_VERSION,
  context: ({ input }) => ({
    conversationKey: input.conversationKey,
    intakeCount: 0,
    intakeFreeText: false,
    locale: input.locale ?? 'zh-CN',
    consented: false,
    hotline: input.hotline,
    pendingText: null,
    pendingTopic: null,
  }),
  initial: 'welcome',
  on: {
    'bot.reply': { actions: emit(({ event }) => event.reply) },
    'intake.step': { actions: assign({ intakeFreeText: ({ event }) => event.freeText }) },
    'user.command': [
      { guard: ({ event }) => event.command === 'lang', actions: ['setLocale', 'confirmLocale', 'reprompt'] },
      { guard: ({ event }) => event.command === 'help', actions: ['showHelp', 'reprompt'] },
      {
        guard: ({ event }) => event.command === 'delete',
        target: '.welcome',
        actions: ['sayDeleted', 'resetContext'],
      },
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
      { guard: ({ event }) => event.id === 'lang.toggle', actions: ['toggleLocale', 'confirmLocale', 'reprompt'] },
      { guard: ({ event }) => event.id === 'menu.help', actions: ['showHelp', 'reprompt'] },
      { guard: ({ event, context }) => event.id === 'menu.back' && context.consented, target: '.menu' },
    ],
    'user.unsupported': { actions: ['sayUnsupported', 'reprompt'] },
    'user.returned': { actions: ['welcomeBack', 'reprompt'] },
    'user.attachment': { actions: ['sayAttachmentNotExpected'] },
    'user.refused_attachment': { actions: ['sayAttachmentRefused'] },
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
    menu: {
      tags: ['waiting'],
      entry: 'showMenu',
      on: {
        'internal.reprompt': { actions: 'showMenu' },
        'user.choice': [
          { guard: ({ event }) => event.id === 'menu.apply', target: 'intake' },
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
                guard: ({ context, event }) => !context.intakeFreeText && looksLikeQuestion(event.text),
                target: 'answeringQuestion',
                actions: 'rememberText',
              },
              { actions: sendTo('intake', ({ event }) => event) },
            ],
            'user.choice': {
              guard: ({ event }) => !GLOBAL_CHOICES.has(event.id),
              actions: sendTo('intake', ({ event }) => event),
            },
            'user.attachment': { actions: sendTo('intake', ({ event }) => event) },
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
          { guard: ({ event }) => event.id === 'menu.apply', target: 'intake' },
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
          { guard: ({ event }) => event.output.intent === 'apply', target: 'intake', actions: 'forget' },
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

import { fromPromise } from 'xstate';
import {
  CONVERSATION_MACHINE_VERSION,
  createConversationMachine,
  type AttachFileInput,
  type NoteCaseInput,
  type ConversationContext,
  type RatingInput,
} from '../flows/conversation-machine.js';
import { createIntakeMachine } from '../flows/intake/intake-machine.js';
import type { CaseDraft } from '../flows/intake/intake-types.js';
import { detectLocale } from '../flows/detect-locale.js';
import { readSteering } from '../knowledge/understanding/steering.js';
import { reply } from '../flows/replies.js';
import type { TopicInput, UnderstandInput } from '../flows/understanding.js';
import { DEFAULT_LOCALE } from '../locales/catalog.js';
import { migrateConversation } from './conversation-migrations.js';
import { withFullContext, withoutDefaults } from '../flows/context-shape.js';
import type { ConversationMachineSpec } from './conversation-runner.js';
import type { ConversationServices } from './conversation-services.js';
import type { LinkAttempt, LinkRequest } from './case-link-service.js';

/** The root machine with its effects provided, as the runner needs it. */
export function createConversationSpec(services: ConversationServices): ConversationMachineSpec {
  const intake = createIntakeMachine(services.intake).provide({
    actors: { submitCase: fromPromise(({ input }: { input: CaseDraft }) => services.submitCase(input)) },
  });
  const machine = createConversationMachine({
    intake: services.intake,
    // Read at each request for a person: an account added while the bot runs counts at once.
    get staffAvailable() {
      return services.staffAvailable;
    },
    pickupMinutes: services.pickupMinutes,
    askSensitiveConsent: services.askSensitiveConsent,
  }).provide({
    actors: {
      listCases: fromPromise(({ input }: { input: { conversationKey: string } }) => services.listCases(input)),
      rateCase: fromPromise(({ input }: { input: RatingInput }) => services.rateCase(input)),
      withdrawCase: fromPromise(({ input }: { input: { conversationKey: string; ref: string } }) => services.withdrawCase(input)),
      attachFile: fromPromise(({ input }: { input: AttachFileInput }) => services.attachFile(input)),
      noteCase: fromPromise(({ input }: { input: NoteCaseInput }) => services.noteCase(input)),
      understandText: fromPromise(({ input }: { input: UnderstandInput }) => services.understandText(input)),
      showTopic: fromPromise(({ input }: { input: TopicInput }) => services.showTopic(input)),
      requestLinkCode: fromPromise(({ input }: { input: LinkRequest }) => services.requestLinkCode(input)),
      verifyLinkCode: fromPromise(({ input }: { input: LinkAttempt }) => services.verifyLinkCode(input)),
      intake,
    },
  });
  return {
    machine,
    version: CONVERSATION_MACHINE_VERSION,
    migrate: (snapshot, fromVersion) => migrateConversation(snapshot, fromVersion, CONVERSATION_MACHINE_VERSION),
    input: (key, firstEvent, localeHint) => {
      const text = firstEvent?.type === 'user.text' ? firstEvent.text : undefined;
      // The resident's own words decide the language; the channel's hint only when there are none.
      const fromText = text !== undefined && /\p{L}/u.test(text) ? detectLocale(text) : undefined;
      // A bare greeting ("hi", "你好") gives it only for now: the first message with words of its own decides. So does the
      // channel's hint alone (a page opened in a browser set to English, then only Chinese typed).
      const tentative = text === undefined ? localeHint !== undefined : readSteering(text)?.intent === 'greeting';
      return {
        conversationKey: key,
        hotline: services.pack.hotline,
        locale: fromText ?? localeHint ?? DEFAULT_LOCALE,
        ...(text !== undefined ? { firstText: text } : {}),
        ...(tentative ? { localeTentative: true } : {}),
      };
    },
    restartNotice: reply('core.updated'),
    localeOf: (context) => (context as ConversationContext | undefined)?.locale ?? DEFAULT_LOCALE,
    mayStore: (context) => (context as ConversationContext | undefined)?.consented === true,
    storable: (persisted) => withoutDefaults(withoutUnconsentedStory(persisted)),
    restorable: withFullContext,
    compact: withoutDefaults,
    welcomeBackNotice: (context) => ((context as ConversationContext | undefined)?.consented ? reply('core.welcome_back') : null),
  };
}

/** A story told before consent lives only in the running conversation: it is never written (kept only once agreed, as the application). */
function withoutUnconsentedStory(persisted: unknown): unknown {
  const snapshot = persisted as { context?: ConversationContext } | undefined;
  if (!snapshot?.context?.storyBeforeConsent) return persisted;
  return { ...snapshot, context: { ...snapshot.context, storyBeforeConsent: null } };
}

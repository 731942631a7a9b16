import { fromPromise } from 'xstate';
import {
  CONVERSATION_MACHINE_VERSION,
  conversationMachine,
  type ConversationContext,
} from '../flows/conversation-machine.js';
import { detectLocale } from '../flows/detect-locale.js';
import { reply } from '../flows/replies.js';
import { DEFAULT_LOCALE } from '../locales/catalog.js';
import type { ConversationMachineSpec } from './conversation-runner.js';
import type { ConversationServices } from './conversation-services.js';

/** The root machine with its effects provided, as the runner needs it. */
export function createConversationSpec(services: ConversationServices): ConversationMachineSpec {
  const machine = conversationMachine.provide({
    actors: {
      understandText: fromPromise(({ input }) => services.understandText(input)),
      showTopic: fromPromise(({ input }) => services.showTopic(input)),
    },
  });
  return {
    machine,
    version: CONVERSATION_MACHINE_VERSION,
    input: (_channel, firstEvent) => ({
      hotline: services.hotline,
      locale: firstEvent?.type === 'user.text' ? detectLocale(firstEvent.text) : DEFAULT_LOCALE,
    }),
    restartNotice: reply('core.updated'),
    localeOf: (context) => (context as ConversationContext | undefined)?.locale ?? DEFAULT_LOCALE,
  };
}

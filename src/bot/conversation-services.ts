import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../storage/database.js';
import type { KnowledgeAnswer, TopicInput, UnderstandInput, Understanding } from '../flows/understanding.js';
import { reply } from '../flows/replies.js';

/** The effects conversations need, built once at start and shared by every conversation. */
export interface ConversationServices {
  hotline: string;
  understandText(input: UnderstandInput): Promise<Understanding>;
  showTopic(input: TopicInput): Promise<KnowledgeAnswer>;
  close(): Promise<void>;
}

/** Loads the policy pack and the knowledge base and exposes them as conversation services. */
export async function loadConversationServices(config: Config, db: Database, logger: Logger): Promise<ConversationServices> {
  void config;
  void db;
  void logger;
  // Wired to the policy pack and the knowledge base as they land (issues 3 and 4).
  const unknown: KnowledgeAnswer = { band: 'unknown', topic: null, replies: [reply('core.not_understood')] };
  return {
    hotline: '12348',
    understandText: async () => ({ intent: null, answer: unknown }),
    showTopic: async () => unknown,
    close: async () => undefined,
  };
}

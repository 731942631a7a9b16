import type { BotReply } from './events.js';

/** What the resident's free text asks for, as the intent classifier sees it. */
export type IntentId = 'apply' | 'question' | 'status' | 'human' | 'restart' | 'cancel' | 'language' | 'greeting' | 'thanks';

/** How sure the knowledge base is: answer directly, offer choices, or say it does not know. */
export type AnswerBand = 'answer' | 'suggest' | 'unknown';

/** The knowledge base's reply to a question, already expressed as bot replies. */
export interface KnowledgeAnswer {
  band: AnswerBand;
  topic: string | null;
  replies: BotReply[];
}

/** The result of reading a free-text message: the intent (if any is clear) and the knowledge base's answer. */
export interface Understanding {
  intent: IntentId | null;
  answer: KnowledgeAnswer;
}

export interface UnderstandInput {
  text: string;
  locale: 'zh-CN' | 'en';
}

export interface TopicInput {
  topic: string;
  locale: 'zh-CN' | 'en';
}

import type { BotReply } from './events.js';
import type { Locale } from '../locales/catalog.js';
import type { Meaning, Where } from '../knowledge/understanding/types.js';
import type { CaseInProgress } from './case-in-progress-choices.js';

export type { Meaning, Where };

/** How sure the knowledge base is: answer directly, offer choices, or say it does not know. */
export type AnswerBand = 'answer' | 'suggest' | 'unknown';

/** The knowledge base's reply to a question, already expressed as bot replies. */
export interface KnowledgeAnswer {
  band: AnswerBand;
  topic: string | null;
  candidates: string[];
  replies: BotReply[];
  /**
   * The conversation's applications still being worked on, when the replies offer to apply (looked up only then):
   * the buttons offer their progress instead of a second application (`choicesForCaseInProgress`).
   */
  casesInProgress?: CaseInProgress[];
}

/** A free-text message read: what the resident means, and the knowledge base's reply when they asked something. */
export interface Understanding {
  meaning: Meaning;
  /** Empty (`band: 'unknown'`, no replies) unless the text was a question or a story that asks one. */
  answer: KnowledgeAnswer;
}

export interface UnderstandInput {
  text: string;
  locale: Locale;
  where: Where;
  /** Whose conversation: its applications in progress change what an answer offers (absent: none looked up). */
  conversationKey?: string;
}

export interface TopicInput {
  topic: string;
  locale: Locale;
  conversationKey?: string;
}

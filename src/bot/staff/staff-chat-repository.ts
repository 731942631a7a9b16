// One vocabulary for hand-offs, whichever staff front end (console, Telegram group, CLI) takes them.
export type { Handoff, StaffMember, TakeResult } from '../../staff/staff-ports.js';
import type { Handoff, StaffMember, TakeResult } from '../../staff/staff-ports.js';

/** What a message the bot posted in the staff chat is about. */
export interface StaffChatMessage {
  conversationKey: string;
  caseRef: string | null;
  kind: 'case' | 'handoff' | 'relay' | 'callback' | 'taken' | 'file';
}

/** A follow-up question a staff button asked, waiting for a reply or more button presses. */
export interface StaffPrompt {
  id: number;
  chatId: string;
  messageId: number | null;
  cardMessageId: number | null;
  staff: StaffMember;
  ref: string;
  kind: 'documents' | 'lawyer' | 'reason' | 'destination';
  /** Document ids (documents) or destinations (destination) offered as buttons. */
  options: string[];
  /** Indexes of `options` picked so far (documents). */
  selected: number[];
  createdAt: number;
}

/**
 * The staff chat's own records: hand-offs (compare-and-set, so two staff taking at once cannot both
 * win), which staff-chat message belongs to which conversation, and pending follow-up prompts.
 * Holds ids and names of staff, never message text. SQLite implementation: `src/storage/staff-chat-store.ts`.
 */
export interface StaffChatRepository {
  /** The resident asked for a person: waiting from `at`, unless someone already holds the conversation. */
  requestHandoff(key: string, at: number): Promise<void>;
  /** Staff take a conversation. The first one wins; anyone later learns who holds it. */
  takeHandoff(key: string, staff: StaffMember, at: number): Promise<TakeResult>;
  /** Ends a live conversation; returns who held it, or undefined when nobody did. */
  releaseHandoff(key: string, at: number): Promise<StaffMember | undefined>;
  /** The resident stopped waiting: out of the queue (a conversation staff hold is left alone). */
  leaveQueue(key: string, at: number): Promise<void>;
  handoff(key: string): Promise<Handoff | undefined>;
  /** Marks conversations waiting since `requestedBefore` or earlier as timed out; returns their keys. */
  timeOutWaiting(requestedBefore: number, at: number): Promise<string[]>;
  /** Remembers what a posted message is about; `outboxId` and `part` make a retried send skip what went out. */
  recordMessage(input: StaffChatMessage & { chatId: string; messageId: number; outboxId?: number; part?: number; at: number }): Promise<void>;
  findMessage(chatId: string, messageId: number): Promise<StaffChatMessage | undefined>;
  /** The parts of an outbox message already posted, by part number. */
  sentParts(outboxId: number): Promise<Set<number>>;
  createPrompt(input: Omit<StaffPrompt, 'id' | 'messageId' | 'selected'>): Promise<StaffPrompt>;
  setPromptMessage(id: number, messageId: number): Promise<void>;
  prompt(id: number): Promise<StaffPrompt | undefined>;
  promptByMessage(chatId: string, messageId: number): Promise<StaffPrompt | undefined>;
  /** Picks or unpicks option `index` of a documents prompt; returns the prompt as it is now. */
  togglePromptOption(id: number, index: number): Promise<StaffPrompt | undefined>;
  /** Removes a prompt; false when it was already gone, so it is acted on once. */
  deletePrompt(id: number): Promise<boolean>;
  /** Forgets prompts created before `promptsBefore` and message links created before `messagesBefore`. */
  prune(promptsBefore: number, messagesBefore: number): Promise<void>;
}

/** The name the Telegram staff code has always used. */
export type StaffChatStore = StaffChatRepository;

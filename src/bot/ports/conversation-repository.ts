/** A conversation as stored: which machine version wrote the snapshot, and recent channel message ids for de-duplication. */
export interface StoredConversation {
  key: string;
  channel: string;
  address: string;
  machineVersion: string;
  snapshot: unknown;
  recentMessageIds: string[];
  /** When the conversation last changed (ms since epoch); 0 for one not yet stored. */
  updatedAt: number;
}

/** Everything one processed message changes, written atomically. */
export interface TurnWrite {
  conversation: StoredConversation;
  /**
   * Erase what the conversation held before writing this turn (the resident asked to be forgotten):
   * its transcript, its outbox rows, its files' records not part of a submitted case, its hand-off state.
   */
  forgetTranscript: boolean;
  transcript: { direction: 'in' | 'out'; body: unknown }[];
  /** Messages to send; without a channel and address they go back to the conversation's own. */
  outbox: { payload: unknown; channel?: string; address?: string }[];
  at: number;
}

export interface TranscriptEntry {
  id: number;
  direction: 'in' | 'out';
  body: unknown;
  createdAt: number;
}

/**
 * Conversations and their transcript, as the conversation runner needs them. Implementations:
 * SQLite (`src/storage/conversation-store.ts`) and in memory (`src/storage/memory/`).
 *
 * Contract for any implementation (SQLite today, PostgreSQL next): `commitTurn` resolves only once
 * the turn is durable; outbox ids are assigned by the store (never by the caller) and increase in
 * the order of a turn's messages; several processes may write at once.
 */
export interface ConversationRepository {
  load(key: string): Promise<StoredConversation | undefined>;
  /**
   * Writes one turn (snapshot, transcript, outbox) atomically and returns the outbox ids of its
   * messages in order. Implementations may group concurrent turns into one commit.
   */
  commitTurn(turn: TurnWrite): Promise<number[]>;
  /** Forgets a conversation and its transcript. */
  delete(key: string): Promise<void>;
  /** The most recent transcript entries of a conversation, oldest first. */
  recentTranscript(key: string, limit: number): Promise<TranscriptEntry[]>;
  /**
   * Of `candidates` (file ids a conversation's state refers to) and the files recorded for the
   * conversation, the ids an erasure deletes: all but the files of a submitted case.
   */
  attachmentsToErase(key: string, candidates: readonly string[]): Promise<string[]>;
  /** Leaves no copy of erased rows in journals or free pages (a no-op where there are none). */
  compact(): Promise<void>;
  /** Resolves when every write submitted so far is durable (or failed). */
  idle(): Promise<void>;
}

import type { Locale } from '../../locales/catalog.js';
import type { FaqEntry } from './faq-entry.js';
import type { KnowledgeStore, ShippedChange } from './knowledge-store.js';
import type { ShippedRecord } from './shipped-entries.js';

/** How an entry version came about. */
export type EntryAction = 'seed' | 'add' | 'edit' | 'import' | 'revert' | 'remove' | 'ship';

/** A newer shipped text of an entry the operator edited: kept beside theirs until they take it or keep their own. */
export interface PendingShipped {
  entry: FaqEntry;
  receivedAt: number;
}

/** The current version of an entry with who changed it last and when. */
export interface StoredEntry {
  entry: FaqEntry;
  version: number;
  updatedAt: number;
  updatedBy: string;
}

/** One version in an entry's history; `entry` is undefined for a removal. */
export interface EntryVersion {
  id: string;
  version: number;
  action: EntryAction;
  entry: FaqEntry | undefined;
  changedBy: string;
  changedAt: number;
}

/** A recorded question the bot could not answer directly. */
export interface UnansweredRow {
  key: string;
  locale: Locale;
  text: string;
  band: 'suggest' | 'unknown' | 'low';
  topTopic: string | null;
  bestScore: number;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

/** Who made a change and when. */
export interface ChangeAuthor {
  by: string;
  at: number;
}

/**
 * The knowledge base as operators' tools need it: entries with their history, the revision the bot
 * polls, and unanswered questions. The running bot needs only {@link KnowledgeStore}.
 * Implementations: SQLite (`src/storage/kb-store.ts`) and in memory (`src/storage/memory/`).
 */
export interface KnowledgeRepository extends KnowledgeStore {
  listStored(): Promise<StoredEntry[]>;
  getEntry(id: string): Promise<StoredEntry | undefined>;
  /** Saves entries as new versions atomically and bumps the revision; returns the new version numbers. */
  saveEntries(entries: readonly FaqEntry[], action: Exclude<EntryAction, 'remove'>, author: ChangeAuthor): Promise<number[]>;
  /** Removes an entry (its history stays); false when there was no such entry. */
  removeEntry(id: string, author: ChangeAuthor): Promise<boolean>;
  /** Every version of an entry, oldest first. */
  history(id: string): Promise<EntryVersion[]>;
  /** Whether the store ever held an entry (even if all were removed since). */
  hasHistory(): Promise<boolean>;
  /** Unanswered questions, most frequent first. */
  listUnanswered(options?: { limit?: number; locale?: Locale }): Promise<UnansweredRow[]>;
  shippedStamp(): Promise<string | null>;
  shippedRecords(ids: readonly string[]): Promise<ShippedRecord[]>;
  takeShipped(change: ShippedChange, by: string, at: number): Promise<void>;
  /** Newer shipped texts of edited entries, by id (only where they differ from the current text). */
  listPendingShipped(): Promise<Map<string, PendingShipped>>;
  /** The operator kept their own text: the shipped text is no longer offered (until a later release changes it). */
  settleShipped(id: string): Promise<void>;
  /** Forgets recorded questions (all, or those with the given keys); returns how many. */
  clearUnanswered(keys?: readonly string[]): Promise<number>;
}

import type { Locale } from '../../locales/catalog.js';
import type { Band } from './confidence.js';
import type { FaqEntry } from './faq-entry.js';
import type { ShippedRecord } from './shipped-entries.js';

/**
 * A question the bot could not answer directly (`suggest`, `unknown`), or answered with low
 * confidence (`low`: just above the answer threshold), already redacted.
 */
export interface UnansweredQuestion {
  text: string;
  locale: Locale;
  band: Exclude<Band, 'answer'> | 'low';
  /** The best entry found, even if it was not good enough. */
  topTopic: string | null;
  score: number;
  at: number;
}

/**
 * What the knowledge base needs from storage. `src/storage/kb-store.ts` implements it over SQLite;
 * tests may use an in-memory one.
 */
export interface KnowledgeStore {
  /** A number that changes whenever any entry changes; cheap enough to poll every few seconds. */
  revision(): Promise<number>;
  /** The current entries. */
  listEntries(): Promise<FaqEntry[]>;
  /** Stores `entries` as the first version when the store has never held any; returns how many were stored. */
  seedIfEmpty(entries: readonly FaqEntry[], by: string, at: number): Promise<number>;
  /**
   * Optional: whether the store ever held an entry. When it did, opening skips reading the seed files
   * (they would not be stored anyway): 0.7 s of start-up with the repository's files.
   */
  hasHistory?(): Promise<boolean>;
  /** Adds one to the count of a question (same text and locale), or records it for the first time. */
  recordUnanswered(question: UnansweredQuestion): Promise<void>;
  /**
   * Optional, for picking up an edit without reading every entry: the id and version of each current
   * entry (a version changes whenever its entry does), and the entries with the given ids.
   */
  listVersions?(): Promise<{ id: string; version: number }[]>;
  getEntries?(ids: readonly string[]): Promise<FaqEntry[]>;
  /**
   * Optional, for taking a new release's entry files: the fingerprint of the files last taken (null before any), what
   * is known of each id they ship, and one transaction that saves `save` as shipped versions (action `ship`),
   * remembers the shipped texts (`pending`: offered to the operator beside their own) and records the fingerprint.
   */
  shippedStamp?(): Promise<string | null>;
  shippedRecords?(ids: readonly string[]): Promise<ShippedRecord[]>;
  takeShipped?(change: ShippedChange, by: string, at: number): Promise<void>;
}

/** What a release's entry files change in the store (see `planShippedUpdate`). */
export interface ShippedChange {
  save: readonly FaqEntry[];
  remember: readonly { entry: FaqEntry; pending: boolean }[];
  stamp: string;
}

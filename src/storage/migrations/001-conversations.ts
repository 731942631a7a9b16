import type { Migration } from './migration.js';

/** Conversations, their transcript and the outbound message outbox. */
export const conversationsMigration: Migration = {
  version: 1,
  name: 'conversations',
  sql: `
    CREATE TABLE conversations (
      key TEXT PRIMARY KEY,
      channel TEXT NOT NULL,
      address TEXT NOT NULL,
      machine_version TEXT NOT NULL,
      snapshot TEXT NOT NULL,
      recent_message_ids TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE transcript (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_key TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      body TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX transcript_by_conversation ON transcript (conversation_key, id);
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_key TEXT NOT NULL,
      channel TEXT NOT NULL,
      address TEXT NOT NULL,
      payload TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      sent_at INTEGER
    );
    CREATE INDEX outbox_pending ON outbox (status, next_attempt_at, id);
  `,
};

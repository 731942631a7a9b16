import type { Migration } from './migration.js';

/**
 * Privacy: a conversation's outbox rows found by index (the web history's waiting replies, erasure),
 * and the one-row table `/healthz` writes to prove the database takes writes.
 */
export const privacyMigration: Migration = {
  version: 7,
  name: 'privacy',
  sql: `
    CREATE INDEX outbox_by_conversation ON outbox (conversation_key, status, id);
    CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);
  `,
};

import type { Migration } from './migration.js';

/** Privacy: a conversation's outbox rows found by index (the web history's waiting replies, erasure). */
export const privacyMigration: Migration = {
  version: 7,
  name: 'privacy',
  sql: `
    CREATE INDEX outbox_by_conversation ON outbox (conversation_key, status, id);
  `,
};

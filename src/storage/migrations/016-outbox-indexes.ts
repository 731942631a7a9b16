import type { Migration } from './migration.js';

/**
 * Outbox indexes a sent mark leaves alone, or nearly. Both old indexes held the status, so marking
 * a message sent moved its entry in each (the one by conversation at a random place in the file):
 * a B-tree page written to the WAL per message, once more after its turn's commit. Now the index by
 * conversation is (conversation_key, id) — a conversation's waiting replies and its erasure still
 * find its rows by it — and only waiting messages are indexed for the dispatcher (a partial index:
 * a sent mark deletes its entry and adds none). The retention sweep of sent and failed rows reads
 * the table, as it did through the old index's whole `sent` range.
 */
export const outboxIndexesMigration: Migration = {
  version: 16,
  name: 'outbox-indexes',
  sql: `
    CREATE INDEX outbox_by_conversation_id ON outbox (conversation_key, id);
    DROP INDEX outbox_by_conversation;
    CREATE INDEX outbox_waiting ON outbox (id) WHERE status = 'pending';
    DROP INDEX outbox_pending;
  `,
};

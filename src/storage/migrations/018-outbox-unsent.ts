import type { Migration } from './migration.js';

/**
 * The outbox's waiting messages kept as a narrow table of ids, so a sent mark no longer rewrites the
 * message's row. Marking a message sent used to be an UPDATE of its whole row (channel, address,
 * sealed payload: ~650 bytes), so every outbox row went to the WAL twice, at its insert and at its
 * sent mark in the next commit (~0.3 pages per message of ~2.5). Now a turn's commit adds each new
 * message's id to `outbox_unsent` (appended: ids grow) and the sent mark deletes it there.
 *
 * A message is waiting when its status is 'pending' and its id is in `outbox_unsent`; a sent mark
 * leaves the status 'pending' (no `sent_at`: nothing read it); 'sent' is the status of rows marked
 * before this migration, and a dead letter's is 'failed' (its id leaves `outbox_unsent`). The table
 * replaces the partial index of waiting messages (migration 016), which held the same ids.
 */
export const outboxUnsentMigration: Migration = {
  version: 18,
  name: 'outbox-unsent',
  sql: `
    CREATE TABLE outbox_unsent (id INTEGER PRIMARY KEY);
    INSERT INTO outbox_unsent (id) SELECT id FROM outbox WHERE status = 'pending';
    DROP INDEX outbox_waiting;
  `,
};

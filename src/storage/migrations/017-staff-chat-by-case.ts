import type { Migration } from './migration.js';

/**
 * The staff-chat rows of a case found by index: the retention purge deletes a finished case with
 * them in small batches (one short transaction each), and without this index every batch read the
 * whole table. Only rows that belong to a case are indexed.
 */
export const staffChatByCaseMigration: Migration = {
  version: 17,
  name: 'staff-chat-by-case',
  sql: `
    CREATE INDEX staff_chat_messages_by_case ON staff_chat_messages (case_ref) WHERE case_ref IS NOT NULL;
  `,
};

import type { Migration } from './migration.js';

/**
 * The staff side of talking to a person: who holds each resident conversation (`handoffs`), which
 * message in the staff chat belongs to which conversation or case (`staff_chat_messages`, so staff
 * answer by replying), and the follow-up questions a staff button asked (`staff_prompts`: the lawyer's
 * name, a reason, a destination, the documents picked so far). No message text is stored here.
 */
export const handoffsMigration: Migration = {
  version: 4,
  name: 'handoffs',
  sql: `
    CREATE TABLE handoffs (
      conversation_key TEXT PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('waiting', 'live', 'timed_out', 'released')),
      staff_user_id TEXT,
      staff_name TEXT,
      requested_at INTEGER,
      taken_at INTEGER,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX handoffs_by_state ON handoffs (state, requested_at);

    CREATE TABLE staff_chat_messages (
      chat_id TEXT NOT NULL,
      message_id INTEGER NOT NULL,
      conversation_key TEXT NOT NULL,
      case_ref TEXT,
      kind TEXT NOT NULL,
      outbox_id INTEGER,
      part INTEGER,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (chat_id, message_id)
    );
    CREATE UNIQUE INDEX staff_chat_messages_by_outbox ON staff_chat_messages (outbox_id, part) WHERE outbox_id IS NOT NULL;
    CREATE INDEX staff_chat_messages_by_created ON staff_chat_messages (created_at);

    CREATE TABLE staff_prompts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      chat_id TEXT NOT NULL,
      message_id INTEGER,
      card_message_id INTEGER,
      staff_user_id TEXT NOT NULL,
      staff_name TEXT NOT NULL,
      case_ref TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('documents', 'lawyer', 'reason', 'destination')),
      options TEXT NOT NULL DEFAULT '[]',
      selected TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL
    );
    CREATE INDEX staff_prompts_by_message ON staff_prompts (chat_id, message_id);
  `,
};

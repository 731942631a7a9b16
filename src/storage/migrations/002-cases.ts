import type { Migration } from './migration.js';

/**
 * Cases submitted to the legal aid centre, their event history, and residents' attachments.
 * Personal data lives in `applicant`, `description` and `facts`: never copy these columns into logs.
 */
export const casesMigration: Migration = {
  version: 2,
  name: 'cases',
  sql: `
    CREATE TABLE cases (
      ref TEXT PRIMARY KEY,
      submission_id TEXT NOT NULL UNIQUE,
      conversation_key TEXT NOT NULL,
      channel TEXT NOT NULL,
      address TEXT NOT NULL,
      locale TEXT NOT NULL,
      category TEXT NOT NULL,
      region TEXT,
      route TEXT,
      urgent INTEGER NOT NULL DEFAULT 0,
      same_day INTEGER NOT NULL DEFAULT 0,
      facts TEXT NOT NULL,
      decision TEXT NOT NULL,
      policy_version TEXT NOT NULL,
      applicant TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'new' CHECK (status IN
        ('new', 'claimed', 'materials_requested', 'accepted', 'declined', 'referred', 'closed', 'withdrawn')),
      assignee TEXT,
      lawyer TEXT,
      requested_documents TEXT NOT NULL DEFAULT '[]',
      due_at INTEGER,
      resolution TEXT CHECK (resolution IN ('accepted', 'declined', 'referred')),
      decided_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      rating INTEGER CHECK (rating BETWEEN 1 AND 5),
      rating_comment TEXT,
      rated_at INTEGER
    );
    CREATE INDEX cases_by_status_due ON cases (status, urgent, due_at);
    CREATE INDEX cases_by_conversation ON cases (conversation_key, created_at);
    CREATE INDEX cases_by_assignee ON cases (assignee, status);
    CREATE INDEX cases_by_created ON cases (created_at);
    CREATE INDEX cases_by_decided ON cases (decided_at);

    CREATE TABLE case_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ref TEXT NOT NULL REFERENCES cases (ref),
      action TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      actor TEXT NOT NULL,
      actor_kind TEXT NOT NULL CHECK (actor_kind IN ('staff', 'resident', 'system')),
      note TEXT,
      details TEXT NOT NULL DEFAULT '{}',
      at INTEGER NOT NULL
    );
    CREATE INDEX case_events_by_ref ON case_events (ref, id);

    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      conversation_key TEXT NOT NULL,
      case_ref TEXT REFERENCES cases (ref),
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      stored_path TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX attachments_by_case ON attachments (case_ref);
    CREATE INDEX attachments_by_conversation ON attachments (conversation_key, created_at);
  `,
};

import type { Migration } from './migration.js';

/**
 * Knowledge-base entries (current version plus full history with who and when), a revision counter
 * the running bot polls to pick up changes, and the questions the bot could not answer (redacted, counted).
 */
export const knowledgeBaseMigration: Migration = {
  version: 3,
  name: 'knowledge-base',
  sql: `
    CREATE TABLE kb_entries (
      id TEXT PRIMARY KEY,
      version INTEGER NOT NULL,
      data TEXT NOT NULL,
      review_by TEXT,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    );
    CREATE TABLE kb_entry_versions (
      entry_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('seed', 'add', 'edit', 'import', 'revert', 'remove')),
      data TEXT,
      changed_by TEXT NOT NULL,
      changed_at INTEGER NOT NULL,
      PRIMARY KEY (entry_id, version)
    );
    CREATE TABLE kb_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      revision INTEGER NOT NULL
    );
    INSERT INTO kb_state (id, revision) VALUES (1, 0);
    CREATE TABLE kb_unanswered (
      key TEXT NOT NULL,
      locale TEXT NOT NULL,
      text TEXT NOT NULL,
      band TEXT NOT NULL,
      top_topic TEXT,
      best_score REAL NOT NULL,
      count INTEGER NOT NULL,
      first_seen INTEGER NOT NULL,
      last_seen INTEGER NOT NULL,
      PRIMARY KEY (key, locale)
    );
    CREATE INDEX kb_unanswered_by_count ON kb_unanswered (count DESC, last_seen DESC);
  `,
};

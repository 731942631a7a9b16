import type { Migration } from './migration.js';

/**
 * The staff console: accounts (password hashes only, scrypt), sessions (only a hash of the session id),
 * the audit log (account ids, never names), login failures for throttling, internal case notes,
 * canned replies, and what resident conversations relay to staff (requests, danger alerts, call-backs)
 * so the console can show them without a Telegram group.
 */
export const staffConsoleMigration: Migration = {
  version: 6,
  name: 'staff-console',
  sql: `
    CREATE TABLE staff_accounts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      username TEXT NOT NULL UNIQUE COLLATE NOCASE,
      role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'operator', 'admin')),
      office TEXT,
      password_hash TEXT NOT NULL,
      disabled INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      last_login_at INTEGER
    );

    CREATE TABLE staff_sessions (
      id_hash TEXT PRIMARY KEY,
      account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
      csrf_token TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      last_seen_at INTEGER NOT NULL
    );
    CREATE INDEX staff_sessions_by_account ON staff_sessions (account_id);

    CREATE TABLE login_failures (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      username TEXT NOT NULL COLLATE NOCASE,
      address TEXT NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX login_failures_by_username ON login_failures (username, at);
    CREATE INDEX login_failures_by_address ON login_failures (address, at);

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      account_id INTEGER,
      action TEXT NOT NULL,
      target TEXT,
      outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
      detail TEXT
    );
    CREATE INDEX audit_log_by_account ON audit_log (account_id, id);
    CREATE INDEX audit_log_by_target ON audit_log (target, id);

    CREATE TABLE case_notes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ref TEXT NOT NULL REFERENCES cases (ref),
      account_id INTEGER,
      author TEXT NOT NULL,
      text TEXT NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX case_notes_by_ref ON case_notes (ref, id);

    CREATE TABLE canned_replies (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      locale TEXT NOT NULL,
      updated_by INTEGER,
      updated_at INTEGER NOT NULL
    );

    CREATE TABLE staff_relays (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      conversation_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      body TEXT NOT NULL DEFAULT '{}',
      outbox_id INTEGER UNIQUE,
      at INTEGER NOT NULL
    );
    CREATE INDEX staff_relays_by_conversation ON staff_relays (conversation_key, id);
    CREATE INDEX staff_relays_by_kind ON staff_relays (kind, at);
  `,
};

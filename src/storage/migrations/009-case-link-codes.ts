import type { Migration } from './migration.js';

/**
 * One-time codes that let a resident reach a case from another device (issue 9 §5). Only a salted
 * hash of the code is kept, with its expiry, wrong tries and lock, and no personal data; rows dead for an hour
 * are deleted whenever the next code is issued.
 */
export const caseLinkCodesMigration: Migration = {
  version: 9,
  name: 'case-link-codes',
  sql: `
    CREATE TABLE case_link_codes (
      ref TEXT PRIMARY KEY,
      code_hash TEXT NOT NULL,
      salt TEXT NOT NULL,
      conversation_key TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      used_at INTEGER
    );
  `,
};

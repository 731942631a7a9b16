import type { Migration } from './migration.js';

/**
 * The last reference number given out per day prefix (`FY-20261122-`), so a case is numbered by one
 * upsert inside a group commit instead of a read followed by a write. Started lazily from the
 * highest existing reference of that day.
 */
export const caseRefCountersMigration: Migration = {
  version: 5,
  name: 'case-ref-counters',
  sql: `
    CREATE TABLE case_ref_counters (
      prefix TEXT PRIMARY KEY,
      last INTEGER NOT NULL
    );
  `,
};

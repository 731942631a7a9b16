import type { Migration } from './migration.js';

/**
 * The shipped text of each knowledge-base entry this deployment last took or saw (`kb_shipped`), whether a newer
 * shipped text still waits for the operator (`settled = 0`: they had edited the entry), and the fingerprint of the
 * entry files last read (`kb_state.shipped_stamp`). A release's new texts then reach entries the operator never
 * edited. Existing deployments start from the text they were seeded with. The history gains the action `ship`
 * (SQLite cannot change a CHECK, so the table is copied).
 */
export const kbShippedMigration: Migration = {
  version: 19,
  name: 'kb-shipped',
  sql: `
    CREATE TABLE kb_shipped (
      id TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      settled INTEGER NOT NULL
    );
    INSERT OR REPLACE INTO kb_shipped (id, data, received_at, settled)
      SELECT entry_id, data, changed_at, 1 FROM kb_entry_versions WHERE action = 'seed' AND data IS NOT NULL ORDER BY version;
    ALTER TABLE kb_state ADD COLUMN shipped_stamp TEXT;
    CREATE TABLE kb_entry_versions_next (
      entry_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('seed', 'add', 'edit', 'import', 'revert', 'remove', 'ship')),
      data TEXT,
      changed_by TEXT NOT NULL,
      changed_at INTEGER NOT NULL,
      PRIMARY KEY (entry_id, version)
    );
    INSERT INTO kb_entry_versions_next (entry_id, version, action, data, changed_by, changed_at)
      SELECT entry_id, version, action, data, changed_by, changed_at FROM kb_entry_versions;
    DROP TABLE kb_entry_versions;
    ALTER TABLE kb_entry_versions_next RENAME TO kb_entry_versions;
  `,
};

import type { Migration } from './migration.js';

/**
 * When staff first opened a case after the resident left a note on it (`seen_at`): the inbox marks a case with a note
 * from the applicant no one has read yet. Only those notes are indexed.
 */
export const residentNotesSeenMigration: Migration = {
  version: 18,
  name: 'resident-notes-seen',
  sql: `
    ALTER TABLE case_notes ADD COLUMN seen_at INTEGER;
    CREATE INDEX case_notes_unseen_from_resident ON case_notes (ref) WHERE author = '@resident' AND seen_at IS NULL;
  `,
};

import type { Migration } from './migration.js';
import { conversationsMigration } from './001-conversations.js';
import { casesMigration } from './002-cases.js';

/** Every migration, in version order. Add a line here for each new migration file. */
export const MIGRATIONS: readonly Migration[] = [
  conversationsMigration,
  casesMigration,
].sort((a, b) => a.version - b.version);

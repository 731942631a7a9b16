import type { Migration } from './migration.js';
import { conversationsMigration } from './001-conversations.js';

/** Every migration, in version order. Add a line here for each new migration file. */
export const MIGRATIONS: readonly Migration[] = [
  conversationsMigration,
].sort((a, b) => a.version - b.version);

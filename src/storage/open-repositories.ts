import type { Repositories } from '../bot/ports/repositories.js';
import { AttachmentStore } from './attachment-store.js';
import { BatchWriter } from './batch-writer.js';
import { startCheckpointer } from './checkpointer.js';
import { CaseStore } from './case-store.js';
import { ConversationStore } from './conversation-store.js';
import type { Database } from './database.js';
import { KbStore } from './kb-store.js';
import { openStorage } from './open-storage.js';
import { SqliteStaffChatStore } from './staff-chat-store.js';

/** The SQLite repositories; `db` is for SQLite-only tools (migrations, tests, the benchmark), not for the app. */
export interface SqliteRepositories extends Repositories {
  readonly db: Database;
  conversations: ConversationStore;
  outbox: ConversationStore;
}

/** Repositories over an open database (already migrated). */
export function sqliteRepositories(db: Database): SqliteRepositories {
  // One group commit for every store of this database: a turn, a case and a sent mark share a commit.
  const writer = new BatchWriter(db);
  const conversations = new ConversationStore(db, writer);
  return {
    db,
    conversations,
    outbox: conversations,
    attachments: new AttachmentStore(db),
    staffChat: new SqliteStaffChatStore(db),
    knowledge: new KbStore(db, writer),
    cases: (rules) => new CaseStore(db, rules, writer),
    idle: () => conversations.idle(),
    async close() {
      await conversations.idle();
      await db.close();
    },
  };
}

/** Opens (creating and migrating if needed) the bot's SQLite file and the repositories over it. */
export async function openRepositories(config: { databaseFile: string }): Promise<SqliteRepositories> {
  const db = await openStorage(config.databaseFile);
  const checkpoints = await startCheckpointer(db);
  const repos = sqliteRepositories(db);
  return {
    ...repos,
    async close() {
      await repos.idle();
      await checkpoints.stop();
      await repos.close();
    },
  };
}

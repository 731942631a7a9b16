import type { Repositories } from '../bot/ports/repositories.js';
import { AttachmentStore } from './attachment-store.js';
import { BatchWriter } from './batch-writer.js';
import { CaseStore } from './case-store.js';
import { ConversationStore } from './conversation-store.js';
import type { Database } from './database.js';
import { KbStore } from './kb-store.js';
import { openStorage } from './open-storage.js';
import { SqliteStaffChatStore } from './staff-chat-store.js';
import { sqliteStaffRepositories } from './staff-repositories.js';
import { checkDatabase, EXIT_CODES, prepareDataFolder, protectDatabaseFiles, StartupError } from './data-folder.js';
import { WechatHeldStore } from './wechat-held-store.js';

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
    wechatHeld: new WechatHeldStore(db),
    cases: (rules) => new CaseStore(db, rules, writer),
    staff: sqliteStaffRepositories(db),
    idle: () => conversations.idle(),
    async close() {
      await conversations.idle();
      await db.close();
    },
  };
}

/** Opens (creating and migrating if needed) the bot's SQLite file and the repositories over it. */
export async function openRepositories(config: { databaseFile: string }): Promise<SqliteRepositories> {
  return sqliteRepositories(await openStorage(config.databaseFile));
}

/**
 * Like {@link openRepositories}, for the bot's start: the data folder is made private (0700/0600) and
 * writable, the database opened, checked for integrity and a write; each failure is a
 * {@link StartupError} with one line and its own exit code.
 */
export async function openCheckedRepositories(config: { dataDir: string; attachmentsDir: string; databaseFile: string }): Promise<SqliteRepositories> {
  prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
  let db: Database;
  try {
    db = await openStorage(config.databaseFile);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new StartupError(
      `fayuan: the database ${config.databaseFile} cannot be opened (${cause}). Restore the data folder from a backup.`,
      EXIT_CODES.databaseDamaged,
      { cause: error },
    );
  }
  protectDatabaseFiles(config.databaseFile);
  try {
    await checkDatabase(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return sqliteRepositories(db);
}

/** The SQLite database behind repositories, when they are SQLite's (health probe, retention purge). */
export function databaseOf(repos: Repositories): Database | undefined {
  const db = (repos as Partial<SqliteRepositories>).db;
  return db;
}

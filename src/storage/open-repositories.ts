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
import { sqliteStaffRepositories } from './staff-repositories.js';
import { checkDatabase, checkWritable, EXIT_CODES, integrityProblem, prepareDataFolder, protectDatabaseFiles, StartupError } from './data-folder.js';
import { takeCleanMarker, writeCleanMarker } from './clean-shutdown.js';
import { WechatHeldStore } from './wechat-held-store.js';
import { CaseLinkStore } from './case-link-store.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';
import { checkDataKey, loadCipher } from './data-key.js';
import { useFileCipher } from './attachment-files.js';

/** Where the data key comes from (see data-key.ts): `FAYUAN_DATA_KEY` parsed by config.ts, else the key file. */
export interface DataKeyConfig {
  dataDir: string;
  attachmentsDir: string;
  dataKeys?: readonly Buffer[] | null;
}

/** The SQLite repositories; `db` is for SQLite-only tools (migrations, tests, the benchmark), not for the app. */
export interface SqliteRepositories extends Repositories {
  readonly db: Database;
  /** Seals the personal columns and files (PLAIN when opened without a data key). */
  readonly cipher: FieldCipher;
  /**
   * The start-up integrity check when it runs after the bot takes messages (the last run closed
   * cleanly): resolves with `null` (sound) or the one line saying what to do. Absent: checked before.
   */
  readonly integrity?: Promise<string | null>;
  conversations: ConversationStore;
  outbox: ConversationStore;
}

/** Repositories over an open database (already migrated). */
export function sqliteRepositories(db: Database, cipher: FieldCipher = PLAIN): SqliteRepositories {
  // One group commit for every store of this database: a turn, a case and a sent mark share a commit.
  const writer = new BatchWriter(db, cipher);
  const conversations = new ConversationStore(db, writer, cipher);
  return {
    db,
    cipher,
    conversations,
    outbox: conversations,
    attachments: new AttachmentStore(db, cipher),
    staffChat: new SqliteStaffChatStore(db),
    knowledge: new KbStore(db, writer),
    wechatHeld: new WechatHeldStore(db),
    cases: (rules) => new CaseStore(db, rules, writer, cipher),
    staff: sqliteStaffRepositories(db, cipher),
    caseLinks: new CaseLinkStore(db),
    idle: () => conversations.idle(),
    async close() {
      await conversations.idle();
      await db.close();
    },
  };
}

/**
 * Opens (creating and migrating if needed) the bot's SQLite file and the repositories over it. With the
 * data folder's settings (a `Config`), personal fields and files are sealed with its data key.
 */
export async function openRepositories(config: { databaseFile: string } & Partial<DataKeyConfig>): Promise<SqliteRepositories> {
  const cipher = config.dataDir !== undefined && config.attachmentsDir !== undefined ? dataCipher(config as DataKeyConfig) : PLAIN;
  const db = await openStorage(config.databaseFile);
  if (cipher !== PLAIN) {
    try {
      await checkDataKey(db, cipher, config.dataDir!);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  return withCheckpoints(db, cipher);
}

/** The data key's cipher, registered for the attachment files too. */
export function dataCipher(config: DataKeyConfig): FieldCipher {
  const cipher = loadCipher({ dataDir: config.dataDir, dataKeys: config.dataKeys ?? null });
  useFileCipher(config.attachmentsDir, cipher);
  return cipher;
}

/** The repositories over `db`, with WAL checkpoints in the background (stopped on close). */
async function withCheckpoints(db: Database, cipher: FieldCipher): Promise<SqliteRepositories> {
  const checkpoints = await startCheckpointer(db);
  const repos = sqliteRepositories(db, cipher);
  return {
    ...repos,
    async close() {
      await repos.idle();
      await checkpoints.stop();
      await repos.close();
    },
  };
}

/** How long after opening the deferred integrity check starts (the start-up work is done by then). */
export const DEFERRED_CHECK_DELAY_MS = 10_000;

/**
 * Like {@link openRepositories}, for the bot's start: the data folder is made private (0700/0600) and
 * writable, the database opened, checked for integrity and a write; each failure is a
 * {@link StartupError} with one line and its own exit code.
 *
 * The integrity check (`PRAGMA quick_check`, which reads the whole file: ~0.8 s at 100,000
 * conversations) runs before start only when the last run did not close the database cleanly (no
 * clean-shutdown marker: a crash, a kill, a copied or restored file). After a clean close it runs
 * `deferredCheckDelayMs` later on a read connection, while the bot takes messages; a problem found
 * then is in {@link SqliteRepositories.integrity}. The write probe always runs before start.
 */
export async function openCheckedRepositories(
  config: DataKeyConfig & { databaseFile: string },
  options: { deferredCheckDelayMs?: number } = {},
): Promise<SqliteRepositories> {
  prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
  const cipher = dataCipher(config);
  const closedCleanly = takeCleanMarker(config.databaseFile);
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
    if (closedCleanly) await checkWritable(db);
    else await checkDatabase(db);
    await checkDataKey(db, cipher, config.dataDir);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  const repos = await withCheckpoints(db, cipher);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const integrity = closedCleanly
    ? new Promise<string | null>((resolve) => {
        timer = setTimeout(() => {
          timer = undefined;
          const check = integrityProblem(db);
          running = check.catch(() => undefined);
          resolve(check);
        }, options.deferredCheckDelayMs ?? DEFERRED_CHECK_DELAY_MS);
        timer.unref();
      })
    : undefined;
  const checked: SqliteRepositories = {
    ...repos,
    ...(integrity ? { integrity } : {}),
    async close() {
      clearTimeout(timer);
      await running;
      await repos.close();
      // Only now: a crash before this line leaves no marker, and the next start checks first.
      writeCleanMarker(config.databaseFile);
    },
  };
  void integrity?.then((problem) => problem && found.set(checked, problem));
  return checked;
}

/** The SQLite database behind repositories, when they are SQLite's (health probe, retention purge). */
export function databaseOf(repos: Repositories): Database | undefined {
  const db = (repos as Partial<SqliteRepositories>).db;
  return db;
}

/**
 * The deferred integrity check of SQLite repositories opened by {@link openCheckedRepositories} after
 * a clean shutdown; `undefined` when it ran before start (or the repositories are not SQLite's).
 */
export function integrityOf(repos: Repositories): Promise<string | null> | undefined {
  return (repos as Partial<SqliteRepositories>).integrity;
}

/** The problem the deferred integrity check found, once it has run (`null`: none found, or not run yet). */
export function integrityFound(repos: Repositories): string | null {
  return found.get(repos) ?? null;
}
const found = new WeakMap<Repositories, string>();

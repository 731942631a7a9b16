import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../storage/database.js';
import { openStorage } from '../storage/open-storage.js';
import { ConversationStore } from '../storage/conversation-store.js';
import { ConversationRunner } from './conversation-runner.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { createConversationSpec } from './conversation-spec.js';
import { loadConversationServices, type ConversationServices } from './conversation-services.js';
import { eraseFiles } from './privacy/erase-files.js';
import { checkDatabase, EXIT_CODES, prepareDataFolder, protectDatabaseFiles, StartupError } from '../storage/data-folder.js';

/** Opens the database; a file SQLite cannot open or migrate is a damaged database, said in one line. */
async function openStorageChecked(file: string): Promise<Database> {
  let db: Database;
  try {
    db = await openStorage(file);
  } catch (error) {
    throw new StartupError(
      `fayuan: the database ${file} cannot be opened (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : String(error)}). Restore the data folder from a backup.`,
      EXIT_CODES.databaseDamaged,
      { cause: error },
    );
  }
  protectDatabaseFiles(file);
  await checkDatabase(db).catch(async (error: unknown) => {
    await db.close().catch(() => undefined);
    throw error;
  });
  return db;
}

/** The running core every channel attaches to: storage, the conversation runner and the outbox. */
export interface App {
  config: Config;
  logger: Logger;
  db: Database;
  store: ConversationStore;
  runner: ConversationRunner;
  dispatcher: OutboxDispatcher;
  services: ConversationServices;
  /** Stop intake, finish in-flight messages, flush the outbox, close the database. */
  close(): Promise<void>;
}

/** Opens the data folder and builds the core. Channels are attached by the caller. */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
  const db = await openStorageChecked(config.databaseFile);
  const store = new ConversationStore(db);
  const services = await loadConversationServices(config, db, logger);
  const dispatcher = new OutboxDispatcher({ store, logger });
  const runner = new ConversationRunner({
    store,
    spec: createConversationSpec(services),
    logger,
    onCommitted: (messages) => dispatcher.enqueue(messages),
    staffChannel: services.staffAvailable,
    onErased: (key, attachmentIds) => eraseFiles(config.attachmentsDir, attachmentIds, store, logger),
  });
  let closed = false;
  return {
    config,
    logger,
    db,
    store,
    runner,
    dispatcher,
    services,
    async close() {
      if (closed) return;
      closed = true;
      await runner.drain();
      await dispatcher.stop();
      await services.close();
      await db.close();
    },
  };
}

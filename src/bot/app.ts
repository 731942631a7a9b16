import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { integrityOf, openCheckedRepositories } from '../storage/open-repositories.js';
import type { Repositories } from './ports/repositories.js';
import { ConversationRunner } from './conversation-runner.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { createConversationSpec } from './conversation-spec.js';
import { loadConversationServices, type ConversationServices } from './conversation-services.js';
import { eraseFiles } from './privacy/erase-files.js';

/** How often the outbox is read for messages another process wrote. */
const OUTBOX_WATCH_MS = 5000;
/** How often the console's staff accounts are counted again (one added while serving is offered to residents). */
const STAFF_CHECK_MS = 30_000;

/** The running core every channel attaches to: storage, the conversation runner and the outbox. */
export interface App {
  config: Config;
  logger: Logger;
  /** Every repository (SQLite unless the caller passed others). */
  repos: Repositories;
  runner: ConversationRunner;
  dispatcher: OutboxDispatcher;
  services: ConversationServices;
  /** Stop intake, finish in-flight messages, flush the outbox, close the storage. */
  close(): Promise<void>;
}

/**
 * Opens the data folder and builds the core. Channels are attached by the caller. `repositories`
 * replaces the SQLite file (the benchmark's in-memory run); `waitForKnowledge: false` returns before
 * the FAQ index is built (questions asked meanwhile wait for it).
 */
export async function createApp(
  config: Config,
  logger: Logger,
  options: { repositories?: Repositories; waitForKnowledge?: boolean } = {},
): Promise<App> {
  const repos = options.repositories ?? (await openCheckedRepositories(config));
  // After a clean shutdown the integrity check runs once the bot takes messages: a problem is logged
  // (and /healthz answers 503 with it).
  void integrityOf(repos)?.then((problem) => problem && logger.error({ problem }, 'the database failed its integrity check'));
  const services = await loadConversationServices(config, repos, logger);
  // `serve` takes messages at once; tools and tests that read the knowledge base directly wait for it.
  if (options.waitForKnowledge ?? true) await services.knowledgeReady;
  const dispatcher = new OutboxDispatcher({ store: repos.outbox, logger });
  // Notices another process writes (`fayuan cases …`) are picked up while this one runs; in-memory storage has no other writer.
  if (!options.repositories) dispatcher.watch(OUTBOX_WATCH_MS);
  const runner = new ConversationRunner({
    store: repos.conversations,
    spec: createConversationSpec(services),
    logger,
    onCommitted: (messages) => dispatcher.enqueue(messages),
    get staffChannel() {
      return services.staffAvailable;
    },
    keepCallbacks: config.staffConsole.enabled,
    hotSize: config.hotConversations,
    onErased: (key, attachmentIds) => eraseFiles(config.attachmentsDir, attachmentIds, repos.conversations, logger),
  });
  const staffCheck = setInterval(() => void services.refreshStaffAvailable(), STAFF_CHECK_MS);
  staffCheck.unref();
  let closed = false;
  return {
    config,
    logger,
    repos,
    runner,
    dispatcher,
    services,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(staffCheck);
      await runner.drain();
      await dispatcher.stop();
      await services.close();
      await repos.close();
    },
  };
}

import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openCheckedRepositories } from '../storage/open-repositories.js';
import type { Repositories } from './ports/repositories.js';
import { ConversationRunner } from './conversation-runner.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { createConversationSpec } from './conversation-spec.js';
import { loadConversationServices, type ConversationServices } from './conversation-services.js';
import { eraseFiles } from './privacy/erase-files.js';

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
 * replaces the SQLite file (the benchmark's in-memory run).
 */
export async function createApp(config: Config, logger: Logger, options: { repositories?: Repositories } = {}): Promise<App> {
  const repos = options.repositories ?? (await openCheckedRepositories(config));
  const services = await loadConversationServices(config, repos, logger);
  const dispatcher = new OutboxDispatcher({ store: repos.outbox, logger });
  const runner = new ConversationRunner({
    store: repos.conversations,
    spec: createConversationSpec(services),
    logger,
    onCommitted: (messages) => dispatcher.enqueue(messages),
    staffChannel: services.staffAvailable,
    onErased: (key, attachmentIds) => eraseFiles(config.attachmentsDir, attachmentIds, repos.conversations, logger),
  });
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
      await runner.drain();
      await dispatcher.stop();
      await services.close();
      await repos.close();
    },
  };
}

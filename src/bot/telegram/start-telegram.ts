import { Telegraf, TelegramError, type Context } from 'telegraf';
import type { App } from '../app.js';
import type { RunningChannel } from '../running-channel.js';
import type { TelegramConfig } from '../../config.js';
import { TelegramSender } from './telegram-sender.js';
import { createUpdateHandler, errorName } from './update-handler.js';
import { startWebhookServer } from './webhook-server.js';

/** The Telegram settings of a configured bot (`config.telegram` when its mode is not `off`). */
export type EnabledTelegramConfig = Exclude<TelegramConfig, { mode: 'off' }>;

/** Optional wiring for {@link startTelegram}. */
export interface TelegramOptions {
  /**
   * Receives every update from the staff chat (`TELEGRAM_STAFF_CHAT_ID`); those never reach a
   * resident conversation. Without it they are ignored. Failures are logged by update id.
   */
  onStaffUpdate?: (ctx: Context) => Promise<void>;
  /** Port of the webhook server in webhook mode. Defaults to `config.port`. */
  webhookPort?: number;
}

/** The running Telegram channel. */
export interface TelegramChannel extends RunningChannel {
  name: 'telegram';
  /** The telegraf instance, e.g. for the staff side to post into the staff chat with `bot.telegram`. */
  bot: Telegraf;
  /** Where the webhook server listens (webhook mode only). */
  webhook?: { host: string; port: number };
}

/** Updates the bot asks Telegram for. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
/** How long closing waits for updates in progress before giving up on them. */
const CLOSE_TIMEOUT_MS = 10_000;

/**
 * Connects the bot to Telegram: long polling, or our own webhook server when a webhook URL is
 * configured. Resolves once Telegram accepted the token (and the webhook); replies flow through the
 * app's outbox, whose `telegram` sender is registered here and keeps working after `close()`.
 *
 * @example
 * if (config.telegram.mode !== 'off') channels.push(await startTelegram(app, config.telegram));
 */
export async function startTelegram(app: App, config: EnabledTelegramConfig, options: TelegramOptions = {}): Promise<TelegramChannel> {
  const { logger } = app;
  const bot = new Telegraf(config.token, {
    // webhookReply off: every call goes to the API, so it can fail visibly and be retried.
    telegram: { webhookReply: false, ...(config.apiRoot ? { apiRoot: withTrailingSlash(config.apiRoot) } : {}) },
  });
  // Replaces telegraf's default, which prints the whole update (personal data) to the console.
  bot.catch((error, ctx) => {
    logger.error({ channel: 'telegram', updateId: ctx.update.update_id, err: errorName(error) }, 'telegram update failed outside the error boundary');
  });
  bot.use(
    createUpdateHandler({
      app,
      ...(config.staffChatId !== undefined ? { staffChatId: config.staffChatId } : {}),
      ...(options.onStaffUpdate ? { onStaffUpdate: options.onStaffUpdate } : {}),
    }),
  );

  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (error) {
    throw new Error(
      `Telegram did not accept the bot (getMe: ${describe(error)}). Check TELEGRAM_BOT_TOKEN${config.apiRoot ? ' and TELEGRAM_API_ROOT' : ''}.`,
      { cause: error },
    );
  }
  app.dispatcher.register('telegram', new TelegramSender(bot.telegram, app.config.attachmentsDir));

  if (config.mode === 'webhook') {
    const server = await startWebhookServer({
      host: app.config.host,
      port: options.webhookPort ?? (config.mode === 'webhook' ? config.webhookPort : app.config.port),
      path: config.webhookPath,
      secret: config.webhookSecret,
      handleUpdate: (update) => bot.handleUpdate(update),
    });
    try {
      await bot.telegram.setWebhook(config.webhookUrl, {
        secret_token: config.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
    } catch (error) {
      await server.close();
      throw new Error(`Telegram did not accept the webhook (setWebhook: ${describe(error)}). Check TELEGRAM_WEBHOOK_URL: it must be a public https URL.`, { cause: error });
    }
    logger.info({ channel: 'telegram', mode: 'webhook', port: server.address.port }, 'telegram webhook is listening');
    return { name: 'telegram', bot, webhook: server.address, close: () => server.close() };
  }

  // `launch` resolves only when polling stops: it is watched, not awaited.
  let polling = true;
  const stopped = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).then(
    () => logger.info({ channel: 'telegram' }, 'telegram polling stopped'),
    (error: unknown) =>
      logger.error(
        { channel: 'telegram', err: describe(error) },
        'telegram polling stopped after an error; no Telegram messages arrive until the bot restarts (a 409 means another instance polls with this token)',
      ),
  );
  void stopped.finally(() => {
    polling = false;
  });
  logger.info({ channel: 'telegram', mode: 'polling' }, 'telegram polling started');
  return {
    name: 'telegram',
    bot,
    async close() {
      const deadline = Date.now() + CLOSE_TIMEOUT_MS;
      // `stop` throws until `launch` has removed the webhook and started polling.
      while (polling && Date.now() < deadline) {
        try {
          bot.stop('shutdown');
          break;
        } catch {
          await sleep(10);
        }
      }
      await Promise.race([stopped, sleep(Math.max(0, deadline - Date.now()))]);
    },
  };
}

/** A relative URL resolves against the last slash, so a root with a path needs one at its end. */
function withTrailingSlash(apiRoot: string): string {
  return apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
}

function describe(error: unknown): string {
  return error instanceof TelegramError ? `${error.code} ${error.description}` : errorName(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

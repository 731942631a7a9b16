import { createApp } from '../bot/app.js';
import { ConsoleChannel } from '../bot/console-channel.js';
import { createLogger } from '../bot/logger.js';
import type { RunningChannel } from '../bot/running-channel.js';
import { startTelegram } from '../bot/telegram/start-telegram.js';
import { startWebChat } from '../bot/web/start-web-chat.js';
import type { Command } from './io.js';

/** `fayuan serve` (`npm start`): the bot on every configured channel until SIGINT/SIGTERM. */
export const serveCommand: Command = async ({ stdin, stdout, stderr, config, shutdown }) => {
  const consoleChat =
    config.consoleChat === 'on' || (config.consoleChat === 'auto' && Boolean((stdin as NodeJS.ReadStream).isTTY));
  const logger = createLogger(consoleChat && config.logLevel === 'info' ? 'warn' : config.logLevel, stderr);
  const app = await createApp(config, logger);
  const channels: RunningChannel[] = [];
  try {
    let webUrl: string | null = null;
    if (config.webChat) {
      const web = await startWebChat(app);
      webUrl = web.url;
      channels.push(web);
    }
    if (config.telegram.mode !== 'off') channels.push(await startTelegram(app, config.telegram));
    const resumed = await app.dispatcher.resume();
    logger.info({ channels: channels.map((c) => c.name), resumedOutbox: resumed, dataDir: config.dataDir }, 'fayuan is running');
    if (webUrl) stdout.write(`fayuan: web chat on ${webUrl}\n`);
    if (consoleChat) {
      stdout.write('fayuan: you can also chat here in the terminal. Ctrl+C stops the bot.\n\n');
      const console = new ConsoleChannel({ app, userId: 'local', input: stdin, output: stdout, interactive: Boolean((stdin as NodeJS.ReadStream).isTTY) });
      void console.run();
    }
    await new Promise<void>((resolve) => {
      if (shutdown.aborted) resolve();
      shutdown.addEventListener('abort', () => resolve(), { once: true });
    });
    logger.info('shutting down');
  } finally {
    for (const channel of channels.reverse()) {
      await channel.close().catch((error: unknown) => logger.error({ channel: channel.name, err: String(error) }, 'channel did not close cleanly'));
    }
    await app.close();
  }
  return 0;
};

import { createApp } from '../bot/app.js';
import { ConsoleChannel } from '../bot/console-channel.js';
import { createLogger } from '../bot/logger.js';
import { JsonlChat } from './chat-jsonl.js';
import type { Command } from './io.js';

/** `fayuan chat [--user ID] [--jsonl]`: talk to the bot in the terminal, script it through stdin, or drive it with JSON lines. */
export const chatCommand: Command = async ({ args, stdin, stdout, stderr, config }) => {
  const userIndex = args.indexOf('--user');
  const userId = userIndex >= 0 ? args[userIndex + 1] : 'local';
  if (!userId || !/^[\w.-]{1,64}$/.test(userId)) {
    stderr.write('Usage: fayuan chat [--user ID] [--jsonl]   (ID: letters, digits, . _ -, at most 64)\n');
    return 2;
  }
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, stderr);
  const app = await createApp(config, logger);
  try {
    if (args.includes('--jsonl')) {
      const chat = new JsonlChat(app);
      await app.dispatcher.resume();
      await chat.run(stdin, (line) => stdout.write(`${line}\n`), userId, (line) => stderr.write(`${line}\n`));
      return 0;
    }
    const interactive = Boolean((stdin as NodeJS.ReadStream).isTTY);
    const channel = new ConsoleChannel({ app, userId, input: stdin, output: stdout, interactive });
    await app.dispatcher.resume();
    await channel.run();
  } finally {
    await app.close();
  }
  return 0;
};

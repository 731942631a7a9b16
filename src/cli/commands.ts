import type { Command } from './io.js';
import { chatCommand } from './chat-command.js';
import { serveCommand } from './serve-command.js';

/** Every `fayuan` command: name → implementation, and a one-line description for `fayuan help`. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  serve: { run: serveCommand, summary: 'run the bot (web chat, Telegram when configured, console in a terminal)' },
  chat: { run: chatCommand, summary: 'chat with the bot in this terminal; scripted when stdin is not a terminal' },
};

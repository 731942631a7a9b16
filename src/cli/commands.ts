import type { Command } from './io.js';

/** Loads a command's module only when it runs, so `fayuan assess` does not load Telegram or Botkit. */
const lazy =
  <M>(load: () => Promise<M>, pick: (m: M) => Command): Command =>
  async (ctx) =>
    pick(await load())(ctx);

/** Every `fayuan` command: name → implementation, and a one-line description for `fayuan help`. */
export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  serve: {
    run: lazy(() => import('./serve-command.js'), (m) => m.serveCommand),
    summary: 'run the bot (web chat, Telegram when configured, console in a terminal)',
  },
  chat: {
    run: lazy(() => import('./chat-command.js'), (m) => m.chatCommand),
    summary: 'chat with the bot in this terminal; scripted when stdin is not a terminal',
  },
  bench: {
    run: lazy(() => import('./bench-command.js'), (m) => m.benchCommand),
    summary: 'benchmark conversations (and knowledge-base queries) against a baseline measured in the same run',
  },
};

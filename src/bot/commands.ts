import type { CommandName, ResidentEvent } from '../flows/events.js';

const COMMANDS: readonly CommandName[] = ['start', 'help', 'restart', 'lang', 'menu', 'cancel', 'status', 'human', 'delete'];

/** Reads `/name arg` (Telegram's `/name@bot` too) into a command event; `null` for anything else. */
export function parseCommand(text: string): ResidentEvent | null {
  const match = /^\/([a-z]+)(?:@\w+)?(?:\s+(.+))?$/i.exec(text.trim());
  if (!match) return null;
  const name = match[1]!.toLowerCase() as CommandName;
  if (!COMMANDS.includes(name)) return null;
  const arg = match[2]?.trim();
  return arg ? { type: 'user.command', command: name, arg } : { type: 'user.command', command: name };
}

/** A typed line or message: a command, or plain text. */
export function textEvent(text: string): ResidentEvent {
  return parseCommand(text) ?? { type: 'user.text', text };
}

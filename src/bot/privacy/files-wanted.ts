import type { App } from '../app.js';
import { conversationKey, type ChannelName } from '../channel.js';
import { acceptsFiles } from './accepts-files.js';

/**
 * Whether a resident's conversation wants a file now: its state asks for one ({@link acceptsFiles}),
 * or, the resident having agreed, one of their cases waits for the materials staff asked for.
 * Channels ask before writing a byte of an upload.
 */
export async function filesWanted(app: App, channel: ChannelName, userId: string): Promise<boolean> {
  const state = await app.runner.inspect(channel, userId);
  if (acceptsFiles(state)) return true;
  if ((state?.context as { consented?: unknown } | undefined)?.consented !== true) return false;
  const cases = await app.services.cases.listByConversation(conversationKey(channel, userId));
  return cases.some((c) => c.status === 'materials_requested');
}

import { createApp, type App } from '../../src/bot/app.js';
import { createLogger } from '../../src/bot/logger.js';
import type { ChannelSender, InboundMessage, OutboundMessage } from '../../src/bot/channel.js';
import { parseConfig } from '../../src/config.js';

/** An app on a real SQLite file in `dataDir`, with no channels attached. */
export async function testApp(dataDir: string, env: Record<string, string> = {}): Promise<App> {
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, WEB_CHAT: 'off', KB_INDEX_WORKER: 'off', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', ...env });
  return createApp(config, createLogger('silent'));
}

/** A channel that records what it was asked to send, per address. */
export class RecordingSender implements ChannelSender {
  readonly sent: OutboundMessage[] = [];
  failNext = 0;
  async send(message: OutboundMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('simulated network failure');
    }
    this.sent.push(message);
  }
  texts(address?: string): string[] {
    return this.sent
      .filter((m) => address === undefined || m.address === address)
      .map((m) => (m.payload.kind === 'text' ? m.payload.text : m.payload.kind === 'file' ? `[file ${m.payload.fileName}]` : `[staff ${m.payload.relay.kind}]`));
  }
}

/** Builds inbound messages for one resident on the console channel. */
export function resident(userId: string) {
  let n = 0;
  const base = { channel: 'console' as const, userId, address: userId };
  return {
    text: (text: string, messageId = `m${++n}`): InboundMessage => ({ ...base, messageId, event: { type: 'user.text', text } }),
    choice: (id: string, messageId = `m${++n}`): InboundMessage => ({ ...base, messageId, event: { type: 'user.choice', id } }),
    returned: (): InboundMessage => ({ ...base, event: { type: 'user.returned' } }),
    command: (command: 'lang' | 'help' | 'restart' | 'delete' | 'start', messageId = `m${++n}`): InboundMessage => ({
      ...base,
      messageId,
      event: { type: 'user.command', command },
    }),
  };
}

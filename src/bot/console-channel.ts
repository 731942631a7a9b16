import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from './app.js';
import type { ChannelSender, InboundMessage, OutboundMessage } from './channel.js';
import { textEvent } from './commands.js';
import { LOCALES } from '../locales/catalog.js';
import { translate } from '../locales/render.js';

export interface ConsoleOptions {
  app: App;
  userId: string;
  input: Readable;
  output: Writable;
  /** Interactive: a prompt and a live terminal. Otherwise one message per line until end of input. */
  interactive: boolean;
}

/**
 * The terminal channel. Choices are numbered; a resident answers with the number or the label's text.
 * Scripted (not a terminal), each line is sent after the replies to the previous one were printed.
 */
export class ConsoleChannel implements ChannelSender {
  private lastChoices: { id: string; label: string }[] = [];
  private seq = 0;

  constructor(private readonly options: ConsoleOptions) {}

  async send(message: OutboundMessage): Promise<void> {
    const { output } = this.options;
    const payload = message.payload;
    if (payload.kind === 'staff') return;
    if (payload.kind === 'file') {
      output.write(`[${payload.fileName}]${payload.caption ? ` ${payload.caption}` : ''}\n`);
      return;
    }
    output.write(`${payload.text}\n`);
    if (payload.choices.length > 0) {
      this.lastChoices = payload.choices;
      payload.choices.forEach((c, i) => output.write(`  ${i + 1}) ${c.label}\n`));
    }
    output.write('\n');
  }

  /** Reads lines until the input ends (or the app closes) and resolves when all replies were printed. */
  async run(): Promise<void> {
    const { app, input, interactive, output } = this.options;
    app.dispatcher.register('console', this);
    const lines = readline.createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
    if (interactive) lines.setPrompt('> ');
    // Take the iterator now: lines that arrive while the greeting is processed are buffered, not lost.
    const iterator = lines[Symbol.asyncIterator]();
    // Open the conversation so the greeting (or where the resident left off) shows first.
    await this.deliver({ type: 'user.returned' }, true);
    if (interactive) lines.prompt();
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const line = next.value;
      const text = line.trim();
      if (text === '') {
        if (interactive) lines.prompt();
        continue;
      }
      await this.deliver(this.toEvent(text));
      if (interactive) lines.prompt();
    }
  }

  private toEvent(text: string): InboundMessage['event'] {
    const byNumber = /^\d+$/.test(text) ? this.lastChoices[Number(text) - 1] : undefined;
    const byLabel = this.lastChoices.find((c) => c.label.toLowerCase() === text.toLowerCase());
    const picked = byNumber ?? byLabel;
    return picked ? { type: 'user.choice', id: picked.id } : textEvent(text);
  }

  private async deliver(event: InboundMessage['event'], opening = false): Promise<void> {
    const { app, userId } = this.options;
    try {
      const result = await app.runner.handle({
        channel: 'console',
        userId,
        address: userId,
        messageId: opening ? undefined : `console-${Date.now()}-${this.seq++}`,
        event,
      });
      await app.dispatcher.whenDone(result.outbound.filter((m) => m.channel === 'console').map((m) => m.id));
    } catch (error) {
      app.logger.error({ channel: 'console', err: error instanceof Error ? error.name : 'unknown' }, 'console message failed');
      this.options.output.write(`${LOCALES.map((l) => translate('core.error.try_again', l)).join('\n')}\n`);
    }
  }
}

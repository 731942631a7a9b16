import fs from 'node:fs/promises';
import path from 'node:path';
import type { SmsSender } from '../ports/sms-sender.js';

/**
 * For development and tests, where no gateway is reachable: each text is appended as one JSON line
 * `{ "to", "text", "at" }` to a file only its owner may read (0600). Not for production: the file
 * holds phone numbers and live codes.
 */
export class OutboxFileSmsSender implements SmsSender {
  constructor(private readonly file: string) {}

  async send(message: { to: string; text: string }): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    await fs.appendFile(this.file, `${JSON.stringify({ to: message.to, text: message.text, at: Date.now() })}\n`, { mode: 0o600 });
  }
}

/** The texts in an outbox file, oldest first (for tests and `cat`-free inspection). */
export async function readSmsOutbox(file: string): Promise<{ to: string; text: string; at: number }[]> {
  const raw = await fs.readFile(file, 'utf8').catch(() => '');
  return raw.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { to: string; text: string; at: number });
}

import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';

/**
 * What a CLI command gets: its arguments (after the command words), the streams, and the parsed configuration.
 * Commands return an exit code and never touch `process` themselves, so tests can run them in-process.
 */
export interface CommandContext {
  args: string[];
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  config: Config;
  /** Aborted on SIGINT/SIGTERM: long-running commands shut down gracefully when it fires. */
  shutdown: AbortSignal;
}

export type Command = (ctx: CommandContext) => Promise<number>;

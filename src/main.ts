import { COMMANDS } from './cli/commands.js';
import { ConfigError, parseConfig } from './config.js';
import { StartupError } from './storage/data-folder.js';

const USAGE = () =>
  [
    'Usage: fayuan <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)} ${c.summary}`),
    '',
    'Settings come from the environment; see .env.example.',
  ].join('\n');

/** The entry point: the only place that reads `process.env` and `process.argv`. */
export async function main(argv: string[]): Promise<void> {
  // Two-word commands (`policy check`, `cases list`, `kb ask`) are looked up by their first word.
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${USAGE()}\n`);
    return;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${USAGE()}\n`);
    process.exitCode = 2;
    return;
  }
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  // Everything the bot writes (database, attachments, keys) is readable by its own user only.
  process.umask(0o077);
  const shutdown = new AbortController();
  const stop = () => shutdown.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let code: number;
  try {
    code = await command.run({
      args,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      config,
      shutdown: shutdown.signal,
    });
  } catch (error) {
    // A data folder the bot cannot use: one clear line and its own exit code, not a stack trace.
    if (error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.exitCode;
      setImmediate(() => process.exit(error.exitCode));
      return;
    }
    throw error;
  }
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  // Botkit's web adapter leaves a heartbeat interval running: exit explicitly once the command is done.
  process.exitCode = code;
  if (name === 'serve' || name === 'chat') setImmediate(() => process.exit(code));
}

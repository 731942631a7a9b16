import pino, { type Logger } from 'pino';

/**
 * Paths that could carry personal data if someone logs a whole object by mistake.
 * Log lines should name ids and counts, never message text; this is the safety net.
 */
const REDACT = [
  'text', '*.text', 'name', '*.name', 'phone', '*.phone', 'idNumber', '*.idNumber', 'description', '*.description',
  'event.text', 'payload', '*.payload', 'facts', '*.facts', 'contact', '*.contact', 'update.message', 'ctx',
];

/** The bot's logger. Writes JSON lines to `destination` (stderr by default). */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { app: 'fayuan' }, redact: { paths: REDACT, censor: '[redacted]' } }, destination);
}

import type { SqlValue } from './database.js';

/** A value written as an SQLite literal. Strings are quoted with '' doubling (text with a NUL character as its bytes). */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Only finite numbers can be written into SQL.');
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  // A quoted literal ends at a NUL character; such text goes in as its UTF-8 bytes, read back as the same text.
  if (value.includes('\u0000')) return `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)`;
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Replaces each `?` placeholder of `sql` (outside quoted text) with the literal of the next parameter,
 * so several statements can run as one script in a single call to the driver.
 */
export function inlineSql(sql: string, params: readonly SqlValue[]): string {
  let out = '';
  let next = 0;
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') {
      if (next >= params.length) throw new RangeError('More placeholders than parameters.');
      out += sqlLiteral(params[next++]!);
    } else {
      out += ch;
    }
  }
  if (next !== params.length) throw new RangeError('More parameters than placeholders.');
  return out;
}

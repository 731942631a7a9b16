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
  const parts = templateParts(sql);
  if (parts.length - 1 > params.length) throw new RangeError('More placeholders than parameters.');
  if (parts.length - 1 !== params.length) throw new RangeError('More parameters than placeholders.');
  let out = parts[0]!;
  for (let i = 0; i < params.length; i++) out += sqlLiteral(params[i]!) + parts[i + 1]!;
  return out;
}

/**
 * The text between a statement's placeholders, found once per statement text: the group commit writes the same
 * few statements for every batch, and scanning them character by character cost ~20 µs a statement (~70 µs a
 * resident's turn), on the event loop for a small batch. Statements built for a batch's size vary with it, so
 * the cache is emptied when it grows past a bound.
 */
function templateParts(sql: string): readonly string[] {
  let parts = templates.get(sql);
  if (parts) return parts;
  parts = splitAtPlaceholders(sql);
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  templates.set(sql, parts);
  return parts;
}

const MAX_TEMPLATES = 2000;
const templates = new Map<string, readonly string[]>();

/** `sql` split at each `?` outside quoted text ('…' or "…"): one part more than there are placeholders. */
function splitAtPlaceholders(sql: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      parts.push(sql.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(sql.slice(start));
  return parts;
}

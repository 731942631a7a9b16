import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import { EXIT_CODES, StartupError } from './data-folder.js';
import { DecryptError, FieldCipher } from './field-cipher.js';

/** The key file of the embedded default (no `FAYUAN_DATA_KEY`): one base64 key a line, the current one first. */
export const KEY_FILE_NAME = 'data.key';

/** Where the data key lives: `FAYUAN_DATA_KEY` (with `FAYUAN_DATA_KEY_OLD` during a rotation), or the key file. */
export interface DataKeySource {
  dataDir: string;
  /** Keys from the environment, current first; null when the key file is used. */
  dataKeys: readonly Buffer[] | null;
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

/** The keys in a key file, current first; undefined when there is no file. */
export function readKeyFile(file: string): Buffer[] | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const keys = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => Buffer.from(l, 'base64'));
  if (keys.length === 0 || keys.some((k) => k.length !== 32)) {
    throw new StartupError(`fayuan: the key file ${file} is damaged (each line must be a 32-byte key in base64). Restore it from the backup.`, EXIT_CODES.dataKeyWrong);
  }
  return keys;
}

/** Writes a key file (mode 0600) in one step: a temporary file renamed over the old one. */
export function writeKeyFile(file: string, keys: readonly Buffer[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  const text = `# fayuan data key: back this file up apart from the data folder. Without it the data cannot be read.\n${keys.map((k) => k.toString('base64')).join('\n')}\n`;
  fs.writeFileSync(temp, text, { mode: 0o600, flag: 'w' });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

/** The cipher of this data folder: the environment's keys, or the key file (created with a new random key at first start). */
export function loadCipher(source: DataKeySource): FieldCipher {
  if (source.dataKeys && source.dataKeys.length > 0) return new FieldCipher(source.dataKeys);
  const file = keyFilePath(source.dataDir);
  let keys = readKeyFile(file);
  if (!keys) {
    fs.mkdirSync(source.dataDir, { recursive: true, mode: 0o700 });
    keys = [randomBytes(32)];
    try {
      fs.writeFileSync(file, `# fayuan data key: back this file up apart from the data folder. Without it the data cannot be read.\n${keys[0]!.toString('base64')}\n`, {
        mode: 0o600,
        flag: 'wx',
      });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      keys = readKeyFile(file)!;
    }
  }
  fs.chmodSync(file, 0o600);
  return new FieldCipher(keys);
}

/** Sealed columns: table, its key column, the sealed column. What a rotation re-seals and the start-up check samples. */
export const SEALED_COLUMNS: readonly { table: string; id: string; column: string }[] = [
  { table: 'conversations', id: 'key', column: 'snapshot' },
  { table: 'transcript', id: 'id', column: 'body' },
  { table: 'outbox', id: 'id', column: 'payload' },
  { table: 'cases', id: 'ref', column: 'applicant' },
  { table: 'cases', id: 'ref', column: 'description' },
  { table: 'cases', id: 'ref', column: 'rating_comment' },
  { table: 'case_events', id: 'id', column: 'note' },
  { table: 'case_notes', id: 'id', column: 'text' },
  { table: 'staff_relays', id: 'id', column: 'body' },
  { table: 'attachments', id: 'id', column: 'file_name' },
];

/**
 * Start-up check: a sealed value of each table opens with the keys this process holds. Throws
 * {@link StartupError} with one line when the key is not the one the data was written with.
 */
export async function checkDataKey(db: Database, cipher: FieldCipher, dataDir: string): Promise<void> {
  for (const { table, column } of SEALED_COLUMNS) {
    const row = await db.get<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE 'enc1:%' ORDER BY rowid DESC LIMIT 1`);
    if (!row) continue;
    try {
      cipher.open(row.v);
    } catch (error) {
      if (!(error instanceof DecryptError)) throw error;
      const needed = FieldCipher.keyIdOfValue(row.v);
      throw new StartupError(
        `fayuan: the data key (id ${cipher.currentId}) does not open the data in ${dataDir}, which was written with key ${needed}. Set FAYUAN_DATA_KEY to that key or restore ${KEY_FILE_NAME} from the backup.`,
        EXIT_CODES.dataKeyWrong,
      );
    }
  }
}

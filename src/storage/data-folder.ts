import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';

/** Exit codes of a start that cannot go on, one per cause, so an installer's script can tell them apart. */
export const EXIT_CODES = { dataFolderNotWritable: 3, databaseDamaged: 4, databaseNotWritable: 5 } as const;

/** The bot cannot start on this data folder; `message` is one line saying what to do. */
export class StartupError extends Error {
  override name = 'StartupError';
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Files in the data folder are the bot's alone: the folder 0700, the database files 0600. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Creates the data and attachments folders (mode 0700), checks this user may write there, and narrows
 * the modes of existing database files to 0600. Throws {@link StartupError} with one clear line.
 */
export function prepareDataFolder(dataDir: string, attachmentsDir: string, databaseFile: string): void {
  try {
    for (const dir of [dataDir, attachmentsDir]) {
      fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
      fs.chmodSync(dir, PRIVATE_DIR);
      fs.accessSync(dir, fs.constants.W_OK);
    }
    for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
      if (fs.existsSync(file)) fs.chmodSync(file, PRIVATE_FILE);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `fayuan: cannot write to the data folder ${dataDir} (${code}). Give this user write access to it, or set FAYUAN_DATA_DIR to a folder it can write.`,
      EXIT_CODES.dataFolderNotWritable,
      { cause: error },
    );
  }
}

/** Narrows the database file (and its journal) to mode 0600 once SQLite has created them. */
export function protectDatabaseFiles(databaseFile: string): void {
  for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
    if (fs.existsSync(file)) fs.chmodSync(file, PRIVATE_FILE);
  }
}

/** Writes the one-row health probe: proves the database takes writes now. */
export async function probeWrite(db: Database, at = Date.now()): Promise<void> {
  await db.run('INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at', [at]);
}

/**
 * Start-up checks of the database: its integrity (`PRAGMA quick_check`) and that it takes a write.
 * Throws {@link StartupError} with one clear line and a distinct exit code.
 */
export async function checkDatabase(db: Database): Promise<void> {
  const file = path.basename(db.file);
  let verdict: string;
  try {
    const rows = await db.all<{ quick_check: string }>('PRAGMA quick_check');
    verdict = rows.map((r) => r.quick_check).join('; ');
  } catch (error) {
    verdict = error instanceof Error ? error.name : 'unreadable';
  }
  if (verdict !== 'ok') {
    throw new StartupError(
      `fayuan: the database ${file} is damaged (integrity check: ${verdict.slice(0, 120)}). Stop the bot and restore the data folder from a backup.`,
      EXIT_CODES.databaseDamaged,
    );
  }
  try {
    await probeWrite(db);
  } catch (error) {
    throw new StartupError(
      `fayuan: the database ${file} cannot be written (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.name) : 'error'}). Check the disk has space and the file is writable by this user.`,
      EXIT_CODES.databaseNotWritable,
      { cause: error },
    );
  }
}

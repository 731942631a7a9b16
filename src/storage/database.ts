import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { StorageError } from './storage-error.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type Row = Record<string, unknown>;

/**
 * A promise wrapper over one sqlite3 connection. Every call is queued on the driver's
 * single connection, so statements run in the order they were issued.
 */
export interface Database {
  readonly file: string;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number; lastID: number }>;
  get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /**
   * Runs `work` inside BEGIN IMMEDIATE … COMMIT (ROLLBACK on error). Transactions are serialised:
   * a second call waits for the first to finish, so their statements never interleave.
   */
  transaction<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Runs `work` with `synchronous = NORMAL`: its commits survive a crash of the process but not a power
   * cut, and cost no fsync. Only for bookkeeping whose loss is harmless (e.g. marking messages sent).
   */
  relaxed<T>(work: (db: Database) => Promise<T>): Promise<T>;
  /**
   * Runs `statements` as one transaction without waiting between them: they are queued on the
   * connection in order, and only COMMIT (or ROLLBACK, if any failed) waits for them. Two round trips
   * to the driver instead of one per statement, which matters when the event loop is busy.
   * Each result is the rows of a statement (for `RETURNING`), or `[]`.
   */
  pipeline(statements: readonly { sql: string; params: readonly SqlValue[] }[]): Promise<Row[][]>;
  close(): Promise<void>;
}

/** Pragmas used by the bot, the CLI and the benchmark baseline alike. */
export const PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  // FULL: a commit is on disk before the bot tells anyone it was received.
  'PRAGMA synchronous = FULL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
];

/** Opens (creating if needed) the database file and applies {@link PRAGMAS}. */
export async function openDatabase(file: string): Promise<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(new StorageError(`open ${path.basename(file)}`, err)) : resolve(db)));
  });
  // Statements run in the order they are issued, which `pipeline` relies on.
  raw.serialize();
  const db = wrap(raw, file);
  for (const pragma of PRAGMAS) await db.exec(pragma);
  return db;
}

function wrap(raw: sqlite3.Database, file: string): Database {
  // Writes and transactions share one queue: a lone write never lands inside someone else's transaction.
  let writeQueue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const result = writeQueue.then(work);
    writeQueue = result.catch(() => undefined);
    return result;
  };
  const op = (sql: string) => sql.trim().split(/\s+/, 3).join(' ');

  const direct: Database = {
    file,
    run(sql, params = []) {
      return new Promise((resolve, reject) => {
        raw.run(sql, params as unknown[], function (this: sqlite3.RunResult, err: Error | null) {
          if (err) reject(new StorageError(op(sql), err));
          else resolve({ changes: this.changes, lastID: this.lastID });
        });
      });
    },
    get<T>(sql: string, params: readonly SqlValue[] = []) {
      return new Promise<T | undefined>((resolve, reject) => {
        raw.get(sql, params as unknown[], (err: Error | null, row: T | undefined) =>
          err ? reject(new StorageError(op(sql), err)) : resolve(row),
        );
      });
    },
    all<T>(sql: string, params: readonly SqlValue[] = []) {
      return new Promise<T[]>((resolve, reject) => {
        raw.all(sql, params as unknown[], (err: Error | null, rows: T[]) =>
          err ? reject(new StorageError(op(sql), err)) : resolve(rows),
        );
      });
    },
    exec(sql) {
      return new Promise((resolve, reject) => {
        raw.exec(sql, (err) => (err ? reject(new StorageError(op(sql), err)) : resolve()));
      });
    },
    async transaction<T>(work: (db: Database) => Promise<T>) {
      // Already inside a transaction: nested calls join it.
      return work(direct);
    },
    async relaxed<T>(work: (db: Database) => Promise<T>) {
      return work(direct);
    },
    async pipeline(statements) {
      return Promise.all(statements.map((s) => direct.all(s.sql, s.params)));
    },
    close() {
      return new Promise((resolve, reject) => {
        raw.close((err) => (err ? reject(new StorageError('close', err)) : resolve()));
      });
    },
  };

  return {
    ...direct,
    run: (sql, params) => enqueue(() => direct.run(sql, params)),
    exec: (sql) => enqueue(() => direct.exec(sql)),
    transaction: <T>(work: (db: Database) => Promise<T>) =>
      enqueue(async () => {
        await direct.exec('BEGIN IMMEDIATE');
        try {
          const value = await work(direct);
          await direct.exec('COMMIT');
          return value;
        } catch (error) {
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    relaxed: <T>(work: (db: Database) => Promise<T>) =>
      enqueue(async () => {
        await direct.exec('PRAGMA synchronous = NORMAL');
        try {
          return await work(direct);
        } finally {
          await direct.exec('PRAGMA synchronous = FULL');
        }
      }),
    pipeline: (statements) =>
      enqueue(async () => {
        const begin = direct.exec('BEGIN IMMEDIATE');
        const results = statements.map((s) => direct.all(s.sql, s.params));
        await begin;
        const settled = await Promise.allSettled(results);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) {
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw failed.reason;
        }
        await direct.exec('COMMIT');
        return settled.map((r) => (r as PromiseFulfilledResult<Row[]>).value);
      }),
    close: () => enqueue(() => direct.close()),
  };
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row insert of `rows` rows of `columns` values. */
export function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

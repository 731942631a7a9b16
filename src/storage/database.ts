import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { StorageError } from './storage-error.js';
import { inlineSql } from './inline-sql.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type Row = Record<string, unknown>;

/**
 * A promise wrapper over the sqlite3 driver. Writes (`run`, `exec`, `transaction`, `script`) go to
 * one connection, in the order issued; `get` and `all` read on a second, read-only connection
 * (inside a transaction they read on the writing one). SQLite-only: the app sees repositories.
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
   * Runs `statements` as one transaction (BEGIN IMMEDIATE … COMMIT, parameters written in as
   * literals) and then the query `results`, in a single hand-off: both are queued on the driver at
   * once, nothing awaits in between, and one callback brings back the rows of `results`. A script
   * leaves what the caller needs to read in a temporary table, which `results` reads. When a
   * statement fails, nothing of the script stays.
   */
  script(statements: readonly Statement[], results?: Statement): Promise<Row[]>;
  close(): Promise<void>;
}

/** Pragmas used by the bot, the CLI and the benchmark baseline alike. */
export const PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  // FULL: a commit is on disk before the bot tells anyone it was received.
  'PRAGMA synchronous = FULL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  // Deleted rows are overwritten, not left readable in free pages: erasure must erase.
  'PRAGMA secure_delete = ON',
];

function connect(file: string): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(new StorageError(`open ${path.basename(file)}`, err)) : resolve(db)));
  });
}

function execRaw(raw: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => raw.exec(sql, (err) => (err ? reject(new StorageError(sql, err)) : resolve())));
}

/**
 * Opens (creating if needed) the database file and applies {@link PRAGMAS}. Two connections: one
 * writes (every write, transaction and script, in the order issued), one only reads (`get`/`all`
 * outside a transaction), so a read never waits behind a commit (WAL lets readers and the writer work at once).
 */
export async function openDatabase(file: string): Promise<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = await connect(file);
  // Statements run in the order they are issued, which `script` relies on.
  raw.serialize();
  for (const pragma of PRAGMAS) await execRaw(raw, pragma);
  let reader: sqlite3.Database | undefined;
  if (file !== ':memory:') {
    reader = await connect(file);
    // The reading connection can never write, not even by mistake.
    for (const pragma of [...PRAGMAS, 'PRAGMA query_only = ON']) await execRaw(reader, pragma);
  }
  return wrap(raw, file, reader);
}

function wrap(raw: sqlite3.Database, file: string, reader?: sqlite3.Database): Database {
  // Writes and transactions share one queue: a lone write never lands inside someone else's transaction.
  let writeQueue: Promise<unknown> = Promise.resolve();
  // A read sees every write issued before it (as on one connection), except group-commit scripts:
  // what they write belongs to turns whose callers are still waiting for them, so nobody reads it yet.
  let lastOrderedWrite: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>, ordered = true): Promise<T> => {
    const result = writeQueue.then(work);
    writeQueue = result.catch(() => undefined);
    if (ordered) lastOrderedWrite = writeQueue;
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
    script(statements, results) {
      return new Promise<Row[]>((resolve, reject) => {
        let scriptError: Error | null = null;
        const body = statements.map((st) => `${inlineSql(st.sql, st.params)};`).join('\n');
        // Queued together (the connection is in serialized mode): the read runs right after COMMIT
        // on the driver's thread, without waiting for this thread to be free.
        raw.exec(`BEGIN IMMEDIATE;\n${body}\nCOMMIT;`, (err) => {
          scriptError = err;
        });
        raw.all(results?.sql ?? 'SELECT 1 WHERE 0', (results?.params ?? []) as unknown[], (err: Error | null, rows: Row[]) => {
          const error = scriptError ?? err;
          if (!error) return resolve(rows);
          // Whatever ran stays uncommitted; ROLLBACK fails harmlessly when nothing is open.
          raw.exec('ROLLBACK', () => reject(new StorageError('script', error)));
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        raw.close((err) => (err ? reject(new StorageError('close', err)) : resolve()));
      });
    },
  };

  const read = reader ? readOnly(reader) : direct;
  return {
    ...direct,
    get: (sql, params) => lastOrderedWrite.then(() => read.get(sql, params)),
    all: (sql, params) => lastOrderedWrite.then(() => read.all(sql, params)),
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
    script: (statements, results) => enqueue(() => direct.script(statements, results), false),
    close: () =>
      enqueue(async () => {
        if (reader) await new Promise<void>((resolve, reject) => reader.close((err) => (err ? reject(new StorageError('close', err)) : resolve())));
        await direct.close();
      }),
  };
}

/** `get` and `all` over the reading connection. */
function readOnly(raw: sqlite3.Database): Pick<Database, 'get' | 'all'> {
  const op = (sql: string) => sql.trim().split(/\s+/, 3).join(' ');
  return {
    get<T>(sql: string, params: readonly SqlValue[] = []) {
      return new Promise<T | undefined>((resolve, reject) => {
        raw.get(sql, params as unknown[], (err: Error | null, row: T | undefined) => (err ? reject(new StorageError(op(sql), err)) : resolve(row)));
      });
    },
    all<T>(sql: string, params: readonly SqlValue[] = []) {
      return new Promise<T[]>((resolve, reject) => {
        raw.all(sql, params as unknown[], (err: Error | null, rows: T[]) => (err ? reject(new StorageError(op(sql), err)) : resolve(rows)));
      });
    },
  };
}

/** A statement and its parameters. */
export interface Statement {
  sql: string;
  params: readonly SqlValue[];
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row insert of `rows` rows of `columns` values. */
export function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

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
   * literals) and then, on the same connection and before any other write, the query `results`
   * (prepared once per text and kept). A script leaves what the caller needs to read in a temporary
   * table, which `results` reads; without `results` nothing is read. When a statement fails, nothing
   * of the script stays. `statements` may also be the script's text with its values already written
   * in (see batch-script.ts, which builds it off the event loop).
   */
  script(statements: readonly Statement[] | string, results?: Statement): Promise<Row[]>;
  /**
   * Copies committed pages from the WAL into the database file (`wal_checkpoint(PASSIVE)`) on a
   * connection of its own, so it neither waits for nor delays the writer's commits. Resolves with
   * the frames in the WAL and how many of them are in the database file now. `onWriter`: on the
   * writing connection instead, between two commits (see checkpointer.ts); reads do not wait for it.
   */
  checkpoint(options?: { onWriter?: boolean }): Promise<{ log: number; checkpointed: number }>;
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
  // Temporary data in memory: a large group commit's statement journal otherwise went to a new file in /var/tmp
  // for almost every commit (outside the data folder, with what the statements held; ~80 page writes each).
  'PRAGMA temp_store = MEMORY',
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
 * Opens (creating if needed) the database file and applies {@link PRAGMAS}. One connection writes
 * (every write, transaction and script, in the order issued); two others only read (`get`/`all`
 * outside a transaction), each read going to the less busy one: a read never waits behind a commit
 * (WAL lets readers and the writer work at once), and a quick read rarely behind a long one.
 */
export async function openDatabase(file: string): Promise<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = await connect(file);
  // Statements run in the order they are issued, which `script` relies on.
  raw.serialize();
  for (const pragma of PRAGMAS) await execRaw(raw, pragma);
  const readers: sqlite3.Database[] = [];
  if (file !== ':memory:') {
    for (let i = 0; i < READERS; i++) {
      const reader = await connect(file);
      // A reading connection can never write, not even by mistake.
      for (const pragma of [...PRAGMAS, 'PRAGMA query_only = ON']) await execRaw(reader, pragma);
      readers.push(reader);
    }
  }
  return wrap(raw, file, readers);
}

const READERS = 2;

function wrap(raw: sqlite3.Database, file: string, readers: sqlite3.Database[]): Database {
  let checkpointer: Promise<sqlite3.Database> | undefined;
  // The queries that read a script's results, prepared once on the writing connection. Read through
  // `raw.all`, each commit prepared, stepped and finalized its read: a statement object made and a
  // hand-off to the driver's thread and back (a wake-up of each thread) more per commit.
  const resultReads = new Map<string, sqlite3.Statement>();
  const readResults = (results: Statement, done: (err: Error | null, rows: Row[]) => void): void => {
    const prepared = resultReads.get(results.sql);
    if (prepared) {
      prepared.all(results.params as unknown[], done);
      return;
    }
    // Called once: with the error, or with null once the statement is prepared.
    const statement = raw.prepare(results.sql, (err: Error | null) => {
      if (err) return done(err, []);
      resultReads.set(results.sql, statement);
      statement.all(results.params as unknown[], done);
    });
  };
  const checkpointConnection = () => (checkpointer ??= connect(file).then(async (c) => (await execRaw(c, 'PRAGMA busy_timeout = 5000'), c)));
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
        const body = typeof statements === 'string' ? statements : statements.map((st) => `${inlineSql(st.sql, st.params)};`).join('\n');
        const fail = (error: Error) => {
          // Whatever ran stays uncommitted; ROLLBACK fails harmlessly when nothing is open.
          raw.exec('ROLLBACK', () => reject(new StorageError('script', error)));
        };
        // The read starts from the script's callback: a statement prepared beforehand runs as soon as
        // it is called, beside the script on another of the driver's threads rather than after it.
        // Nothing else is written meanwhile (the write queue waits for this promise).
        raw.exec(`BEGIN IMMEDIATE;\n${body}\nCOMMIT;`, (scriptError) => {
          if (scriptError) return fail(scriptError);
          if (!results) return resolve([]);
          readResults(results, (err, rows) => (err ? fail(err) : resolve(rows)));
        });
      });
    },
    async checkpoint(options) {
      if (file === ':memory:') return { log: 0, checkpointed: 0 };
      const connection = options?.onWriter ? raw : await checkpointConnection();
      return new Promise((resolve, reject) => {
        connection.get('PRAGMA wal_checkpoint(PASSIVE)', (err: Error | null, row: { log: number; checkpointed: number } | undefined) =>
          err ? reject(new StorageError('checkpoint', err)) : resolve({ log: row?.log ?? 0, checkpointed: row?.checkpointed ?? 0 }),
        );
      });
    },
    async close() {
      // A connection with statements still prepared does not close.
      for (const statement of resultReads.values()) await new Promise<void>((resolve) => statement.finalize(() => resolve()));
      resultReads.clear();
      return new Promise((resolve, reject) => {
        raw.close((err) => (err ? reject(new StorageError('close', err)) : resolve()));
      });
    },
  };

  const read = readers.length > 0 ? readPool(readers.map(readOnly)) : direct;
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
    // On the writer: in the write queue, between two commits; nothing a read must see, so reads do not wait.
    checkpoint: (options) => (options?.onWriter ? enqueue(() => direct.checkpoint(options), false) : direct.checkpoint(options)),
    close: () =>
      enqueue(async () => {
        const others = [...readers, checkpointer ? await checkpointer.catch(() => undefined) : undefined];
        for (const other of others) {
          if (other) await new Promise<void>((resolve, reject) => other.close((err) => (err ? reject(new StorageError('close', err)) : resolve())));
        }
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

/** Sends each read to the connection with the fewest reads in flight. */
function readPool(pool: Pick<Database, 'get' | 'all'>[]): Pick<Database, 'get' | 'all'> {
  const busy = pool.map(() => 0);
  const using = <T>(work: (c: Pick<Database, 'get' | 'all'>) => Promise<T>): Promise<T> => {
    let i = 0;
    for (let j = 1; j < pool.length; j++) if (busy[j]! < busy[i]!) i = j;
    busy[i]!++;
    return work(pool[i]!).finally(() => busy[i]!--);
  };
  return {
    get: (sql, params) => using((c) => c.get(sql, params)),
    all: (sql, params) => using((c) => c.all(sql, params)),
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

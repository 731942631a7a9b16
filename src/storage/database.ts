import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { StorageError } from './storage-error.js';
import { inlineSql } from './inline-sql.js';

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
   * Runs `statements` as one script with `synchronous = NORMAL`: the change survives a crash of the
   * process but not a power cut, and costs no fsync. Only for bookkeeping whose loss is harmless
   * (e.g. marking messages sent).
   */
  relaxed(statements: readonly PipelineStatement[]): Promise<void>;
  /**
   * Runs `statements` as one transaction in as few calls to the driver as possible: statements whose
   * rows are not needed are sent together as one script (parameters written in as literals), and a
   * statement with `rows: true` (`RETURNING`) on its own. Each call costs a turn of the event loop,
   * which is what a busy bot runs short of. Each result is the rows of a statement, or `[]`.
   */
  pipeline(statements: readonly PipelineStatement[]): Promise<Row[][]>;
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
    async relaxed(statements) {
      await direct.exec(statements.map((st) => `${inlineSql(st.sql, st.params)};`).join('\n'));
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
    relaxed: (statements) =>
      enqueue(async () => {
        try {
          const script = statements.map((st) => `${inlineSql(st.sql, st.params)};`).join('\n');
          await direct.exec(`PRAGMA synchronous = NORMAL;\n${script}`);
        } finally {
          await direct.exec('PRAGMA synchronous = FULL');
        }
      }),
    pipeline: (statements) =>
      enqueue(async () => {
        const results: Row[][] = statements.map(() => []);
        let script = 'BEGIN IMMEDIATE;';
        try {
          for (const [i, statement] of statements.entries()) {
            if (!statement.rows) {
              script += `\n${inlineSql(statement.sql, statement.params)};`;
              continue;
            }
            await direct.exec(script);
            script = '';
            results[i] = await direct.all(statement.sql, statement.params);
          }
          await direct.exec(`${script}\nCOMMIT;`);
          return results;
        } catch (error) {
          // Whatever ran (or did not), nothing of it stays; ROLLBACK fails harmlessly when BEGIN never ran.
          await direct.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    close: () => enqueue(() => direct.close()),
  };
}

/** A statement of {@link Database.pipeline}; `rows: true` when its result rows are wanted. */
export interface PipelineStatement {
  sql: string;
  params: readonly SqlValue[];
  rows?: boolean;
}

/** `(?, ?, ?), (?, ?, ?)` for a multi-row insert of `rows` rows of `columns` values. */
export function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';
import { openDatabase } from '../../src/storage/database.js';
import { migrate } from '../../src/storage/migrate.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { StorageError } from '../../src/storage/storage-error.js';
import { GroupCommit } from '../../src/storage/group-commit.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';

describe('storage', () => {
  it('opens in WAL mode with full sync and applies every migration once', async () => {
    const file = path.join(tempDir(), 'nested', 'db.sqlite');
    const db = await openStorage(file);
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    // Temporary data (a large commit's statement journal) stays in memory, not in /var/tmp outside the data folder.
    expect(await db.get('PRAGMA temp_store')).toEqual({ temp_store: 2 });
    expect(await migrate(db)).toEqual([]);
    const applied = await db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await db.close();
  });

  it('wraps driver errors in a StorageError that keeps the cause and no row data', async () => {
    const db = await openDatabase(path.join(tempDir(), 'db.sqlite'));
    const error = await db.run('INSERT INTO missing_table VALUES (?)', ['13800138000']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).message).not.toContain('13800138000');
    expect(String((error as StorageError).cause)).toContain('no such table');
    await db.close();
  });

  it('rolls a transaction back when its work fails, and keeps lone writes out of it', async () => {
    const db = await openDatabase(path.join(tempDir(), 'db.sqlite'));
    await db.exec('CREATE TABLE t (v INTEGER)');
    const failing = db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('boom');
    });
    const lone = db.run('INSERT INTO t VALUES (2)');
    await expect(failing).rejects.toThrow('boom');
    await lone;
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: 2 }]);
    await db.close();
  });

  it('writes a script whole with its results read back, or not at all when one statement fails', async () => {
    const db = await openDatabase(path.join(tempDir(), 'db.sqlite'));
    await db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const rows = await db.script(
      [
        { sql: 'CREATE TEMP TABLE IF NOT EXISTS out (v INTEGER)', params: [] },
        { sql: 'INSERT INTO t VALUES (?)', params: [1] },
        { sql: 'INSERT INTO t VALUES (?)', params: [2] },
        { sql: 'INSERT INTO temp.out SELECT MAX(v) FROM t', params: [] },
      ],
      { sql: 'SELECT v FROM temp.out', params: [] },
    );
    expect(rows).toEqual([{ v: 2 }]);
    await expect(
      db.script([
        { sql: 'INSERT INTO t VALUES (?)', params: [3] },
        { sql: 'INSERT INTO t VALUES (?)', params: [null] },
      ]),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await db.all('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }]);
    // The connection is usable after the failure: no transaction was left open.
    await db.script([{ sql: 'INSERT INTO t VALUES (?)', params: [4] }]);
    expect(await db.all('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }, { v: 4 }]);
    await db.close();
  });

  it('reads back each script its own results when scripts follow each other, and still closes', async () => {
    const db = await openDatabase(path.join(tempDir(), 'db.sqlite'));
    await db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const results = { sql: 'SELECT v FROM temp.out', params: [] };
    const script = (v: number) => [
      { sql: 'CREATE TEMP TABLE IF NOT EXISTS out (v INTEGER)', params: [] },
      { sql: 'DELETE FROM temp.out', params: [] },
      { sql: 'INSERT INTO t VALUES (?)', params: [v] },
      { sql: 'INSERT INTO temp.out SELECT MAX(v) FROM t', params: [] },
    ];
    // Issued together, as the group commit's batches meet in the write queue.
    const read = await Promise.all([1, 2, 3, 4, 5].map((v) => db.script(script(v), results)));
    expect(read).toEqual([[{ v: 1 }], [{ v: 2 }], [{ v: 3 }], [{ v: 4 }], [{ v: 5 }]]);
    // Without a results query nothing is read.
    expect(await db.script(script(6))).toEqual([]);
    await db.close();
  });

  it('commits writes submitted together in one batch, and each caller gets its own result', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      return items.map((i) => i * 10);
    });
    const results = await Promise.all([1, 2, 3].map((i) => commit.submit(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });
});

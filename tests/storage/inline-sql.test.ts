import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { openDatabase } from '../../src/storage/database.js';
import { inlineSql, sqlLiteral } from '../../src/storage/inline-sql.js';

describe('writing parameters into SQL', () => {
  it.each([
    [null, 'NULL'],
    [42, '42'],
    [-1.5, '-1.5'],
    ["it's", "'it''s'"],
    ['老板欠我工资', "'老板欠我工资'"],
  ])('writes %j as %s', (value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it('refuses values that cannot be written safely', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(sqlLiteral('a\u0000b')).toBe("CAST(X'610062' AS TEXT)");
  });

  it('leaves question marks inside quoted SQL alone and counts placeholders', () => {
    expect(inlineSql("SELECT '?', ? AS v", [1])).toBe("SELECT '?', 1 AS v");
    expect(() => inlineSql('SELECT ?, ?', [1])).toThrow();
    expect(() => inlineSql('SELECT ?', [1, 2])).toThrow();
  });

  it('stores hostile text exactly as typed through a script', async () => {
    const db = await openDatabase(path.join(tempDir(), 'db.sqlite'));
    await db.exec('CREATE TABLE t (v TEXT NOT NULL)');
    const hostile = `'); DROP TABLE t; -- "引号" \\ \n 换行 ☃ \u0000 after a NUL`;
    await db.script([{ sql: 'INSERT INTO t VALUES (?)', params: [hostile] }, { sql: 'INSERT INTO t VALUES (?)', params: ['second'] }]);
    expect(await db.all('SELECT v FROM t')).toEqual([{ v: hostile }, { v: 'second' }]);
    await db.close();
  });
});

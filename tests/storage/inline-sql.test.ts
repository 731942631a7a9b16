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
    expect(inlineSql(`SELECT "a?b", 'it''s?', ?`, ['x'])).toBe(`SELECT "a?b", 'it''s?', 'x'`);
    expect(() => inlineSql('SELECT ?, ?', [1])).toThrow();
    expect(() => inlineSql('SELECT ?', [1, 2])).toThrow();
  });

  it("writes each call's own values when the same statement comes again, and statements of any size", () => {
    const sql = "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT (a) DO UPDATE SET b = 'x?'";
    expect(inlineSql(sql, ['one', 1])).toBe("INSERT INTO t (a, b) VALUES ('one', 1) ON CONFLICT (a) DO UPDATE SET b = 'x?'");
    expect(inlineSql(sql, ["it's", null])).toBe("INSERT INTO t (a, b) VALUES ('it''s', NULL) ON CONFLICT (a) DO UPDATE SET b = 'x?'");
    expect(() => inlineSql(sql, ['one'])).toThrow('More placeholders than parameters.');
    // Many statements of different sizes (one per batch size) are all written right.
    for (let n = 1; n <= 2500; n += 7) {
      const values = Array.from({ length: n }, (_, i) => i);
      expect(inlineSql(`SELECT ${values.map(() => '?').join(', ')}`, values)).toBe(`SELECT ${values.join(', ')}`);
    }
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

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditCommand } from '../../src/cli/audit-command.js';
import { staffCommand } from '../../src/cli/staff-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import type { Command } from '../../src/cli/io.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { tempDir } from '../helpers/temp-dir.js';

async function run(command: Command, config: Config, args: string[], input = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const code = await command({ args, stdin, stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, out, err };
}

describe('fayuan staff and fayuan audit', () => {
  it('keeps the name residents see (--name) apart from the login name', async () => {
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), LOG_LEVEL: 'silent' });
    expect((await run(staffCommand, config, ['add', 'zhao', '--role', 'staff', '--name', ' 赵敏 ', '--password-stdin'], 'a long enough secret\n')).code).toBe(0);
    expect((await run(staffCommand, config, ['add', 'qian', '--role', 'staff', '--password-stdin'], 'a long enough secret\n')).code).toBe(0);
    const list = JSON.parse((await run(staffCommand, config, ['list', '--json'])).out) as { username: string; displayName: string | null }[];
    expect(list.map((a) => [a.username, a.displayName])).toEqual([['qian', null], ['zhao', '赵敏']]);
  });

  it('gives an existing account its name, and lists each account with the name people see', async () => {
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), LOG_LEVEL: 'silent' });
    expect((await run(staffCommand, config, ['add', 'qian', '--role', 'staff', '--password-stdin'], 'a long enough secret\n')).code).toBe(0);
    const named = await run(staffCommand, config, ['name', 'qian', '--name', '钱芳']);
    expect(named.code).toBe(0);
    expect(named.out).toContain('qian');
    const list = await run(staffCommand, config, ['list']);
    expect(list.out).toContain('钱芳');
    expect((await run(staffCommand, config, ['name', 'nobody', '--name', 'x'])).code).toBe(1);
  });


  it('adds, lists, disables and resets accounts with the password on stdin, stores only a scrypt hash, and audits each change', async () => {
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), LOG_LEVEL: 'silent' });
    const added = await run(staffCommand, config, ['add', 'wangfang', '--role', 'supervisor', '--office', 'demo-city-union', '--password-stdin', '--lang', 'en'], 'a long enough secret\n');
    expect(added.code).toBe(0);
    expect(added.out).toContain('Created account wangfang');
    expect((await run(staffCommand, config, ['add', 'wangfang', '--role', 'staff', '--password-stdin'], 'another long secret\n')).err).toContain('已被使用');
    expect((await run(staffCommand, config, ['add', 'li', '--role', 'staff', '--password-stdin'], 'short\n')).code).toBe(1);
    expect((await run(staffCommand, config, ['add', 'li', '--role', 'boss', '--password-stdin'], 'a long enough secret\n')).code).toBe(1);
    expect((await run(staffCommand, config, ['add', 'li', '--role', 'staff', '--office', 'nowhere', '--password-stdin'], 'a long enough secret\n')).err).toContain('nowhere');
    expect((await run(staffCommand, config, ['add', 'li', '--role', 'staff'], '')).code).toBe(1);

    const db = await openStorage(config.databaseFile);
    const row = await db.get<{ password_hash: string }>('SELECT password_hash FROM staff_accounts WHERE username = ?', ['wangfang']);
    await db.close();
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row!.password_hash).not.toContain('a long enough secret');

    const list = await run(staffCommand, config, ['list', '--lang', 'en']);
    expect(list.out).toMatch(/wangfang\t—\tsupervisor\tdemo-city-union\tenabled\tnever/);
    expect((await run(staffCommand, config, ['reset-password', 'wangfang', '--password-stdin'], 'a new long secret\n')).code).toBe(0);
    expect((await run(staffCommand, config, ['disable', 'wangfang'])).code).toBe(0);
    expect((await run(staffCommand, config, ['list', '--json'])).out).toContain('"disabled":true');

    const audit = await run(auditCommand, config, ['--json']);
    const actions = audit.out.trim().split('\n').map((l) => JSON.parse(l) as { action: string; target: string });
    expect(actions.map((a) => a.action)).toEqual(['account.disable', 'account.reset_password', 'account.create']);
    expect(actions.every((a) => a.target === 'account:1')).toBe(true);
  });
});

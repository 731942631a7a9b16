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
    expect(list.out).toMatch(/wangfang\tsupervisor\tdemo-city-union\tenabled\tnever/);
    expect((await run(staffCommand, config, ['reset-password', 'wangfang', '--password-stdin'], 'a new long secret\n')).code).toBe(0);
    expect((await run(staffCommand, config, ['disable', 'wangfang'])).code).toBe(0);
    expect((await run(staffCommand, config, ['list', '--json'])).out).toContain('"disabled":true');

    const audit = await run(auditCommand, config, ['--json']);
    const actions = audit.out.trim().split('\n').map((l) => JSON.parse(l) as { action: string; target: string });
    expect(actions.map((a) => a.action)).toEqual(['account.disable', 'account.reset_password', 'account.create']);
    expect(actions.every((a) => a.target === 'account:1')).toBe(true);
  });
});

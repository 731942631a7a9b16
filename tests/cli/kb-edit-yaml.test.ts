import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { kbCommand } from '../../src/cli/kb-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import { tempDir } from '../helpers/temp-dir.js';

async function run(config: Config, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await kbCommand({ args, stdin: new PassThrough(), stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, out, err };
}

describe('fayuan kb edit with a broken YAML file', () => {
  it('names the line and column of the YAML error, as kb import does', async () => {
    const config = parseConfig({ FAYUAN_DATA_DIR: tempDir(), LOG_LEVEL: 'silent' });
    const file = path.join(tempDir(), 'wage_arrears.yaml');
    fs.writeFileSync(file, 'id: wage_arrears\ntitle:\n  zh-CN: 被拖欠工资\n   en: bad indent\n');
    const imported = await run(config, ['import', file]);
    expect(imported.err).toMatch(/line 3, column \d+/);
    const edited = await run(config, ['edit', 'wage_arrears', '--file', file]);
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(/line 3, column \d+/);
    expect(edited.err).not.toContain('must hold exactly one entry');
  });
});

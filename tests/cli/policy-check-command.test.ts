import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { policyCheckCommand } from '../../src/cli/policy-check-command.js';
import { parseConfig } from '../../src/config.js';
import { copyDefaultPack, editPackFile } from '../knowledge/policy/pack-copy.js';

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const code = await policyCheckCommand({ args, stdin: new PassThrough(), stdout, stderr, config: parseConfig({}), shutdown: new AbortController().signal });
  return { code, out, err };
}

describe('fayuan policy check', () => {
  it.each([[[]], [['check']]])('checks the configured pack with args %j and prints a one-line summary', async (args) => {
    const { code, out } = await run(args);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^OK fayuan-default@2025\.3 .*2 regions, 6 rules, 5 offices, 3 routing rules/);
  });

  it('prints each problem as file: path: message and exits 1', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) => (d.regions[1].standards[0].effectiveFrom = '2025/01/01'));
    editPackFile(dir, 'offices.yaml', (d) => (d.routing[2].office = 'demo-city-jail'));
    const { code, out, err } = await run(['check', dir]);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      'regions.yaml: regions[1].standards[0].effectiveFrom: must be a date written YYYY-MM-DD (e.g. 2025-01-01), got "2025/01/01"',
      'offices.yaml: routing[2].office: no office "demo-city-jail" in offices',
    ]);
    expect(err).toContain('2 problems');
  });

  it('rejects extra arguments', async () => {
    expect((await run(['check', 'a', 'b'])).code).toBe(2);
  });
});

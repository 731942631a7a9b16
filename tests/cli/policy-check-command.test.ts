import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { policyCheckCommand } from '../../src/cli/policy-check-command.js';
import { parseConfig } from '../../src/config.js';
import fs from 'node:fs';
import path from 'node:path';
import { copyDefaultPack, editPackFile } from '../knowledge/policy/pack-copy.js';

/** The 1-based line of a file that holds `text`, as an operator finds it in an editor. */
function lineOf(dir: string, file: string, text: string): number {
  return fs.readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((line) => line.includes(text)) + 1;
}

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
  it.each([[['--lang', 'en']], [['check', '--lang', 'en']]])('checks the configured pack with args %j and prints a one-line summary', async (args) => {
    const { code, out } = await run(args);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^OK fayuan-default@2025\.4 .*2 regions, 6 rules, 5 offices, 3 routing rules/);
  });

  it('says in Chinese by default which file, which line and key, and what is wrong, and exits 1', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) => (d.regions[1].standards[0].effectiveFrom = '2025/01/01'));
    editPackFile(dir, 'offices.yaml', (d) => (d.routing[2].office = 'demo-city-jail'));
    const dateLine = lineOf(dir, 'regions.yaml', '2025/01/01');
    const officeLine = lineOf(dir, 'offices.yaml', 'demo-city-jail');
    const { code, out, err } = await run(['check', dir]);
    expect(code).toBe(1);
    expect(out.trim().split('\n')).toEqual([
      `regions.yaml 第 ${dateLine} 行（regions[1].standards[0].effectiveFrom）：日期要写成“年-月-日”，例如 2025-01-01，现在是"2025/01/01"。`,
      `offices.yaml 第 ${officeLine} 行（routing[2].office）：offices.yaml 里没有办公室“demo-city-jail”。`,
    ]);
    expect(err).toContain('有 2 处问题');
    expect(err).toContain('fayuan policy check');
  });

  it('says it in English with --lang en, as the other commands do', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) => (d.regions[1].standards[0].effectiveFrom = '2025/01/01'));
    const line = lineOf(dir, 'regions.yaml', '2025/01/01');
    for (const args of [['check', dir, '--lang', 'en'], ['check', '--lang=en', dir]]) {
      const { code, out, err } = await run(args);
      expect(code).toBe(1);
      expect(out.trim()).toBe(
        `regions.yaml, line ${line} (regions[1].standards[0].effectiveFrom): write the date as year-month-day, for example 2025-01-01; it is "2025/01/01".`,
      );
      expect(err).toContain('1 problem in the policy folder');
    }
  });

  it('names a missing key and a misspelt one in plain words', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) => {
      delete d.regions[0].standards[0].urban.multiplier;
      d.regions[0].standards[0].rural.minimumLivng = d.regions[0].standards[0].rural.minimumLiving;
    });
    const { out } = await run(['check', dir]);
    expect(out).toContain('（regions[0].standards[0].urban）：需要写低保标准 minimumLiving（每人每月多少元）和倍数 multiplier');
    expect(out).toContain('（regions[0].standards[0].rural.minimumLivng）：这里不认识“minimumLivng”（是不是拼错了？）。这里可以写：minimumLiving, multiplier, threshold。');
    const en = (await run(['check', dir, '--lang', 'en'])).out;
    expect(en).toContain('(regions[0].standards[0].rural.minimumLivng): “minimumLivng” is not known here (a spelling mistake?).');
  });

  it('says OK in the chosen language', async () => {
    expect((await run(['check'])).out).toMatch(/^没有问题 fayuan-default@2025\.4.*：2 个地区，6 条本地规则，5 个办公室，3 条分派规则/);
  });

  it('rejects extra arguments', async () => {
    expect((await run(['check', 'a', 'b'])).code).toBe(2);
  });
});

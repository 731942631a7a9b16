import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { assessCommand } from '../../src/cli/assess-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import { tempDir } from '../helpers/temp-dir.js';

async function run(lines: string[], args: string[] = [], config: Config = parseConfig({})) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  stdin.end(lines.join('\n'));
  const code = await assessCommand({ args, stdin, stdout, stderr, config, shutdown: new AbortController().signal });
  const decisions = out.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return { code, decisions, err };
}

const migrantWages = JSON.stringify({ region: 'demo-city', category: 'wages', groups: ['migrant_worker'], age: 30, disability: 'none' });

describe('fayuan assess', () => {
  it('writes one decision per line in the vocabulary of domain.md', async () => {
    const { code, decisions } = await run([migrantWages], ['--date', '2025-06-01']);
    expect(code).toBe(0);
    expect(decisions).toEqual([
      expect.objectContaining({
        outcome: 'eligible',
        meansTest: 'exempt',
        urgent: false,
        sameDay: true,
        basis: [{ source: 'LAL', article: 42 }],
        route: 'demo-city-union',
        policyVersion: 'fayuan-default@2025.4',
        assessedOn: '2025-06-01',
      }),
    ]);
  });

  it('answers a malformed line with an error object and carries on', async () => {
    const { code, decisions } = await run([migrantWages, '{"category": ', '{"householdSize": 0}', '', '{"category":"inheritance"}']);
    expect(code).toBe(0);
    expect(decisions).toHaveLength(4);
    expect(decisions[1]).toEqual({ error: expect.stringContaining('not valid JSON'), line: 2 });
    expect(decisions[2]).toEqual({ error: expect.stringContaining('householdSize'), line: 3 });
    expect(decisions[3]).toMatchObject({ outcome: 'out_of_scope' });
  });

  it('writes reasons in Chinese by default and in English with --locale en', async () => {
    const zh = await run([migrantWages]);
    const en = await run([migrantWages], ['--locale', 'en']);
    expect(zh.decisions[0].reasons[0]).toMatch(/法律援助/);
    expect(en.decisions[0].reasons[0]).toMatch(/legal aid/);
  });

  it('uses today in the pack time zone when no date is given', async () => {
    const { decisions } = await run([migrantWages]);
    expect(decisions[0].assessedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('lists the missing facts of a needs_review line', async () => {
    const { decisions } = await run([JSON.stringify({ region: 'demo-city', residence: 'urban', category: 'wages', age: 40, fixedIncome: true, householdMonthlyIncome: 3000 })], ['--date=2025-06-01']);
    expect(decisions[0]).toMatchObject({ outcome: 'needs_review', missingFacts: ['householdSize'] });
  });

  /** [what the line encodes (article), facts, expected decision fields] — domain.md §2 as clarified. */
  const CLARIFIED: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['LAL 31: income 800 passes 920 whatever the household size (no missingFacts)', { region: 'demo-city', residence: 'urban', category: 'wages', age: 40, fixedIncome: true, householdMonthlyIncome: 800 }, { outcome: 'eligible', meansTest: 'passed', wouldChangeIf: [] }],
    ['LAL 31/42: over the threshold with nothing claimed is refused; disability or groups would change it', { region: 'demo-city', residence: 'urban', category: 'traffic_injury', age: 40, fixedIncome: true, householdSize: 1, householdMonthlyIncome: 3000 }, { outcome: 'not_eligible', meansTest: 'failed', wouldChangeIf: ['disability', 'groups'] }],
    ['LAL 28: compulsory treatment with no lawyer claimed is a mandatory appointment', { region: 'demo-city', category: 'compulsory_treatment' }, { outcome: 'mandatory_appointment', basis: [{ source: 'LAL', article: 28 }], wouldChangeIf: ['hasDefender'] }],
    ['LAL 32 + 44: domestic violence, 2 days left, cites both', { region: 'demo-city', category: 'domestic_violence', deadlineDays: 2 }, { outcome: 'eligible', urgent: true, basis: [{ source: 'LAL', article: 32 }, { source: 'LAL', article: 44 }] }],
    ['LAL 31: unknown age of someone over the threshold needs review', { region: 'demo-city', residence: 'urban', category: 'wages', fixedIncome: true, householdSize: 1, householdMonthlyIncome: 3000 }, { outcome: 'needs_review', missingFacts: ['age'] }],
  ];

  it.each(CLARIFIED)('%s', async (_name, facts, expected) => {
    const { decisions } = await run([JSON.stringify(facts)], ['--date', '2025-06-01']);
    expect(decisions[0]).toMatchObject(expected);
    if (expected.outcome !== 'needs_review') expect(decisions[0]).not.toHaveProperty('missingFacts');
  });

  it('echoes an id given on the input line', async () => {
    const { decisions } = await run([JSON.stringify({ id: 'case-9', category: 'domestic_violence' })]);
    expect(decisions[0]).toMatchObject({ id: 'case-9', outcome: 'eligible' });
  });

  it.each([
    [['--date', '2025-02-30']],
    [['--date']],
    [['--locale', 'fr']],
    [['--verbose']],
  ])('rejects the options %j with usage and exit 2', async (args) => {
    const { code, err } = await run([], args);
    expect(code).toBe(2);
    expect(err).toContain('Usage: fayuan assess');
  });

  it('exits 1 with the problems when the policy pack is broken', async () => {
    const config = { ...parseConfig({}), policyDir: tempDir() };
    const { code, err } = await run([migrantWages], [], config);
    expect(code).toBe(1);
    expect(err).toContain('pack.yaml：政策文件夹里没有这个文件。');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicyPack, formatPolicyProblem, loadPolicyPack, PolicyPackError } from '../../../src/knowledge/policy/load-policy-pack.js';
import { DEFAULT_PACK_DIR } from './default-pack.js';
import { copyDefaultPack, editPackFile } from './pack-copy.js';

type Breakage = [string, (dir: string) => void, { file: string; path: string; message: string }];

const edit = (file: string, change: (doc: any) => void) => (dir: string) => editPackFile(dir, file, change);

/** [what is broken, how, the problem reported: file, path inside it, words of the message] */
const BROKEN: Breakage[] = [
  ['an impossible date', edit('regions.yaml', (d) => (d.regions[0].standards[0].effectiveFrom = '2022-13-01')), { file: 'regions.yaml', path: 'regions[0].standards[0].effectiveFrom', message: 'year-month-day' }],
  ['a standard without its multiplier', edit('regions.yaml', (d) => delete d.regions[1].standards[0].rural.multiplier), { file: 'regions.yaml', path: 'regions[1].standards[0].rural', message: 'minimumLiving' }],
  ['a negative 低保 standard', edit('regions.yaml', (d) => (d.regions[0].standards[0].urban.minimumLiving = -460)), { file: 'regions.yaml', path: 'regions[0].standards[0].urban.minimumLiving', message: 'a number greater than 0' }],
  ['two standards from the same day', edit('regions.yaml', (d) => d.regions[0].standards.push({ ...d.regions[0].standards[0] })), { file: 'regions.yaml', path: 'regions[0].standards[1].effectiveFrom', message: 'already the start of standard number 1' }],
  ['a region without a standard', edit('regions.yaml', (d) => (d.regions[1].standards = [])), { file: 'regions.yaml', path: 'regions[1].standards', message: 'this list is empty' }],
  ['a region whose office does not exist', edit('regions.yaml', (d) => (d.regions[1].office = 'demo-county-centre')), { file: 'regions.yaml', path: 'regions[1].office', message: 'no office “demo-county-centre”' }],
  ['a rule for an unknown region', edit('rules.yaml', (d) => d.rules[0].regions.push('demo-town')), { file: 'rules.yaml', path: 'rules[0].regions[2]', message: 'no region “demo-town”' }],
  ['an unknown category in the local scope', edit('rules.yaml', (d) => (d.rules[4].categories[0] = 'divorce')), { file: 'rules.yaml', path: 'rules[4].categories[0]', message: 'not a known category' }],
  ['a misspelt rule kind', edit('rules.yaml', (d) => (d.rules[0].kind = 'exemptions')), { file: 'rules.yaml', path: 'rules[0].kind', message: 'exemption, scope, same_day' }],
  ['a rule without a citation', edit('rules.yaml', (d) => delete d.rules[2].citation), { file: 'rules.yaml', path: 'rules[2].citation', message: 'this is missing' }],
  ['an unknown condition key', edit('rules.yaml', (d) => (d.rules[0].when = { ageOver: 70 })), { file: 'rules.yaml', path: 'rules[0].when.ageOver', message: '“ageOver” is not known here' }],
  ['an unknown group in a condition', edit('rules.yaml', (d) => (d.rules[2].when.groupsAny = ['poor'])), { file: 'rules.yaml', path: 'rules[2].when.groupsAny[0]', message: 'not a known group' }],
  ['two rules with one id', edit('rules.yaml', (d) => (d.rules[1].id = 'local-exempt-age70')), { file: 'rules.yaml', path: 'rules[1].id', message: 'already used by rules.yaml rules[0]' }],
  ['a rule that ends before it starts', edit('rules.yaml', (d) => Object.assign(d.rules[0], { effectiveFrom: '2025-01-01', effectiveUntil: '2024-12-31' })), { file: 'rules.yaml', path: 'rules[0].effectiveUntil', message: 'before the start date' }],
  ['a route to an office of another region', edit('offices.yaml', (d) => (d.routing[0].office = 'demo-county-center')), { file: 'offices.yaml', path: 'routing[0].office', message: 'belongs to the region “demo-county”' }],
  ['a category routed twice', edit('offices.yaml', (d) => d.routing[1].categories.push('domestic_violence')), { file: 'offices.yaml', path: 'routing[1].categories[4]', message: 'already routed' }],
  ['a phone number with letters', edit('offices.yaml', (d) => (d.offices[0].phone = 'call us')), { file: 'offices.yaml', path: 'offices[0].phone', message: 'not a phone number' }],
  ['an office name without English', edit('offices.yaml', (d) => delete d.offices[2].name.en), { file: 'offices.yaml', path: 'offices[2].name.en', message: 'this is missing' }],
  ['a workstation whose parent does not exist', edit('offices.yaml', (d) => (d.offices[1].parent = 'demo-city-centre')), { file: 'offices.yaml', path: 'offices[1].parent', message: 'no office “demo-city-centre”' }],
  ['a workstation whose parent is another workstation', edit('offices.yaml', (d) => (d.offices[1].parent = 'demo-city-union')), { file: 'offices.yaml', path: 'offices[1].parent', message: 'must be a centre' }],
  ['a centre with a parent', edit('offices.yaml', (d) => (d.offices[4].parent = 'demo-city-center')), { file: 'offices.yaml', path: 'offices[4].parent', message: 'only a workstation has a parent' }],
  ['a requirement naming a document that does not exist', edit('documents.yaml', (d) => (d.required.byCategory.wages = ['wage_slip'])), { file: 'documents.yaml', path: 'required.byCategory.wages[0]', message: 'no document “wage_slip”' }],
  ['a minor\'s document that does not exist', edit('documents.yaml', (d) => (d.required.minor = ['birth_cert'])), { file: 'documents.yaml', path: 'required.minor[0]', message: 'no document “birth_cert”' }],
  ['a relative\'s document that does not exist', edit('documents.yaml', (d) => (d.required.onBehalf = ['id_card', 'agent_id'])), { file: 'documents.yaml', path: 'required.onBehalf[1]', message: 'no document “agent_id”' }],
  ['a proof for an unknown group', edit('documents.yaml', (d) => (d.required.proofs.groups.veteran = ['id_card'])), { file: 'documents.yaml', path: 'required.proofs.groups.veteran', message: 'not a known group' }],
  ['no decision deadline', edit('pack.yaml', (d) => (d.decisionDays = 0)), { file: 'pack.yaml', path: 'decisionDays', message: 'at least 1' }],
  ['an unknown time zone', edit('pack.yaml', (d) => (d.timeZone = 'China/Beijing')), { file: 'pack.yaml', path: 'timeZone', message: 'not a time zone' }],
  ['a missing file', (dir) => fs.rmSync(path.join(dir, 'documents.yaml')), { file: 'documents.yaml', path: '(root)', message: 'missing from the policy folder' }],
  ['a YAML syntax error', (dir) => fs.appendFileSync(path.join(dir, 'rules.yaml'), '\n  - id: [unclosed\n'), { file: 'rules.yaml', path: 'column', message: 'cannot be read' }],
  ['a duplicated YAML key', (dir) => fs.appendFileSync(path.join(dir, 'pack.yaml'), '\nhotline: "12345"\n'), { file: 'pack.yaml', path: 'column', message: 'cannot be read' }],
];

describe('checkPolicyPack', () => {
  it('finds nothing wrong with the default pack', async () => {
    expect(await checkPolicyPack(DEFAULT_PACK_DIR)).toEqual([]);
  });

  it.each(BROKEN)('names the file, path and fault for %s', async (_name, breakIt, expected) => {
    const dir = copyDefaultPack();
    breakIt(dir);
    const found = await checkPolicyPack(dir);
    // Both languages have every text, each placeholder filled.
    for (const p of found) for (const locale of ['zh-CN', 'en'] as const) expect(formatPolicyProblem(p, locale)).not.toMatch(/\{\w+\}/);
    const problems = found.map((p) => ({ file: p.file, path: p.path, line: p.line, message: formatPolicyProblem(p, 'en') }));
    expect(problems).toContainEqual({
      file: expected.file,
      path: expect.stringContaining(expected.path),
      line: expected.path === '(root)' ? undefined : expect.any(Number),
      message: expect.stringContaining(expected.message),
    });
  });

  it('accepts a pack written before the minor and on-behalf documents (both optional)', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'documents.yaml', (d) => {
      delete d.required.minor;
      delete d.required.onBehalf;
    });
    expect(await checkPolicyPack(dir)).toEqual([]);
  });

  it('reports a folder that does not exist', async () => {
    const problems = await checkPolicyPack('/nonexistent/policy');
    expect(problems.map((p) => formatPolicyProblem(p, 'en'))).toEqual([expect.stringMatching(/^\/nonexistent\/policy: this is not a folder/)]);
  });

  it('reports every problem at once, not just the first', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'pack.yaml', (d) => Object.assign(d, { decisionDays: 'seven', hotline: '' }));
    editPackFile(dir, 'rules.yaml', (d) => (d.rules[0].regions = ['nowhere']));
    const problems = await checkPolicyPack(dir);
    expect(problems.map((p) => `${p.file}: ${p.path}`)).toEqual(['pack.yaml: hotline', 'pack.yaml: decisionDays', 'rules.yaml: rules[0].regions[0]']);
  });
});

describe('loadPolicyPack', () => {
  it('loads the default pack of domain.md §3', async () => {
    const pack = await loadPolicyPack(DEFAULT_PACK_DIR);
    expect(pack.regions.map((r) => r.id)).toEqual(['demo-city', 'demo-county']);
    expect(pack.rules.map((r) => r.id)).toEqual([
      'local-exempt-age70',
      'local-exempt-minor-disabled',
      'local-exempt-poor',
      'local-exempt-mutual',
      'local-scope',
      'local-same-day',
    ]);
    expect(pack.offices.map((o) => o.id)).toEqual(['demo-city-center', 'demo-city-women', 'demo-city-union', 'demo-city-detention', 'demo-county-center']);
    expect(pack).toMatchObject({ hotline: '12348', decisionDays: 7, urgentSameDay: true });
    expect(pack.documents.map((d) => d.id)).toContain('honesty_pledge');
  });

  it('throws a PolicyPackError listing the problems', async () => {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) => (d.regions[0].standards[0].effectiveFrom = 'next year'));
    const error = await loadPolicyPack(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyPackError);
    expect((error as PolicyPackError).problems).toHaveLength(1);
    expect((error as PolicyPackError).message).toMatch(/regions\.yaml 第 \d+ 行（regions\[0\]\.standards\[0\]\.effectiveFrom）：日期要写成“年-月-日”/);
    expect((error as PolicyPackError).message).toContain('fayuan policy check');
  });
});

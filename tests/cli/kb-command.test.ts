import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kbCommand } from '../../src/cli/kb-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import { KnowledgeBase } from '../../src/knowledge/faq/knowledge-base.js';
import { KbStore } from '../../src/storage/kb-store.js';
import { openStorage } from '../../src/storage/open-storage.js';

/** How many entries the seed files hold. */
const SEED_COUNT = fs.readdirSync(path.resolve(import.meta.dirname, '../../knowledge/faq')).filter((f) => f.endsWith('.yaml')).length;
import { tempDir } from '../helpers/temp-dir.js';

const REPO_KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');

/** A fresh data folder and a copy of the repository's knowledge folder (export writes into it). */
function setup(): Config {
  const knowledge = path.join(tempDir(), 'knowledge');
  fs.cpSync(REPO_KNOWLEDGE, knowledge, { recursive: true });
  return parseConfig({ FAYUAN_DATA_DIR: tempDir(), FAYUAN_KNOWLEDGE_DIR: knowledge, LOG_LEVEL: 'silent' });
}

async function run(config: Config, args: string[], input = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(input);
  const code = await kbCommand({ args, stdin, stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, out, err };
}

/** An entry file as an operator would write it. */
const PARKING = `id: parking
title:
  zh-CN: 小区停车位纠纷
  en: Parking space disputes
questions:
  zh-CN: [小区停车位被占了怎么办, 车位被别人占用, 物业乱收停车费, 停车位纠纷找谁, 买的车位不给用]
  en: [someone took my parking space, parking space dispute, parking fees from the property company, my car space is blocked, who handles parking disputes]
answer:
  zh-CN: 车位纠纷可以先找物业和业主委员会协商，也可以申请人民调解。
  en: Talk to the property company and the owners' committee first, or use free people's mediation.
nextSteps:
  zh-CN: [保留购买或租赁车位的合同。]
  en: [Keep your contract for the space.]
basis:
  zh-CN: 《民法典》第二百七十五条
  en: Civil Code, article 275
contact:
  zh-CN: 需要咨询请拨打{hotline}。
  en: For advice, call {hotline}.
tags: [车位, parking]
related: [mediation]
reviewBy: 2020-01-01
`;

function writeFile(name: string, content: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

describe('fayuan kb', () => {
  it('seeds the database from the files and lists the entries', async () => {
    const config = setup();
    const { code, out, err } = await run(config, ['list']);
    expect(code).toBe(0);
    expect(err).toContain(`Seeded the knowledge base with ${SEED_COUNT} entries`);
    expect(out).toContain('wage_arrears');
    expect(out).toContain(`${SEED_COUNT} entries`);
  });

  it('adds an entry from a file, records who did it, and the bot answers with it', async () => {
    const config = setup();
    const added = await run(config, ['add', '--file', writeFile('parking.yaml', PARKING), '--by', 'ms-li']);
    expect(added).toMatchObject({ code: 0 });
    expect(added.out).toContain('Added parking (version 1)');
    expect((await run(config, ['history', 'parking'])).out).toMatch(/v1\s+add\s+.*ms-li/);
    const asked = await run(config, ['ask', '--jsonl'], '小区停车位被人占了怎么办\n');
    expect(JSON.parse(asked.out)).toMatchObject({ topic: 'parking', answered: true });
  });

  it('refuses an entry with problems, explaining each, and saves nothing', async () => {
    const config = setup();
    const broken = PARKING.replace('  en: For advice, call {hotline}.\n', '').replace('小区停车位被占了怎么办', '老板不给工资怎么办');
    const result = await run(config, ['add', '--file', writeFile('broken.yaml', broken)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was saved');
    expect(result.err).toContain('contact.en');
    expect(result.err).toContain('already belongs to entry "wage_arrears"');
    expect((await run(config, ['show', 'parking'])).code).toBe(1);
  });

  it('edits an entry through show → file → edit, and reverts it', async () => {
    const config = setup();
    const shown = await run(config, ['show', 'cost']);
    const file = writeFile('cost.yaml', shown.out.replace('法律援助完全免费', '法律援助不收任何费用'));
    const edited = await run(config, ['edit', 'cost', '--file', file, '--by', 'mr-wang']);
    expect(edited.out).toContain('Updated cost (version 2)');
    expect((await run(config, ['show', 'cost'])).out).toContain('法律援助不收任何费用');

    const reverted = await run(config, ['revert', 'cost', '1', '--by', 'mr-wang']);
    expect(reverted.out).toContain('saved as version 3');
    expect((await run(config, ['show', 'cost'])).out).toContain('法律援助完全免费');
    expect((await run(config, ['history', 'cost'])).out.trim().split('\n').map((l) => l.split(/\s+/)[1])).toEqual(['seed', 'edit', 'revert']);
  });

  it('refuses to edit an entry with a file for another entry', async () => {
    const config = setup();
    const result = await run(config, ['edit', 'cost', '--file', writeFile('p.yaml', PARKING)]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('holds entry "parking", not "cost"');
  });

  it('removes an entry, keeps its history, and names entries that still point to it', async () => {
    const config = setup();
    const removed = await run(config, ['remove', 'notary_aid', '--by', 'ms-li']);
    expect(removed.out).toContain('Removed notary_aid');
    expect(removed.out).toMatch(/still list it.*cost/);
    expect((await run(config, ['history', 'notary_aid'])).out).toMatch(/v2\s+remove/);
    expect((await run(config, ['revert', 'notary_aid', '1'])).out).toContain('saved as version 3');
  });

  it('imports a folder all or nothing', async () => {
    const config = setup();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'parking.yaml'), PARKING);
    fs.writeFileSync(path.join(dir, 'bad.yaml'), 'id: [not, an, id]\n');
    const refused = await run(config, ['import', dir]);
    expect(refused.code).toBe(1);
    expect((await run(config, ['show', 'parking'])).code).toBe(1);

    fs.rmSync(path.join(dir, 'bad.yaml'));
    fs.copyFileSync(path.join(REPO_KNOWLEDGE, 'faq', 'cost.yaml'), path.join(dir, 'cost.yaml'));
    const imported = await run(config, ['import', dir]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Added parking');
    expect(imported.out).toContain('cost unchanged');
  });

  it('exports the database back to files that validate', async () => {
    const config = setup();
    await run(config, ['add', '--file', writeFile('parking.yaml', PARKING)]);
    await run(config, ['remove', 'military']);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'military.yaml'), 'stale');
    const exported = await run(config, ['export', dir, '--prune']);
    expect(exported.out).toContain(`Wrote ${SEED_COUNT} entries`);
    expect(exported.out).toContain('military.yaml');
    expect(fs.existsSync(path.join(dir, 'military.yaml'))).toBe(false);
    expect(parse(fs.readFileSync(path.join(dir, 'parking.yaml'), 'utf8'))).toMatchObject({ id: 'parking', reviewBy: '2020-01-01' });
    expect(KnowledgeBase.fromFiles(dir).problems).toEqual([]);
  });

  it('lists entries whose review date has passed', async () => {
    const config = setup();
    expect((await run(config, ['list', '--stale'])).out).toContain('No entry is past its review date');
    await run(config, ['add', '--file', writeFile('parking.yaml', PARKING)]);
    const stale = await run(config, ['list', '--stale']);
    expect(stale.out).toMatch(/parking .*2020-01-01 OVERDUE/);
    expect(stale.out).toContain('1 entries');
  });

  it('answers a JSONL batch with one JSON object per line', async () => {
    const config = setup();
    const input = ['老板跑了工钱不给', 'what is the weather tomorrow', '{"question":"离婚孩子归谁","locale":"zh-CN"}', ''].join('\n');
    const { code, out } = await run(config, ['ask', '--jsonl'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    // `meaning`: what the chat makes of the same text (the bot's own understanding step).
    expect(lines[0]).toEqual({ question: '老板跑了工钱不给', locale: 'zh-CN', meaning: 'story:wages', topic: 'wage_arrears', score: expect.any(Number), answered: true, candidates: expect.arrayContaining(['wage_arrears']) });
    expect(lines[1]).toMatchObject({ locale: 'en', meaning: 'question', topic: null, answered: false });
    expect(lines[2]).toMatchObject({ topic: 'divorce' });
  });

  it('shows unanswered questions recorded by the bot, most frequent first, without personal data', async () => {
    const config = setup();
    await run(config, ['list']);
    const db = await openStorage(config.databaseFile);
    const kb = await KnowledgeBase.open(new KbStore(db));
    await kb.ask('我的电话13812345678，小区停车位被占了');
    await kb.ask('我的电话13812345678，小区停车位被占了');
    await kb.ask('怎么养猫');
    await db.close();
    const { out } = await run(config, ['unanswered']);
    const rows = out.trim().split('\n').slice(1);
    expect(rows[0]).toMatch(/^\s+2 .*我的电话\[PHONE\]，小区停车位被占了$/);
    expect(out).not.toContain('13812345678');
    expect((await run(config, ['unanswered', '--clear'])).out).toContain('Cleared 2');
  });

  it('leads with the frozen test half per language and ends with a JSON line', async () => {
    const config = setup();
    const { code, out } = await run(config, ['eval', '--fast']);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toContain('FROZEN TEST HALF');
    expect(lines[1]).toMatch(/answered-correct.*confident-wrong.*off-topic declined/);
    expect(lines[2]).toMatch(/^zh-CN\s+\d+/);
    expect(lines[3]).toMatch(/^en\s+\d+/);
    type Figures = Record<'answeredCorrectly' | 'confidentWrong' | 'offTopicDeclined', Record<string, number>>;
    const last = JSON.parse(lines.at(-1)!) as { test: Figures; dev: Figures };
    for (const locale of ['zh-CN', 'en']) {
      expect(last.test.offTopicDeclined[locale]).toBeGreaterThanOrEqual(0.9);
      expect(last.test.confidentWrong[locale]).toBeLessThanOrEqual(0.035);
      expect(last.test.answeredCorrectly[locale]).toBeGreaterThan(0);
    }
  });

  it('with --dev-only shows no figure of the frozen half, for tuning without looking at it', async () => {
    const config = setup();
    const { code, out } = await run(config, ['eval', '--fast', '--dev-only']);
    expect(code).toBe(0);
    expect(out).not.toContain('FROZEN');
    expect(out.split('\n')[0]).toContain('dev half');
    const last = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(last.test).toBeUndefined();
    expect(last.dev).toBeDefined();
  });

  it('evaluates one labelled file with --file (off-topic lines counted as off-topic), but never a file of the frozen half', async () => {
    const config = setup();
    const file = path.join(tempDir(), 'fresh.jsonl');
    const lines = [
      { question: 'my boss has not paid my wages for three months', locale: 'en', topic: 'wage_arrears' },
      { question: 'how do i bake bread at home', locale: 'en', topic: null },
    ];
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    const { code, out } = await run(config, ['eval', '--file', file]);
    expect(code).toBe(0);
    expect(out).not.toContain('dev half');
    expect(out).toMatch(/^en\s+1\s+100\.0%/m);
    const figures = JSON.parse(out.trim().split('\n').at(-1)!) as { offTopicDeclined: Record<string, number>; outOfDomain: number };
    expect(figures.outOfDomain).toBe(1);
    expect(figures.offTopicDeclined.en).toBe(1);
    const frozen = await run(config, ['eval', '--file', path.resolve(import.meta.dirname, '../../eval/faq/test/questions.jsonl')]);
    expect(frozen.code).toBe(1);
    expect(frozen.err).toContain('frozen test half');
  });

  it('lists pairs of entries that take each other\'s questions with --confusions', async () => {
    const config = setup();
    const { code, out } = await run(config, ['eval', '--fast', '--confusions', '--limit', '5']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const start = lines.findIndex((l) => l.startsWith('entries that take each other'));
    expect(start).toBeGreaterThan(0);
    const pairs = lines.slice(start + 1, start + 6);
    expect(pairs).toHaveLength(5);
    for (const line of pairs) expect(line).toMatch(/^\s+\d+\s+[a-z_0-9]+ → [a-z_0-9]+: \d+\s+[a-z_0-9]+ → [a-z_0-9]+: \d+$/);
  });

  it('explains how to use it', async () => {
    const config = setup();
    expect((await run(config, [])).out).toContain('Usage: fayuan kb');
    expect((await run(config, ['frobnicate'])).code).toBe(2);
    expect((await run(config, ['edit', 'cost'])).err).toContain('fayuan kb show cost > cost.yaml');
  });
});

// Session 19: a seed file that did not validate was left out of a new database without a word.
describe('fayuan kb on a new database', () => {
  it('names a seed file that did not validate, and seeds the others', async () => {
    const config = setup();
    const minors = path.join(config.knowledgeDir, 'faq', 'minors.yaml');
    fs.writeFileSync(minors, fs.readFileSync(minors, 'utf8').replace('  zh-CN: 未成年人申请法律援助', '  zh-CN: 一。二。三。未成年人申请法律援助'));
    const { code, err } = await run(config, ['list']);
    expect(code).toBe(0);
    expect(err).toContain(`Seeded the knowledge base with ${SEED_COUNT - 1} entries`);
    expect(err).toMatch(/Left out \(did not validate\):\nminors\.yaml:\n {2}- answer\.zh-CN: /);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { assessForCase } from '../../src/bot/eligibility-port.js';
import { translate } from '../../src/locales/render.js';
import { AuditStore } from '../../src/storage/staff-records-store.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { copyDefaultPack } from '../knowledge/policy/pack-copy.js';
import { parseConfig, PROJECT_ROOT } from '../../src/config.js';
import { Client, consoleFixture } from './console-fixture.js';

const ACCOUNTS = [
  { username: 'chenyu', role: 'operator' as const },
  { username: 'wangfang', role: 'staff' as const, office: 'demo-city-union' },
];
const citation = { 'zh-CN': '示例市民政局关于2027年城乡低保标准的通知', en: 'Demo City civil affairs notice on the 2027 standards' };
const NEXT_YEAR = { region: 'demo-city', effectiveFrom: '2027-01-01', urban: '1250', rural: '900', citation };
/** A migrant worker's wages claim in town, one person living on 2,000 yuan a month: over 920, under 2,500. */
const worker = { region: 'demo-city', residence: 'urban', category: 'wages', age: 40, disability: 'none', groups: [], fixedIncome: true, householdSize: 1, householdMonthlyIncome: 2000 };

async function setUp(options: Parameters<typeof consoleFixture>[1] = {}) {
  const policyDir = copyDefaultPack();
  const fixture = await consoleFixture(ACCOUNTS, { ...options, env: { FAYUAN_POLICY_DIR: policyDir } });
  // The page's "today" is before the new standard starts.
  fixture.clock.now = new Date('2026-12-03T10:00:00+08:00').getTime();
  const signIn = async (username: string, lang = 'zh-CN') => {
    const client = new Client(fixture.url, lang);
    expect((await client.login(username)).status).toBe(200);
    return client;
  };
  const audit = async () => {
    const db = await openStorage(path.join(fixture.dataDir, 'fayuan.sqlite'));
    try {
      return await new AuditStore(db).list({ action: 'policy.add_standard' });
    } finally {
      await db.close();
    }
  };
  return { ...fixture, policyDir, signIn, audit };
}

describe('the 本地政策 page’s API', () => {
  it('shows everyone what is in effect today; only operators (and admins) may add a standard', async () => {
    const { signIn, audit } = await setUp();
    const operator = await signIn('chenyu');
    const page = (await operator.request('GET', '/api/policy')).body;
    expect(page).toMatchObject({ canEdit: true, writable: true, overview: { today: '2026-12-03', hotline: '12348', decisionDays: 7 } });
    expect(page.overview.regions[0]).toMatchObject({ id: 'demo-city', current: { effectiveFrom: '2022-01-01', urban: { minimumLiving: 460, multiplier: 2, threshold: 920 } }, upcoming: [] });

    const staff = await signIn('wangfang');
    const seen = await staff.request('GET', '/api/policy');
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ canEdit: false, writable: false });
    const refused = await staff.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision: page.revision });
    expect(refused.status).toBe(403);
    expect(await audit()).toEqual([expect.objectContaining({ outcome: 'refused', detail: 'forbidden' })]);
  });

  it('writes next year’s standard safely, keeps the old file, audits it, and the running bot assesses with it from its date', async () => {
    const { signIn, audit, policyDir, app } = await setUp();
    const operator = await signIn('chenyu');
    const before = fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8');
    const { revision } = (await operator.request('GET', '/api/policy')).body;
    // Before: 2,000 a month is over the town threshold of 920 on any day.
    expect(assessForCase(worker as never, app.services.pack, new Date('2027-01-02T10:00:00+08:00')).meansTest).toBe('failed');

    const saved = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision });
    expect(saved.status).toBe(201);
    expect(saved.body.overview.regions[0].upcoming).toEqual([
      { effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1250, multiplier: 2, threshold: 2500 }, rural: { minimumLiving: 900, multiplier: 2, threshold: 1800 } },
    ]);
    expect(saved.body.overview.regions[0].current.effectiveFrom).toBe('2022-01-01');

    // On disk: the new standard added beside the old one; the old file kept under previous/; no half-written file left.
    const written = parse(fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8'));
    expect(written.regions[0].standards.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2022-01-01', '2027-01-01']);
    const kept = fs.readdirSync(path.join(policyDir, 'previous'));
    expect(kept).toHaveLength(1);
    expect(saved.body.backup).toBe(path.join('previous', kept[0]!));
    expect(fs.readFileSync(path.join(policyDir, 'previous', kept[0]!), 'utf8')).toBe(before);
    expect(fs.readdirSync(policyDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // The running bot, without a restart: the old standard until 31 December, the new one from 1 January.
    expect(assessForCase(worker as never, app.services.pack, new Date('2026-12-31T10:00:00+08:00')).meansTest).toBe('failed');
    const after = assessForCase(worker as never, app.services.pack, new Date('2027-01-02T10:00:00+08:00'));
    expect(after).toMatchObject({ meansTest: 'passed', threshold: 2500 });

    const lines = await audit();
    expect(lines).toEqual([expect.objectContaining({ outcome: 'ok', target: 'region:demo-city' })]);
    expect(lines[0]!.detail).toBe(`from:2027-01-01 urban:1250x2 rural:900x2 kept:${saved.body.backup}`);
  });

  /**
   * Session 16: an operator typed 12500 for 1250 and saved. The page refused every second try
   * (从 2027年1月1日 起已经登记了一个标准), so the wrong standard would have decided every application of the
   * region from New Year's Day, and nothing in the console could mend it. A standard not yet in force may be
   * corrected (replaced, the file before kept); one in force may not.
   */
  it('corrects a standard that has not started yet, in place; one in force stays as it was', async () => {
    const { signIn, policyDir, app } = await setUp();
    const operator = await signIn('chenyu');
    const first = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, urban: '12500', revision: (await operator.request('GET', '/api/policy')).body.revision });
    expect(first.status).toBe(201);
    // Adding again on the same day is still refused, with the way to correct it.
    const again = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision: first.body.revision });
    expect(again.status).toBe(422);
    expect(again.body.error.fields.effectiveFrom).toBe(translate('policy.new.dateTaken', 'zh-CN', { date: '2027-01-01' }));

    const corrected = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, replace: true, revision: first.body.revision });
    expect(corrected.status).toBe(201);
    expect(corrected.body.replaced).toBe(true);
    expect(corrected.body.overview.regions[0].upcoming).toEqual([
      { effectiveFrom: '2027-01-01', citation, urban: { minimumLiving: 1250, multiplier: 2, threshold: 2500 }, rural: { minimumLiving: 900, multiplier: 2, threshold: 1800 } },
    ]);
    const written = parse(fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8'));
    expect(written.regions[0].standards.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2022-01-01', '2027-01-01']);
    expect(fs.readdirSync(path.join(policyDir, 'previous'))).toHaveLength(2);
    expect(assessForCase(worker as never, app.services.pack, new Date('2027-01-02T10:00:00+08:00'))).toMatchObject({ meansTest: 'passed', threshold: 2500 });

    // The standard in force is not "corrected": its date is refused as before.
    const inForce = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, effectiveFrom: '2022-01-01', replace: true, revision: corrected.body.revision });
    expect(inForce.status).toBe(422);
    expect(inForce.body.error.fields.effectiveFrom).toBe(translate('policy.new.dateNotAfterCurrent', 'zh-CN', { current: '2022-01-01' }));
  });

  it('says per field, kindly and in the reader’s language, what to change; nothing is written', async () => {
    const { signIn, policyDir } = await setUp();
    const before = fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8');
    for (const lang of ['zh-CN', 'en'] as const) {
      const operator = await signIn('chenyu', lang);
      const { revision } = (await operator.request('GET', '/api/policy')).body;
      const refused = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, urban: 'abc', effectiveFrom: '2021-06-01', revision });
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toBe(translate('policy.error.invalid', lang, { count: 2 }));
      expect(refused.body.error.fields).toEqual({
        urban: translate('policy.new.amountNotNumber', lang, { value: 'abc' }),
        effectiveFrom: translate('policy.new.dateNotAfterCurrent', lang, { current: '2022-01-01' }),
      });
    }
    expect(fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(policyDir, 'previous'))).toBe(false);
  });

  it('refuses a change made from a page that shows an older version of the file', async () => {
    const { signIn, policyDir } = await setUp();
    const operator = await signIn('chenyu');
    const { revision } = (await operator.request('GET', '/api/policy')).body;
    fs.appendFileSync(path.join(policyDir, 'regions.yaml'), '\n# edited by hand meanwhile\n');
    const refused = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(translate('policy.error.changed', 'zh-CN'));
  });

  it('says kindly when the policy folder may not be written, and what to ask the IT person', async () => {
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const { signIn, policyDir, app } = await setUp({ policyIo: { access: async () => Promise.reject(denied), open: async () => Promise.reject(denied) } });
    const operator = await signIn('chenyu');
    const page = (await operator.request('GET', '/api/policy')).body;
    expect(page).toMatchObject({ canEdit: true, writable: false, folder: policyDir });
    const before = fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8');
    const refused = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision: page.revision });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(translate('policy.error.not_writable', 'zh-CN', { dir: policyDir }));
    expect(refused.body.error.message).toContain('IT');
    expect(fs.readFileSync(path.join(policyDir, 'regions.yaml'), 'utf8')).toBe(before);
    expect(app.services.pack.regions[0]!.standards).toHaveLength(1);
  });
});

describe('the 本地政策 page with the shipped pack (no FAYUAN_POLICY_DIR, as `npm start` runs)', () => {
  it('keeps the change in the data folder, never in the shipped policy/default/, and the next start reads it', async () => {
    const shipped = path.join(PROJECT_ROOT, 'policy', 'default');
    const shippedRegions = fs.readFileSync(path.join(shipped, 'regions.yaml'), 'utf8');
    const fixture = await consoleFixture(ACCOUNTS);
    fixture.clock.now = new Date('2026-12-03T10:00:00+08:00').getTime();
    const operator = new Client(fixture.url, 'zh-CN');
    expect((await operator.login('chenyu')).status).toBe(200);
    const page = (await operator.request('GET', '/api/policy')).body;
    expect(page).toMatchObject({ canEdit: true, writable: true });
    const saved = await operator.request('POST', '/api/policy/standards', { ...NEXT_YEAR, revision: page.revision });
    expect(saved.status).toBe(201);
    expect(fs.readFileSync(path.join(shipped, 'regions.yaml'), 'utf8')).toBe(shippedRegions);
    expect(fs.existsSync(path.join(shipped, 'previous'))).toBe(false);
    const own = path.join(fixture.dataDir, 'policy');
    const written = parse(fs.readFileSync(path.join(own, 'regions.yaml'), 'utf8'));
    expect(written.regions[0].standards.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2022-01-01', '2027-01-01']);
    expect(parseConfig({ FAYUAN_DATA_DIR: fixture.dataDir }).policyDir).toBe(own);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicyPack } from '../../../src/knowledge/policy/load-policy-pack.js';
import { thresholdFor } from '../../../src/knowledge/policy/lookup.js';
import { PolicyFolder } from '../../../src/knowledge/policy/policy-folder.js';
import type { MeansStandard } from '../../../src/knowledge/policy/types.js';
import { copyDefaultPack } from './pack-copy.js';
import { tempDir } from '../../helpers/temp-dir.js';

const next: MeansStandard = {
  effectiveFrom: '2027-01-01',
  citation: { 'zh-CN': '2027年低保标准的通知', en: '2027 standards notice' },
  urban: { minimumLiving: 1250, multiplier: 2 },
  rural: { minimumLiving: 900, multiplier: 2 },
};

async function folder(io: ConstructorParameters<typeof PolicyFolder>[2] = {}) {
  const dir = copyDefaultPack();
  const live = await loadPolicyPack(dir);
  return { dir, live, folder: new PolicyFolder(dir, live, { now: () => Date.parse('2026-12-03T02:00:00Z'), ...io }), before: fs.readFileSync(path.join(dir, 'regions.yaml'), 'utf8') };
}

describe('PolicyFolder.addStandard', () => {
  it('replaces regions.yaml whole, keeps the old one, and the live pack has the standard from its date', async () => {
    const { dir, live, folder: f, before } = await folder();
    const outcome = await f.addStandard('demo-city', next, await f.revision());
    expect(outcome).toEqual({ ok: true, backup: path.join('previous', 'regions-2026-12-03T02-00-00Z.yaml') });
    expect(fs.readFileSync(path.join(dir, 'previous', 'regions-2026-12-03T02-00-00Z.yaml'), 'utf8')).toBe(before);
    expect((await loadPolicyPack(dir)).regions[0]!.standards).toHaveLength(2);
    expect(thresholdFor(live, 'demo-city', 'urban', '2026-12-31')).toBe(920);
    expect(thresholdFor(live, 'demo-city', 'urban', '2027-01-01')).toBe(2500);
    // A second change the same second keeps its own copy.
    const again = await f.addStandard('demo-city', { ...next, effectiveFrom: '2028-01-01' }, await f.revision());
    expect(again).toEqual({ ok: true, backup: path.join('previous', 'regions-2026-12-03T02-00-00Z-2.yaml') });
  });

  it('leaves the old file and the running bot as they were when the disk fails half-way', async () => {
    const failing = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const { dir, live, folder: f, before } = await folder({ io: { rename: async () => Promise.reject(failing) } });
    await expect(f.addStandard('demo-city', next, await f.revision())).rejects.toThrow('no space');
    expect(fs.readFileSync(path.join(dir, 'regions.yaml'), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(live.regions[0]!.standards).toHaveLength(1);
  });

  it('says the folder is not writable on a read-only disk, and changes nothing', async () => {
    const readOnly = Object.assign(new Error('read-only file system'), { code: 'EROFS' });
    const { dir, live, folder: f, before } = await folder({ io: { open: async () => Promise.reject(readOnly) } });
    expect(await f.addStandard('demo-city', next, await f.revision())).toEqual({ ok: false, reason: 'not_writable' });
    expect(fs.readFileSync(path.join(dir, 'regions.yaml'), 'utf8')).toBe(before);
    expect(live.regions[0]!.standards).toHaveLength(1);
  });

  it('writes nothing when something else in the folder is wrong, and says what', async () => {
    const { dir, folder: f, before } = await folder();
    fs.appendFileSync(path.join(dir, 'pack.yaml'), '\ndecisionDays: 0\n');
    const outcome = await f.addStandard('demo-city', next, await f.revision());
    expect(outcome).toMatchObject({ ok: false, reason: 'pack_invalid', problems: [expect.objectContaining({ file: 'pack.yaml' })] });
    expect(fs.readFileSync(path.join(dir, 'regions.yaml'), 'utf8')).toBe(before);
    expect(fs.existsSync(path.join(dir, 'previous'))).toBe(false);
  });
});

// Found by the staff helper: with no FAYUAN_POLICY_DIR the bot reads the pack shipped in the repository, and the first
// standard saved on 本地政策 was written into policy/default/ — the centre's own policy in a folder the next upgrade
// replaces (or refuses to). The first change now makes the centre's own copy under the data folder, and the next start
// reads that copy (config.ts); the shipped pack is never written.
describe('PolicyFolder with the shipped pack', () => {
  it('copies the pack into its own folder on the first change and never writes the shipped one', async () => {
    const shipped = copyDefaultPack();
    const shippedRegions = fs.readFileSync(path.join(shipped, 'regions.yaml'), 'utf8');
    const own = path.join(tempDir('data-'), 'policy');
    const live = await loadPolicyPack(shipped);
    const f = new PolicyFolder(own, live, { seedFrom: shipped, now: () => Date.parse('2026-12-03T02:00:00Z') });
    expect(await f.writable()).toBe(true);
    expect(fs.existsSync(own)).toBe(false);
    const outcome = await f.addStandard('demo-city', next, await f.revision());
    expect(outcome).toMatchObject({ ok: true });
    expect(fs.readFileSync(path.join(shipped, 'regions.yaml'), 'utf8')).toBe(shippedRegions);
    expect(fs.existsSync(path.join(shipped, 'previous'))).toBe(false);
    // The own copy is the whole pack, with the new standard; it loads on its own.
    expect(fs.readdirSync(own).filter((n) => n.endsWith('.yaml')).sort()).toEqual(fs.readdirSync(shipped).filter((n) => n.endsWith('.yaml')).sort());
    expect((await loadPolicyPack(own)).regions[0]!.standards).toHaveLength(2);
    expect(thresholdFor(live, 'demo-city', 'urban', '2027-01-01')).toBe(2500);
    // The next change goes to the own copy.
    expect(await f.addStandard('demo-city', { ...next, effectiveFrom: '2028-01-01' }, await f.revision())).toMatchObject({ ok: true });
    expect((await loadPolicyPack(own)).regions[0]!.standards).toHaveLength(3);
    expect(fs.readFileSync(path.join(shipped, 'regions.yaml'), 'utf8')).toBe(shippedRegions);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { assess } from '../../../src/knowledge/eligibility/assess.js';
import { loadPolicyPack } from '../../../src/knowledge/policy/load-policy-pack.js';
import { officeById, routeFor, thresholdFor, todayIn } from '../../../src/knowledge/policy/lookup.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { DATE, defaultPack } from './default-pack.js';
import { copyDefaultPack, editPackFile } from './pack-copy.js';

let pack: PolicyPack;
beforeAll(async () => {
  pack = await defaultPack();
});

describe('thresholdFor', () => {
  it.each([
    ['demo-city', 'urban', 920],
    ['demo-city', 'rural', 550],
    ['demo-county', 'urban', 1000],
    ['demo-county', 'rural', 620],
  ] as const)('%s %s is 2 × 低保 = %i (domain.md §3)', (region, residence, expected) => {
    expect(thresholdFor(pack, region, residence, DATE)).toBe(expected);
  });

  it('has no threshold before the first standard takes effect', () => {
    expect(thresholdFor(pack, 'demo-city', 'urban', '2021-12-31')).toBeUndefined();
  });

  it('has no threshold for a region the pack does not know', () => {
    expect(thresholdFor(pack, 'elsewhere', 'urban', DATE)).toBeUndefined();
  });
});

describe('a yearly update of the standard', () => {
  async function updatedPack(): Promise<PolicyPack> {
    const dir = copyDefaultPack();
    editPackFile(dir, 'regions.yaml', (d) =>
      d.regions[0].standards.push({
        effectiveFrom: '2026-01-01',
        citation: { 'zh-CN': '2026年低保标准', en: '2026 minimum living standard' },
        urban: { minimumLiving: 480, multiplier: 2 },
        rural: { threshold: 600 },
      }),
    );
    return loadPolicyPack(dir);
  }

  it('keeps the old standard for dates before the new one', async () => {
    expect(thresholdFor(await updatedPack(), 'demo-city', 'urban', '2025-12-31')).toBe(920);
  });

  it('applies the new standard from its effectiveFrom date, including a fixed threshold', async () => {
    const updated = await updatedPack();
    expect(thresholdFor(updated, 'demo-city', 'urban', '2026-01-01')).toBe(960);
    expect(thresholdFor(updated, 'demo-city', 'rural', '2026-06-01')).toBe(600);
  });

  it('changes a decision at the boundary and records the date used', async () => {
    const updated = await updatedPack();
    const facts = {
      region: 'demo-city', category: 'wages', age: 40, disability: 'none', groups: [], fixedIncome: true,
      residence: 'urban', householdSize: 1, householdMonthlyIncome: 950,
    } as const;
    expect(assess({ ...facts, groups: [] }, updated, '2025-12-31')).toMatchObject({ outcome: 'not_eligible', threshold: 920, assessedOn: '2025-12-31' });
    expect(assess({ ...facts, groups: [] }, updated, '2026-01-02')).toMatchObject({ outcome: 'eligible', threshold: 960, assessedOn: '2026-01-02' });
  });

  it('sends a means-tested case to review when no standard is in force yet', () => {
    const decision = assess(
      { region: 'demo-city', category: 'wages', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'urban', householdSize: 1, householdMonthlyIncome: 100 },
      pack,
      '2021-06-01',
    );
    expect(decision).toMatchObject({ outcome: 'needs_review', meansTest: 'unknown', missingFacts: [] });
    expect(decision.reasons.map((r) => r.key)).toContain('eligibility.means.no_standard');
  });
});

describe('routing (domain.md §3)', () => {
  it.each([
    ['demo-city', 'domestic_violence', 'demo-city-women'],
    ['demo-city', 'marriage_family', 'demo-city-women'],
    ['demo-city', 'wages', 'demo-city-union'],
    ['demo-city', 'work_injury', 'demo-city-union'],
    ['demo-city', 'labor_contract', 'demo-city-union'],
    ['demo-city', 'labor_relationship', 'demo-city-union'],
    ['demo-city', 'criminal_defense', 'demo-city-detention'],
    ['demo-city', 'traffic_injury', 'demo-city-center'],
    ['demo-county', 'domestic_violence', 'demo-county-center'],
    ['demo-county', 'wages', 'demo-county-center'],
    ['demo-county', 'criminal_defense', 'demo-county-center'],
  ] as const)('%s %s goes to %s', (region, category, office) => {
    expect(routeFor(pack, region, category)).toBe(office);
  });

  it('gives each office a bilingual name, an address and a phone', () => {
    const office = officeById(pack, 'demo-city-union');
    expect(office?.name['zh-CN']).toBe('示例市总工会法律援助工作站');
    expect(office?.name.en).toMatch(/Trade Unions/);
    expect(office?.phone).toMatch(/^[\d-]+$/);
  });
});

describe('todayIn', () => {
  it('uses the pack time zone: 20:00 UTC is already the next day in Shanghai', () => {
    expect(todayIn('Asia/Shanghai', new Date('2025-12-31T20:00:00Z'))).toBe('2026-01-01');
  });

  it('turns to the next day at the zone midnight, asked again and again through it (and back, for a clock set back)', () => {
    const at = (iso: string) => todayIn('Asia/Shanghai', new Date(iso));
    expect(at('2026-03-01T15:59:00Z')).toBe('2026-03-01');
    expect(at('2026-03-01T15:59:59.999Z')).toBe('2026-03-01');
    expect(at('2026-03-01T16:00:00Z')).toBe('2026-03-02');
    expect(at('2026-03-01T15:59:30Z')).toBe('2026-03-01');
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-01T18:14:59Z'))).toBe('2026-03-01');
    expect(todayIn('Asia/Kathmandu', new Date('2026-03-01T18:15:00Z'))).toBe('2026-03-02');
    expect(todayIn('Asia/Shanghai', new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});

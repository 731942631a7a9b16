import { describe, expect, it } from 'vitest';
import { policyValuesForAllRegions, policyValuesToday } from '../../../src/knowledge/faq/policy-values.js';
import { defaultPack } from '../policy/default-pack.js';

describe('the placeholders\' values of the day', () => {
  it('are worked out once a day, not at every answer, and again when the day changes', async () => {
    const pack = await defaultPack();
    let now = new Date('2025-06-01T10:00:00+08:00');
    const today = policyValuesToday(pack, () => now);
    const first = today();
    expect(first).toEqual(policyValuesForAllRegions(pack, now));
    now = new Date('2025-06-01T23:59:00+08:00');
    expect(today()).toBe(first);
    now = new Date('2025-06-02T00:01:00+08:00');
    const next = today();
    expect(next).not.toBe(first);
    expect(next).toEqual(policyValuesForAllRegions(pack, now));
  });

  it('are worked out again the same day when an operator adds a standard that is already in force', async () => {
    const pack = await defaultPack();
    const now = new Date('2025-06-01T10:00:00+08:00');
    const today = policyValuesToday(pack, () => now);
    expect(JSON.stringify(today().thresholdSummary)).toContain('920');
    const city = pack.regions[0]!;
    // As the console's 本地政策 page does: the region gets a new list with the added standard.
    city.standards = [...city.standards, { ...city.standards[0]!, effectiveFrom: '2025-06-01', urban: { minimumLiving: 600, multiplier: 2 } }];
    expect(JSON.stringify(today().thresholdSummary)).toContain('1200');
  });
});

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
});

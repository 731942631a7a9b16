import { beforeAll, describe, expect, it } from 'vitest';
import { ageLines, rangeDecision } from '../../../src/knowledge/eligibility/age-lines.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { defaultPack } from '../policy/default-pack.js';

describe('age lines', () => {
  let pack: PolicyPack;
  beforeAll(async () => {
    pack = await defaultPack();
  });

  it('are the law’s 18 and 60 and the default pack’s 70 (local-exempt-age70)', () => {
    expect(ageLines(pack)).toEqual([18, 60, 70]);
  });

  it.each([
    ['七十多 (70–79) is on one side of every line: 70 decides', { low: 70, high: 79 }, { age: 70 }],
    ['八十多 (80–89): 80 decides', { low: 80, high: 89 }, { age: 80 }],
    ['六十多 (60–69): 60 decides (LAL 42: 60–69 exempt only without fixed income)', { low: 60, high: 69 }, { age: 60 }],
    ['十几岁 (10–19) straddles 18 (a minor or not)', { low: 10, high: 19 }, { line: 18 }],
    ['五六十 (50–69) straddles 60', { low: 50, high: 69 }, { line: 60 }],
    ['over 65 (65–120) straddles 70', { low: 65, high: 120 }, { line: 70 }],
  ])('%s', (_name, range, expected) => {
    expect(rangeDecision(range, ageLines(pack))).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { intakeDeps } from '../../src/bot/eligibility-port.js';
import type { FactsDraft } from '../../src/flows/intake/intake-types.js';
import { defaultPack } from '../knowledge/policy/default-pack.js';

describe('the eligibility engine as the intake uses it', () => {
  it('assesses the same answers once a day however often a turn asks, and again for new answers or a new day', async () => {
    const pack = await defaultPack();
    let now = new Date('2026-06-01T10:00:00+08:00');
    const deps = intakeDeps(pack, () => now);
    const facts: FactsDraft = { region: 'demo-city', category: 'wages', groups: ['migrant_worker'] };
    const first = deps.assess(facts);
    expect(deps.assess(facts)).toBe(first);
    // New answers are a new object (the intake never changes one in place): assessed afresh.
    const changed = deps.assess({ ...facts, age: 45 });
    expect(changed).not.toBe(first);
    expect(changed).toEqual(intakeDeps(pack, () => now).assess({ ...facts, age: 45 }));
    now = new Date('2026-06-02T10:00:00+08:00');
    expect(deps.assess(facts)).not.toBe(first);
    expect(deps.assess(facts).outcome).toBe(first.outcome);
  });
});

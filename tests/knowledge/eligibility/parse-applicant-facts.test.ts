import { beforeAll, describe, expect, it } from 'vitest';
import { parseApplicantFacts } from '../../../src/knowledge/eligibility/applicant-facts.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { defaultPack } from '../policy/default-pack.js';

let pack: PolicyPack;
beforeAll(async () => {
  pack = await defaultPack();
});

describe('parseApplicantFacts', () => {
  it('accepts every fact of domain.md §2', () => {
    const input = {
      region: 'demo-city', category: 'criminal_defense', criminalRole: 'defendant', hasDefender: false, age: 17,
      disability: 'hearing', cannotFullyRecognizeConduct: false, possibleSentence: 'ordinary', deathPenaltyReview: false,
      trialInAbsentia: false, fixedIncome: true, groups: ['migrant_worker'], residence: 'rural', householdSize: 4,
      householdMonthlyIncome: 3200.5, deadlineDays: 3, needsPreservation: false,
    };
    expect(parseApplicantFacts(input, pack)).toEqual({ ok: true, facts: input });
  });

  it('reads JSON text too', () => {
    expect(parseApplicantFacts('{"category":"wages"}')).toEqual({ ok: true, facts: { category: 'wages' } });
  });

  it('treats null as unknown, except deadlineDays: null which means "no deadline"', () => {
    expect(parseApplicantFacts({ age: null, deadlineDays: null })).toEqual({ ok: true, facts: { deadlineDays: null } });
  });

  it('ignores keys that are not facts, such as an id', () => {
    expect(parseApplicantFacts({ id: 'case-7', category: 'consumer' })).toEqual({ ok: true, facts: { category: 'consumer' } });
  });

  it.each([
    ['an unknown category', { category: 'divorce' }, 'category "divorce" is not a known category'],
    ['a negative income', { householdMonthlyIncome: -1 }, 'householdMonthlyIncome must be'],
    ['an empty household', { householdSize: 0 }, 'householdSize must be a whole number'],
    ['half a person', { householdSize: 2.5 }, 'householdSize must be a whole number'],
    ['an age as text', { age: '35' }, 'age must be a number'],
    ['an unknown group', { groups: ['veteran'] }, 'not "veteran"'],
    ['groups that are not a list', { groups: 'migrant_worker' }, 'groups must be a list'],
    ['a yes/no fact as text', { hasDefender: 'no' }, 'hasDefender must be true or false'],
    ['an unknown disability', { disability: 'blind' }, 'disability "blind" is not a known disability'],
    ['a region outside the pack', { region: 'beijing' }, 'region "beijing" is not in the policy pack'],
    ['a victim in a defence', { category: 'criminal_defense', criminalRole: 'victim' }, 'does not fit category criminal_defense'],
    ['a negative deadline', { deadlineDays: -2 }, 'deadlineDays must be'],
    ['an array', [1, 2], 'must be a JSON object'],
    ['broken JSON text', '{"category":', 'not valid JSON'],
  ])('rejects %s', (_name, input, message) => {
    const result = parseApplicantFacts(input, pack);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it('reports every problem of a line at once', () => {
    const result = parseApplicantFacts({ category: 'x', householdSize: 0 });
    expect(!result.ok && result.error.split('; ')).toHaveLength(2);
  });
});

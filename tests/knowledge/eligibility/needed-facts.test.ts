import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_ORDER, type ApplicantFacts, type FactName } from '../../../src/knowledge/eligibility/applicant-facts.js';
import { assess } from '../../../src/knowledge/eligibility/assess.js';
import { isClaim, withUnclaimed } from '../../../src/knowledge/eligibility/claims.js';
import { decideOutcome } from '../../../src/knowledge/eligibility/decide-outcome.js';
import { knownFacts, type CompleteFacts } from '../../../src/knowledge/eligibility/fact-getters.js';
import { isSameDay } from '../../../src/knowledge/eligibility/local-rules.js';
import { isUrgent } from '../../../src/knowledge/eligibility/national-law.js';
import { missingFacts, neededFacts } from '../../../src/knowledge/eligibility/needed-facts.js';
import { CATEGORIES, DISABILITIES, type CategoryId } from '../../../src/knowledge/eligibility/vocabulary.js';
import { routeFor } from '../../../src/knowledge/policy/lookup.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { DATE, defaultPack } from '../policy/default-pack.js';

let pack: PolicyPack;
beforeAll(async () => {
  pack = await defaultPack();
});

const adult: ApplicantFacts = { age: 35, disability: 'none', groups: [], fixedIncome: true };
const noUrgency: ApplicantFacts = { deadlineDays: null, needsPreservation: false };

/** [situation, facts, the questions still to ask, in order] */
const INTAKE: [string, ApplicantFacts, FactName[]][] = [
  ['a domestic-violence matter never asks about income (LAL 32)', { category: 'domestic_violence', region: 'demo-city' }, ['age', 'disability', 'deadlineDays', 'needsPreservation']],
  ['a minor is never asked about income (LAL 42)', { category: 'child_support', region: 'demo-city', age: 12 }, ['deadlineDays', 'needsPreservation']],
  ['a migrant worker claiming wages skips the income questions (LAL 42)', { category: 'wages', region: 'demo-city', age: 30, disability: 'none', groups: ['migrant_worker'] }, ['deadlineDays', 'needsPreservation']],
  ['a 75-year-old is not asked about fixed income (local-exempt-age70)', { category: 'pension', region: 'demo-county', age: 75 }, ['deadlineDays', 'needsPreservation']],
  ['a 65-year-old is asked about fixed income (LAL 42)', { category: 'pension', region: 'demo-county', age: 65, disability: 'none', groups: [] }, ['fixedIncome', 'residence', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation']],
  ['a 35-year-old is not asked about fixed income', { category: 'pension', region: 'demo-county', age: 35, disability: 'none', groups: [] }, ['residence', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation']],
  ['an out-of-scope matter asks nothing more', { category: 'inheritance', region: 'demo-city' }, []],
  ['a failed means test asks nothing more', { ...adult, category: 'wages', region: 'demo-city', residence: 'urban', householdSize: 1, householdMonthlyIncome: 5000 }, []],
  ['a criminal defence starts with the defender and the LAL 25 grounds', { category: 'criminal_defense' }, ['hasDefender', 'possibleSentence', 'trialInAbsentia', 'cannotFullyRecognizeConduct', 'region', 'age', 'disability', 'groups', 'fixedIncome', 'residence', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation']],
  ['a suspect is not asked about trial in absentia', { category: 'criminal_defense', criminalRole: 'suspect', hasDefender: false, possibleSentence: 'ordinary', cannotFullyRecognizeConduct: false, region: 'demo-city', ...adult, residence: 'urban', householdSize: 1, householdMonthlyIncome: 100 }, ['deadlineDays', 'needsPreservation']],
  ['someone with a defender is asked nothing more (LAL 24)', { category: 'criminal_defense', hasDefender: true }, []],
  ['a mandatory appointment asks only where and how urgent (LAL 25)', { category: 'criminal_defense', hasDefender: false, possibleSentence: 'death' }, ['region', 'deadlineDays', 'needsPreservation']],
  ['a local-scope category depends on the region', { category: 'marriage_family' }, ['region', 'age', 'disability', 'groups', 'fixedIncome', 'residence', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation']],
  ['preservation is not asked once the deadline is urgent (LAL 44)', { category: 'domestic_violence', region: 'demo-city', age: 30, disability: 'none', deadlineDays: 3 }, []],
  ['"no deadline" (deadlineDays: null) counts as an answer', { category: 'domestic_violence', region: 'demo-city', age: 30, disability: 'none', deadlineDays: null }, ['needsPreservation']],
  ['nothing is left once everything is known', { ...adult, ...noUrgency, category: 'wages', region: 'demo-city', residence: 'urban', householdSize: 1, householdMonthlyIncome: 100 }, []],
];

describe('neededFacts', () => {
  it.each(INTAKE)('%s', (_name, facts, expected) => {
    expect(neededFacts(facts, pack, DATE)).toEqual(expected);
  });

  it('starts an intake with the category', () => {
    expect(neededFacts({}, pack, DATE)[0]).toBe('category');
  });

  it('drives an intake to a final decision by asking the first fact each time', () => {
    const applicant: Required<Omit<ApplicantFacts, 'criminalRole' | 'deathPenaltyReview' | 'trialInAbsentia' | 'possibleSentence' | 'hasDefender' | 'cannotFullyRecognizeConduct'>> = {
      category: 'wages', region: 'demo-city', age: 45, disability: 'none', groups: [], fixedIncome: true, residence: 'rural',
      householdSize: 3, householdMonthlyIncome: 1500, deadlineDays: 10, needsPreservation: false,
    };
    const facts: ApplicantFacts = {};
    const asked: FactName[] = [];
    for (let next = neededFacts(facts, pack, DATE)[0]; next; next = neededFacts(facts, pack, DATE)[0]) {
      asked.push(next);
      (facts as Record<string, unknown>)[next] = (applicant as Record<string, unknown>)[next];
    }
    expect(asked).toEqual(['category', 'region', 'age', 'disability', 'groups', 'residence', 'householdSize', 'householdMonthlyIncome', 'deadlineDays', 'needsPreservation']);
    expect(assess(facts, pack, DATE)).toMatchObject({ outcome: 'eligible', meansTest: 'passed', threshold: 550, perCapitaIncome: 500 });
  });
});

/*
 * An independent oracle: enumerates a dense grid of values for every unknown fact (many more than the engine's
 * representatives) and checks the definition directly — a fact is needed when two possible applicants that differ
 * only in it get different results.
 */
const GRID: Partial<Record<FactName, unknown[]>> = {
  region: ['demo-city', 'demo-county'],
  criminalRole: ['suspect', 'defendant', 'victim', 'private_prosecutor', 'civil_plaintiff'],
  hasDefender: [false, true],
  age: [0, 12, 17, 18, 30, 59, 60, 65, 69, 70, 95],
  disability: [...DISABILITIES],
  cannotFullyRecognizeConduct: [false, true],
  possibleSentence: ['ordinary', 'life', 'death'],
  deathPenaltyReview: [false, true],
  trialInAbsentia: [false, true],
  fixedIncome: [false, true],
  groups: [[], ['military_family'], ['migrant_worker'], ['registered_poor'], ['social_assistance_recipient'], ['labor_arbitration_fee_waived'], ['migrant_worker', 'registered_poor']],
  residence: ['urban', 'rural'],
  householdSize: [1, 2, 3, 5],
  householdMonthlyIncome: [0, 549, 550, 551, 619, 620, 621, 919, 920, 921, 999, 1000, 1001, 1240, 1241, 1840, 1841, 2000, 2001, 2760, 2761, 5000],
  deadlineDays: [null, 0, 6, 7, 30],
  needsPreservation: [false, true],
};

/** Constraints a possible applicant obeys (only between facts the oracle filled in). */
function possible(given: ApplicantFacts, f: ApplicantFacts): boolean {
  const filled = (name: FactName) => given[name] === undefined;
  const role = f.criminalRole;
  const check = (a: FactName, b: FactName, ok: boolean) => ok || (!filled(a) && !filled(b));
  if (role !== undefined && f.category !== undefined) {
    const fits: Record<string, CategoryId[]> = { suspect: ['criminal_defense'], defendant: ['criminal_defense', 'compulsory_treatment'] };
    const allowed = fits[role] ?? ['criminal_victim'];
    if (!check('criminalRole', 'category', allowed.includes(f.category))) return false;
  }
  if (!check('criminalRole', 'trialInAbsentia', !(role === 'suspect' && f.trialInAbsentia === true))) return false;
  if (!check('criminalRole', 'deathPenaltyReview', !(role === 'suspect' && f.deathPenaltyReview === true))) return false;
  if (!check('possibleSentence', 'deathPenaltyReview', !(f.possibleSentence !== 'death' && f.deathPenaltyReview === true))) return false;
  return true;
}

function completions(given: ApplicantFacts, unknown: FactName[]): ApplicantFacts[] {
  let out: ApplicantFacts[] = [{ ...given }];
  for (const fact of unknown) {
    out = out.flatMap((f) => (GRID[fact] ?? [...CATEGORIES]).map((v) => ({ ...f, [fact]: v })));
  }
  return out.filter((f) => possible(given, f));
}

function material(f: ApplicantFacts): string {
  const g = knownFacts(f) as CompleteFacts;
  const { outcome, meansTest } = decideOutcome(g, pack, DATE);
  if (outcome === 'mandatory_appointment') return [outcome, routeFor(pack, f.region!, f.category), isUrgent(g) === true].join('/');
  if (outcome !== 'eligible') return `${outcome}/${meansTest}`;
  return [outcome, meansTest, routeFor(pack, f.region!, f.category), isUrgent(g) === true, isSameDay(g, pack, DATE) === true].join('/');
}

/** The facts that matter among `unknown` (the facts the sample hid; the others do not apply to its category). */
function oracle(given: ApplicantFacts, unknown: FactName[], project: (f: ApplicantFacts) => string): FactName[] {
  const all = completions(given, unknown);
  const needed = new Set<FactName>();
  for (const fact of unknown) {
    const byRest = new Map<string, Set<string>>();
    for (const f of all) {
      const rest = JSON.stringify(unknown.filter((n) => n !== fact).map((n) => f[n]));
      const results = byRest.get(rest) ?? new Set();
      results.add(project(f));
      byRest.set(rest, results);
    }
    if ([...byRest.values()].some((results) => results.size > 1)) needed.add(fact);
  }
  return FACT_ORDER.filter((f) => needed.has(f));
}

/** A deterministic pseudo-random source, so failures reproduce. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

const FULL: ApplicantFacts[] = [
  { category: 'wages', region: 'demo-city', age: 65, disability: 'none', groups: [], fixedIncome: true, residence: 'urban', householdSize: 2, householdMonthlyIncome: 1841, deadlineDays: 10, needsPreservation: false },
  { category: 'criminal_defense', criminalRole: 'defendant', hasDefender: false, possibleSentence: 'ordinary', deathPenaltyReview: false, trialInAbsentia: false, cannotFullyRecognizeConduct: false, region: 'demo-county', age: 17, disability: 'physical', groups: [], fixedIncome: true, residence: 'rural', householdSize: 3, householdMonthlyIncome: 2000, deadlineDays: 5, needsPreservation: false },
  { category: 'marriage_family', region: 'demo-county', age: 70, disability: 'none', groups: ['registered_poor'], fixedIncome: false, residence: 'urban', householdSize: 1, householdMonthlyIncome: 999, deadlineDays: null, needsPreservation: true },
  { category: 'domestic_violence', region: 'demo-city', age: 40, disability: 'hearing', groups: ['migrant_worker'], fixedIncome: true, residence: 'rural', householdSize: 5, householdMonthlyIncome: 5000, deadlineDays: 7, needsPreservation: false },
  { category: 'work_injury', region: 'demo-city', age: 30, disability: 'none', groups: ['migrant_worker'], fixedIncome: true, residence: 'rural', householdSize: 2, householdMonthlyIncome: 2761, deadlineDays: 30, needsPreservation: false },
  { category: 'criminal_defense', criminalRole: 'suspect', hasDefender: false, possibleSentence: 'ordinary', deathPenaltyReview: false, trialInAbsentia: false, cannotFullyRecognizeConduct: false, region: 'demo-city', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'urban', householdSize: 1, householdMonthlyIncome: 921, deadlineDays: 2, needsPreservation: false },
  { category: 'compulsory_treatment', region: 'demo-county', hasDefender: false, age: 50, disability: 'mental', groups: [], fixedIncome: false, residence: 'rural', householdSize: 1, householdMonthlyIncome: 300, deadlineDays: null, needsPreservation: false },
  { category: 'criminal_victim', criminalRole: 'victim', region: 'demo-county', age: 60, disability: 'none', groups: ['labor_arbitration_fee_waived'], fixedIncome: true, residence: 'urban', householdSize: 2, householdMonthlyIncome: 2001, deadlineDays: 6, needsPreservation: false },
];

/** Hides up to four facts of a full applicant (never the category, so the grid stays small). */
function partial(full: ApplicantFacts, next: () => number): { facts: ApplicantFacts; hidden: FactName[] } {
  const hideable = FACT_ORDER.filter((n) => full[n] !== undefined && n !== 'category');
  const facts = { ...full };
  for (let i = 0; i < 4; i++) delete facts[hideable[Math.floor(next() * hideable.length)]!];
  return { facts, hidden: hideable.filter((n) => facts[n] === undefined) };
}

describe('neededFacts and missingFacts agree with a brute-force oracle', () => {
  const next = random(20250601);
  const everything: ApplicantFacts = { hasDefender: false, possibleSentence: 'ordinary', deathPenaltyReview: false, trialInAbsentia: false, cannotFullyRecognizeConduct: false };
  const withoutCategory = FULL.filter((f) => f.criminalRole === undefined).map((f, i) => {
    const facts: ApplicantFacts = { ...everything, ...f };
    delete facts.category;
    const other = FACT_ORDER.filter((n) => facts[n] !== undefined && n !== 'criminalRole')[(i * 5) % 15]!;
    delete facts[other];
    return { facts, hidden: ['category', other] as FactName[] };
  });
  const samples = [...Array.from({ length: 96 }, (_, i) => partial(FULL[i % FULL.length]!, next)), ...withoutCategory].map(
    (s) => [JSON.stringify(s.facts), s.facts, s.hidden] as const,
  );
  const outcome = (f: ApplicantFacts) => decideOutcome(knownFacts(f) as CompleteFacts, pack, DATE).outcome;

  it.each(samples)('needed facts for %s', (_label, facts, hidden) => {
    expect(neededFacts(facts, pack, DATE)).toEqual(oracle(facts, hidden, material));
  });

  it.each(samples)('missing facts for %s', (_label, facts, hidden) => {
    expect(missingFacts(facts, pack, DATE)).toEqual(oracle(facts, hidden, outcome));
  });

  /** The outcome a screener gives: absent claims are not claimed, hidden core facts range over the grid. */
  const settled = (facts: ApplicantFacts, hidden: FactName[]) => {
    const outcomes = new Set(completions(withUnclaimed(facts), hidden.filter((n) => !isClaim(n))).map(outcome));
    return outcomes.size === 1 ? [...outcomes][0] : 'needs_review';
  };

  it.each(samples)('the outcome is settled exactly when all possible applicants agree, claims left out not claimed: %s', (_label, facts, hidden) => {
    expect(assess(facts, pack, DATE).outcome).toBe(settled(facts, hidden));
  });

  it.each(samples)('wouldChangeIf lists exactly the absent claims some claimed value would change the outcome of: %s', (_label, facts, hidden) => {
    const outcome = settled(facts, hidden);
    const expected = hidden.filter(isClaim).filter((claim) =>
      (GRID[claim] ?? []).some((value) => {
        const variant = { ...facts, [claim]: value } as ApplicantFacts;
        const without = withUnclaimed(facts);
        delete without[claim];
        return possible(without, { ...withUnclaimed(variant) }) && settled(variant, hidden.filter((n) => n !== claim)) !== outcome;
      }),
    );
    expect(assess(facts, pack, DATE).wouldChangeIf).toEqual(FACT_ORDER.filter((f) => (expected as FactName[]).includes(f)));
  });
});

import type { ApplicantFacts, FactName } from './applicant-facts.js';

/*
 * domain.md §2: absent facts come in two kinds. A *claim* is a circumstance a person would mention if it applied
 * (a disability, 低保, a lawyer of their own, a deadline next week); absent means not claimed. A *core* fact
 * (region, category, role, age, fixed income, residence, household size, income) absent means unknown.
 */

/** The facts that are claims, in asking order. */
export const CLAIMS = [
  'hasDefender',
  'possibleSentence',
  'deathPenaltyReview',
  'trialInAbsentia',
  'cannotFullyRecognizeConduct',
  'disability',
  'groups',
  'deadlineDays',
  'needsPreservation',
] as const satisfies readonly FactName[];
export type ClaimName = (typeof CLAIMS)[number];

/** What an applicant who does not mention a claim is taken to have. */
export const UNCLAIMED: { [K in ClaimName]-?: Exclude<ApplicantFacts[K], undefined> } = {
  hasDefender: false,
  possibleSentence: 'ordinary',
  deathPenaltyReview: false,
  trialInAbsentia: false,
  cannotFullyRecognizeConduct: false,
  disability: 'none',
  groups: [],
  deadlineDays: null,
  needsPreservation: false,
};

export const isClaim = (fact: FactName): fact is ClaimName => (CLAIMS as readonly FactName[]).includes(fact);

/** The claims the facts leave out. */
export function absentClaims(facts: ApplicantFacts): ClaimName[] {
  return CLAIMS.filter((claim) => facts[claim] === undefined);
}

/**
 * The facts as a screener reads them: every claim left out is taken as not claimed; core facts stay as given.
 * @example withUnclaimed({ category: 'wages' }) // { category: 'wages', disability: 'none', groups: [], … }
 */
export function withUnclaimed(facts: ApplicantFacts): ApplicantFacts {
  const out: ApplicantFacts = { ...facts };
  for (const claim of absentClaims(facts)) (out as Record<string, unknown>)[claim] = UNCLAIMED[claim];
  return out;
}

/**
 * The shared vocabulary of domain.md §2: category, group, disability and other ids.
 * Ids are stable: code, policy packs, the knowledge base and tests use them as written.
 */

/** What the problem is about. */
export const CATEGORIES = [
  'state_compensation',
  'social_insurance',
  'social_assistance',
  'pension',
  'elder_support',
  'child_support',
  'spousal_support',
  'labor_relationship',
  'wages',
  'capacity_declaration',
  'work_injury',
  'traffic_injury',
  'food_drug_injury',
  'medical_injury',
  'environmental_damage',
  'hero_martyr_rights',
  'good_samaritan',
  'wrongful_conviction_compensation',
  'domestic_violence',
  'criminal_defense',
  'criminal_victim',
  'compulsory_treatment',
  'marriage_family',
  'house_expropriation',
  'agricultural_inputs',
  'labor_contract',
  'inheritance',
  'contract_debt',
  'land_contract',
  'consumer',
  'other',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

/** Groups an applicant may belong to (several at once). */
export const GROUPS = [
  'social_assistance_recipient',
  'judicial_assistance_recipient',
  'special_care_recipient',
  'migrant_worker',
  'registered_poor',
  'military_family',
  'labor_arbitration_fee_waived',
] as const;
export type GroupId = (typeof GROUPS)[number];

export const DISABILITIES = ['none', 'visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'] as const;
export type Disability = (typeof DISABILITIES)[number];

export const CRIMINAL_ROLES = ['suspect', 'defendant', 'victim', 'private_prosecutor', 'civil_plaintiff'] as const;
export type CriminalRole = (typeof CRIMINAL_ROLES)[number];

export const POSSIBLE_SENTENCES = ['ordinary', 'life', 'death'] as const;
export type PossibleSentence = (typeof POSSIBLE_SENTENCES)[number];

export const RESIDENCES = ['urban', 'rural'] as const;
export type Residence = (typeof RESIDENCES)[number];

export const OUTCOMES = ['eligible', 'mandatory_appointment', 'not_eligible', 'out_of_scope', 'needs_review'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const MEANS_TESTS = ['not_required', 'exempt', 'passed', 'failed', 'unknown'] as const;
export type MeansTest = (typeof MEANS_TESTS)[number];

/** Where a category's national entitlement comes from (domain.md §2). */
export type NationalBasis =
  | { kind: 'means_tested'; article: 24 | 29 | 31 }
  | { kind: 'no_means_test'; article: 32 }
  | { kind: 'criminal_defense' }
  | { kind: 'compulsory_treatment' }
  | { kind: 'none' };

const LAL31: NationalBasis = { kind: 'means_tested', article: 31 };
const LAL32: NationalBasis = { kind: 'no_means_test', article: 32 };
const NONE: NationalBasis = { kind: 'none' };

/** The national basis of every category: LAL 31 list, LAL 32 matters, criminal matters, or nothing (local scope only). */
export const NATIONAL_BASIS: Readonly<Record<CategoryId, NationalBasis>> = {
  state_compensation: LAL31,
  social_insurance: LAL31,
  social_assistance: LAL31,
  pension: LAL31,
  elder_support: LAL31,
  child_support: LAL31,
  spousal_support: LAL31,
  labor_relationship: LAL31,
  wages: LAL31,
  capacity_declaration: LAL31,
  work_injury: LAL31,
  traffic_injury: LAL31,
  food_drug_injury: LAL31,
  medical_injury: LAL31,
  environmental_damage: LAL31,
  hero_martyr_rights: LAL32,
  good_samaritan: LAL32,
  wrongful_conviction_compensation: LAL32,
  domestic_violence: LAL32,
  criminal_defense: { kind: 'criminal_defense' },
  criminal_victim: { kind: 'means_tested', article: 29 },
  compulsory_treatment: { kind: 'compulsory_treatment' },
  marriage_family: NONE,
  house_expropriation: NONE,
  agricultural_inputs: NONE,
  labor_contract: NONE,
  inheritance: NONE,
  contract_debt: NONE,
  land_contract: NONE,
  consumer: NONE,
  other: NONE,
};

/** Disabilities that make a criminal defence mandatory (LAL 25: blind, deaf or mute). */
export const SENSE_DISABILITIES: readonly Disability[] = ['visual', 'hearing', 'speech'];

/** Groups LAL 42 exempts from the hardship check in every matter. */
export const LAL42_GROUPS: readonly GroupId[] = [
  'social_assistance_recipient',
  'judicial_assistance_recipient',
  'special_care_recipient',
];

/** Categories in which a migrant worker is exempt under LAL 42 (wages and work-injury damages). */
export const MIGRANT_WORKER_CATEGORIES: readonly CategoryId[] = ['wages', 'work_injury'];

/** Ages the national law draws lines at: minors (< 18) and the elderly (≥ 60). */
export const ADULT_AGE = 18;
export const ELDERLY_AGE = 60;

/** LAL 44: fewer than this many days left to a deadline makes a case urgent. */
export const URGENT_DAYS = 7;

export function isCategory(value: unknown): value is CategoryId {
  return (CATEGORIES as readonly unknown[]).includes(value);
}
export function isGroup(value: unknown): value is GroupId {
  return (GROUPS as readonly unknown[]).includes(value);
}
export function isDisability(value: unknown): value is Disability {
  return (DISABILITIES as readonly unknown[]).includes(value);
}

import type { PolicyPack } from '../policy/types.js';
import {
  CATEGORIES,
  CRIMINAL_ROLES,
  DISABILITIES,
  GROUPS,
  POSSIBLE_SENTENCES,
  RESIDENCES,
  type CategoryId,
  type CriminalRole,
  type Disability,
  type GroupId,
  type PossibleSentence,
  type Residence,
} from './vocabulary.js';

/**
 * What we know about an applicant (domain.md §2). Every fact is optional: absent means unknown.
 * `deadlineDays: null` records the answer "there is no pending deadline".
 */
export interface ApplicantFacts {
  region?: string;
  category?: CategoryId;
  criminalRole?: CriminalRole;
  hasDefender?: boolean;
  age?: number;
  disability?: Disability;
  cannotFullyRecognizeConduct?: boolean;
  possibleSentence?: PossibleSentence;
  deathPenaltyReview?: boolean;
  trialInAbsentia?: boolean;
  fixedIncome?: boolean;
  groups?: GroupId[];
  residence?: Residence;
  householdSize?: number;
  householdMonthlyIncome?: number;
  deadlineDays?: number | null;
  needsPreservation?: boolean;
}

/**
 * Every fact, in the order an intake conversation should ask them: the matter, its criminal details,
 * where, who the applicant is, their means, and last how pressing it is.
 */
export const FACT_ORDER = [
  'category',
  'criminalRole',
  'hasDefender',
  'possibleSentence',
  'deathPenaltyReview',
  'trialInAbsentia',
  'cannotFullyRecognizeConduct',
  'region',
  'age',
  'disability',
  'groups',
  'fixedIncome',
  'residence',
  'householdSize',
  'householdMonthlyIncome',
  'deadlineDays',
  'needsPreservation',
] as const satisfies readonly (keyof ApplicantFacts)[];
export type FactName = (typeof FACT_ORDER)[number];

/** Roles that fit each criminal category; a contradiction is an input error, not a guess. */
const ROLES_BY_CATEGORY: Partial<Record<CategoryId, readonly CriminalRole[]>> = {
  criminal_defense: ['suspect', 'defendant'],
  criminal_victim: ['victim', 'private_prosecutor', 'civil_plaintiff'],
};

export type ParseFactsResult = { ok: true; facts: ApplicantFacts } | { ok: false; error: string };

/**
 * Checks applicant facts from outside (a JSON object or its text) and returns them typed.
 * `null` counts as unknown, except `deadlineDays: null` ("no deadline"); keys that are not facts are ignored.
 * With a pack, `region` must be one of its regions.
 * @example parseApplicantFacts({ category: 'wages', groups: ['migrant_worker'] }, pack)
 */
export function parseApplicantFacts(json: unknown, pack?: PolicyPack): ParseFactsResult {
  let input = json;
  if (typeof input === 'string') {
    try {
      input = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, error: 'applicant facts must be a JSON object such as {"category":"wages","region":"demo-city"}' };
  }
  const raw = input as Record<string, unknown>;
  const errors: string[] = [];
  const facts: ApplicantFacts = {};
  const present = (key: FactName) => raw[key] !== undefined && raw[key] !== null;

  const pick = <K extends FactName>(key: K, allowed: readonly string[], what: string) => {
    if (!present(key)) return;
    const value = raw[key];
    if (typeof value === 'string' && allowed.includes(value)) (facts as Record<string, unknown>)[key] = value;
    else errors.push(`${key} ${JSON.stringify(value)} is not a known ${what} (use one of: ${allowed.join(', ')})`);
  };
  const flag = (key: FactName) => {
    if (!present(key)) return;
    if (typeof raw[key] === 'boolean') (facts as Record<string, unknown>)[key] = raw[key];
    else errors.push(`${key} must be true or false (got ${JSON.stringify(raw[key])})`);
  };
  const number = (key: FactName, { integer, min, max, unit }: { integer: boolean; min: number; max: number; unit: string }) => {
    if (!present(key)) return;
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && value >= min && value <= max) {
      (facts as Record<string, unknown>)[key] = value;
    } else {
      errors.push(`${key} must be ${integer ? 'a whole number' : 'a number'} of ${unit} from ${min} to ${max} (got ${JSON.stringify(value)})`);
    }
  };

  if (present('region')) {
    const regions = pack?.regions.map((r) => r.id);
    if (typeof raw.region !== 'string' || (regions && !regions.includes(raw.region))) {
      errors.push(`region ${JSON.stringify(raw.region)} is not in the policy pack${regions ? ` (use one of: ${regions.join(', ')})` : ''}`);
    } else facts.region = raw.region;
  }
  pick('category', CATEGORIES, 'category');
  pick('criminalRole', CRIMINAL_ROLES, 'criminal role');
  flag('hasDefender');
  number('age', { integer: false, min: 0, max: 150, unit: 'years' });
  pick('disability', DISABILITIES, 'disability');
  flag('cannotFullyRecognizeConduct');
  pick('possibleSentence', POSSIBLE_SENTENCES, 'possible sentence');
  flag('deathPenaltyReview');
  flag('trialInAbsentia');
  flag('fixedIncome');
  if (present('groups')) {
    const groups = raw.groups;
    const unknown = Array.isArray(groups) ? groups.filter((g) => !(GROUPS as readonly unknown[]).includes(g)) : [];
    if (!Array.isArray(groups) || unknown.length > 0) {
      errors.push(
        `groups must be a list of group ids (${GROUPS.join(', ')})${unknown.length > 0 ? `, not ${unknown.map((g) => JSON.stringify(g)).join(', ')}` : ''}`,
      );
    } else facts.groups = [...new Set(groups as GroupId[])];
  }
  pick('residence', RESIDENCES, 'residence');
  number('householdSize', { integer: true, min: 1, max: 100, unit: 'people' });
  number('householdMonthlyIncome', { integer: false, min: 0, max: 1e9, unit: 'yuan a month' });
  if (raw.deadlineDays === null) facts.deadlineDays = null;
  else number('deadlineDays', { integer: false, min: 0, max: 36500, unit: 'days' });
  flag('needsPreservation');

  const roles = facts.category && ROLES_BY_CATEGORY[facts.category];
  if (roles && facts.criminalRole && !roles.includes(facts.criminalRole)) {
    errors.push(`criminalRole ${facts.criminalRole} does not fit category ${facts.category} (expected ${roles.join(' or ')})`);
  }
  return errors.length > 0 ? { ok: false, error: errors.join('; ') } : { ok: true, facts };
}

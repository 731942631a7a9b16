import { conditionMentions } from '../policy/condition.js';
import { residenceThreshold, standardFor } from '../policy/lookup.js';
import type { Condition, IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts, FactName } from './applicant-facts.js';
import type { Assignment } from './fact-space.js';
import {
  ADULT_AGE,
  CATEGORIES,
  CRIMINAL_ROLES,
  DISABILITIES,
  ELDERLY_AGE,
  LAL42_GROUPS,
  POSSIBLE_SENTENCES,
  RESIDENCES,
  SENSE_DISABILITIES,
  URGENT_DAYS,
  type CategoryId,
  type CriminalRole,
  type Disability,
  type GroupId,
} from './vocabulary.js';

/*
 * The space of possible applicants consistent with what is known. Each unknown fact ranges over a few
 * representative values — one per class of values the law and the pack treat alike (ages either side of
 * every age line, one disability per kind the rules distinguish, no group or one group, incomes at and
 * just above every threshold) — so enumerating them covers every way the decision could come out.
 */

type Value = unknown;

interface PackSpace {
  ages: number[];
  disabilities: Disability[];
  groups: GroupId[][];
}

const spaces = new WeakMap<PolicyPack, PackSpace>();

function packSpace(pack: PolicyPack): PackSpace {
  let space = spaces.get(pack);
  if (space) return space;
  const mentions = { ages: new Set<number>([ADULT_AGE, ELDERLY_AGE]), disabilities: new Set<Disability>(), groups: new Set<GroupId>() };
  for (const rule of pack.rules) if (rule.kind !== 'scope') conditionMentions(rule.when, mentions);
  const lines = [...mentions.ages].sort((a, b) => a - b);
  const ages = lines[0]! > 0 ? [Math.max(0, lines[0]! - 1), ...lines] : lines;
  // One disability per class: values every rule (and LAL 25) treats alike share a class.
  const lists: readonly Disability[][] = [[...SENSE_DISABILITIES], ...pack.rules.flatMap((r) => listsIn(r))];
  const classes = new Map<string, Disability>();
  for (const d of DISABILITIES) {
    const signature = [d === 'none', ...lists.map((list) => list.includes(d))].join();
    if (!classes.has(signature)) classes.set(signature, d);
  }
  const groups = new Set<GroupId>([...LAL42_GROUPS, 'migrant_worker', ...mentions.groups]);
  space = { ages, disabilities: [...classes.values()], groups: [[], ...[...groups].map((g) => [g])] };
  spaces.set(pack, space);
  return space;
}

function listsIn(rule: PolicyPack['rules'][number]): Disability[][] {
  const out: Disability[][] = [];
  const walk = (c: Condition) => {
    if (Array.isArray(c.disability)) out.push(c.disability);
    for (const sub of [...(c.allOf ?? []), ...(c.anyOf ?? [])]) walk(sub);
  };
  if (rule.kind !== 'scope') walk(rule.when);
  return out;
}

/** A fact's value: given by the applicant, else assigned on this path, else `undefined`. */
export function lookup(facts: ApplicantFacts, assigned: Assignment, name: FactName): Value {
  const given = facts[name];
  return given !== undefined ? given : assigned.get(name);
}

/** Thresholds that could apply given what is known of region and residence. */
function possibleThresholds(facts: ApplicantFacts, assigned: Assignment, pack: PolicyPack, date: IsoDate): number[] {
  const region = lookup(facts, assigned, 'region') as string | undefined;
  const residence = lookup(facts, assigned, 'residence') as (typeof RESIDENCES)[number] | undefined;
  const out = new Set<number>();
  for (const r of region ? [region] : pack.regions.map((x) => x.id)) {
    const standard = standardFor(pack, r, date);
    if (!standard) continue;
    for (const res of residence ? [residence] : RESIDENCES) out.add(residenceThreshold(standard[res]));
  }
  return [...out].sort((a, b) => a - b);
}

const BOOLEAN = [false, true];

/** The representative values of one unknown fact, given what is known or assigned so far. */
export function representatives(fact: FactName, facts: ApplicantFacts, assigned: Assignment, pack: PolicyPack, date: IsoDate): Value[] {
  const space = packSpace(pack);
  switch (fact) {
    case 'category':
      return [...CATEGORIES];
    case 'region':
      return pack.regions.map((r) => r.id);
    case 'criminalRole':
      return [...CRIMINAL_ROLES];
    case 'possibleSentence':
      return [...POSSIBLE_SENTENCES];
    case 'age':
      return space.ages;
    case 'disability':
      return space.disabilities;
    case 'groups':
      return space.groups;
    case 'residence':
      return [...RESIDENCES];
    case 'deadlineDays':
      return [null, 0, URGENT_DAYS];
    case 'householdSize': {
      const income = lookup(facts, assigned, 'householdMonthlyIncome') as number | undefined;
      if (income === undefined) return [1, 2];
      const sizes = new Set([1]);
      for (const t of possibleThresholds(facts, assigned, pack, date)) sizes.add(Math.max(1, Math.ceil(income / t)));
      return [...sizes];
    }
    case 'householdMonthlyIncome': {
      const size = (lookup(facts, assigned, 'householdSize') as number | undefined) ?? 1;
      const thresholds = possibleThresholds(facts, assigned, pack, date);
      if (thresholds.length === 0) return [0];
      return [...thresholds, thresholds[thresholds.length - 1]! + 1].map((pc) => pc * size);
    }
    default:
      return BOOLEAN;
  }
}

/** Facts that imply one another; an assignment that breaks one is not a possible applicant. */
const CONSTRAINTS: { facts: [FactName, FactName]; holds: (a: Value, b: Value) => boolean }[] = [
  {
    // A suspect's matter is a criminal defence; a defendant's a defence or compulsory treatment; victims' LAL 29.
    facts: ['criminalRole', 'category'],
    holds: (role, category) => {
      const fits: Record<CriminalRole, readonly CategoryId[]> = {
        suspect: ['criminal_defense'],
        defendant: ['criminal_defense', 'compulsory_treatment'],
        victim: ['criminal_victim'],
        private_prosecutor: ['criminal_victim'],
        civil_plaintiff: ['criminal_victim'],
      };
      return fits[role as CriminalRole].includes(category as CategoryId);
    },
  },
  // Only a defendant is tried, in absentia or otherwise, and only after a death sentence is there a review.
  { facts: ['criminalRole', 'trialInAbsentia'], holds: (role, tia) => role !== 'suspect' || tia === false },
  { facts: ['criminalRole', 'deathPenaltyReview'], holds: (role, dpr) => role !== 'suspect' || dpr === false },
  { facts: ['possibleSentence', 'deathPenaltyReview'], holds: (sentence, dpr) => sentence === 'death' || dpr === false },
];

/** Whether assigning `fact` keeps the applicant possible. Facts the applicant gave are never second-guessed. */
export function consistent(facts: ApplicantFacts, assigned: Assignment, fact: FactName): boolean {
  for (const c of CONSTRAINTS) {
    if (!c.facts.includes(fact)) continue;
    const [a, b] = c.facts.map((name) => lookup(facts, assigned, name));
    if (a === undefined || b === undefined) continue;
    if (facts[c.facts[0]] !== undefined && facts[c.facts[1]] !== undefined) continue;
    if (!c.holds(a, b)) return false;
  }
  return true;
}


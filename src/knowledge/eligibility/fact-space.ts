import { conditionMentions } from '../policy/condition.js';
import { residenceThreshold, standardFor } from '../policy/lookup.js';
import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts, FactName } from './applicant-facts.js';
import type { CompleteFacts } from './fact-getters.js';
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
/** Values given to unknown facts on one path of the enumeration: an immutable list, newest first. */
export class Assignment {
  static readonly empty = new Assignment();

  private constructor(
    private readonly fact?: FactName,
    private readonly value?: Value,
    private readonly parent?: Assignment,
  ) {}

  get(name: FactName): Value | undefined {
    for (let a: Assignment | undefined = this; a?.fact !== undefined; a = a.parent) if (a.fact === name) return a.value;
    return undefined;
  }

  with(name: FactName, value: Value): Assignment {
    return new Assignment(name, value, this);
  }

  /** Facts and values, oldest first. */
  entries(): [FactName, Value][] {
    const out: [FactName, Value][] = [];
    for (let a: Assignment | undefined = this; a?.fact !== undefined; a = a.parent) out.unshift([a.fact, a.value]);
    return out;
  }

  without(name: FactName): Assignment {
    return this.entries().reduce((a, [fact, value]) => (fact === name ? a : a.with(fact, value)), Assignment.empty);
  }
}

/** Thrown by an enumerator getter when a decision reads a fact that is neither known nor assigned yet. */
class Branch {
  constructor(readonly fact: FactName) {}
}

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
  const walk = (c: import('../policy/types.js').Condition) => {
    if (Array.isArray(c.disability)) out.push(c.disability);
    for (const sub of [...(c.allOf ?? []), ...(c.anyOf ?? [])]) walk(sub);
  };
  if (rule.kind !== 'scope') walk(rule.when);
  return out;
}

function lookup(facts: ApplicantFacts, assigned: Assignment, name: FactName): Value {
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
function representatives(fact: FactName, facts: ApplicantFacts, assigned: Assignment, pack: PolicyPack, date: IsoDate): Value[] {
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
function consistent(facts: ApplicantFacts, assigned: Assignment, fact: FactName): boolean {
  for (const c of CONSTRAINTS) {
    if (!c.facts.includes(fact)) continue;
    const [a, b] = c.facts.map((name) => lookup(facts, assigned, name));
    if (a === undefined || b === undefined) continue;
    if (facts[c.facts[0]] !== undefined && facts[c.facts[1]] !== undefined) continue;
    if (!c.holds(a, b)) return false;
  }
  return true;
}

/** Getters that return a known or assigned value and branch (throw) on any other fact. */
class EnumeratedFacts implements CompleteFacts {
  constructor(
    private readonly facts: ApplicantFacts,
    private readonly assigned: Assignment,
  ) {}

  private get(name: FactName): never {
    const given = this.facts[name];
    const value = given !== undefined ? given : this.assigned.get(name);
    if (value === undefined) throw new Branch(name);
    return value as never;
  }

  region() { return this.get('region'); }
  category() { return this.get('category'); }
  criminalRole() { return this.get('criminalRole'); }
  hasDefender() { return this.get('hasDefender'); }
  age() { return this.get('age'); }
  disability() { return this.get('disability'); }
  cannotFullyRecognizeConduct() { return this.get('cannotFullyRecognizeConduct'); }
  possibleSentence() { return this.get('possibleSentence'); }
  deathPenaltyReview() { return this.get('deathPenaltyReview'); }
  trialInAbsentia() { return this.get('trialInAbsentia'); }
  fixedIncome() { return this.get('fixedIncome'); }
  groups() { return this.get('groups'); }
  residence() { return this.get('residence'); }
  householdSize() { return this.get('householdSize'); }
  householdMonthlyIncome() { return this.get('householdMonthlyIncome'); }
  deadlineDays() { return this.get('deadlineDays'); }
  needsPreservation() { return this.get('needsPreservation'); }
}

/** One possible applicant: the values given to unknown facts the projection read, and what it returned. */
export interface Leaf<T> {
  assigned: Assignment;
  value: T;
}

/** Guards against a pack so large the enumeration would stall a conversation. */
const MAX_LEAVES = 500_000;

/**
 * Every way `project` can come out for an applicant consistent with `facts`. Unknown facts are assigned
 * only when `project` reads them, so facts that cannot matter on a path are never enumerated on it.
 * With `stopAt`, the enumeration ends at the first result it accepts.
 */
export function explore<T>(
  facts: ApplicantFacts,
  pack: PolicyPack,
  date: IsoDate,
  project: (f: CompleteFacts) => T,
  start: Assignment = Assignment.empty,
  stopAt?: (value: T) => boolean,
): Leaf<T>[] {
  const leaves: Leaf<T>[] = [];
  const stack: Assignment[] = [start];
  while (stack.length > 0) {
    const assigned = stack.pop()!;
    try {
      const value = project(new EnumeratedFacts(facts, assigned));
      leaves.push({ assigned, value });
      if (stopAt?.(value)) break;
    } catch (error) {
      if (!(error instanceof Branch)) throw error;
      for (const value of representatives(error.fact, facts, assigned, pack, date).reverse()) {
        const next = assigned.with(error.fact, value);
        if (consistent(facts, next, error.fact)) stack.push(next);
      }
    }
    if (leaves.length > MAX_LEAVES) throw new Error(`Eligibility enumeration exceeded ${MAX_LEAVES} cases; the policy pack has too many rules.`);
  }
  return leaves;
}

const same = (a: Value, b: Value) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The unknown facts whose value can change what `project` returns: fact F counts when two possible applicants
 * that differ only in F get different results. Checked by changing F on every path that read it.
 */
export function sensitiveFacts<T>(
  facts: ApplicantFacts,
  pack: PolicyPack,
  date: IsoDate,
  project: (f: CompleteFacts) => T,
  key: (value: T) => string = String,
  leaves: Leaf<T>[] = explore(facts, pack, date, project),
): Set<FactName> {
  const found = new Set<FactName>();
  for (const leaf of leaves) {
    const result = key(leaf.value);
    for (const [fact, value] of leaf.assigned.entries()) {
      if (found.has(fact)) continue;
      const rest = leaf.assigned.without(fact);
      for (const other of representatives(fact, facts, rest, pack, date)) {
        if (same(other, value)) continue;
        const start = rest.with(fact, other);
        if (!consistent(facts, start, fact)) continue;
        const differs = (value: T) => key(value) !== result;
        if (explore(facts, pack, date, project, start, differs).some((l) => differs(l.value))) {
          found.add(fact);
          break;
        }
      }
    }
  }
  return found;
}

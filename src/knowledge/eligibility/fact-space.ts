import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts, FactName } from './applicant-facts.js';
import type { CompleteFacts } from './fact-getters.js';
import { consistent, lookup, representatives } from './fact-representatives.js';

/*
 * Enumerates the applicants consistent with what is known, lazily: a decision reads facts through getters, and
 * reading an unknown fact branches over its representative values (see fact-representatives.ts).
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

/** Getters that return a known or assigned value and branch (throw) on any other fact. */
class EnumeratedFacts implements CompleteFacts {
  constructor(
    private readonly facts: ApplicantFacts,
    private readonly assigned: Assignment,
  ) {}

  private get(name: FactName): never {
    const value = lookup(this.facts, this.assigned, name);
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

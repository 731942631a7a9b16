import type { CategoryId, Disability, GroupId } from '../eligibility/vocabulary.js';
import type { Condition } from './types.js';

/**
 * The facts a condition can ask about. A getter returns `undefined` when the fact is unknown;
 * the eligibility engine's enumerator instead throws to branch on every possible value.
 */
export interface ConditionFacts {
  age(): number | undefined;
  disability(): Disability | undefined;
  groups(): readonly GroupId[] | undefined;
  category(): CategoryId | undefined;
  fixedIncome(): boolean | undefined;
}

/** Three-valued truth: `undefined` means "depends on facts not known yet". */
export type Truth = boolean | undefined;

/**
 * Strong-Kleene `or` of a test over items: `true` as soon as one item's test is true, `false` when every test is
 * false, else `undefined`. Items are tested in order and no further once the answer is certain.
 */
export function someHolds<T>(items: readonly T[], test: (item: T) => Truth): Truth {
  let result: Truth = false;
  for (const item of items) {
    const value = test(item);
    if (value === true) return true;
    if (value === undefined) result = undefined;
  }
  return result;
}

/** Lifts a test on one known fact to three-valued truth. */
export function known<T>(value: T | undefined, test: (v: T) => boolean): Truth {
  return value === undefined ? undefined : test(value);
}

/**
 * Whether the applicant meets a pack condition: `true`, `false`, or `undefined` when it depends on unknown facts.
 * Keys are checked in a fixed order (category first) and evaluation stops once the answer is certain, so a fact
 * is only read when it can still change the answer.
 */
export function evaluateCondition(c: Condition, facts: ConditionFacts): Truth {
  let unknown = false;
  // Each check returns false (condition fails) or records whether its fact was unknown.
  if (c.categories) {
    const v = facts.category();
    if (v === undefined) unknown = true;
    else if (!c.categories.includes(v)) return false;
  }
  if (c.ageAtLeast !== undefined || c.ageBelow !== undefined) {
    const v = facts.age();
    if (v === undefined) unknown = true;
    else if ((c.ageAtLeast !== undefined && v < c.ageAtLeast) || (c.ageBelow !== undefined && v >= c.ageBelow)) return false;
  }
  if (c.disability !== undefined) {
    const v = facts.disability();
    if (v === undefined) unknown = true;
    else if (c.disability === 'any' ? v === 'none' : !c.disability.includes(v)) return false;
  }
  if (c.groupsAny) {
    const v = facts.groups();
    const wanted = c.groupsAny;
    if (v === undefined) unknown = true;
    else if (!v.some((g) => wanted.includes(g))) return false;
  }
  if (c.fixedIncome !== undefined) {
    const v = facts.fixedIncome();
    if (v === undefined) unknown = true;
    else if (v !== c.fixedIncome) return false;
  }
  for (const sub of c.allOf ?? []) {
    const v = evaluateCondition(sub, facts);
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  if (c.anyOf) {
    const v = someHolds(c.anyOf, (sub) => evaluateCondition(sub, facts));
    if (v === false) return false;
    if (v === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** Every age, disability and group a condition mentions: the values an applicant's facts are compared with. */
export function conditionMentions(condition: Condition, into = { ages: new Set<number>(), disabilities: new Set<Disability>(), groups: new Set<GroupId>() }) {
  if (condition.ageAtLeast !== undefined) into.ages.add(condition.ageAtLeast);
  if (condition.ageBelow !== undefined) into.ages.add(condition.ageBelow);
  if (Array.isArray(condition.disability)) for (const d of condition.disability) into.disabilities.add(d);
  for (const g of condition.groupsAny ?? []) into.groups.add(g);
  for (const sub of [...(condition.allOf ?? []), ...(condition.anyOf ?? [])]) conditionMentions(sub, into);
  return into;
}

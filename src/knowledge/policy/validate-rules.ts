import { CATEGORIES, DISABILITIES, GROUPS } from '../eligibility/vocabulary.js';
import { childPath, type FieldChecker } from './field-checker.js';
import type { Condition, LocalRule } from './types.js';

const CONDITION_KEYS = ['anyOf', 'allOf', 'ageAtLeast', 'ageBelow', 'disability', 'groupsAny', 'categories', 'fixedIncome'] as const;
const RULE_KINDS = ['exemption', 'scope', 'same_day'] as const;
const DISABILITY_VALUES = DISABILITIES.filter((d) => d !== 'none');

/** Reads a `when:` condition; see {@link Condition} for the keys. */
export function validateCondition(raw: unknown, path: string, check: FieldChecker): Condition | undefined {
  const obj = check.object(raw, path, CONDITION_KEYS);
  if (!obj) return undefined;
  if (Object.keys(obj).length === 0) {
    check.problem(path, 'emptyCondition', { allowed: CONDITION_KEYS.join(', ') });
    return undefined;
  }
  const out: Condition = {};
  let ok = true;
  const take = <K extends keyof Condition>(key: K, value: Condition[K] | undefined) => {
    if (value === undefined) ok = false;
    else out[key] = value;
  };
  for (const key of ['anyOf', 'allOf'] as const) {
    if (obj[key] === undefined) continue;
    const items = check.list(obj[key], childPath(path, key), { nonEmpty: true });
    const parts = items?.map((item, i) => validateCondition(item, childPath(childPath(path, key), i), check));
    take(key, parts && parts.every((p) => p !== undefined) ? (parts as Condition[]) : undefined);
  }
  for (const key of ['ageAtLeast', 'ageBelow'] as const) {
    if (obj[key] !== undefined) take(key, check.number(obj[key], childPath(path, key), { min: 0, max: 150 }));
  }
  if (obj.disability !== undefined) {
    take(
      'disability',
      obj.disability === 'any'
        ? 'any'
        : check.idList(obj.disability, childPath(path, 'disability'), DISABILITY_VALUES, 'disability'),
    );
  }
  if (obj.groupsAny !== undefined) take('groupsAny', check.idList(obj.groupsAny, childPath(path, 'groupsAny'), GROUPS, 'group'));
  if (obj.categories !== undefined) take('categories', check.idList(obj.categories, childPath(path, 'categories'), CATEGORIES, 'category'));
  if (obj.fixedIncome !== undefined) take('fixedIncome', check.boolean(obj.fixedIncome, childPath(path, 'fixedIncome')));
  return ok ? out : undefined;
}

function validateRule(raw: unknown, path: string, check: FieldChecker): LocalRule | undefined {
  const obj = check.object(raw, path, [
    'id',
    'kind',
    'regions',
    'citation',
    'description',
    'effectiveFrom',
    'effectiveUntil',
    'when',
    'categories',
  ]);
  if (!obj) return undefined;
  const id = check.id(obj.id, childPath(path, 'id'));
  const kind = check.oneOf(obj.kind, childPath(path, 'kind'), RULE_KINDS, 'ruleKind');
  const regionItems = check.list(obj.regions, childPath(path, 'regions'), { nonEmpty: true });
  const regions = regionItems?.map((r, i) => check.id(r, childPath(childPath(path, 'regions'), i)));
  const citation = check.localized(obj.citation, childPath(path, 'citation'));
  const description = check.localized(obj.description, childPath(path, 'description'));
  const effectiveFrom = obj.effectiveFrom === undefined ? undefined : check.date(obj.effectiveFrom, childPath(path, 'effectiveFrom'));
  const effectiveUntil = obj.effectiveUntil === undefined ? undefined : check.date(obj.effectiveUntil, childPath(path, 'effectiveUntil'));
  let ok =
    id !== undefined &&
    kind !== undefined &&
    regions !== undefined &&
    regions.every((r) => r !== undefined) &&
    citation !== undefined &&
    description !== undefined &&
    (obj.effectiveFrom === undefined || effectiveFrom !== undefined) &&
    (obj.effectiveUntil === undefined || effectiveUntil !== undefined);
  if (effectiveFrom && effectiveUntil && effectiveUntil < effectiveFrom) {
    check.problem(childPath(path, 'effectiveUntil'), 'untilBeforeFrom', { until: effectiveUntil, from: effectiveFrom });
    ok = false;
  }
  const dates = { ...(effectiveFrom ? { effectiveFrom } : {}), ...(effectiveUntil ? { effectiveUntil } : {}) };
  if (kind === 'scope') {
    if (obj.when !== undefined) check.problem(childPath(path, 'when'), 'scopeHasWhen');
    const categories = check.idList(obj.categories, childPath(path, 'categories'), CATEGORIES, 'category');
    if (!ok || !categories || obj.when !== undefined) return undefined;
    return { id: id!, kind, regions: regions as string[], citation: citation!, description: description!, ...dates, categories };
  }
  if (kind !== undefined && obj.categories !== undefined) {
    check.problem(childPath(path, 'categories'), 'categoriesOutsideWhen', { kind });
    ok = false;
  }
  const when = kind === undefined ? undefined : validateCondition(obj.when, childPath(path, 'when'), check);
  if (!ok || !when || kind === undefined) return undefined;
  return { id: id!, kind, regions: regions as string[], citation: citation!, description: description!, ...dates, when };
}

/**
 * Reads `rules.yaml`: local exemptions, local scope and same-day rules, each with an id and a citation.
 * Returns the rules at their index in the file, `undefined` where one is wrong.
 */
export function validateRules(raw: unknown, check: FieldChecker): (LocalRule | undefined)[] | undefined {
  const obj = check.object(raw, '', ['rules']);
  const items = obj && check.list(obj.rules, 'rules');
  if (!items) return undefined;
  return items.map((item, i) => validateRule(item, childPath('rules', i), check));
}

import { evaluateCondition, someHolds, type Truth } from '../policy/condition.js';
import { rulesInForce } from '../policy/lookup.js';
import type { ExemptionRule, IsoDate, PolicyPack, SameDayRule } from '../policy/types.js';
import type { FactGetters } from './fact-getters.js';

/**
 * Evaluates a per-region test; when the region is unknown, the answer is only certain if every
 * region of the pack gives the same one.
 */
export function acrossRegions(f: FactGetters, pack: PolicyPack, test: (regionId: string) => Truth): Truth {
  const region = f.region();
  if (region !== undefined) return test(region);
  const answers = new Set(pack.regions.map((r) => test(r.id)));
  return answers.size === 1 ? [...answers][0] : undefined;
}

function rulesThatHold<R extends ExemptionRule | SameDayRule>(f: FactGetters, rules: R[]): R[] {
  return rules.filter((rule) => evaluateCondition(rule.when, f) === true);
}

/** Whether a local exemption rule of the applicant's region exempts them from the means test. */
export function isLocallyExempt(f: FactGetters, pack: PolicyPack, date: IsoDate): Truth {
  return acrossRegions(f, pack, (region) =>
    someHolds(rulesInForce(pack, region, 'exemption', date), (rule) => evaluateCondition(rule.when, f)),
  );
}

/** The local exemption rules that certainly apply (all regions' when the region is unknown). */
export function localExemptionsThatHold(f: FactGetters, pack: PolicyPack, date: IsoDate): ExemptionRule[] {
  return rulesWhereverApplicable(f, pack, date, 'exemption');
}

/** Whether the region's same-day acceptance rules cover the applicant. */
export function isSameDay(f: FactGetters, pack: PolicyPack, date: IsoDate): Truth {
  return acrossRegions(f, pack, (region) =>
    someHolds(rulesInForce(pack, region, 'same_day', date), (rule) => evaluateCondition(rule.when, f)),
  );
}

/** The same-day rules that certainly apply. */
export function sameDayRulesThatHold(f: FactGetters, pack: PolicyPack, date: IsoDate): SameDayRule[] {
  return rulesWhereverApplicable(f, pack, date, 'same_day');
}

function rulesWhereverApplicable<K extends 'exemption' | 'same_day'>(
  f: FactGetters,
  pack: PolicyPack,
  date: IsoDate,
  kind: K,
): Extract<ExemptionRule | SameDayRule, { kind: K }>[] {
  const region = f.region();
  if (region !== undefined) return rulesThatHold(f, rulesInForce(pack, region, kind, date));
  const everywhere = pack.regions.map((r) => new Set(rulesInForce(pack, r.id, kind, date)));
  const common = [...(everywhere[0] ?? [])].filter((rule) => everywhere.every((set) => set.has(rule)));
  return rulesThatHold(f, common);
}

import type { CategoryId, Residence } from '../eligibility/vocabulary.js';
import type { DocumentInfo, IsoDate, LocalRule, MeansStandard, Office, PolicyPack, Region, ResidenceStandard } from './types.js';

/** The region with this id, if the pack has it. */
export function regionById(pack: PolicyPack, id: string): Region | undefined {
  return pack.regions.find((r) => r.id === id);
}

/** The office with this id, if the pack has it. */
export function officeById(pack: PolicyPack, id: string): Office | undefined {
  return pack.offices.find((o) => o.id === id);
}

/** The document with this id, if the pack has it. */
export function documentById(pack: PolicyPack, id: string): DocumentInfo | undefined {
  return pack.documents.find((d) => d.id === id);
}

/** The region's standard in force on `date`: the one with the latest `effectiveFrom` not after it. */
export function standardFor(pack: PolicyPack, regionId: string, date: IsoDate): MeansStandard | undefined {
  const region = regionById(pack, regionId);
  let found: MeansStandard | undefined;
  for (const standard of region?.standards ?? []) {
    if (standard.effectiveFrom <= date && (!found || standard.effectiveFrom > found.effectiveFrom)) found = standard;
  }
  return found;
}

/** Monthly income per person at or below which an applicant passes, for one kind of residence. */
export function residenceThreshold(standard: ResidenceStandard): number {
  const value = 'threshold' in standard ? standard.threshold : standard.minimumLiving * standard.multiplier;
  return Math.round(value * 100) / 100;
}

/**
 * The means threshold (yuan per person per month) for a region and residence on a date, or `undefined`
 * when the region has no standard in force yet.
 * @example thresholdFor(pack, 'demo-city', 'urban', '2025-06-01') // 920 = 2 × 低保 460
 */
export function thresholdFor(pack: PolicyPack, regionId: string, residence: Residence, date: IsoDate): number | undefined {
  const standard = standardFor(pack, regionId, date);
  return standard && residenceThreshold(standard[residence]);
}

/** Whether a rule applies on `date` (inclusive bounds). */
export function isInForce(rule: Pick<LocalRule, 'effectiveFrom' | 'effectiveUntil'>, date: IsoDate): boolean {
  return (rule.effectiveFrom === undefined || rule.effectiveFrom <= date) && (rule.effectiveUntil === undefined || date <= rule.effectiveUntil);
}

/** The region's rules of one kind in force on `date`, in pack order. */
export function rulesInForce<K extends LocalRule['kind']>(
  pack: PolicyPack,
  regionId: string,
  kind: K,
  date: IsoDate,
): Extract<LocalRule, { kind: K }>[] {
  // Decisions ask this many times per applicant; packs are immutable once loaded, so answers are kept.
  let byKey = ruleCache.get(pack);
  if (!byKey) ruleCache.set(pack, (byKey = new Map()));
  const key = `${regionId}\u0000${kind}\u0000${date}`;
  let rules = byKey.get(key);
  if (!rules) {
    rules = pack.rules.filter((rule) => rule.kind === kind && rule.regions.includes(regionId) && isInForce(rule, date));
    byKey.set(key, rules);
  }
  return rules as Extract<LocalRule, { kind: K }>[];
}

const ruleCache = new WeakMap<PolicyPack, Map<string, LocalRule[]>>();

/** The local scope rule that puts a category in scope in a region on `date`, if any. */
export function localScopeRule(pack: PolicyPack, regionId: string, category: CategoryId, date: IsoDate) {
  return rulesInForce(pack, regionId, 'scope', date).find((rule) => rule.categories.includes(category));
}

/** The office a region's cases of a category go to: the matching routing rule's office, else the region's own. */
export function routeFor(pack: PolicyPack, regionId: string, category: CategoryId | undefined): string | undefined {
  const region = regionById(pack, regionId);
  if (!region) return undefined;
  const rule = category && pack.routing.find((r) => r.region === regionId && r.categories.includes(category));
  return rule ? rule.office : region.office;
}

const dateFormats = new Map<string, { format: Intl.DateTimeFormat; minute: number; date: IsoDate }>();

/** Today's date in the pack's time zone, as `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  // Building a formatter is costly, and formatting (~5 µs) runs on every intake answer and FAQ answer: keep one
  // formatter per zone and its last date, which holds for the whole minute (every zone's offset is whole minutes).
  const minute = Math.floor(now.getTime() / 60_000);
  let cached = dateFormats.get(timeZone);
  if (!cached) {
    cached = { format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }), minute: NaN, date: '' };
    dateFormats.set(timeZone, cached);
  }
  if (cached.minute !== minute) {
    cached.minute = minute;
    cached.date = cached.format.format(now);
  }
  return cached.date;
}

/** `fayuan-default@2025.4`: what a decision records as the pack it used. */
export function policyVersion(pack: PolicyPack): string {
  return `${pack.id}@${pack.version}`;
}

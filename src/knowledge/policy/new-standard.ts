import { isMap, isScalar, isSeq, parseDocument, Scalar } from 'yaml';
import type { Params } from '../../flows/events.js';
import { halfWidth } from '../../flows/half-width.js';
import type { Localized } from '../../locales/catalog.js';
import { isIsoDate } from './field-checker.js';
import { officeById, regionById, residenceThreshold, standardFor } from './lookup.js';
import type { IsoDate, MeansStandard, Office, PolicyPack, ResidenceStandard } from './types.js';

/** The highest monthly amount per person the console accepts: a 低保 above it is a typing slip. */
export const MAX_MONTHLY_YUAN = 20000;
/** How far ahead a new standard may start (a later date is a wrong year). */
const MAX_YEARS_AHEAD = 3;
/** The basis is a notice's title, not the notice. */
const MAX_CITATION_CHARS = 300;

const RESIDENCES = ['urban', 'rural'] as const;
type Residence = (typeof RESIDENCES)[number];

/** The form's fields: `citation.zh-CN` and `citation.en` are the basis in each language. */
export type StandardField = 'region' | 'effectiveFrom' | Residence | 'citation.zh-CN' | 'citation.en';

/** One field's problem, as a `policy.new.*` text (src/locales/local-policy.ts). */
export interface StandardProblem {
  field: StandardField;
  key: string;
  params?: Params;
}

export type NewStandardResult =
  | { ok: true; regionId: string; standard: MeansStandard; /** It corrects a standard of the same day not yet in force. */ replaces: boolean }
  | { ok: false; problems: StandardProblem[] };

/** A yuan amount as typed: `1250`, `1,250`, `１２５０`, `1250元`, `1250.50`. */
export function parseYuan(typed: unknown): { ok: true; value: number } | { ok: false; key: string; params?: Params } {
  const text = typeof typed === 'number' ? String(typed) : typeof typed === 'string' ? halfWidth(typed).trim() : '';
  if (text === '') return { ok: false, key: 'missing' };
  const plain = text.replace(/\s*(元|yuan|rmb|¥|￥)\s*$/i, '').replace(/^[¥￥]\s*/, '').replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (/^-\s*\d/.test(plain) || /^0+(\.0+)?$/.test(plain)) return { ok: false, key: 'policy.new.amountNotPositive' };
  if (!/^\d+(\.\d+)?$/.test(plain)) return { ok: false, key: 'policy.new.amountNotNumber', params: { value: text } };
  if (/\.\d{3,}$/.test(plain)) return { ok: false, key: 'policy.new.amountTooPrecise' };
  const value = Number(plain);
  if (value > MAX_MONTHLY_YUAN) return { ok: false, key: 'policy.new.amountTooLarge', params: { value: plain, max: MAX_MONTHLY_YUAN } };
  return { ok: true, value };
}

/** A date as typed: `2027-01-01`, `2027/1/1`, `2027.1.1`, `2027年1月1日`; undefined when it is none. */
export function parseDay(typed: unknown): IsoDate | undefined {
  const text = typeof typed === 'string' ? halfWidth(typed).trim() : '';
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(day) ? day : undefined;
}

function yearsAfter(day: IsoDate, years: number): IsoDate {
  return `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
}

/**
 * Checks a new 低保 standard an operator typed for a region and builds it: the amounts per residence (the
 * multiplier of the standard in force carries over; a residence with a fixed threshold gets a new threshold),
 * the start date (after the standard in force today, on a day no other standard starts, within three years) and
 * the basis in both languages. Every field's problem is returned at once.
 */
export function checkNewStandard(pack: PolicyPack, input: Record<string, unknown>, today: IsoDate): NewStandardResult {
  const problems: StandardProblem[] = [];
  const problem = (field: StandardField, key: string, params?: Params) => problems.push({ field, key, ...(params ? { params } : {}) });
  const region = typeof input.region === 'string' ? regionById(pack, input.region) : undefined;
  if (!region) {
    problem('region', 'policy.new.regionUnknown');
    return { ok: false, problems };
  }
  const current = standardFor(pack, region.id, today);
  // The model for the new one: the standard in force, else the latest registered.
  const model = current ?? region.standards[region.standards.length - 1];

  const typedDay = typeof input.effectiveFrom === 'string' ? input.effectiveFrom.trim() : '';
  const effectiveFrom = parseDay(typedDay);
  // A standard of that day is registered already.
  const taken = region.standards.some((s) => s.effectiveFrom === effectiveFrom);
  if (typedDay === '') problem('effectiveFrom', 'policy.new.dateMissing');
  else if (!effectiveFrom) problem('effectiveFrom', 'policy.new.dateInvalid', { value: typedDay });
  else if (current && effectiveFrom <= current.effectiveFrom) problem('effectiveFrom', 'policy.new.dateNotAfterCurrent', { current: current.effectiveFrom });
  // `replace: true` corrects a standard registered for that day which has not started yet (a mistyped amount).
  else if (taken && !(input.replace === true && effectiveFrom > today))
    problem('effectiveFrom', 'policy.new.dateTaken', { date: effectiveFrom });
  else if (effectiveFrom > yearsAfter(today, MAX_YEARS_AHEAD)) problem('effectiveFrom', 'policy.new.dateTooFar', { date: effectiveFrom });

  const amounts: Partial<Record<Residence, ResidenceStandard>> = {};
  for (const residence of RESIDENCES) {
    const parsed = parseYuan(input[residence]);
    const before = model?.[residence];
    const fixed = before !== undefined && 'threshold' in before;
    if (!parsed.ok) {
      const key = parsed.key === 'missing' ? (fixed ? 'policy.new.thresholdMissing' : 'policy.new.amountMissing') : parsed.key;
      problem(residence, key, { ...parsed.params, residence: { key: `policy.residence.${residence}` } });
      continue;
    }
    amounts[residence] = fixed ? { threshold: parsed.value } : { minimumLiving: parsed.value, multiplier: before && 'multiplier' in before ? before.multiplier : 2 };
  }

  const typedCitation = (input.citation ?? {}) as Record<string, unknown>;
  // One line, however it was typed or pasted.
  const oneLine = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
  const zh = oneLine(typedCitation['zh-CN']);
  const en = oneLine(typedCitation.en);
  if (zh === '') problem('citation.zh-CN', 'policy.new.citationMissing');
  else if (en === '') problem('citation.en', 'policy.new.citationEnMissing');
  for (const [field, text] of [['citation.zh-CN', zh], ['citation.en', en]] as const) {
    if ([...text].length > MAX_CITATION_CHARS) problem(field, 'policy.new.citationTooLong', { count: [...text].length, max: MAX_CITATION_CHARS });
  }

  if (problems.length > 0 || !effectiveFrom || !amounts.urban || !amounts.rural) return { ok: false, problems };
  return {
    ok: true,
    regionId: region.id,
    standard: { effectiveFrom, citation: { 'zh-CN': zh, en }, urban: amounts.urban, rural: amounts.rural },
    replaces: taken,
  };
}

/**
 * regions.yaml with `standard` added to the region's standards, in date order (replacing one of the same day); every comment and every older
 * standard kept (decisions about earlier dates stay reproducible).
 * @throws {Error} when the text has no such region (the caller validated the pack first).
 */
export function addStandardToRegionsYaml(text: string, regionId: string, standard: MeansStandard): string {
  const doc = parseDocument(text);
  const regions = doc.get('regions');
  const region = isSeq(regions) ? regions.items.find((item) => isMap(item) && item.get('id') === regionId) : undefined;
  const standards = isMap(region) ? region.get('standards') : undefined;
  if (!isSeq(standards)) throw new Error(`regions.yaml has no standards list for region ${regionId}`);
  const node = doc.createNode(standard);
  const from = node.get('effectiveFrom', true);
  if (isScalar(from)) from.type = Scalar.QUOTE_DOUBLE;
  // A standard of the same day is replaced (a correction the check allowed: one not yet in force).
  const same = standards.items.findIndex((item) => isMap(item) && String(item.get('effectiveFrom')) === standard.effectiveFrom);
  const at = standards.items.findIndex((item) => isMap(item) && String(item.get('effectiveFrom')) > standard.effectiveFrom);
  if (same !== -1) standards.items.splice(same, 1, node);
  else if (at === -1) standards.items.push(node);
  else standards.items.splice(at, 0, node);
  return doc.toString({ lineWidth: 0 });
}

/** One residence's standard as the page shows it: 低保 × multiplier = threshold, or a fixed threshold. */
export interface ResidenceView {
  minimumLiving: number | null;
  multiplier: number | null;
  threshold: number;
}

export interface StandardView {
  effectiveFrom: IsoDate;
  citation: Localized;
  urban: ResidenceView;
  rural: ResidenceView;
}

export interface OfficeView {
  id: string;
  kind: Office['kind'];
  region: string;
  name: Localized;
  address: Localized;
  phone: string;
  hours: Localized | null;
  parent: string | null;
}

export interface RegionView {
  id: string;
  name: Localized;
  office: OfficeView | null;
  /** The standard in force today, or null when none has started yet. */
  current: StandardView | null;
  /** Standards registered to start after today, soonest first. */
  upcoming: StandardView[];
  /** How many older standards are kept for earlier decisions. */
  earlier: number;
}

/** What the 本地政策 page shows: what is in effect today, in the pack's own words and figures. */
export interface PolicyOverview extends Pick<PolicyPack, 'name' | 'timeZone' | 'hotline' | 'decisionDays' | 'urgentSameDay'> {
  today: IsoDate;
  version: string;
  regions: RegionView[];
  offices: OfficeView[];
}

function residenceView(standard: ResidenceStandard): ResidenceView {
  return 'threshold' in standard
    ? { minimumLiving: null, multiplier: null, threshold: residenceThreshold(standard) }
    : { minimumLiving: standard.minimumLiving, multiplier: standard.multiplier, threshold: residenceThreshold(standard) };
}

function standardView(standard: MeansStandard): StandardView {
  return { effectiveFrom: standard.effectiveFrom, citation: standard.citation, urban: residenceView(standard.urban), rural: residenceView(standard.rural) };
}

function officeView(office: Office): OfficeView {
  return { id: office.id, kind: office.kind, region: office.region, name: office.name, address: office.address, phone: office.phone, hours: office.hours ?? null, parent: office.parent ?? null };
}

/** The pack as it applies on `today`: per region the standard in force and from when, what comes next; offices; timing. */
export function policyOverview(pack: PolicyPack, today: IsoDate): PolicyOverview {
  return {
    today,
    version: `${pack.id}@${pack.version}`,
    name: pack.name,
    timeZone: pack.timeZone,
    hotline: pack.hotline,
    decisionDays: pack.decisionDays,
    urgentSameDay: pack.urgentSameDay,
    regions: pack.regions.map((region) => {
      const current = standardFor(pack, region.id, today);
      const office = officeById(pack, region.office);
      return {
        id: region.id,
        name: region.name,
        office: office ? officeView(office) : null,
        current: current ? standardView(current) : null,
        upcoming: region.standards.filter((s) => s.effectiveFrom > today).map(standardView),
        earlier: region.standards.filter((s) => s.effectiveFrom <= today && s !== current).length,
      };
    }),
    offices: pack.offices.map(officeView),
  };
}

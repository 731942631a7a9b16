import type { Params } from '../../flows/events.js';
import type { Localized } from '../../locales/catalog.js';
import type { CategoryId, Disability, GroupId } from '../eligibility/vocabulary.js';

/** A calendar date written `YYYY-MM-DD`, compared as text. */
export type IsoDate = string;

/**
 * A condition on the applicant, as written in the pack's `when:` fields. Every key present must hold
 * (`allOf` semantics); `anyOf` holds when one of its conditions holds. Conditions only ever ask whether
 * an applicant *is* in a group, never that they are not, so more groups can only make more rules apply.
 */
export interface Condition {
  anyOf?: Condition[];
  allOf?: Condition[];
  /** Age in years is at least this. */
  ageAtLeast?: number;
  /** Age in years is below this (`ageBelow: 18` means a minor). */
  ageBelow?: number;
  /** `any`: any disability other than `none`; a list: one of these. */
  disability?: 'any' | Disability[];
  /** The applicant is in at least one of these groups. */
  groupsAny?: GroupId[];
  /** The matter is one of these categories. */
  categories?: CategoryId[];
  /** The applicant has (true) or has no (false) fixed source of income. */
  fixedIncome?: boolean;
}

/** The means standard of one kind of residence: 低保 × multiplier, or a fixed monthly threshold per person. */
export type ResidenceStandard = { minimumLiving: number; multiplier: number } | { threshold: number };

/** A region's hardship standard from a date on; a centre adds a new one each year. */
export interface MeansStandard {
  effectiveFrom: IsoDate;
  citation: Localized;
  urban: ResidenceStandard;
  rural: ResidenceStandard;
}

/** A place whose applicants share one standard and set of local rules. */
export interface Region {
  id: string;
  name: Localized;
  /** The office cases go to when no routing rule matches. */
  office: string;
  standards: MeansStandard[];
}

interface RuleBase {
  id: string;
  regions: string[];
  citation: Localized;
  description: Localized;
  effectiveFrom?: IsoDate;
  /** Last day the rule applies (inclusive). */
  effectiveUntil?: IsoDate;
}

/** A local exemption from the means test, on top of LAL 42. */
export interface ExemptionRule extends RuleBase {
  kind: 'exemption';
  when: Condition;
}

/** Categories a region adds to the means-tested scope (LAL 31 item 9). */
export interface ScopeRule extends RuleBase {
  kind: 'scope';
  categories: CategoryId[];
}

/** Who gets same-day acceptance. */
export interface SameDayRule extends RuleBase {
  kind: 'same_day';
  when: Condition;
}

export type LocalRule = ExemptionRule | ScopeRule | SameDayRule;

/** A legal aid centre or one of its workstations. */
export interface Office {
  id: string;
  kind: 'centre' | 'workstation';
  region: string;
  name: Localized;
  address: Localized;
  phone: string;
  hours?: Localized;
  /** A workstation's centre (LAL 15: workstations are set up by, and answer to, a centre): its staff see the workstation's cases. */
  parent?: string;
}

/** Sends a region's cases of some categories to an office other than the region's default. */
export interface RoutingRule {
  id: string;
  region: string;
  categories: CategoryId[];
  office: string;
  citation: Localized;
}

/** A document an applicant may be asked to bring. */
export interface DocumentInfo {
  id: string;
  name: Localized;
  note?: Localized;
}

/** Which documents each kind of application needs. */
export interface DocumentRequirements {
  /** Every application (not mandatory appointments, which the authority starts). */
  always: string[];
  /** When hardship is shown rather than exempt: the honesty pledge of LAL 41. */
  meansTested: string[];
  /** Mandatory appointments (LAL 25, 28). */
  mandatory: string[];
  /** Case-specific evidence per category. */
  byCategory: Partial<Record<CategoryId, string[]>>;
  /** Evidence for a category without its own entry. */
  otherwise: string[];
  /**
   * A minor's application, in every outcome that lists documents (mandatory appointments too): a parent or guardian
   * applies, or is told, and proves the relationship (户口簿, 出生医学证明). Absent in older packs: none.
   */
  minor?: string[];
  /**
   * Someone applying for another (a close relative of a detained suspect, LAL 24; a daughter for her mother): their own
   * proof of identity and of the relationship, added to any outcome that lists documents. Absent in older packs: none.
   */
  onBehalf?: string[];
  /** Proof of the ground an exemption is claimed on (LAL 42: "with a document proving the group"). */
  proofs: {
    disability: string[];
    groups: Partial<Record<GroupId, string[]>>;
  };
}

/** Everything local, loaded from a policy pack folder and validated. */
export interface PolicyPack {
  id: string;
  version: string;
  name: Localized;
  /** IANA time zone that decides what "today" is for the pack's offices. */
  timeZone: string;
  hotline: string;
  /** Days within which a complete application is decided (LAL 43). */
  decisionDays: number;
  /** Whether urgent cases (LAL 44) are handled the same day. */
  urgentSameDay: boolean;
  regions: Region[];
  rules: LocalRule[];
  offices: Office[];
  routing: RoutingRule[];
  documents: DocumentInfo[];
  requirements: DocumentRequirements;
}

/**
 * One thing wrong with a pack: the file, the path inside it (`regions[1].standards[0].effectiveFrom`), the line when
 * the file could be read, and what is wrong as a `policy.problem.*` text (src/locales/policy-check.ts) with its values.
 */
export interface PolicyProblem {
  file: string;
  path: string;
  key: string;
  params?: Params;
  /** 1-based line of the file where the path (or the nearest part of it that exists) is written. */
  line?: number;
}

import type { Localized } from '../../locales/catalog.js';
import { DEFAULT_CASE_RULES, type CaseRules } from './case-lifecycle.js';

/** Something the pack names in both languages: a document, an office, a region. */
export interface Named {
  id: string;
  name: Localized;
}

/**
 * What case handling needs from the policy pack: deadlines, the hotline, and the names of
 * documents, offices and regions. A loaded `PolicyPack` fits as it is.
 */
/** An office as case handling sees it: its name and, for a workstation, the centre it belongs to. */
export interface NamedOffice extends Named {
  parent?: string;
}

export interface CasePack extends CaseRules {
  hotline: string;
  documents: readonly Named[];
  offices: readonly NamedOffice[];
  regions: readonly Named[];
  /** Local rules by id with their citation, to name them where a decision cites them. */
  rules?: readonly { id: string; citation: Localized }[];
}

/** The national defaults (LAL 43, 44; hotline 12348), for tests and for a missing pack. */
export const DEFAULT_CASE_PACK: CasePack = { ...DEFAULT_CASE_RULES, hotline: '12348', documents: [], offices: [], regions: [] };

/** The name of `id` in `list`, or the id itself in both languages when the pack does not know it. */
export function nameIn(list: readonly Named[], id: string): Localized {
  return list.find((item) => item.id === id)?.name ?? { 'zh-CN': id, en: id };
}

import type { Locale } from '../../locales/catalog.js';
import { eligibilityMessages } from '../../locales/eligibility.js';
import { formatMessage } from '../../locales/format.js';
import type { Decision, Reason } from './decision.js';

/** A decision as written to people and files: reasons rendered in one language. */
export type LocalizedDecision = Omit<Decision, 'reasons'> & { reasons: string[] };

/** One reason in one language. */
export function localizeReason(reason: Reason, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    params[name] = typeof value === 'object' ? value[locale] : value;
  }
  return formatMessage(eligibilityMessages[reason.key][locale], params);
}

/**
 * The decision with its reasons in `locale`, fields in the order of domain.md §2 — what `fayuan assess` prints.
 * @example JSON.stringify(localizeDecision(assess(facts, pack, date), 'en'))
 */
export function localizeDecision(decision: Decision, locale: Locale): LocalizedDecision {
  const { outcome, meansTest, urgent, sameDay, threshold, perCapitaIncome, basis, route, documents, reasons, missingFacts, wouldChangeIf } = decision;
  return {
    outcome,
    meansTest,
    urgent,
    sameDay,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(perCapitaIncome !== undefined ? { perCapitaIncome } : {}),
    basis,
    ...(route !== undefined ? { route } : {}),
    documents,
    reasons: reasons.map((reason) => localizeReason(reason, locale)),
    ...(missingFacts ? { missingFacts } : {}),
    wouldChangeIf,
    policyVersion: decision.policyVersion,
    assessedOn: decision.assessedOn,
  };
}

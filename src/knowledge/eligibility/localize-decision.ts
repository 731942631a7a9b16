import type { Locale } from '../../locales/catalog.js';
import { eligibilityMessages, eligibilityStaffMessages } from '../../locales/eligibility.js';
import { formatMessage } from '../../locales/format.js';
import type { Decision, Reason } from './decision.js';
import { eitherOf, listOf } from './decision-reasons.js';

type Localized = Record<Locale, string>;

/** A decision as written to people and files: reasons rendered in one language. */
export type LocalizedDecision = Omit<Decision, 'reasons'> & { reasons: string[] };

/** One reason in one language, as the chat says it to the resident. */
export function localizeReason(reason: Reason, locale: Locale): string {
  return formatMessage(eligibilityMessages[reason.key][locale], paramsIn(reason, locale));
}

function paramsIn(reason: Reason, locale: Locale): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    params[name] = typeof value === 'object' ? value[locale] : value;
  }
  return params;
}

type StaffKey = keyof typeof eligibilityStaffMessages;
const staffText = (key: string): Localized | undefined =>
  (eligibilityStaffMessages as Record<string, Localized>)[`eligibility.staff.${key.slice('eligibility.'.length)}` as StaffKey];

/**
 * One reason as the staff case page says it: about the applicant, in the third person ("根据申请人提供的情况…", "the
 * applicant can object…"), where the chat says "根据您提供的情况…". The facts still to check (named by `factLabel`, the
 * page's own labels) and the claims that would change the outcome are written again from the decision (their stored
 * text was worded to the resident: "how many people live in your household", "you have a disability"); a decision
 * stored without them keeps the stored text.
 */
export function localizeReasonForStaff(
  reason: Reason,
  locale: Locale,
  decision: Partial<Pick<Decision, 'missingFacts' | 'wouldChangeIf'>>,
  factLabel: (fact: string) => Localized,
): string {
  const params = paramsIn(reason, locale);
  if (reason.key === 'eligibility.outcome.needs_review' && decision.missingFacts?.length) {
    params.facts = listOf(decision.missingFacts.map(factLabel))[locale];
  }
  if (reason.key === 'eligibility.would_change_if' && decision.wouldChangeIf?.length) {
    params.claims = eitherOf(decision.wouldChangeIf.map((claim) => staffText(`eligibility.claim.${claim}`) ?? eligibilityMessages[`eligibility.claim.${claim}`]))[locale];
  }
  return formatMessage((staffText(reason.key) ?? eligibilityMessages[reason.key])[locale], params);
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

import type { Localized } from '../../locales/catalog.js';
import type { EligibilityMessageKey } from '../../locales/eligibility.js';
import type { FactName } from './applicant-facts.js';
import type { ClaimName } from './claims.js';
import type { MeansTest, Outcome } from './vocabulary.js';

/** An article of the Legal Aid Law or a local rule of the policy pack that a decision rests on. */
export type Basis = { source: 'LAL'; article: number } | { source: 'local'; rule: string };

/** A value placed into a reason's template: plain, or already written in both languages. */
export type ReasonParam = string | number | Localized;

/** A reason as a message key of `src/locales/eligibility.ts` plus parameters; render with {@link localizeDecision}. */
export interface Reason {
  key: EligibilityMessageKey;
  params?: Record<string, ReasonParam>;
  /** The articles and local rules the reason's text cites, so a message can list every one it relied on. */
  cites?: Basis[];
}

/** The eligibility decision of domain.md §2, with the pack version and date it used. */
export interface Decision {
  outcome: Outcome;
  meansTest: MeansTest;
  /** LAL 44: fewer than 7 days to a deadline, or preservation needed. */
  urgent: boolean;
  /** The region's same-day acceptance rule covers the applicant. */
  sameDay: boolean;
  /** Yuan per person per month, when a means test ran. */
  threshold?: number;
  /** Household monthly income ÷ household size, rounded to fen, when a means test ran. */
  perCapitaIncome?: number;
  basis: Basis[];
  /** Office id the case goes to; absent while the region is unknown. */
  route?: string;
  documents: string[];
  reasons: Reason[];
  /** When the outcome is `needs_review`: the unknown facts that could change it, in asking order. */
  missingFacts?: FactName[];
  /** Claims the applicant did not make that would change the outcome if made (domain.md §2), in asking order. */
  wouldChangeIf: ClaimName[];
  /** `<pack id>@<pack version>`. */
  policyVersion: string;
  /** The date whose standards and rules were applied, `YYYY-MM-DD`. */
  assessedOn: string;
}

export const lal = (article: number): Basis => ({ source: 'LAL', article });
export const local = (rule: string): Basis => ({ source: 'local', rule });

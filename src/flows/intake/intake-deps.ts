import type { Localized } from '../../locales/catalog.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import type { MeansTest, Outcome } from '../../knowledge/eligibility/vocabulary.js';
import type { FactStep, FactsDraft } from './intake-types.js';

/** A legal basis of a decision, as domain.md §2 writes it. */
export type BasisRef = { source: 'LAL'; article: number } | { source: 'local'; rule: string };

/** The eligibility decision as the conversation shows it (domain.md §2), reasons in both languages. */
export interface DecisionView {
  outcome: Outcome;
  meansTest: MeansTest;
  urgent: boolean;
  sameDay: boolean;
  threshold?: number;
  perCapitaIncome?: number;
  basis: BasisRef[];
  route: string | null;
  documents: string[];
  reasons: Localized[];
  missingFacts?: string[];
  policyVersion: string;
  assessedOn: string;
}

/** What the intake needs from the policy pack and the eligibility engine; pure functions of the facts. */
export interface IntakeDeps {
  pack: PolicyPack;
  /** Unknown facts that could still change the decision, in the order to ask them. */
  neededFacts(facts: FactsDraft): FactStep[];
  assess(facts: FactsDraft): DecisionView;
}

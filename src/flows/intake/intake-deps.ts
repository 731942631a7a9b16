import type { Localized } from '../../locales/catalog.js';
import type { PolicyPack } from '../../knowledge/policy/types.js';
import type { Basis, Decision } from '../../knowledge/eligibility/decision.js';
import type { FactStep, FactsDraft } from './intake-types.js';

/** A legal basis of a decision, as domain.md §2 writes it. */
export type BasisRef = Basis;

/** One reason of a decision: its message key (to tell the kinds apart) and its text in both languages. */
export interface ReasonView {
  key: string;
  text: Localized;
}

/**
 * The eligibility decision as the conversation shows it (domain.md §2), reasons written in both languages;
 * `cited` is every article and local rule the decision rests on or its reasons cite, each once.
 */
export type DecisionView = Omit<Decision, 'reasons' | 'route'> & { route: string | null; reasons: ReasonView[]; cited: Basis[] };

/** What the intake needs from the policy pack and the eligibility engine; pure functions of the facts. */
export interface IntakeDeps {
  pack: PolicyPack;
  /** Unknown facts that could still change the decision, in the order to ask them. */
  neededFacts(facts: FactsDraft): FactStep[];
  assess(facts: FactsDraft): DecisionView;
  /** Today in the pack's time zone (`YYYY-MM-DD`), to count the days to a deadline named by its date. */
  today?(): string;
}

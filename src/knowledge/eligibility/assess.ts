import { policyVersion, regionById, routeFor, thresholdFor } from '../policy/lookup.js';
import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts } from './applicant-facts.js';
import { absentClaims, withUnclaimed, type ClaimName } from './claims.js';
import { decideOutcome } from './decide-outcome.js';
import { decisionBasis, scopeGround } from './decision-basis.js';
import { decisionDocuments } from './decision-documents.js';
import { decisionReasons, type DecisionCore } from './decision-reasons.js';
import type { Decision } from './decision.js';
import { knownFacts } from './fact-getters.js';
import { Assignment, explore } from './fact-space.js';
import { consistent, representatives } from './fact-representatives.js';
import { isSameDay } from './local-rules.js';
import { isUrgent } from './national-law.js';
import { missingFacts } from './needed-facts.js';
import type { MeansTest, Outcome } from './vocabulary.js';

/** The one value every possible applicant shares, if there is one. */
function only<T>(values: Set<T>): T | undefined {
  return values.size === 1 ? [...values][0] : undefined;
}

/**
 * The means-test field when applicants consistent with the facts differ: an income test that already passed (or
 * failed with no exemption left to find) is reported as such; anything else is `unknown`.
 */
function settledMeansTest(outcome: Outcome, possible: Set<MeansTest>): MeansTest {
  const single = only(possible);
  if (single) return single;
  if (outcome === 'eligible' && possible.has('passed')) return 'passed';
  if (outcome === 'not_eligible' && possible.has('failed')) return 'failed';
  return 'unknown';
}

/** The outcome every applicant consistent with the facts shares, or `needs_review` when they differ. */
function settledOutcome(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate): Outcome {
  return only(new Set(explore(facts, pack, date, (f) => decideOutcome(f, pack, date)).map((l) => l.value.outcome))) ?? 'needs_review';
}

/**
 * The claims the applicant did not make that would change the outcome if they did (domain.md §2): for each absent
 * claim, some claimed value (a disability, a group, a lawyer of their own…) gives a different outcome.
 */
function claimsThatWouldChange(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate, outcome: Outcome): ClaimName[] {
  const claimed = withUnclaimed(facts);
  return absentClaims(facts).filter((claim) => {
    const without: ApplicantFacts = { ...claimed };
    delete without[claim];
    return representatives(claim, without, Assignment.empty, pack, date).some((value) => {
      if (consistent(without, Assignment.empty.with(claim, value), claim) === false) return false;
      const variant = { ...without, [claim]: value } as ApplicantFacts;
      return JSON.stringify(value) !== JSON.stringify(claimed[claim]) && settledOutcome(variant, pack, date) !== outcome;
    });
  });
}

/**
 * Decides whether legal aid is available (domain.md §2), as a pure function of the facts, the policy pack and the
 * date whose standards apply. Absent facts come in two kinds. An absent *claim* (disability, groups, a lawyer of
 * their own, the LAL 25 grounds, a deadline, preservation) is not claimed: the decision is made without it and
 * `wouldChangeIf` lists the claims that would change the outcome. An absent *core* fact is unknown, and the decision
 * never guesses: when applicants who fit the known facts could get different outcomes, the outcome is
 * `needs_review` and `missingFacts` lists the facts that would settle it (income 800 passes a 920 threshold
 * whatever the household size, so the size is not needed).
 * @example assess({ region: 'demo-city', category: 'wages', groups: ['migrant_worker'] }, pack, '2025-06-01')
 */
export function assess(given: ApplicantFacts, pack: PolicyPack, date: IsoDate): Decision {
  const facts = withUnclaimed(given);
  const leaves = explore(facts, pack, date, (f) => decideOutcome(f, pack, date));
  const outcomes = new Set(leaves.map((l) => l.value.outcome));
  const outcome = only(outcomes) ?? 'needs_review';
  const meansTest = settledMeansTest(outcome, new Set(leaves.map((l) => l.value.meansTest)));
  const missing = outcome === 'needs_review' ? missingFacts(facts, pack, date, leaves) : undefined;
  const wouldChangeIf = claimsThatWouldChange(given, pack, date, outcome);

  const f = knownFacts(facts);
  const regionId = facts.region ?? (pack.regions.length === 1 ? pack.regions[0]!.id : undefined);
  const route = regionId === undefined ? undefined : routeFor(pack, regionId, facts.category);
  const figures = meansFigures(facts, pack, date, outcome, meansTest);
  const core: DecisionCore = {
    outcome,
    meansTest,
    urgent: isUrgent(f) === true,
    sameDay: isSameDay(f, pack, date) === true,
    ...figures,
    ...(route ? { route } : {}),
    ...(missing ? { missingFacts: missing } : {}),
    wouldChangeIf,
    noStandard: outcomes.has('needs_review') && regionId !== undefined && !regionById(pack, regionId)?.standards.some((s) => s.effectiveFrom <= date),
  };
  return {
    outcome,
    meansTest,
    urgent: core.urgent,
    sameDay: core.sameDay,
    ...figures,
    basis: decisionBasis(f, pack, date, outcome, meansTest, core.urgent),
    ...(route ? { route } : {}),
    documents: decisionDocuments(facts, pack, date, outcome, meansTest),
    reasons: decisionReasons(facts, pack, date, core),
    ...(missing ? { missingFacts: missing } : {}),
    wouldChangeIf,
    policyVersion: policyVersion(pack),
    assessedOn: date,
  };
}

/** Threshold and income per person, when the income test ran (or is the open question of a `needs_review`). */
function meansFigures(
  facts: ApplicantFacts,
  pack: PolicyPack,
  date: IsoDate,
  outcome: Outcome,
  meansTest: MeansTest,
): { threshold?: number; perCapitaIncome?: number } {
  const tested = meansTest === 'passed' || meansTest === 'failed';
  const open = outcome === 'needs_review' && meansTest === 'unknown' && scopeGround(knownFacts(facts), pack, date) !== undefined;
  if (!tested && !open) return {};
  const { region, residence, householdSize, householdMonthlyIncome } = facts;
  const threshold = region !== undefined && residence !== undefined ? thresholdFor(pack, region, residence, date) : undefined;
  const perCapitaIncome =
    householdSize !== undefined && householdMonthlyIncome !== undefined
      ? Math.round((householdMonthlyIncome / householdSize) * 100) / 100
      : undefined;
  return {
    ...(threshold !== undefined ? { threshold } : {}),
    ...(perCapitaIncome !== undefined ? { perCapitaIncome } : {}),
  };
}

import { routeFor } from '../policy/lookup.js';
import type { IsoDate, PolicyPack } from '../policy/types.js';
import { FACT_ORDER, type ApplicantFacts, type FactName } from './applicant-facts.js';
import { decideOutcome, type CoreOutcome } from './decide-outcome.js';
import type { CompleteFacts } from './fact-getters.js';
import { explore, sensitiveFacts, type Leaf } from './fact-space.js';
import { isSameDay } from './local-rules.js';
import { URGENT_DAYS } from './vocabulary.js';

const inAskingOrder = (facts: Set<FactName>): FactName[] => FACT_ORDER.filter((fact) => facts.has(fact));

/** Outcomes after which the case goes ahead, so where it goes and how fast matter. */
const goesAhead = (outcome: CoreOutcome['outcome']) => outcome === 'eligible' || outcome === 'mandatory_appointment';

/**
 * The parts of a decision an intake conversation asks questions for, urgency aside: outcome and means test always;
 * once the case goes ahead, the office (route); for an application, same-day acceptance. Basis, documents and
 * reasons follow from what is known and never justify a question of their own.
 */
function materialDecision(f: CompleteFacts, pack: PolicyPack, date: IsoDate): { goesAhead: boolean; key: string } {
  const { outcome, meansTest } = decideOutcome(f, pack, date);
  if (!goesAhead(outcome)) return { goesAhead: false, key: `${outcome}/${meansTest}` };
  const route = routeFor(pack, f.region(), f.category());
  const parts = outcome === 'eligible' ? [outcome, meansTest, route, isSameDay(f, pack, date)] : [outcome, route];
  return { goesAhead: true, key: parts.join('/') };
}

/**
 * LAL 44 urgency depends on the deadline and preservation alone, so it is worked out directly: each is needed
 * while the other does not already make the case urgent, provided the case can still go ahead.
 */
function urgencyFacts(facts: ApplicantFacts, canGoAhead: boolean): FactName[] {
  if (!canGoAhead) return [];
  const deadlineUrgent = typeof facts.deadlineDays === 'number' && facts.deadlineDays < URGENT_DAYS;
  const out: FactName[] = [];
  if (facts.deadlineDays === undefined && facts.needsPreservation !== true) out.push('deadlineDays');
  if (facts.needsPreservation === undefined && !deadlineUrgent) out.push('needsPreservation');
  return out;
}

/**
 * The unknown facts that could still change the decision, in the order an intake conversation should ask them
 * (category → criminal details → region → age → disability → groups → fixed income → residence → household size →
 * income → deadline → preservation). Ask the first, record the answer, repeat until the list is empty.
 * A fact is listed only if two applicants who differ in it alone could get different decisions, so for example a
 * domestic-violence matter never asks about income and a minor is never asked about income. Once the outcome is
 * settled as out of scope or not eligible, nothing more is asked. Record "no deadline" as `deadlineDays: null`.
 * @example neededFacts({ category: 'wages' }, pack, '2025-06-01') // ['region', 'age', 'disability', 'groups', …]
 */
export function neededFacts(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate): FactName[] {
  // Every intake starts from the same few states, and the answer depends only on the arguments: remember recent ones.
  let cache = recent.get(pack);
  if (!cache) recent.set(pack, (cache = new Map()));
  const known = FACT_ORDER.filter((fact) => facts[fact] !== undefined).map((fact) => [fact, facts[fact]]);
  const key = `${date}\u0000${JSON.stringify(known)}`;
  const hit = cache.get(key);
  if (hit) return [...hit];
  const result = computeNeededFacts(facts, pack, date);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return [...result];
}

const CACHE_SIZE = 256;
const recent = new WeakMap<PolicyPack, Map<string, FactName[]>>();

function computeNeededFacts(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate): FactName[] {
  const project = (f: CompleteFacts) => materialDecision(f, pack, date);
  const leaves = explore(facts, pack, date, project);
  const found = sensitiveFacts(facts, pack, date, project, (d) => d.key, leaves);
  for (const fact of urgencyFacts(facts, leaves.some((leaf) => leaf.value.goesAhead))) found.add(fact);
  return inAskingOrder(found);
}

/**
 * The unknown facts that could change the *outcome* (what `needs_review` decisions list as `missingFacts`).
 * Pass the leaves of an enumeration already made with {@link decideOutcome} to avoid repeating it.
 */
export function missingFacts(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate, leaves?: Leaf<CoreOutcome>[]): FactName[] {
  return inAskingOrder(
    sensitiveFacts(facts, pack, date, (f) => decideOutcome(f, pack, date), (core) => core.outcome, leaves),
  );
}

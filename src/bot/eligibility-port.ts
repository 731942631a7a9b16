import type { PolicyPack } from '../knowledge/policy/types.js';
import { todayIn } from '../knowledge/policy/lookup.js';
import { assess } from '../knowledge/eligibility/assess.js';
import { neededFacts } from '../knowledge/eligibility/needed-facts.js';
import { localizeReason } from '../knowledge/eligibility/localize-decision.js';
import type { Decision } from '../knowledge/eligibility/decision.js';
import type { ApplicantFacts } from '../knowledge/eligibility/applicant-facts.js';
import type { DecisionView, IntakeDeps } from '../flows/intake/intake-deps.js';
import type { FactStep, FactsDraft } from '../flows/intake/intake-types.js';

/** The decision with its reasons written in both languages, as conversations show it. */
export function decisionView(decision: Decision): DecisionView {
  const cited = [...decision.basis, ...decision.reasons.flatMap((r) => r.cites ?? [])];
  return {
    ...decision,
    route: decision.route ?? null,
    reasons: decision.reasons.map((r) => ({ key: r.key, text: { 'zh-CN': localizeReason(r, 'zh-CN'), en: localizeReason(r, 'en') } })),
    cited: cited.filter((b, i) => cited.findIndex((o) => JSON.stringify(o) === JSON.stringify(b)) === i),
  };
}

/** The eligibility engine and policy pack as the intake flow uses them, dated today in the pack's time zone. */
export function intakeDeps(pack: PolicyPack, now: () => Date = () => new Date()): IntakeDeps {
  const today = () => todayIn(pack.timeZone, now());
  // A turn asks for the decision on the same answers several times (the next question, the assessment, the
  // office, the receipt). The intake never changes a facts object in place, so the object is the key.
  const decided = new WeakMap<FactsDraft, { day: string; view: DecisionView }>();
  return {
    pack,
    neededFacts: (facts: FactsDraft) => neededFacts(facts as ApplicantFacts, pack, today()) as FactStep[],
    assess: (facts: FactsDraft) => {
      const day = today();
      const known = decided.get(facts);
      if (known?.day === day) return known.view;
      const view = decisionView(assess(facts as ApplicantFacts, pack, day));
      decided.set(facts, { day, view });
      return view;
    },
    today,
  };
}

/** The decision as stored with a case: the engine's own output, reasons kept as message keys. */
export function assessForCase(facts: FactsDraft, pack: PolicyPack, now: Date = new Date()): Decision {
  return assess(facts as ApplicantFacts, pack, todayIn(pack.timeZone, now));
}

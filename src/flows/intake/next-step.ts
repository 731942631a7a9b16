import { categoryFromText } from './category-words.js';
import type { IntakeDeps } from './intake-deps.js';
import type { FactStep, IntakeContext, StepId } from './intake-types.js';

/**
 * The order questions are asked in. Age and disability come before the rarer criminal details:
 * for a minor or a blind, deaf or mute suspect they already settle a mandatory defence (LAL 25).
 */
const FACT_ORDER: FactStep[] = [
  'criminalRole',
  'hasDefender',
  'region',
  'age',
  'disability',
  'cannotFullyRecognizeConduct',
  'possibleSentence',
  'deathPenaltyReview',
  'trialInAbsentia',
  'groups',
  'fixedIncome',
  'residence',
  'householdSize',
  'householdMonthlyIncome',
];

/** The facts every application records for urgency (LAL 44), whatever the decision needs. */
const URGENCY_STEPS: StepId[] = ['deadlineDays', 'needsPreservation'];

/**
 * The next question: the category and who is applying first; then only the facts the decision still
 * needs (per the eligibility engine); urgency; the assessment; then the account and contact details;
 * the summary last. A step answered "not sure" is not asked again; a step the resident chose to change is asked first.
 */
export function nextStep(ctx: IntakeContext, deps: IntakeDeps): StepId {
  if (ctx.changing) return ctx.changing;
  const done = (step: StepId) => ctx.answered.includes(step);
  if (!done('category')) return 'category';
  if (!done('relation')) return 'relation';

  const needed = new Set(deps.neededFacts(ctx.facts));
  for (const step of FACT_ORDER) if (needed.has(step) && !done(step)) return step;
  if (!done('region')) return 'region'; // routing needs the region even when the outcome does not
  for (const step of URGENCY_STEPS) if (!done(step)) return step;
  if (!ctx.assessmentShown) return 'assessment';

  for (const step of ['description', 'documents', 'name'] as const) if (!done(step)) return step;
  // For a relative the name asked is the applicant's; who the resident is to them comes next, then their own name
  // (the phone asked next is theirs: staff must know whom to ask for).
  if (ctx.applicant.relation === 'relative' && !done('kinship')) return 'kinship';
  if (ctx.applicant.relation === 'relative' && !done('ownName')) return 'ownName';
  if (!done('phone')) return 'phone';
  // Violence at home told in the account ("他喝醉了就打我", a divorce's reason) needs the same care as the category:
  // the abuser may answer the phone.
  if (asksSafeContact(ctx)) {
    if (!done('safeContact')) return 'safeContact';
    // Times given with the answer ("工作日上午") are not asked for again.
    if (ctx.applicant.contactPreference === 'times' && !ctx.applicant.safeTimes && !done('safeTimes')) return 'safeTimes';
  }
  return 'summary';
}

/**
 * Does this application ask whether staff may call safely? Violence at home, as the category or told in the account
 * ("他喝醉了就打我", a divorce's reason): the abuser may answer the phone.
 */
export function asksSafeContact(ctx: IntakeContext): boolean {
  return ctx.facts.category === 'domestic_violence' || (ctx.applicant.description !== null && categoryFromText(ctx.applicant.description) === 'domestic_violence');
}

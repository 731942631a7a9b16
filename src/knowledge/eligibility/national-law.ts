import { known, someHolds, type Truth } from '../policy/condition.js';
import type { FactGetters } from './fact-getters.js';
import {
  ADULT_AGE,
  ELDERLY_AGE,
  LAL42_GROUPS,
  MIGRANT_WORKER_CATEGORIES,
  SENSE_DISABILITIES,
  URGENT_DAYS,
  type GroupId,
} from './vocabulary.js';

/** Why LAL 25 makes a defence mandatory when the suspect or defendant has no defender. */
export type MandatoryGround =
  | 'minor'
  | 'sense_disability'
  | 'cannot_recognize_conduct'
  | 'life_or_death'
  | 'death_penalty_review'
  | 'trial_in_absentia';

const isMinor = (f: FactGetters): Truth => known(f.age(), (age) => age < ADULT_AGE);

/** LAL 25, one test per ground, in the order they are checked. */
export const MANDATORY_GROUNDS: readonly [MandatoryGround, (f: FactGetters) => Truth][] = [
  ['minor', isMinor],
  ['sense_disability', (f) => known(f.disability(), (d) => SENSE_DISABILITIES.includes(d))],
  ['cannot_recognize_conduct', (f) => f.cannotFullyRecognizeConduct()],
  ['life_or_death', (f) => known(f.possibleSentence(), (s) => s === 'life' || s === 'death')],
  ['death_penalty_review', (f) => f.deathPenaltyReview()],
  ['trial_in_absentia', (f) => f.trialInAbsentia()],
];

/** LAL 25: whether a suspect or defendant without a defender must be assigned one. */
export function isMandatoryDefence(f: FactGetters): Truth {
  return someHolds(MANDATORY_GROUNDS, ([, test]) => test(f));
}

/** Why LAL 42 exempts an applicant from the hardship check. */
export type Lal42Ground =
  | 'minor'
  | 'elderly_no_fixed_income'
  | 'disabled_no_fixed_income'
  | 'social_assistance_recipient'
  | 'judicial_assistance_recipient'
  | 'special_care_recipient'
  | 'migrant_worker';

const inGroup = (group: GroupId) => (f: FactGetters): Truth => known(f.groups(), (g) => g.includes(group));
const isMigrantWorker = inGroup('migrant_worker');

/** Strong-Kleene `and` of two truths; the second is only read when the first leaves it open. */
function both(first: Truth, second: () => Truth): Truth {
  if (first === false) return false;
  const value = second();
  if (value === false) return false;
  return first === true && value === true ? true : undefined;
}

/** LAL 42, one test per ground: minors; elderly or disabled people without fixed income; assistance and 优抚 recipients; migrant workers claiming wages or work-injury damages. */
export const LAL42_GROUNDS: readonly [Lal42Ground, (f: FactGetters) => Truth][] = [
  ['minor', isMinor],
  ['elderly_no_fixed_income', (f) => both(known(f.age(), (a) => a >= ELDERLY_AGE), () => known(f.fixedIncome(), (v) => !v))],
  ['disabled_no_fixed_income', (f) => both(known(f.disability(), (d) => d !== 'none'), () => known(f.fixedIncome(), (v) => !v))],
  ...LAL42_GROUPS.map((group): [Lal42Ground, (f: FactGetters) => Truth] => [group as Lal42Ground, inGroup(group)]),
  ['migrant_worker', (f) => both(known(f.category(), (c) => MIGRANT_WORKER_CATEGORIES.includes(c)), () => isMigrantWorker(f))],
];

/** LAL 42: whether the applicant is exempt from the hardship check under national law. */
export function isLal42Exempt(f: FactGetters): Truth {
  return someHolds(LAL42_GROUNDS, ([, test]) => test(f));
}

/** LAL 44: fewer than 7 days left to a deadline, or preservation or advance enforcement needed. */
export function isUrgent(f: FactGetters): Truth {
  const days = f.deadlineDays();
  const byDeadline: Truth = days === undefined ? undefined : days !== null && days < URGENT_DAYS;
  if (byDeadline === true) return true;
  const preservation = f.needsPreservation();
  if (preservation === true) return true;
  return byDeadline === false && preservation === false ? false : undefined;
}

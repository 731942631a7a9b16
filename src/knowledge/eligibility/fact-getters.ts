import type { ConditionFacts } from '../policy/condition.js';
import type { ApplicantFacts } from './applicant-facts.js';
import type { CategoryId, CriminalRole, Disability, GroupId, PossibleSentence, Residence } from './vocabulary.js';

/**
 * Read access to the facts, one getter per fact. A getter returns `undefined` for an unknown fact
 * (three-valued reading); the enumerator's getters never do — they branch instead.
 */
export interface FactGetters extends ConditionFacts {
  region(): string | undefined;
  criminalRole(): CriminalRole | undefined;
  hasDefender(): boolean | undefined;
  cannotFullyRecognizeConduct(): boolean | undefined;
  possibleSentence(): PossibleSentence | undefined;
  deathPenaltyReview(): boolean | undefined;
  trialInAbsentia(): boolean | undefined;
  residence(): Residence | undefined;
  householdSize(): number | undefined;
  householdMonthlyIncome(): number | undefined;
  /** `null`: no pending deadline. */
  deadlineDays(): number | null | undefined;
  needsPreservation(): boolean | undefined;
}

/** Getters over facts that are all known (inside the enumerator every fact is given or assigned). */
export interface CompleteFacts extends FactGetters {
  region(): string;
  category(): CategoryId;
  criminalRole(): CriminalRole;
  hasDefender(): boolean;
  age(): number;
  disability(): Disability;
  cannotFullyRecognizeConduct(): boolean;
  possibleSentence(): PossibleSentence;
  deathPenaltyReview(): boolean;
  trialInAbsentia(): boolean;
  fixedIncome(): boolean;
  groups(): readonly GroupId[];
  residence(): Residence;
  householdSize(): number;
  householdMonthlyIncome(): number;
  deadlineDays(): number | null;
  needsPreservation(): boolean;
}

/**
 * Three-valued getters over what is known: absent facts read as `undefined`, except what the known facts imply —
 * a suspect is not (yet) tried, in absentia or otherwise, and only a death sentence is reviewed as one.
 */
export function knownFacts(facts: ApplicantFacts): FactGetters {
  const suspect = facts.criminalRole === 'suspect';
  const notDeath = facts.possibleSentence !== undefined && facts.possibleSentence !== 'death';
  return {
    region: () => facts.region,
    category: () => facts.category,
    criminalRole: () => facts.criminalRole,
    hasDefender: () => facts.hasDefender,
    age: () => facts.age,
    disability: () => facts.disability,
    cannotFullyRecognizeConduct: () => facts.cannotFullyRecognizeConduct,
    possibleSentence: () => facts.possibleSentence,
    deathPenaltyReview: () => facts.deathPenaltyReview ?? (suspect || notDeath ? false : undefined),
    trialInAbsentia: () => facts.trialInAbsentia ?? (suspect ? false : undefined),
    fixedIncome: () => facts.fixedIncome,
    groups: () => facts.groups,
    residence: () => facts.residence,
    householdSize: () => facts.householdSize,
    householdMonthlyIncome: () => facts.householdMonthlyIncome,
    deadlineDays: () => facts.deadlineDays,
    needsPreservation: () => facts.needsPreservation,
  };
}

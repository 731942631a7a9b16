import type { StatedKinship } from '../../knowledge/understanding/stated-relative.js';
import type { StatedDisability } from '../../knowledge/understanding/types.js';
import type { AttachmentRef } from '../events.js';
import type { CategoryId, GroupId } from '../../knowledge/eligibility/vocabulary.js';
import type { ApplicantFacts } from '../../knowledge/eligibility/applicant-facts.js';

/** The facts collected so far (domain.md §2); absent means not asked or not known, `deadlineDays: null` "no deadline". */
export type FactsDraft = ApplicantFacts;

export type FactStep =
  | 'category'
  | 'criminalRole'
  | 'hasDefender'
  | 'possibleSentence'
  | 'deathPenaltyReview'
  | 'trialInAbsentia'
  | 'cannotFullyRecognizeConduct'
  | 'region'
  | 'age'
  | 'disability'
  | 'groups'
  | 'fixedIncome'
  | 'residence'
  | 'householdSize'
  | 'householdMonthlyIncome'
  | 'deadlineDays'
  | 'needsPreservation';

/** Every question the intake can ask, in the order it asks them. */
export type StepId =
  | FactStep
  | 'relation'
  | 'assessment'
  | 'description'
  | 'documents'
  | 'name'
  /** Applying for a relative: who the resident is to them ("我是他儿子"). */
  | 'kinship'
  /** Applying for a relative: the resident's own name (staff phone them, not the person who needs help). */
  | 'ownName'
  | 'phone'
  | 'safeContact'
  | 'safeTimes'
  | 'summary'
  | 'changeList';

/** Contact details and the resident's own account, kept apart from the eligibility facts. */
export interface ApplicantDetails {
  relation: 'self' | 'relative' | null;
  name: string | null;
  phone: string | null;
  /** Domestic violence: when it is safe to contact them (`never`: only through this chat). */
  contactPreference: 'any' | 'times' | 'never' | 'quiet' | null;
  safeTimes: string | null;
  /**
   * The resident's own words when the answer said more than the buttons ("only text me, never call, he checks my
   * phone sometimes"): staff read them beside the choice they were taken as.
   */
  contactWords?: string | null;
  /**
   * The resident's words when the number is not their own ("这是借我工友的手机", "i'm using my friend's phone"): staff,
   * who would otherwise ask the friend for them, read them with the contact notes.
   */
  phoneWords?: string | null;
  /** Documents the resident said they have, in their words ("x-ray and hospital bills"), for staff. */
  documentsNote?: string | null;
  /** Applying for a relative: who the resident is to the applicant, in their words ("我是他儿子"). */
  kinship?: string | null;
  /** Applying for a relative: the resident's own name, the person staff ask for when they phone (absent in older snapshots). */
  ownName?: string | null;
  description: string | null;
}

export interface IntakeContext {
  submissionId: string;
  facts: FactsDraft;
  applicant: ApplicantDetails;
  attachments: AttachmentRef[];
  /** Steps with an answer (or "not sure"); a step leaves this list when the resident changes it. */
  answered: StepId[];
  /** Steps answered "not sure": the decision goes to staff review instead of guessing. */
  unsure: StepId[];
  /** The question on screen. */
  step: StepId;
  /** An answered step the resident chose to change from the summary: asked again next, whatever the decision needs. */
  changing: StepId | null;
  /**
   * The question on screen when an earlier answer was corrected with its value ("等一下 年龄不对 是30"): the application
   * goes on from there, with no "a few more questions" line.
   */
  resumeAfter?: StepId | undefined;
  /** Questions asked, for "back". */
  history: StepId[];
  /** Failed tries at the current question. */
  failures: number;
  /** A category read from free text, waiting for the resident to confirm it. */
  proposedCategory: CategoryId | null;
  /** The category group whose list is on screen. */
  categoryGroup: string | null;
  /** The assessment shown matches the current facts. */
  assessmentShown: boolean;
  /**
   * An answer changed from the summary changed the assessment: it is shown above the summary, without asking
   * "continue?" again (absent in older snapshots).
   */
  assessmentNews?: boolean;
  /** The resident chose to submit although the assessment was negative. */
  submitAnyway: boolean;
  caseRef: string | null;
  /** Set when the resident leaves the intake for another service (e.g. to ask a question). */
  leaving: 'ask' | null;
  /** The age was said only as a range ("七十多了") whose lowest age decides: `facts.age` is that lowest, shown as "70 岁以上". */
  ageAtLeast?: boolean;
  /** An age the starting story stated, and whose (absent in older snapshots and when none was stated). */
  statedAge?: StatedAge;
  /** Groups the starting story stated ("我是农民工"): ticked in advance at the groups question, taken only when confirmed there. */
  statedGroups?: GroupId[];
  /**
   * A disability the story stated ("我是聋哑人"), and whose: offered first at the disability question, taken only when
   * the resident confirms it there (absent in older snapshots and when none was stated).
   */
  statedDisability?: StatedDisability;
  /** A monthly income stated with another answer ("示例县 我一个月挣两千"): offered at the income question in one tap. */
  statedIncome?: number;
  /** A household size stated with another answer ("家里4口人"): offered at the household question in one tap. */
  statedHousehold?: number;
  /** Who the resident said the applicant is to them ("我替我妈申请"): offered at the kinship question in one tap. */
  statedKinship?: StatedKinship;
  /** A mobile number typed with another answer ("王大力 13912345678"): offered at the phone question in one tap. */
  statedPhone?: string;
  /** The region a story named ("住在示例县农村"): its button comes first at the region question, marked as said. */
  statedRegion?: string;
  /**
   * A deadline a story told ("下周三开庭"): its days counted on the day `on` (`YYYY-MM-DD`) and the words that said it,
   * offered at the deadline question in one tap (absent in older snapshots and when none was told).
   */
  statedDeadline?: StatedDeadline;
  /** What the resident wrote about the problem before applying: joined to an account typed at "continue?" (absent in older snapshots). */
  earlierStory?: string;
}

/** A deadline a story told: the days left on the day it was told, that day, and the resident's words. */
export interface StatedDeadline {
  days: number;
  on: string;
  words: string;
}

/** An age a story stated: the resident's own, or a relative's. */
export interface StatedAge {
  years: number;
  /** Said only as "at least" ("我七十多了"): offered as "70 岁以上", read as a range at the age question. */
  atLeast?: boolean;
  whose?: 'self' | 'relative';
}

/** What the intake hands to the case store when the resident confirms. */
export interface CaseDraft {
  submissionId: string;
  facts: FactsDraft;
  applicant: ApplicantDetails;
  attachments: AttachmentRef[];
  unsure: StepId[];
  submitAnyway: boolean;
  /** `facts.age` is the lowest of an age said roughly ("七十多了"): staff must see it as such. */
  ageAtLeast?: boolean;
}

export interface CaseReceipt {
  ref: string;
  created: boolean;
}

import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantFacts } from '../../../src/knowledge/eligibility/applicant-facts.js';
import { assess } from '../../../src/knowledge/eligibility/assess.js';
import { lal, local, type Decision } from '../../../src/knowledge/eligibility/decision.js';
import { localizeDecision } from '../../../src/knowledge/eligibility/localize-decision.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { DATE, defaultPack } from '../policy/default-pack.js';

// Fixtures: who the applicant is, where, and how much the household earns.
const adult: ApplicantFacts = { age: 35, disability: 'none', groups: [], fixedIncome: true };
const cityUrban: ApplicantFacts = { region: 'demo-city', residence: 'urban' };
const cityRural: ApplicantFacts = { region: 'demo-city', residence: 'rural' };
const countyUrban: ApplicantFacts = { region: 'demo-county', residence: 'urban' };
const countyRural: ApplicantFacts = { region: 'demo-county', residence: 'rural' };
/** 500 yuan per person: under every threshold of the default pack. */
const lowIncome: ApplicantFacts = { householdSize: 2, householdMonthlyIncome: 1000 };
/** 3,000 yuan per person: over every threshold. */
const highIncome: ApplicantFacts = { householdSize: 1, householdMonthlyIncome: 3000 };
const income = (householdMonthlyIncome: number, householdSize: number): ApplicantFacts => ({ householdSize, householdMonthlyIncome });
/** A suspect or defendant with none of the LAL 25 grounds. */
const ordinaryDefendant: ApplicantFacts = {
  category: 'criminal_defense',
  criminalRole: 'defendant',
  hasDefender: false,
  possibleSentence: 'ordinary',
  deathPenaltyReview: false,
  trialInAbsentia: false,
  cannotFullyRecognizeConduct: false,
};

const LAL = lal;
const rule = local;

type Expected = Partial<Decision>;

/** [what the case encodes (article or rule), facts, expected decision fields] */
const CASES: [string, ApplicantFacts, Expected][] = [
  // Criminal mandatory cases come first (LAL 25, 28): no means test, no application.
  ['LAL 25: minor suspect without a defender', { ...cityUrban, category: 'criminal_defense', criminalRole: 'suspect', hasDefender: false, age: 16 }, { outcome: 'mandatory_appointment', meansTest: 'not_required', basis: [LAL(25)], route: 'demo-city-detention', sameDay: true }],
  ['LAL 25: blind defendant without a defender', { ...adult, ...ordinaryDefendant, region: 'demo-city', disability: 'visual' }, { outcome: 'mandatory_appointment', meansTest: 'not_required', basis: [LAL(25)] }],
  ['LAL 25: deaf defendant without a defender', { ...adult, ...ordinaryDefendant, region: 'demo-city', disability: 'hearing' }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: mute defendant without a defender', { ...adult, ...ordinaryDefendant, region: 'demo-city', disability: 'speech' }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: adult who cannot fully recognise their conduct', { ...adult, ...ordinaryDefendant, region: 'demo-city', cannotFullyRecognizeConduct: true }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: possible life imprisonment', { ...adult, ...ordinaryDefendant, region: 'demo-city', possibleSentence: 'life' }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: possible death sentence, income irrelevant', { ...adult, ...ordinaryDefendant, ...cityUrban, ...highIncome, possibleSentence: 'death' }, { outcome: 'mandatory_appointment', meansTest: 'not_required', basis: [LAL(25)] }],
  ['LAL 25: death-penalty review', { ...adult, ...ordinaryDefendant, region: 'demo-city', possibleSentence: 'death', deathPenaltyReview: true }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: trial in absentia', { ...adult, ...ordinaryDefendant, region: 'demo-city', trialInAbsentia: true }, { outcome: 'mandatory_appointment', basis: [LAL(25)] }],
  ['LAL 25: one ground is enough, other grounds unknown', { category: 'criminal_defense', hasDefender: false, possibleSentence: 'life', region: 'demo-county' }, { outcome: 'mandatory_appointment', basis: [LAL(25)], route: 'demo-county-center' }],
  ['LAL 28: compulsory treatment without a lawyer', { region: 'demo-city', category: 'compulsory_treatment', hasDefender: false }, { outcome: 'mandatory_appointment', meansTest: 'not_required', basis: [LAL(28)], route: 'demo-city-center' }],
  ['LAL 28: compulsory treatment with their own lawyer', { region: 'demo-city', category: 'compulsory_treatment', hasDefender: true }, { outcome: 'not_eligible', meansTest: 'not_required', basis: [LAL(28)] }],
  ['LAL 28: compulsory treatment, no lawyer claimed', { region: 'demo-city', category: 'compulsory_treatment' }, { outcome: 'mandatory_appointment', basis: [LAL(28)], wouldChangeIf: ['hasDefender'] }],
  ['LAL 24: a minor suspect who already has a defender is not assigned one', { region: 'demo-city', category: 'criminal_defense', criminalRole: 'suspect', hasDefender: true, age: 16 }, { outcome: 'not_eligible', meansTest: 'not_required', basis: [LAL(24)] }],
  ['LAL 25: minor suspect, no defender claimed', { region: 'demo-city', category: 'criminal_defense', criminalRole: 'suspect', age: 16 }, { outcome: 'mandatory_appointment', basis: [LAL(25)], wouldChangeIf: ['hasDefender'] }],
  ['LAL 24: adult defendant without a defender passes the means test', { ...adult, ...ordinaryDefendant, ...cityUrban, ...income(800, 1) }, { outcome: 'eligible', meansTest: 'passed', threshold: 920, perCapitaIncome: 800, basis: [LAL(24)], route: 'demo-city-detention' }],
  ['LAL 24: adult defendant without a defender fails the means test', { ...adult, ...ordinaryDefendant, ...cityUrban, ...highIncome }, { outcome: 'not_eligible', meansTest: 'failed', basis: [LAL(24)] }],
  ['LAL 24 + local-exempt-minor-disabled: physically disabled defendant is exempt', { ...adult, ...ordinaryDefendant, ...cityUrban, ...highIncome, disability: 'physical' }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-exempt-minor-disabled')] }],
  ['LAL 24: trial in absentia and capacity not claimed, means-tested; LAL 25 would change it', { ...adult, ...cityUrban, ...highIncome, category: 'criminal_defense', criminalRole: 'defendant', hasDefender: false, possibleSentence: 'ordinary' }, { outcome: 'not_eligible', meansTest: 'failed', basis: [LAL(24)], wouldChangeIf: ['trialInAbsentia', 'cannotFullyRecognizeConduct'] }],
  ['LAL 25: a suspect is not tried in absentia nor reviewed for death', { ...adult, ...cityUrban, ...lowIncome, category: 'criminal_defense', criminalRole: 'suspect', hasDefender: false, possibleSentence: 'ordinary', cannotFullyRecognizeConduct: false }, { outcome: 'eligible', meansTest: 'passed', basis: [LAL(24)] }],
  ['LAL 29: crime victim passes the means test', { ...adult, ...countyRural, ...lowIncome, category: 'criminal_victim', criminalRole: 'victim' }, { outcome: 'eligible', meansTest: 'passed', threshold: 620, basis: [LAL(29)], route: 'demo-county-center' }],
  ['LAL 29 + 42: minor victim is exempt', { ...cityUrban, category: 'criminal_victim', criminalRole: 'victim', age: 12 }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42), rule('local-exempt-minor-disabled')] }],
  ['LAL 29: private prosecutor over the threshold', { ...adult, ...cityUrban, ...highIncome, category: 'criminal_victim', criminalRole: 'private_prosecutor' }, { outcome: 'not_eligible', meansTest: 'failed', basis: [LAL(29)] }],

  // LAL 32: always in scope, no means test, no income questions.
  ['LAL 32: domestic violence needs no means test', { region: 'demo-city', category: 'domestic_violence' }, { outcome: 'eligible', meansTest: 'not_required', basis: [LAL(32)], route: 'demo-city-women' }],
  ['LAL 32: domestic violence with a high income', { ...adult, ...countyUrban, ...highIncome, category: 'domestic_violence' }, { outcome: 'eligible', meansTest: 'not_required', route: 'demo-county-center' }],
  ['LAL 32: close relative of a martyr', { region: 'demo-city', category: 'hero_martyr_rights' }, { outcome: 'eligible', meansTest: 'not_required', basis: [LAL(32)], route: 'demo-city-center' }],
  ['LAL 32: good Samaritan', { region: 'demo-county', category: 'good_samaritan' }, { outcome: 'eligible', meansTest: 'not_required', basis: [LAL(32)] }],
  ['LAL 32: compensation after acquittal on retrial', { region: 'demo-city', category: 'wrongful_conviction_compensation' }, { outcome: 'eligible', meansTest: 'not_required', basis: [LAL(32)] }],
  ['LAL 32: region unknown still eligible, but no route yet', { category: 'domestic_violence' }, { outcome: 'eligible', meansTest: 'not_required', route: undefined }],

  // Scope: national list (LAL 31) plus the region's local scope; the rest is out of scope.
  ['Scope: inheritance is out of scope nationally and locally', { ...adult, ...cityUrban, ...lowIncome, category: 'inheritance' }, { outcome: 'out_of_scope', basis: [] }],
  ['Scope: contracts and loans are out of scope', { region: 'demo-county', category: 'contract_debt' }, { outcome: 'out_of_scope' }],
  ['Scope: land contracts are out of scope', { region: 'demo-county', category: 'land_contract' }, { outcome: 'out_of_scope' }],
  ['Scope: consumer disputes are out of scope', { region: 'demo-city', category: 'consumer' }, { outcome: 'out_of_scope' }],
  ['Scope: "other" is out of scope even without a region', { category: 'other' }, { outcome: 'out_of_scope' }],
  ['local-scope: marriage and family, passes', { ...adult, ...cityUrban, ...lowIncome, category: 'marriage_family' }, { outcome: 'eligible', meansTest: 'passed', basis: [rule('local-scope')], route: 'demo-city-women' }],
  ['local-scope: house expropriation in the county countryside', { ...adult, ...countyRural, ...lowIncome, category: 'house_expropriation' }, { outcome: 'eligible', meansTest: 'passed', basis: [rule('local-scope')], route: 'demo-county-center' }],
  ['local-scope: agricultural inputs over the threshold', { ...adult, ...countyRural, ...highIncome, category: 'agricultural_inputs' }, { outcome: 'not_eligible', meansTest: 'failed', basis: [rule('local-scope')] }],
  ['local-scope: labour contract goes to the union workstation', { ...adult, ...cityUrban, ...lowIncome, category: 'labor_contract' }, { outcome: 'eligible', basis: [rule('local-scope')], route: 'demo-city-union' }],
  ['local-scope + LAL 42: a minor in a family matter', { ...cityUrban, category: 'marriage_family', age: 15 }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-scope'), LAL(42), rule('local-exempt-minor-disabled')] }],

  // LAL 31 means test: income per person ≤ 2 × 低保 of the region and residence passes.
  ['LAL 31: demo-city urban at the 920 threshold passes', { ...adult, ...cityUrban, ...income(2760, 3), category: 'traffic_injury' }, { outcome: 'eligible', meansTest: 'passed', threshold: 920, perCapitaIncome: 920, basis: [LAL(31)] }],
  ['LAL 31: demo-city urban just above 920 fails', { ...adult, ...cityUrban, ...income(2761, 3), category: 'traffic_injury' }, { outcome: 'not_eligible', meansTest: 'failed', threshold: 920, perCapitaIncome: 920.33 }],
  ['LAL 31: demo-city rural at 550 passes', { ...adult, ...cityRural, ...income(550, 1), category: 'medical_injury' }, { outcome: 'eligible', meansTest: 'passed', threshold: 550, perCapitaIncome: 550 }],
  ['LAL 31: demo-city rural at 551 fails', { ...adult, ...cityRural, ...income(551, 1), category: 'medical_injury' }, { outcome: 'not_eligible', meansTest: 'failed', threshold: 550 }],
  ['LAL 31: demo-county urban at 1000 passes', { ...adult, ...countyUrban, ...income(2000, 2), category: 'social_insurance' }, { outcome: 'eligible', meansTest: 'passed', threshold: 1000, perCapitaIncome: 1000 }],
  ['LAL 31: demo-county urban just above 1000 fails', { ...adult, ...countyUrban, ...income(2002, 2), category: 'social_insurance' }, { outcome: 'not_eligible', meansTest: 'failed', threshold: 1000, perCapitaIncome: 1001 }],
  ['LAL 31: demo-county rural at 620 passes', { ...adult, ...countyRural, ...income(1240, 2), category: 'elder_support' }, { outcome: 'eligible', meansTest: 'passed', threshold: 620, route: 'demo-county-center' }],
  ['LAL 31: demo-county rural just above 620 fails', { ...adult, ...countyRural, ...income(1241, 2), category: 'elder_support' }, { outcome: 'not_eligible', meansTest: 'failed', perCapitaIncome: 620.5 }],
  ['LAL 31: no income at all passes', { ...adult, ...cityUrban, ...income(0, 4), category: 'child_support' }, { outcome: 'eligible', meansTest: 'passed', perCapitaIncome: 0 }],
  ['LAL 31: the same income passes in town and fails in the countryside (urban)', { ...adult, ...cityUrban, ...income(900, 1), category: 'pension' }, { outcome: 'eligible', meansTest: 'passed' }],
  ['LAL 31: the same income passes in town and fails in the countryside (rural)', { ...adult, ...cityRural, ...income(900, 1), category: 'pension' }, { outcome: 'not_eligible', meansTest: 'failed' }],
  ['LAL 31: unpaid wages of a local worker, means-tested', { ...adult, ...cityUrban, ...lowIncome, category: 'wages' }, { outcome: 'eligible', meansTest: 'passed', basis: [LAL(31)], route: 'demo-city-union', sameDay: false }],

  // LAL 42 exemptions and the local exemption rules on top.
  ['LAL 42: a minor with unknown income is exempt', { ...cityUrban, category: 'child_support', age: 10 }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42), rule('local-exempt-minor-disabled')], sameDay: true }],
  ['LAL 42: 65 and no fixed income', { ...adult, ...cityUrban, ...highIncome, category: 'elder_support', age: 65, fixedIncome: false }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)], sameDay: true }],
  ['LAL 42: 65 with a fixed income is means-tested', { ...adult, ...cityUrban, ...highIncome, category: 'elder_support', age: 65 }, { outcome: 'not_eligible', meansTest: 'failed', basis: [LAL(31)], sameDay: true }],
  ['LAL 42: exactly 60 without fixed income', { ...adult, ...cityUrban, ...highIncome, category: 'pension', age: 60, fixedIncome: false }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)] }],
  ['LAL 42: 59 without fixed income is not elderly', { ...adult, ...cityUrban, ...highIncome, category: 'pension', age: 59, fixedIncome: false }, { outcome: 'not_eligible', meansTest: 'failed', sameDay: false }],
  ['local-exempt-age70: 70 with a fixed income', { ...adult, ...cityUrban, ...highIncome, category: 'elder_support', age: 70 }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-exempt-age70')] }],
  ['local-exempt-age70: 69 with a fixed income is not exempt', { ...adult, ...cityUrban, ...highIncome, category: 'elder_support', age: 69 }, { outcome: 'not_eligible', meansTest: 'failed' }],
  ['LAL 42 + local-exempt-age70: 80 without fixed income', { ...adult, ...countyRural, category: 'elder_support', age: 80, fixedIncome: false }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42), rule('local-exempt-age70')] }],
  ['LAL 42 + local-exempt-minor-disabled: disabled, no fixed income', { ...adult, ...cityUrban, ...highIncome, category: 'work_injury', disability: 'physical', fixedIncome: false }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42), rule('local-exempt-minor-disabled')], sameDay: true }],
  ['local-exempt-minor-disabled: disabled with a fixed income', { ...adult, ...cityUrban, ...highIncome, category: 'traffic_injury', disability: 'intellectual' }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-exempt-minor-disabled')] }],
  ['LAL 42: social assistance (低保) recipient', { ...adult, ...cityUrban, ...highIncome, category: 'social_assistance', groups: ['social_assistance_recipient'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)] }],
  ['LAL 42 + local-exempt-mutual: judicial assistance recipient', { ...adult, ...countyUrban, ...highIncome, category: 'state_compensation', groups: ['judicial_assistance_recipient'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42), rule('local-exempt-mutual')] }],
  ['LAL 42: special care (优抚) recipient', { ...adult, ...cityUrban, ...highIncome, category: 'pension', groups: ['special_care_recipient'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)] }],
  ['LAL 42: migrant worker claiming wages (the issue example)', { region: 'demo-city', category: 'wages', groups: ['migrant_worker'], age: 30, disability: 'none' }, { outcome: 'eligible', meansTest: 'exempt', urgent: false, sameDay: true, basis: [LAL(42)], route: 'demo-city-union' }],
  ['LAL 42: migrant worker claiming work-injury damages', { ...adult, ...countyRural, ...highIncome, category: 'work_injury', groups: ['migrant_worker'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)], sameDay: true }],
  ['LAL 42: a migrant worker in a traffic accident is means-tested', { ...adult, ...cityUrban, ...highIncome, category: 'traffic_injury', groups: ['migrant_worker'] }, { outcome: 'not_eligible', meansTest: 'failed', sameDay: false }],
  ['local-exempt-poor: registered poor household', { ...adult, ...countyRural, ...highIncome, category: 'environmental_damage', groups: ['registered_poor'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-exempt-poor')] }],
  ['local-exempt-mutual: labour arbitration fees waived', { ...adult, ...cityUrban, ...highIncome, category: 'labor_relationship', groups: ['labor_arbitration_fee_waived'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [rule('local-exempt-mutual')], route: 'demo-city-union' }],
  ['military_family is no exemption in the default pack', { ...adult, ...cityUrban, ...highIncome, category: 'pension', groups: ['military_family'] }, { outcome: 'not_eligible', meansTest: 'failed' }],

  // Unknown facts: needs_review only when they could change the outcome.
  ['Unknown age cannot matter when income passes anyway', { ...cityUrban, ...lowIncome, category: 'traffic_injury', disability: 'none', groups: [] }, { outcome: 'eligible', meansTest: 'passed', missingFacts: undefined }],
  ['Unknown age could exempt when income fails', { ...cityUrban, ...highIncome, category: 'traffic_injury', disability: 'none', groups: [] }, { outcome: 'needs_review', meansTest: 'unknown', missingFacts: ['age', 'fixedIncome'], threshold: 920, perCapitaIncome: 3000 }],
  ['Unknown income of an adult', { ...adult, ...cityUrban, category: 'wages', householdSize: 3 }, { outcome: 'needs_review', missingFacts: ['householdMonthlyIncome'] }],
  ['Unknown residence matters between the rural and urban thresholds', { ...adult, region: 'demo-city', ...income(750, 1), category: 'wages' }, { outcome: 'needs_review', missingFacts: ['residence'] }],
  ['Unknown residence cannot matter under both thresholds', { ...adult, region: 'demo-city', ...income(500, 1), category: 'wages' }, { outcome: 'eligible', meansTest: 'passed', perCapitaIncome: 500, threshold: undefined }],
  ['Unknown household size cannot matter when the whole income is under the threshold', { ...adult, ...cityUrban, householdMonthlyIncome: 900, category: 'wages' }, { outcome: 'eligible', meansTest: 'passed' }],
  ['Unknown household size matters when the income is over it', { ...adult, ...cityUrban, householdMonthlyIncome: 3000, category: 'wages' }, { outcome: 'needs_review', missingFacts: ['householdSize'] }],
  ['Unknown category', { ...adult, ...cityUrban, ...lowIncome }, { outcome: 'needs_review', missingFacts: ['category'] }],
  ['LAL 31: no disability claimed, over the threshold; a disability would exempt', { ...cityUrban, ...highIncome, category: 'wages', age: 40, groups: [], fixedIncome: true }, { outcome: 'not_eligible', meansTest: 'failed', missingFacts: undefined, wouldChangeIf: ['disability'] }],
  ['LAL 31: no group claimed, over the threshold; 低保 or another group would exempt', { ...cityUrban, ...highIncome, category: 'wages', age: 40, disability: 'none', fixedIncome: true }, { outcome: 'not_eligible', meansTest: 'failed', missingFacts: undefined, wouldChangeIf: ['groups'] }],
  ['Unknown fixed income of a 65-year-old over the threshold', { ...cityUrban, ...highIncome, category: 'wages', age: 65, disability: 'none', groups: [] }, { outcome: 'needs_review', missingFacts: ['fixedIncome'] }],
  ['Unknown region of a local-scope matter between the two regions\u2019 thresholds', { ...adult, residence: 'urban', ...income(950, 1), category: 'marriage_family' }, { outcome: 'needs_review', missingFacts: ['region'] }],
  ['Unknown region of an inheritance matter: out of scope everywhere', { category: 'inheritance' }, { outcome: 'out_of_scope' }],

  // LAL 44 urgency: fewer than 7 days left, or preservation needed.
  ['LAL 44: 6 days left is urgent', { region: 'demo-city', category: 'domestic_violence', deadlineDays: 6 }, { urgent: true }],
  ['LAL 44: 7 days left is not urgent', { region: 'demo-city', category: 'domestic_violence', deadlineDays: 7 }, { urgent: false }],
  ['LAL 44: a hearing today is urgent', { ...adult, ...cityUrban, ...lowIncome, category: 'wages', deadlineDays: 0 }, { outcome: 'eligible', urgent: true }],
  ['LAL 44: preservation needed is urgent', { ...adult, ...cityUrban, ...lowIncome, category: 'traffic_injury', needsPreservation: true, deadlineDays: null }, { urgent: true }],
  ['LAL 44: no deadline and no preservation is not urgent', { ...adult, ...cityUrban, ...lowIncome, category: 'traffic_injury', needsPreservation: false, deadlineDays: null }, { urgent: false }],

  // local-same-day: 60 and over, minors, disabled people, migrant workers claiming wages or work injury.
  ['local-same-day: aged 60', { ...adult, ...cityUrban, ...lowIncome, category: 'traffic_injury', age: 60 }, { sameDay: true }],
  ['local-same-day: aged 59 is not covered', { ...adult, ...cityUrban, ...lowIncome, category: 'traffic_injury', age: 59 }, { sameDay: false }],
  ['local-same-day: disabled applicant', { ...adult, ...countyUrban, ...lowIncome, category: 'traffic_injury', disability: 'mental' }, { sameDay: true }],
  ['local-same-day: unknown age is not assumed', { region: 'demo-city', category: 'domestic_violence' }, { sameDay: false }],
];

/** domain.md §2, clarified: absent claims are not claimed; absent core facts matter only when they could change the outcome. */
const CLARIFIED: [string, ApplicantFacts, Expected][] = [
  ['LAL 31 + 42: over the threshold, nothing claimed: not eligible, disability or groups would change it (the domain.md example)', { ...cityUrban, ...highIncome, category: 'traffic_injury', age: 40, fixedIncome: true }, { outcome: 'not_eligible', meansTest: 'failed', wouldChangeIf: ['disability', 'groups'] }],
  ['LAL 31: income 800 passes the 920 threshold whatever the household size', { ...cityUrban, category: 'wages', age: 40, fixedIncome: true, householdMonthlyIncome: 800 }, { outcome: 'eligible', meansTest: 'passed', missingFacts: undefined, wouldChangeIf: [] }],
  ['LAL 31: income 3000 with the household size unknown needs review', { ...cityUrban, category: 'wages', age: 40, fixedIncome: true, householdMonthlyIncome: 3000 }, { outcome: 'needs_review', missingFacts: ['householdSize'], wouldChangeIf: ['disability', 'groups'] }],
  ['LAL 31: an unknown age (core) over the threshold needs review', { ...cityUrban, ...highIncome, category: 'wages', fixedIncome: true }, { outcome: 'needs_review', missingFacts: ['age'] }],
  ['LAL 42: a 低保 recipient over the threshold is exempt, nothing else needed', { ...cityUrban, ...highIncome, category: 'wages', groups: ['social_assistance_recipient'] }, { outcome: 'eligible', meansTest: 'exempt', basis: [LAL(42)], wouldChangeIf: [] }],
  ['LAL 32: domestic violence, nothing claimed, no claim can change it', { region: 'demo-city', category: 'domestic_violence' }, { outcome: 'eligible', meansTest: 'not_required', wouldChangeIf: [], urgent: false }],
  ['LAL 24: a defender not claimed, possible sentence not claimed: means-tested; life or death would make it mandatory', { ...adult, ...cityUrban, ...lowIncome, category: 'criminal_defense', criminalRole: 'suspect' }, { outcome: 'eligible', meansTest: 'passed', basis: [LAL(24)], wouldChangeIf: ['hasDefender', 'possibleSentence', 'cannotFullyRecognizeConduct'] }],
  ['LAL 24: a defendant who claims a lawyer of their own is not assigned one', { ...adult, ...cityUrban, category: 'criminal_defense', criminalRole: 'defendant', hasDefender: true }, { outcome: 'not_eligible', meansTest: 'not_required', basis: [LAL(24)], wouldChangeIf: [] }],
  ['Scope: out of scope whatever is claimed', { region: 'demo-city', category: 'inheritance' }, { outcome: 'out_of_scope', wouldChangeIf: [] }],
  ['LAL 44: 3 days left, eligible: urgent, basis cites LAL 44', { ...adult, ...cityUrban, ...lowIncome, category: 'wages', deadlineDays: 3 }, { outcome: 'eligible', urgent: true, basis: [LAL(31), LAL(44)] }],
  ['LAL 44: preservation needed in a domestic-violence case cites LAL 32 and 44', { region: 'demo-city', category: 'domestic_violence', needsPreservation: true }, { outcome: 'eligible', urgent: true, basis: [LAL(32), LAL(44)] }],
  ['LAL 44: a mandatory appointment with a hearing tomorrow cites LAL 25 and 44', { region: 'demo-city', category: 'criminal_defense', criminalRole: 'defendant', hasDefender: false, possibleSentence: 'death', deadlineDays: 1 }, { outcome: 'mandatory_appointment', urgent: true, basis: [LAL(25), LAL(44)] }],
  ['LAL 44: a deadline not claimed is not urgent', { ...adult, ...cityUrban, ...lowIncome, category: 'wages' }, { urgent: false, basis: [LAL(31)] }],
  ['LAL 44 is not cited for a refused case (no aid to hurry)', { ...adult, ...cityUrban, ...highIncome, category: 'wages', deadlineDays: 2 }, { outcome: 'not_eligible', urgent: true, basis: [LAL(31)] }],
];

describe('assess, clarified semantics (domain.md §2)', () => {
  let pack: PolicyPack;
  beforeAll(async () => {
    pack = await defaultPack();
  });

  it.each(CLARIFIED)('%s', (_name, facts, expected) => {
    const decision = assess(facts, pack, DATE);
    expect(decision).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
    for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(decision).not.toHaveProperty(key);
  });

  it('tells the applicant which claims would change a refusal, in plain words', () => {
    const decision = localizeDecision(assess({ ...cityUrban, ...highIncome, category: 'traffic_injury', age: 40, fixedIncome: true }, pack, DATE), 'en');
    expect(decision.reasons).toContain(
      'If you have a disability, or you receive 低保 or other social assistance, or belong to a group such as special-care recipients or migrant workers, tell staff: the outcome could be different.',
    );
  });
});

describe('assess', () => {
  let pack: PolicyPack;
  beforeAll(async () => {
    pack = await defaultPack();
  });

  it('covers at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES)('%s', (_name, facts, expected) => {
    const decision = assess(facts, pack, DATE);
    expect(decision).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
    for (const [key, value] of Object.entries(expected)) if (value === undefined) expect(decision).not.toHaveProperty(key);
    if (decision.outcome !== 'needs_review') expect(decision).not.toHaveProperty('missingFacts');
  });

  it('records the policy version and the date it used', () => {
    const decision = assess({ category: 'domestic_violence' }, pack, '2024-02-29');
    expect(decision.policyVersion).toBe('fayuan-default@2025.4');
    expect(decision.assessedOn).toBe('2024-02-29');
  });

  it('asks for the honesty pledge, never a hardship certificate, when income is tested (LAL 41)', () => {
    const decision = assess({ ...adult, ...cityUrban, ...lowIncome, category: 'wages' }, pack, DATE);
    expect(decision.documents).toEqual(['application_form', 'id_card', 'labor_evidence', 'wage_evidence', 'honesty_pledge']);
  });

  it('asks an exempt applicant for proof of the group instead of the pledge (LAL 42)', () => {
    const decision = assess({ ...adult, ...cityUrban, ...highIncome, category: 'pension', groups: ['social_assistance_recipient'] }, pack, DATE);
    expect(decision.documents).toContain('social_assistance_certificate');
    expect(decision.documents).not.toContain('honesty_pledge');
  });

  it('needs only the ID card as proof when age alone exempts', () => {
    const decision = assess({ ...adult, ...cityUrban, category: 'elder_support', age: 72, groups: ['military_family'] }, pack, DATE);
    expect(decision.documents).toEqual(['application_form', 'id_card', 'kinship_proof']);
  });

  // Session 7: a migrant worker hurt at work was told to bring "evidence of the job and unpaid pay".
  it('does not ask a work-injury applicant for evidence of unpaid pay', () => {
    const decision = assess({ ...adult, ...cityUrban, category: 'work_injury', groups: ['migrant_worker'] }, pack, DATE);
    const names = decision.documents.map((id) => pack.documents.find((d) => d.id === id)!.name);
    for (const name of names) {
      expect(name['zh-CN']).not.toMatch(/欠薪/);
      expect(name.en).not.toMatch(/unpaid/i);
    }
    expect(decision.documents).toContain('work_injury_evidence');
  });

  // Session 8: the daughter of a 72-year-old defrauded of 120,000 yuan was asked for "detention notice, indictment,
  // judgment" — a defendant's papers. A victim has a police report receipt and evidence of the harm.
  it("asks a crime victim for the victim's papers, not a defendant's", () => {
    const decision = assess({ ...adult, ...cityUrban, category: 'criminal_victim' }, pack, DATE);
    const names = decision.documents.map((id) => pack.documents.find((d) => d.id === id)!.name);
    for (const name of names) {
      expect(name['zh-CN']).not.toMatch(/拘留|起诉书/);
      expect(name.en).not.toMatch(/detention|indictment/i);
    }
    expect(names.some((n) => /报案|报警/.test(n['zh-CN']) && /police/i.test(n.en))).toBe(true);
  });

  // Session 20: a detained 16-year-old's case listed only the case papers. A minor's application is made by a parent
  // or guardian (or the authority notifies them), who proves the relationship with the household register or the birth
  // certificate (户口簿, 出生医学证明).
  it("asks for proof of the relationship in a detained minor's case (a guardian applies)", () => {
    const decision = assess({ region: 'demo-county', category: 'criminal_defense', hasDefender: false, age: 16 }, pack, DATE);
    expect(decision.outcome).toBe('mandatory_appointment');
    expect(decision.documents).toEqual(['criminal_case_papers', 'kinship_proof']);
    const proof = pack.documents.find((d) => d.id === 'kinship_proof')!.name;
    expect(proof['zh-CN']).toMatch(/户口簿/);
    expect(proof['zh-CN']).toMatch(/出生医学证明/);
    expect(proof.en).toMatch(/household register/i);
  });

  it("asks for proof of the relationship in any minor's case, not an adult's", () => {
    expect(assess({ ...cityUrban, category: 'traffic_injury', age: 9 }, pack, DATE).documents).toContain('kinship_proof');
    expect(assess({ ...adult, ...cityUrban, ...lowIncome, category: 'traffic_injury' }, pack, DATE).documents).not.toContain('kinship_proof');
  });

  it('lists no documents for a matter out of scope', () => {
    expect(assess({ region: 'demo-city', category: 'inheritance' }, pack, DATE).documents).toEqual([]);
  });
});

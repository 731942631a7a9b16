import { localScopeRule, standardFor, residenceThreshold } from '../policy/lookup.js';
import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { CompleteFacts } from './fact-getters.js';
import { isLocallyExempt } from './local-rules.js';
import { isLal42Exempt, isMandatoryDefence } from './national-law.js';
import { NATIONAL_BASIS, type MeansTest, type Outcome } from './vocabulary.js';

/** The two fields every other part of a decision follows from. */
export interface CoreOutcome {
  outcome: Outcome;
  meansTest: MeansTest;
}

const MANDATORY: CoreOutcome = { outcome: 'mandatory_appointment', meansTest: 'not_required' };
const HAS_LAWYER: CoreOutcome = { outcome: 'not_eligible', meansTest: 'not_required' };
const NO_MEANS_TEST: CoreOutcome = { outcome: 'eligible', meansTest: 'not_required' };
const OUT_OF_SCOPE: CoreOutcome = { outcome: 'out_of_scope', meansTest: 'not_required' };
const EXEMPT: CoreOutcome = { outcome: 'eligible', meansTest: 'exempt' };
const PASSED: CoreOutcome = { outcome: 'eligible', meansTest: 'passed' };
const FAILED: CoreOutcome = { outcome: 'not_eligible', meansTest: 'failed' };
const NO_STANDARD: CoreOutcome = { outcome: 'needs_review', meansTest: 'unknown' };

/**
 * Exempt (LAL 42 or a local rule), else household income per person against the region's threshold for the
 * applicant's residence on `date` (at or below passes). Compared as income ≤ threshold × size, so no rounding decides.
 */
function meansTest(f: CompleteFacts, pack: PolicyPack, date: IsoDate): CoreOutcome {
  if (isLal42Exempt(f) === true || isLocallyExempt(f, pack, date) === true) return EXEMPT;
  const standard = standardFor(pack, f.region(), date);
  if (!standard) return NO_STANDARD;
  const threshold = residenceThreshold(standard[f.residence()]);
  return f.householdMonthlyIncome() <= threshold * f.householdSize() ? PASSED : FAILED;
}

/**
 * The outcome for an applicant whose every fact is known, in the order of domain.md §2: criminal mandatory
 * cases (LAL 25, 28) first, then scope (LAL 31 and 32, the region's local scope), then the means test.
 * Facts are read lazily, so the enumerator behind `assess` and `neededFacts` only branches on facts that matter.
 */
export function decideOutcome(f: CompleteFacts, pack: PolicyPack, date: IsoDate): CoreOutcome {
  const category = f.category();
  const basis = NATIONAL_BASIS[category];
  switch (basis.kind) {
    case 'compulsory_treatment':
      // LAL 28: the court notifies legal aid when the person has no lawyer of their own.
      return f.hasDefender() ? HAS_LAWYER : MANDATORY;
    case 'criminal_defense':
      // LAL 24 and 25 both concern a suspect or defendant *without* a defender.
      if (f.hasDefender()) return HAS_LAWYER;
      return isMandatoryDefence(f) ? MANDATORY : meansTest(f, pack, date);
    case 'no_means_test':
      return NO_MEANS_TEST;
    case 'means_tested':
      return meansTest(f, pack, date);
    case 'none':
      return localScopeRule(pack, f.region(), category, date) ? meansTest(f, pack, date) : OUT_OF_SCOPE;
  }
}

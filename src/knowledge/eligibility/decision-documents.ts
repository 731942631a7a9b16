import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts } from './applicant-facts.js';
import { knownFacts } from './fact-getters.js';
import { isLocallyExempt } from './local-rules.js';
import { isLal42Exempt } from './national-law.js';
import type { MeansTest, Outcome } from './vocabulary.js';

function exemptIf(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate, change: Partial<ApplicantFacts>): boolean {
  const f = knownFacts({ ...facts, ...change });
  return isLal42Exempt(f) === true || isLocallyExempt(f, pack, date) === true;
}

/**
 * Proof of the ground an exemption is claimed on (LAL 42). When age alone exempts, the ID card is proof enough;
 * otherwise the disability certificate or the certificate of each group that exempts on its own.
 */
function exemptionProofs(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate): string[] {
  if (exemptIf(facts, pack, date, { disability: 'none', groups: [] })) return [];
  const { proofs } = pack.requirements;
  const disabled = facts.disability !== undefined && facts.disability !== 'none';
  if (disabled && exemptIf(facts, pack, date, { groups: [] })) return proofs.disability;
  const byGroup = (facts.groups ?? [])
    .filter((group) => exemptIf(facts, pack, date, { disability: 'none', groups: [group] }))
    .flatMap((group) => proofs.groups[group] ?? []);
  if (byGroup.length > 0) return byGroup;
  return [...(disabled ? proofs.disability : []), ...(facts.groups ?? []).flatMap((g) => proofs.groups[g] ?? [])];
}

/**
 * The documents to bring, as pack document ids: the ones every application needs, the category's evidence, and
 * either proof of an exemption or the honesty pledge (LAL 41). Mandatory appointments need only the case papers
 * the family may have; a refused or out-of-scope matter needs none. A minor's application adds the pack's `minor`
 * documents (a parent or guardian proves the relationship), mandatory appointments included.
 */
export function decisionDocuments(
  facts: ApplicantFacts,
  pack: PolicyPack,
  date: IsoDate,
  outcome: Outcome,
  meansTest: MeansTest,
): string[] {
  const req = pack.requirements;
  if (outcome === 'out_of_scope' || outcome === 'not_eligible') return [];
  const minor = facts.age !== undefined && facts.age < 18 ? (req.minor ?? []) : [];
  if (outcome === 'mandatory_appointment') return unique([...req.mandatory, ...minor]);
  const category = facts.category;
  const evidence = category === undefined ? [] : (req.byCategory[category] ?? req.otherwise);
  const means =
    meansTest === 'exempt'
      ? exemptionProofs(facts, pack, date)
      : meansTest === 'passed' || meansTest === 'failed' || meansTest === 'unknown'
        ? req.meansTested
        : [];
  return unique([...req.always, ...evidence, ...means, ...minor]);
}

/**
 * The documents of an application: the decision's, and when someone applies for another (`onBehalf`: a relative of a
 * detained suspect, a daughter for her mother) the pack's `onBehalf` documents — their own ID and proof of the
 * relationship — each once. Nothing is added to a matter that needs no documents (refused, out of scope).
 * @example applicationDocuments(decision.documents, pack, { onBehalf: applicant.relation === 'relative' })
 */
export function applicationDocuments(documents: readonly string[], pack: PolicyPack, { onBehalf }: { onBehalf: boolean }): string[] {
  if (!onBehalf || documents.length === 0) return [...documents];
  return unique([...documents, ...(pack.requirements.onBehalf ?? [])]);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

import { localScopeRule } from '../policy/lookup.js';
import type { IsoDate, PolicyPack, ScopeRule } from '../policy/types.js';
import { lal, local, type Basis } from './decision.js';
import type { FactGetters } from './fact-getters.js';
import { localExemptionsThatHold } from './local-rules.js';
import { isMandatoryDefence, LAL42_GROUNDS, type Lal42Ground } from './national-law.js';
import { NATIONAL_BASIS, type MeansTest, type Outcome } from './vocabulary.js';

/** Where a means-tested matter's entitlement comes from, when that is already certain. */
export type ScopeGround = { kind: 'national'; article: 24 | 29 | 31 } | { kind: 'local'; rule: ScopeRule };

/** The local scope rule of the applicant's region (or of every region, when the region is unknown). */
function certainLocalScope(f: FactGetters, pack: PolicyPack, date: IsoDate): ScopeRule | undefined {
  const category = f.category();
  if (category === undefined) return undefined;
  const region = f.region();
  if (region !== undefined) return localScopeRule(pack, region, category, date);
  const rules = pack.regions.map((r) => localScopeRule(pack, r.id, category, date));
  return rules.every((rule) => rule !== undefined && rule === rules[0]) ? rules[0] : undefined;
}

/** LAL 24, 29 or 31, or the local scope rule, for a matter whose means-tested path is certain. */
export function scopeGround(f: FactGetters, pack: PolicyPack, date: IsoDate): ScopeGround | undefined {
  const category = f.category();
  if (category === undefined) return undefined;
  const national = NATIONAL_BASIS[category];
  switch (national.kind) {
    case 'means_tested':
      return { kind: 'national', article: national.article };
    case 'criminal_defense':
      return f.hasDefender() === false && isMandatoryDefence(f) === false ? { kind: 'national', article: 24 } : undefined;
    case 'none': {
      const rule = certainLocalScope(f, pack, date);
      return rule && { kind: 'local', rule };
    }
    default:
      return undefined;
  }
}

/** The exemption grounds that certainly apply: LAL 42 grounds and local exemption rules. */
export function exemptionGrounds(f: FactGetters, pack: PolicyPack, date: IsoDate) {
  const national: Lal42Ground[] = LAL42_GROUNDS.filter(([, test]) => test(f) === true).map(([ground]) => ground);
  return { national, local: localExemptionsThatHold(f, pack, date) };
}

/**
 * The articles and local rules a decision rests on:
 * mandatory appointment → LAL 25 (28 for compulsory treatment); no means test → LAL 32; own lawyer → LAL 24 (28);
 * exempt → LAL 42 and/or the local exemption rules that apply; income tested → the article that conditions aid on
 * hardship (LAL 24, 29 or 31). A category in scope only by a local rule always cites that rule. Out of scope → none.
 * An urgent case that can go ahead (or awaits review) also cites LAL 44: aid first, paperwork later.
 */
export function decisionBasis(f: FactGetters, pack: PolicyPack, date: IsoDate, outcome: Outcome, meansTest: MeansTest, urgent = false): Basis[] {
  const basis = outcomeBasis(f, pack, date, outcome, meansTest);
  const handled = outcome === 'eligible' || outcome === 'mandatory_appointment' || outcome === 'needs_review';
  return urgent && handled ? [...basis, lal(44)] : basis;
}

function outcomeBasis(f: FactGetters, pack: PolicyPack, date: IsoDate, outcome: Outcome, meansTest: MeansTest): Basis[] {
  const category = f.category();
  if (category === undefined || outcome === 'out_of_scope') return [];
  const criminalArticle = category === 'compulsory_treatment' ? 28 : category === 'criminal_defense' ? 25 : undefined;
  if (outcome === 'mandatory_appointment') return criminalArticle ? [lal(criminalArticle)] : [];
  if (meansTest === 'not_required') {
    if (outcome === 'eligible') return [lal(32)];
    return criminalArticle ? [lal(criminalArticle === 25 ? 24 : 28)] : [];
  }
  const scope = scopeGround(f, pack, date);
  const localScope = scope?.kind === 'local' ? [local(scope.rule.id)] : [];
  if (meansTest === 'exempt') {
    const grounds = exemptionGrounds(f, pack, date);
    return [...localScope, ...(grounds.national.length > 0 ? [lal(42)] : []), ...grounds.local.map((rule) => local(rule.id))];
  }
  if (!scope) return [];
  return scope.kind === 'local' ? localScope : [lal(scope.article)];
}

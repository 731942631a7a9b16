import type { Localized } from '../../locales/catalog.js';
import { domainMessages } from '../../locales/domain.js';
import { eligibilityMessages } from '../../locales/eligibility.js';
import { officeById, regionById } from '../policy/lookup.js';
import type { IsoDate, PolicyPack } from '../policy/types.js';
import type { ApplicantFacts, FactName } from './applicant-facts.js';
import { exemptionGrounds, scopeGround } from './decision-basis.js';
import { chineseNumber } from './article-names.js';
import { lal, local, type Basis, type Decision, type Reason } from './decision.js';
import { knownFacts } from './fact-getters.js';
import { sameDayRulesThatHold } from './local-rules.js';
import { MANDATORY_GROUNDS } from './national-law.js';
import { ELDERLY_AGE, URGENT_DAYS, type CategoryId } from './vocabulary.js';

/** An article number as written in each language (第三十一条 / art. 31). */
const articleName = (article: number): Localized => ({ 'zh-CN': chineseNumber(article), en: String(article) });

/** The Legal Aid Law articles each reason's text cites (local rules are added where the rule is known). */
const REASON_ARTICLES: Partial<Record<Reason['key'], number[]>> = {
  'eligibility.mandatory.minor': [25],
  'eligibility.mandatory.sense_disability': [25],
  'eligibility.mandatory.cannot_recognize_conduct': [25],
  'eligibility.mandatory.life_or_death': [25, 26],
  'eligibility.mandatory.death_penalty_review': [25, 26],
  'eligibility.mandatory.trial_in_absentia': [25],
  'eligibility.mandatory.compulsory_treatment': [28],
  'eligibility.has_lawyer': [24, 28],
  'eligibility.no_means_test': [32],
  'eligibility.exempt.minor': [42],
  'eligibility.exempt.elderly_no_fixed_income': [42],
  'eligibility.exempt.disabled_no_fixed_income': [42],
  'eligibility.exempt.group': [42],
  'eligibility.exempt.migrant_worker': [42],
  'eligibility.means.pledge': [41],
  'eligibility.objection': [49],
  'eligibility.urgent.deadline': [44],
  'eligibility.urgent.preservation': [44],
  'eligibility.accessibility': [45],
  'eligibility.decision_days': [43],
};

/** What else a reason cites: a local rule (by id) or an article (by number). */
type Cite = string | number;

/** A reason with the articles (and local rule) its text cites. */
function reason(key: Reason['key'], params?: Reason['params'], cite?: Cite): Reason {
  const extra = cite === undefined ? [] : [typeof cite === 'number' ? lal(cite) : local(cite)];
  const cites: Basis[] = [...(REASON_ARTICLES[key] ?? []).map(lal), ...extra];
  return { key, ...(params ? { params } : {}), ...(cites.length > 0 ? { cites } : {}) };
}

const categoryLabel = (c: CategoryId): Localized => domainMessages[`category.${c}`];

/** Labels as one list in each language: "A、B" / "A, B". */
export function listOf(labels: Localized[]): Localized {
  return { 'zh-CN': labels.map((l) => l['zh-CN']).join('、'), en: labels.map((l) => l.en).join(', ') };
}

/** Alternatives as one phrase in each language: "A，或B" / "A, or B". */
export function eitherOf(labels: Localized[]): Localized {
  return { 'zh-CN': labels.map((l) => l['zh-CN']).join('，或'), en: labels.map((l) => l.en).join(', or ') };
}

/** What `assess` has worked out before the reasons are written. */
export type DecisionCore = Pick<
  Decision,
  'outcome' | 'meansTest' | 'urgent' | 'sameDay' | 'threshold' | 'perCapitaIncome' | 'route' | 'missingFacts' | 'wouldChangeIf'
> & { noStandard: boolean };

/**
 * The reasons of a decision, most important first: the outcome, why (the grounds that apply, each citing its
 * article or local rule), how urgent it is, how it will be handled, and where to go.
 */
export function decisionReasons(facts: ApplicantFacts, pack: PolicyPack, date: IsoDate, d: DecisionCore): Reason[] {
  const f = knownFacts(facts);
  const reasons: Reason[] = [];
  const category = facts.category;
  const add = (key: Reason['key'], params?: Reason['params'], cite?: Cite) => reasons.push(reason(key, params, cite));

  if (d.outcome === 'out_of_scope' && category) add('eligibility.outcome.out_of_scope', { category: categoryLabel(category) });
  else if (d.outcome === 'needs_review' && (d.missingFacts?.length ?? 0) > 0) {
    add('eligibility.outcome.needs_review', {
      facts: listOf((d.missingFacts as FactName[]).map((fact) => domainMessages[`fact.${fact}`])),
    });
  } else if (d.outcome !== 'needs_review' && d.outcome !== 'out_of_scope') add(`eligibility.outcome.${d.outcome}`);

  if (d.outcome === 'mandatory_appointment') {
    if (category === 'compulsory_treatment') add('eligibility.mandatory.compulsory_treatment');
    else for (const [ground, test] of MANDATORY_GROUNDS) if (test(f) === true) add(`eligibility.mandatory.${ground}`);
  } else if (d.meansTest === 'not_required' && d.outcome === 'not_eligible') {
    add('eligibility.has_lawyer');
  } else if (d.meansTest === 'not_required' && d.outcome === 'eligible' && category) {
    add('eligibility.no_means_test', { category: categoryLabel(category) });
  } else if (d.outcome === 'out_of_scope') {
    add('eligibility.consultation_free', { hotline: pack.hotline });
  } else {
    meansReasons(facts, pack, date, d, add);
  }

  if ((d.wouldChangeIf ?? []).length > 0) {
    add('eligibility.would_change_if', { claims: eitherOf(d.wouldChangeIf.map((claim) => eligibilityMessages[`eligibility.claim.${claim}`])) });
  }

  // Urgency and same-day acceptance are reported as facts in every decision, but only advised on for an application.
  const applies = d.outcome === 'eligible' || d.outcome === 'needs_review';
  const days = facts.deadlineDays;
  if (d.urgent && (applies || d.outcome === 'mandatory_appointment')) {
    if (typeof days === 'number' && days < URGENT_DAYS) add('eligibility.urgent.deadline', { days });
    else add('eligibility.urgent.preservation');
    if (pack.urgentSameDay) add('eligibility.urgent.same_day');
  }
  let decidedToday = d.urgent && (applies || d.outcome === 'mandatory_appointment') && pack.urgentSameDay;
  if (d.sameDay && applies) {
    const rule = sameDayRulesThatHold(f, pack, date)[0];
    if (rule) add('eligibility.same_day', { citation: rule.citation }, rule.id);
    decidedToday ||= rule !== undefined;
  }
  const positive = d.outcome === 'eligible' || d.outcome === 'mandatory_appointment' || d.outcome === 'needs_review';
  if (positive && ((facts.age !== undefined && facts.age >= ELDERLY_AGE) || (facts.disability ?? 'none') !== 'none')) {
    add('eligibility.accessibility');
  }
  // A case handled the same day is not also told "decides within N days" (LAL 43 is the outer limit, not the promise).
  if (applies && !decidedToday) add('eligibility.decision_days', { days: pack.decisionDays });
  const office = d.route === undefined ? undefined : officeById(pack, d.route);
  if (office) add('eligibility.route', { office: office.name, address: office.address, phone: office.phone });
  return reasons;
}

function meansReasons(
  facts: ApplicantFacts,
  pack: PolicyPack,
  date: IsoDate,
  d: DecisionCore,
  add: (key: Reason['key'], params?: Reason['params'], cite?: Cite) => void,
): void {
  const f = knownFacts(facts);
  const category = facts.category;
  const scope = scopeGround(f, pack, date);
  if (scope && category) {
    if (scope.kind === 'local') add('eligibility.scope.local', { category: categoryLabel(category), citation: scope.rule.citation }, scope.rule.id);
    else add('eligibility.scope.national', { category: categoryLabel(category), article: articleName(scope.article) }, scope.article);
  }
  if (d.meansTest === 'exempt') {
    const grounds = exemptionGrounds(f, pack, date);
    for (const ground of grounds.national) {
      if (ground === 'minor' || ground === 'elderly_no_fixed_income' || ground === 'disabled_no_fixed_income' || ground === 'migrant_worker') {
        add(`eligibility.exempt.${ground}`);
      } else add('eligibility.exempt.group', { group: domainMessages[`group.${ground}`] });
    }
    for (const rule of grounds.local) add('eligibility.exempt.local', { rule: rule.description, citation: rule.citation }, rule.id);
    add('eligibility.exempt.proof');
    return;
  }
  const region = facts.region === undefined ? undefined : regionById(pack, facts.region);
  if (d.noStandard && region) add('eligibility.means.no_standard', { region: region.name, date });
  if ((d.meansTest === 'passed' || d.meansTest === 'failed') && d.perCapitaIncome !== undefined && d.threshold !== undefined) {
    add(`eligibility.means.${d.meansTest}`, {
      perCapita: d.perCapitaIncome,
      threshold: d.threshold,
      region: region?.name ?? '',
      residence: facts.residence ? domainMessages[`residence.${facts.residence}`] : '',
    });
  }
  if (d.meansTest === 'passed' || d.meansTest === 'unknown') add('eligibility.means.pledge');
  if (d.meansTest === 'failed') add('eligibility.objection');
}

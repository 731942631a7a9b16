import { beforeAll, describe, expect, it } from 'vitest';
import { FACT_ORDER, type ApplicantFacts } from '../../../src/knowledge/eligibility/applicant-facts.js';
import { assess } from '../../../src/knowledge/eligibility/assess.js';
import { localizeDecision } from '../../../src/knowledge/eligibility/localize-decision.js';
import { CATEGORIES, DISABILITIES, GROUPS, MEANS_TESTS, OUTCOMES } from '../../../src/knowledge/eligibility/vocabulary.js';
import type { PolicyPack } from '../../../src/knowledge/policy/types.js';
import { domainMessages } from '../../../src/locales/domain.js';
import { eligibilityMessages } from '../../../src/locales/eligibility.js';
import { DATE, defaultPack } from '../policy/default-pack.js';

let pack: PolicyPack;
beforeAll(async () => {
  pack = await defaultPack();
});

const SITUATIONS: [string, ApplicantFacts][] = [
  ['a migrant worker claiming wages', { region: 'demo-city', category: 'wages', groups: ['migrant_worker'], age: 62, disability: 'none', deadlineDays: 3 }],
  ['a minor suspect', { region: 'demo-city', category: 'criminal_defense', hasDefender: false, age: 16 }],
  ['an applicant over the threshold', { region: 'demo-county', category: 'traffic_injury', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'rural', householdSize: 1, householdMonthlyIncome: 5000 }],
  ['an applicant under the threshold', { region: 'demo-city', category: 'marriage_family', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'urban', householdSize: 2, householdMonthlyIncome: 1000, needsPreservation: true }],
  ['an inheritance question', { region: 'demo-city', category: 'inheritance' }],
  ['an applicant who has said little', { category: 'wages' }],
  ['a group exemption', { region: 'demo-county', category: 'pension', groups: ['judicial_assistance_recipient'] }],
];

describe('localizeDecision', () => {
  it.each(SITUATIONS)('renders every reason for %s in both languages with no placeholder left', (_name, facts) => {
    const decision = assess(facts, pack, DATE);
    for (const locale of ['zh-CN', 'en'] as const) {
      const { reasons } = localizeDecision(decision, locale);
      expect(reasons.length).toBeGreaterThan(0);
      for (const reason of reasons) expect(reason).not.toMatch(/\{\w+\}|undefined|\[object/);
    }
  });

  it('writes Chinese reasons by default and English on request', () => {
    const decision = assess(SITUATIONS[0]![1], pack, DATE);
    expect(localizeDecision(decision, 'zh-CN').reasons[0]).toBe('根据您提供的情况，您可以申请法律援助。');
    expect(localizeDecision(decision, 'en').reasons[0]).toBe('From what you have told us, you can apply for legal aid.');
  });

  it('keeps the decision fields in the order of domain.md §2', () => {
    const decision = localizeDecision(assess(SITUATIONS[3]![1], pack, DATE), 'en');
    expect(Object.keys(decision)).toEqual([
      'outcome', 'meansTest', 'urgent', 'sameDay', 'threshold', 'perCapitaIncome', 'basis', 'route', 'documents', 'reasons', 'wouldChangeIf', 'policyVersion', 'assessedOn',
    ]);
  });

  it('names the missing facts of a needs_review decision in plain words', () => {
    const { reasons } = localizeDecision(assess({ category: 'wages', region: 'demo-city', age: 40, disability: 'none', groups: [], residence: 'urban', householdSize: 2 }, pack, DATE), 'en');
    expect(reasons[0]).toBe('We need to know more before we can tell: your household’s total monthly income.');
  });
});

describe('locale catalogs', () => {
  it('label every category, group, outcome, means test, disability and fact in both languages', () => {
    const keys = [
      ...CATEGORIES.map((id) => `category.${id}`),
      ...GROUPS.map((id) => `group.${id}`),
      ...OUTCOMES.map((id) => `outcome.${id}`),
      ...MEANS_TESTS.map((id) => `meansTest.${id}`),
      ...DISABILITIES.map((id) => `disability.${id}`),
      ...FACT_ORDER.map((id) => `fact.${id}`),
    ];
    for (const key of keys) {
      const entry = (domainMessages as Record<string, { 'zh-CN': string; en: string }>)[key];
      expect(entry?.['zh-CN'], key).toBeTruthy();
      expect(entry?.en, key).toBeTruthy();
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, entry] of Object.entries(eligibilityMessages)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.en), key).toEqual(names(entry['zh-CN']));
    }
  });
});

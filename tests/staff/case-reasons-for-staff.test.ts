import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicantFacts } from '../../src/knowledge/eligibility/applicant-facts.js';
import { assess } from '../../src/knowledge/eligibility/assess.js';
import type { CaseRecord } from '../../src/knowledge/cases/case-repository.js';
import type { PolicyPack } from '../../src/knowledge/policy/types.js';
import { decisionView } from '../../src/bot/eligibility-port.js';
import { caseDetailView } from '../../src/staff/case-view.js';
import { TEST_PACK, caseState, newCase } from '../fixtures/cases.js';
import { DATE, defaultPack } from '../knowledge/policy/default-pack.js';

let pack: PolicyPack;
beforeAll(async () => {
  pack = await defaultPack();
});

/** Situations whose decisions give the reasons worded to the resident in the chat ("根据您提供的情况", "you can object…"). */
const SITUATIONS: [string, ApplicantFacts][] = [
  ['eligible after the means test, with a deadline', { region: 'demo-city', category: 'marriage_family', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'urban', householdSize: 2, householdMonthlyIncome: 1000, deadlineDays: 20 }],
  ['over the threshold (would change if disabled or in a group)', { region: 'demo-county', category: 'traffic_injury', age: 40, disability: 'none', groups: [], fixedIncome: true, residence: 'rural', householdSize: 1, householdMonthlyIncome: 5000 }],
  ['little said yet (needs review)', { category: 'marriage_family', region: 'demo-city' }],
  ['a group exemption', { region: 'demo-county', category: 'pension', groups: ['judicial_assistance_recipient'] }],
  ['out of scope', { region: 'demo-city', category: 'inheritance' }],
];

function caseWith(facts: ApplicantFacts): CaseRecord {
  const decision = assess(facts, pack, DATE);
  const c = newCase({ facts: facts as never, decision: decision as never });
  return { ...c, ...caseState(), ref: 'FY-20261203-0001', category: facts.category, region: facts.region ?? null, route: null, createdAt: c.at, updatedAt: c.at, rating: null, ratingComment: null, ratedAt: null } as unknown as CaseRecord;
}

const reasonsOnCasePage = (facts: ApplicantFacts, locale: 'zh-CN' | 'en') =>
  caseDetailView(caseWith(facts), { pack: TEST_PACK, now: Date.now(), locale, events: [], attachments: [], notes: [] }).decision.reasons;

describe('the decision reasons on the staff case page', () => {
  it.each(SITUATIONS)('are about the applicant, never addressed to the reader, for %s', (_name, facts) => {
    const zh = reasonsOnCasePage(facts, 'zh-CN');
    const en = reasonsOnCasePage(facts, 'en');
    expect(zh.length).toBeGreaterThan(0);
    expect(en.length).toBe(zh.length);
    for (const reason of zh) expect(reason).not.toMatch(/您|请告诉工作人员|\{\w+\}/);
    for (const reason of en) expect(reason).not.toMatch(/\b(you|your|yourself)\b|tell staff|\{\w+\}/i);
  });

  it('say the same outcome as the chat, in the third person', () => {
    const facts = SITUATIONS[0]![1];
    expect(reasonsOnCasePage(facts, 'zh-CN')[0]).toContain('根据申请人提供的情况');
    expect(reasonsOnCasePage(facts, 'en')[0]).toMatch(/the applicant/i);
  });

  it('name the facts still to check by the labels of the page, as one list in each language', () => {
    const facts = SITUATIONS[2]![1];
    const zh = reasonsOnCasePage(facts, 'zh-CN').join('\n');
    const en = reasonsOnCasePage(facts, 'en').join('\n');
    expect(zh).toMatch(/年龄[^，,]*、/);
    expect(en).toMatch(/age, /i);
    expect(en).not.toContain('、');
  });

  it('leave the chat worded to the resident', () => {
    const view = decisionView(assess(SITUATIONS[0]![1], pack, DATE));
    expect(view.reasons[0]!.text['zh-CN']).toBe('根据您提供的情况，您可以申请法律援助。');
    expect(view.reasons[0]!.text.en).toBe('From what you have told us, you can apply for legal aid.');
  });
});

import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../src/knowledge/cases/case-repository.js';
import { caseDetailView } from '../../src/staff/case-view.js';
import { TEST_PACK, caseState, newCase } from '../fixtures/cases.js';

/** A case whose applicant answered the means questions: 52 years old, 4 at home, 3000 a month, 5 days to a hearing. */
function meansTested(): CaseRecord {
  const c = newCase({ facts: { category: 'wages', region: 'demo-city', age: 52, householdSize: 4, householdMonthlyIncome: 3000, deadlineDays: 5 } as never });
  return { ...c, ...caseState(), ref: 'FY-20261203-0001', category: 'wages', region: 'demo-city', route: null, createdAt: c.at, updatedAt: c.at, rating: null, ratingComment: null, ratedAt: null } as unknown as CaseRecord;
}

const answersIn = (locale: 'zh-CN' | 'en') =>
  Object.fromEntries(caseDetailView(meansTested(), { pack: TEST_PACK, now: Date.now(), locale, events: [], attachments: [], notes: [] }).answers.map((a) => [a.key, a.value]));

describe('the numbers among the applicant\'s answers on the case page', () => {
  it('carry their units, so staff do not guess whether 3000 is a month or a year, yuan or people', () => {
    expect(answersIn('zh-CN')).toMatchObject({ age: '52 岁', householdSize: '4 人', householdMonthlyIncome: '3000 元/月', deadlineDays: '5 天（从提交当天算，即2026年11月27日）' });
    expect(answersIn('en')).toMatchObject({ age: '52', householdSize: '4 people', householdMonthlyIncome: '3000 yuan a month', deadlineDays: '5 days (from the day of the application: 27 November 2026)' });
  });
});

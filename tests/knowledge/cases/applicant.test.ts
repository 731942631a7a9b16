import { describe, expect, it } from 'vitest';
import { applicantFromAnswers, type ContactAnswers } from '../../../src/knowledge/cases/applicant.js';

const answers = (overrides: Partial<ContactAnswers> = {}): ContactAnswers => ({
  relation: 'self',
  name: '李四',
  phone: '13800000000',
  contactPreference: 'any',
  safeTimes: null,
  ...overrides,
});

describe('applicant from the intake answers', () => {
  it.each<[ContactAnswers['contactPreference'], boolean]>([
    ['any', true],
    ['times', true],
    ['never', false],
    [null, false],
  ])('contact preference %s: staff may phone %s', (contactPreference, safeToContact) => {
    expect(applicantFromAnswers(answers({ contactPreference }))).toMatchObject({ safeToContact, chatNotices: true });
  });

  it('keeps the safe times only when the resident chose certain times', () => {
    expect(applicantFromAnswers(answers({ contactPreference: 'times', safeTimes: '工作日上午' })).safeTimes).toBe('工作日上午');
    expect(applicantFromAnswers(answers({ contactPreference: 'never', safeTimes: '工作日上午' })).safeTimes).toBeUndefined();
  });

  it('leaves out unanswered details', () => {
    expect(applicantFromAnswers(answers({ relation: null, name: null, phone: null }))).toEqual({ relation: 'self', safeToContact: true, chatNotices: true });
  });
});

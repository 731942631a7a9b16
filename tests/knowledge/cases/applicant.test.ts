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
  it.each<[ContactAnswers['contactPreference'], boolean, boolean]>([
    ['any', true, true],
    ['times', true, true],
    ['never', false, true],
    // "No calls and no messages" (someone may read the phone): no notice is pushed into the chat either.
    ['quiet', false, false],
    // Not asked (only violence at home asks it): phoning is fine.
    [null, true, true],
  ])('contact preference %s: staff may phone %s, notices in the chat %s', (contactPreference, safeToContact, chatNotices) => {
    const applicant = applicantFromAnswers(answers({ contactPreference }));
    expect(applicant.safeToContact).toBe(safeToContact);
    // Stored only when off: an absent chatNotices is on (case-notifications.ts).
    expect(applicant.chatNotices !== false).toBe(chatNotices);
  });

  it('keeps the safe times only when the resident chose certain times', () => {
    expect(applicantFromAnswers(answers({ contactPreference: 'times', safeTimes: '工作日上午' })).safeTimes).toBe('工作日上午');
    expect(applicantFromAnswers(answers({ contactPreference: 'never', safeTimes: '工作日上午' })).safeTimes).toBeUndefined();
  });

  it('leaves out unanswered details', () => {
    expect(applicantFromAnswers(answers({ relation: null, name: null, phone: null }))).toEqual({ relation: 'self', safeToContact: true });
  });
});

describe("the resident's words about the phone reach staff with the contact notes (session 17)", () => {
  it('a borrowed phone is noted for staff, beside what she said about calls', () => {
    expect(applicantFromAnswers(answers({ phoneWords: '这是借我工友的手机' })).contactWords).toBe('这是借我工友的手机');
    expect(applicantFromAnswers(answers({ phoneWords: '这是借我工友的手机', contactWords: '不行 他会翻我手机' })).contactWords).toBe('这是借我工友的手机 / 不行 他会翻我手机');
    expect(applicantFromAnswers(answers({ contactWords: 'only text me' })).contactWords).toBe('only text me');
    expect(applicantFromAnswers(answers()).contactWords).toBeUndefined();
  });
});

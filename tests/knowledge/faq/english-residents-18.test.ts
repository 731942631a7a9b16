import { describe, expect, it } from 'vitest';
import { shippedKnowledgeBase } from './fixtures.js';

// Session 18: English as residents write it, on the seed knowledge base. The questions are written for this test,
// not taken from an evaluation set.
const { kb, first } = shippedKnowledgeBase();

describe('English resident questions, session 18', () => {
  it.each([
    // Physical abuse told the way it happens, without "hit" or "beat".
    ['he shoved me and pulled my hair again, i am scared to go home', 'domestic_violence'],
    ['my husband pulled my hair and pushed me down in front of the kids, what can i do', 'domestic_violence'],
    // Paid in cash: the proof of income asked about is a document question, not the means-test exemption.
    ['my wages come in cash with no slip, what can i bring to show what i earn', 'documents_needed'],
  ])('puts the right entry first for "%s"', (question, topic) => {
    expect(first(question)).toBe(topic);
  });

  it.each([
    // A body part hurt (body_part group): the injury entries mention a leg or a finger, residents their own.
    ['crushed my foot under a pallet at the depot, the boss says no compensation', 'work_injury'],
    ['twisted my ankle and cracked a rib when the scaffolding gave way', 'work_injury'],
    // The verb residents write and the noun the entry writes are one family (recognised / recognition).
    ['how do i get my injury at work recognised', 'work_injury'],
  ])('answers "%s" directly', (question, topic) => {
    const { match } = kb.judge(question, 'en');
    expect(match).toMatchObject({ band: 'answer', topic });
  });
});

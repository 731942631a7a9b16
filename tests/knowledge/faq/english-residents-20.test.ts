import { describe, expect, it } from 'vitest';
import { englishWords } from '../../../src/knowledge/faq/english.js';
import { shippedKnowledgeBase } from './fixtures.js';

// Session 20: English as residents write it, on the seed knowledge base. The questions are written for this test,
// not taken from an evaluation set.
const { kb, first } = shippedKnowledgeBase();
const answered = (question: string) => {
  const { match } = kb.judge(question, 'en');
  return match.band === 'answer' ? match.topic : null;
};

describe('the day something happened (session 20)', () => {
  it.each([
    ['the boss told me on monday not to come back', 'the boss told me not to come back'],
    ['since tuesday nobody answers', 'nobody answers'],
    ['last friday he hit me', 'he hit me'],
  ])('says nothing: "%s"', (text, without) => {
    expect(englishWords(text)).toEqual(englishWords(without));
  });

  it.each(['my hearing is this friday', 'the deadline is friday', 'court is next monday'])('stays when it is still to come: "%s"', (text) => {
    expect(englishWords(text).some((w) => w.endsWith('day'))).toBe(true);
  });
});

describe('long stories whose incidental words belong to another entry (session 20)', () => {
  it.each([
    ['my husband gets drunk and hits me, then he locks me in the bedroom and keeps my passport so i cannot go anywhere', 'domestic_violence'],
    ['my son is held at the police station since two days and they will not let us see him, we have no money for a lawyer', 'criminal_defense'],
    ['walking to the shops a car knocked me down and i fell and hurt my arm, the driver does not want to pay', 'traffic_accident'],
    ['a stranger punched me outside the supermarket and the police are not doing anything about it', 'crime_victim'],
  ])('"%s" → %s', (story, topic) => {
    expect(first(story)).toBe(topic);
  });
});

describe('everyday words (session 20)', () => {
  it('reads HR as the employer', () => {
    expect(first('hr wont give me my last months salary')).toBe('wage_arrears');
  });

  it('reads a kitchen as a place of work', () => {
    expect(answered('burned my arm in the kitchen at work, can i get compensation')).toBe('work_injury');
  });
});

import { describe, expect, it } from 'vitest';
import { decideBand, type ConfidenceModel } from '../../../src/knowledge/faq/confidence.js';
import type { SearchOutcome } from '../../../src/knowledge/faq/faq-index.js';

/** A model whose two probabilities are fixed: P(in domain) = sigmoid(inBias), P(right entry) = sigmoid(rightBias). */
function model(inBias: number, rightBias: number, locales: ConfidenceModel['locales']): ConfidenceModel {
  return { inDomain: { bias: inBias, weights: {} }, correct: { bias: rightBias, weights: {} }, answerAt: 0.5, suggestAt: 0.1, locales };
}

const outcome: SearchOutcome = {
  ranked: [
    { id: 'divorce', score: 10, strength: 0.5, coverage: 0.8, evidence: 0.6 },
    { id: 'inheritance', score: 8, strength: 0.4, coverage: 0.6, evidence: 0.5 },
  ],
  words: 3,
  known: 1,
};
const logit = (p: number) => Math.log(p / (1 - p));

describe('decideBand', () => {
  it('with two thresholds, answers only when both probabilities reach theirs', () => {
    const gate = { 'zh-CN': { answerAt: 0.9, suggestAt: 0.1, gate: { inDomainAt: 0.6, correctAt: 0.3 } } };
    expect(decideBand(outcome, model(logit(0.7), logit(0.4), gate), 3, 'zh-CN')).toMatchObject({ band: 'answer', topic: 'divorce' });
    expect(decideBand(outcome, model(logit(0.55), logit(0.9), gate), 3, 'zh-CN')).toMatchObject({ band: 'suggest', topic: null });
    expect(decideBand(outcome, model(logit(0.9), logit(0.2), gate), 3, 'zh-CN').band).toBe('suggest');
    // Another language without a gate uses the product and its own threshold.
    expect(decideBand(outcome, model(logit(0.7), logit(0.4), gate), 3, 'en').band).toBe('suggest');
  });

  it('marks answers close to a threshold as low confidence, and not clear ones', () => {
    const gate = { 'zh-CN': { answerAt: 0.9, suggestAt: 0.1, gate: { inDomainAt: 0.6, correctAt: 0.3 } } };
    expect(decideBand(outcome, model(logit(0.65), logit(0.9), gate), 3, 'zh-CN').lowConfidence).toBe(true);
    expect(decideBand(outcome, model(logit(0.95), logit(0.95), gate), 3, 'zh-CN').lowConfidence).toBeUndefined();
    expect(decideBand(outcome, model(logit(0.75), logit(0.75), {}), 3, 'en')).toMatchObject({ band: 'answer', lowConfidence: true });
  });

  it('offers both entries as buttons for a long story close between them, and answers a long story with a clear winner', () => {
    const sure = model(logit(0.95), logit(0.95), {});
    const story = (second: number): SearchOutcome => ({
      ranked: [
        { id: 'rent_deposit', score: 10, strength: 0.3, coverage: 0.5, evidence: 0.9 },
        { id: 'consumer_rights', score: second, strength: 0.3, coverage: 0.5, evidence: 0.9 },
      ],
      words: 12,
      known: 1,
    });
    expect(decideBand(story(9), sure, 3, 'en')).toMatchObject({ band: 'suggest', candidates: ['rent_deposit', 'consumer_rights'] });
    expect(decideBand(story(5), sure, 3, 'en')).toMatchObject({ band: 'answer', topic: 'rent_deposit' });
    // A short question equally close is judged by the model alone.
    expect(decideBand({ ...story(9), words: 3 }, sure, 3, 'en').band).toBe('answer');
    // A language whose calibration turned the rule off (storyMargin 0) answers the same story.
    const off = model(logit(0.95), logit(0.95), { en: { answerAt: 0.5, suggestAt: 0.1, storyMargin: 0 } });
    expect(decideBand(story(9), off, 3, 'en')).toMatchObject({ band: 'answer', topic: 'rent_deposit' });
    expect(decideBand(story(9), off, 3, 'zh-CN').band).toBe('suggest');
  });

  // Session 17: a question with a word the index does not know ("can my daughter apply for me since i am sick in bed")
  // scored just under the threshold though both rankers put one entry far ahead; off-topic questions answered are
  // questions the index knows every word of.
  it('answers near the threshold when the best entry is decisively ahead and most of the question is known', () => {
    const near = model(logit(0.6), logit(0.6), { en: { answerAt: 0.5, suggestAt: 0.1, decisive: { margin: 1.2, known: 0.5, answerAt: 0.3 } } });
    const decisive = (second: number, known: number, words = 5): SearchOutcome => ({
      ranked: [
        { id: 'remote_application', score: 10, strength: 0.4, coverage: 0.5, evidence: 0.5 },
        { id: 'elder_support', score: second, strength: 0.1, coverage: 0.2, evidence: 0.2 },
      ],
      words,
      known,
    });
    expect(decideBand(decisive(-3, 0.6), near, 3, 'en')).toMatchObject({ band: 'answer', topic: 'remote_application', lowConfidence: true });
    // Not when the runner-up is close, when most of the question is unknown, for one word, or without the rule.
    expect(decideBand(decisive(2, 0.6), near, 3, 'en').band).toBe('suggest');
    expect(decideBand(decisive(-3, 0.4), near, 3, 'en').band).toBe('suggest');
    expect(decideBand(decisive(-3, 0.6, 1), near, 3, 'en').band).toBe('suggest');
    expect(decideBand(decisive(-3, 0.6), near, 3, 'zh-CN').band).toBe('suggest');
    // Not far below the threshold.
    const far = model(logit(0.5), logit(0.5), { en: { answerAt: 0.5, suggestAt: 0.1, decisive: { margin: 1.2, known: 0.5, answerAt: 0.3 } } });
    expect(decideBand(decisive(-3, 0.6), far, 3, 'en').band).toBe('suggest');
  });

  it('does not answer a question of three or more words whose words no one phrasing of the entry holds two of', () => {
    const sure = model(logit(0.95), logit(0.95), { en: { answerAt: 0.5, suggestAt: 0.1, scattered: 3 } });
    const gathered = (words: number, together: number): SearchOutcome => ({ ...outcome, words, together });
    expect(decideBand(gathered(3, 1), sure, 3, 'en')).toMatchObject({ band: 'suggest', candidates: ['divorce', 'inheritance'] });
    expect(decideBand(gathered(3, 2), sure, 3, 'en').band).toBe('answer');
    expect(decideBand(gathered(2, 1), sure, 3, 'en').band).toBe('answer');
    expect(decideBand({ ...outcome, words: 3 }, sure, 3, 'en').band).toBe('answer');
    expect(decideBand(gathered(3, 1), sure, 3, 'zh-CN').band).toBe('answer');
  });

  // Session 19: "i got sacked and my boss won't pay me for the last 2 months" scored just under the threshold (two
  // entries share its words) though one phrasing of its best entry holds five of them.
  it('answers near the threshold when one phrasing of the best entry holds four or more of the question\'s words', () => {
    const phrased = { together: 4, known: 0.75, answerAt: 0.3 };
    const near = model(logit(0.6), logit(0.6), { en: { answerAt: 0.5, suggestAt: 0.1, phrased } });
    const said = (together: number, known = 1): SearchOutcome => ({ ...outcome, words: 7, known, together });
    expect(decideBand(said(4), near, 3, 'en')).toMatchObject({ band: 'answer', topic: 'divorce', lowConfidence: true });
    // Not with fewer words held together, with much of the question unknown, in a language without the rule, or far below.
    expect(decideBand(said(3), near, 3, 'en').band).toBe('suggest');
    expect(decideBand(said(4, 0.6), near, 3, 'en').band).toBe('suggest');
    expect(decideBand(said(4), near, 3, 'zh-CN').band).toBe('suggest');
    const far = model(logit(0.5), logit(0.5), { en: { answerAt: 0.5, suggestAt: 0.1, phrased } });
    expect(decideBand(said(4), far, 3, 'en').band).toBe('suggest');
  });

  it('uses a language\'s own models when calibration gave it some, and the shared ones for the others', () => {
    const shared = model(logit(0.3), logit(0.3), {
      en: { answerAt: 0.5, suggestAt: 0.05, models: { inDomain: { bias: logit(0.9), weights: {} }, correct: { bias: logit(0.9), weights: {} } } },
    });
    expect(decideBand(outcome, shared, 3, 'en')).toMatchObject({ band: 'answer', topic: 'divorce' });
    expect(decideBand(outcome, shared, 3, 'zh-CN').band).toBe('unknown');
  });

  it('marks as low confidence a single common word that the next entry also contains and the best barely wins', () => {
    const sure = model(logit(0.99), logit(0.99), {});
    const word = (evidence: number, second: number): SearchOutcome => ({
      ranked: [
        { id: 'elder_support', score: 10, strength: 0.9, coverage: 1, evidence },
        { id: 'minors', score: second, strength: 0.8, coverage: 1, evidence },
      ],
      words: 1,
      known: 1,
    });
    expect(decideBand(word(0.12, 9), sure, 3, 'en')).toMatchObject({ band: 'answer', lowConfidence: true });
    expect(decideBand(word(0.3, 9), sure, 3, 'en').lowConfidence).toBeUndefined();
    expect(decideBand(word(0.12, 5), sure, 3, 'en').lowConfidence).toBeUndefined();
  });
});

import { detectDanger } from './danger.js';
import { looksLikeQuestion } from './question-words.js';
import { readSteering } from './steering.js';
import { statedFacts, storyCategory, tellsStory } from './story.js';
import type { KbJudgement, Meaning, UnderstandDeps, UnderstandInput } from './types.js';

const NOT_ASKED: KbJudgement = { band: 'unknown', topic: null, candidates: [], score: 0 };

/**
 * What the resident means, by precedence (issue 12 §1):
 * 1. danger to life or safety, now — in every state, before anything else;
 * 2. a steering intent — only a short phrase that clearly steers, never a question the knowledge base answers;
 * 3. a problem story → its category and the facts it states plainly (with the knowledge base's
 *    judgement of the question it contains, if it asks one);
 * 4. a question → the knowledge base's judgement;
 * 5. an answer to the question on screen (the intake step validates it).
 * Pure: the knowledge base is passed in as a function.
 *
 * @example
 * understand({ text: '救命 我老公拿刀要杀我', locale: 'zh-CN', where: { kind: 'menu' } }, deps)
 * // { kind: 'danger', danger: 'domestic_violence' }
 */
export function understand(input: UnderstandInput, deps: UnderstandDeps): Meaning {
  const { text, locale, where } = input;
  const danger = detectDanger(text);
  if (danger) return { kind: 'danger', danger };
  // Before consent the text answers the privacy question; with a person on the line it is for them.
  if (where.kind === 'before_consent' || where.kind === 'handoff_live') return { kind: 'answer' };

  const question = looksLikeQuestion(text);
  // The trained classifier only helps at the menu: at an intake question short answers ("我是农民工") must stay answers.
  const steer = readSteering(text, where.kind === 'menu' || where.kind === 'handoff_waiting' ? deps.classify : undefined);
  if (steer) {
    if (!question) return { kind: 'steer', ...steer };
    const kb = deps.judge(text, locale);
    return kb.band === 'answer' ? { kind: 'question', kb } : { kind: 'steer', ...steer };
  }
  // A free-text question on screen (a description, a name, safe times): the text is its answer.
  if (where.kind === 'intake_question' && where.freeText) return { kind: 'answer' };

  const category = storyCategory(text);
  if (category && tellsStory(text)) {
    return { kind: 'story', category, facts: statedFacts(text, category), asks: question, kb: question ? deps.judge(text, locale) : NOT_ASKED };
  }
  if (where.kind === 'intake_question') {
    // A question the knowledge base can help with is answered; anything else is the step's to read.
    if (!question) return { kind: 'answer' };
    const kb = deps.judge(text, locale);
    return kb.band === 'unknown' ? { kind: 'answer' } : { kind: 'question', kb };
  }
  return { kind: 'question', kb: deps.judge(text, locale) };
}

export { detectDanger } from './danger.js';
export type * from './types.js';

/** A short label of a meaning for reports (`kb ask`): `danger:self_harm`, `steer:apply`, `story:wages`, `question`, `answer`. */
export function meaningLabel(meaning: Meaning): string {
  if (meaning.kind === 'danger') return `danger:${meaning.danger}`;
  if (meaning.kind === 'steer') return `steer:${meaning.intent}`;
  if (meaning.kind === 'story') return `story:${meaning.category}`;
  return meaning.kind;
}

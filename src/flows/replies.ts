import type { BotReply, Choice, Params } from './events.js';

/** A reply with a message key, its parameters and optional buttons. */
export function reply(key: string, params: Params = {}, choices?: Choice[]): BotReply {
  return choices && choices.length > 0 ? { type: 'reply', key, params, choices } : { type: 'reply', key, params };
}

/** A button whose label is the text of `key`. */
export function choice(id: string, key: string, params?: Params): Choice {
  return params ? { id, key, params } : { id, key };
}

/**
 * One message for a wrong answer: the kind explanation, with the question under it and the question's buttons
 * (a second bubble repeating the question read as another error).
 */
export function explainedQuestion(explanation: BotReply, question: BotReply): BotReply {
  return {
    ...explanation,
    followedBy: { key: question.key, ...(question.params ? { params: question.params } : {}) },
    ...(question.choices?.length ? { choices: question.choices } : {}),
    ...(question.multiSelect ? { multiSelect: question.multiSelect } : {}),
  };
}

import type { BotReply, Choice, Params } from './events.js';

/** A reply with a message key, its parameters and optional buttons. */
export function reply(key: string, params: Params = {}, choices?: Choice[]): BotReply {
  return choices && choices.length > 0 ? { type: 'reply', key, params, choices } : { type: 'reply', key, params };
}

/** A button whose label is the text of `key`. */
export function choice(id: string, key: string, params?: Params): Choice {
  return params ? { id, key, params } : { id, key };
}

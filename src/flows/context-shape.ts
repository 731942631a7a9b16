import { CONTEXT_DEFAULTS, type ConversationContext } from './conversation-machine.js';
import { initialContext } from './intake/intake-machine.js';

import { isObject, withIntakeContext, type Json } from './stored-snapshot.js';

/**
 * A stored snapshot with every context key the machines hold, in their order: the root's and the running
 * intake's. A snapshot written before a key existed (or with a key JSON left out because it was `undefined`)
 * would otherwise get it from a later `assign`, which makes that conversation's context a slow dictionary
 * object (see CONTEXT_DEFAULTS). Values stored win; anything that is not a snapshot is returned as it is.
 */
export function withFullContext(snapshot: unknown): unknown {
  if (!isObject(snapshot) || !isObject(snapshot.context)) return snapshot;
  const full: Json = { ...snapshot, context: { ...CONTEXT_DEFAULTS, ...snapshot.context } };
  return withIntakeContext(full, (context) => ({ ...initialContext(typeof context.submissionId === 'string' ? context.submissionId : ''), ...context }));
}

/**
 * Keys a stored snapshot may leave out when they hold their default: every one is optional in
 * {@link ConversationContext} (older snapshots lack them), and {@link withFullContext} puts them back.
 */
const LEFT_OUT_WHEN_DEFAULT = [
  'intakeStep', 'keptStory', 'statedKinship', 'pendingCategory', 'storyCategory', 'pendingCategoryChosen', 'storyBeforeConsent', 'storyAnsweredBeforeConsent',
  'afterDanger', 'abuseLineGiven', 'askedAtAgreement', 'dangerTold', 'firstText', 'greeted', 'remindAfterAnswer', 'meta', 'linkRef', 'caseRegion', 'caseContact',
] as const satisfies readonly (keyof ConversationContext)[];
const LEFT_OUT: ReadonlySet<string> = new Set(LEFT_OUT_WHEN_DEFAULT);

/**
 * The persisted snapshot without the root context's optional keys that hold their default, so that naming
 * every key from the start (CONTEXT_DEFAULTS) does not make every stored turn longer (~160 bytes of a ~1 KB
 * snapshot, sealed and written at each turn).
 */
export function withoutDefaults(persisted: unknown): unknown {
  if (!isObject(persisted) || !isObject(persisted.context)) return persisted;
  const defaults = CONTEXT_DEFAULTS as unknown as Json;
  // Copied key by key rather than deleted from a copy: `delete` would make it a slow dictionary object.
  const context: Json = {};
  for (const [key, value] of Object.entries(persisted.context)) if (!(LEFT_OUT.has(key) && value === defaults[key])) context[key] = value;
  return { ...persisted, context };
}

import type { Choice } from './events.js';
import { choice } from './replies.js';

/** An application of this conversation still being worked on (its status is one of `IN_PROGRESS`). */
export interface CaseInProgress {
  ref: string;
  category: string;
}

const STATUS = 'menu.status';
const APPLY = 'menu.apply';

/**
 * The buttons under an answer that offers to apply, for a resident whose application is in progress: its progress first, named by its
 * reference ("查看申请进度（FY-…）"), then the answer's own buttons; a second application only as another matter
 * ("另一件事申请法律援助"), never for a problem of the same kind as an application in progress. Unchanged without one,
 * and for buttons that offer no application.
 */
export function choicesForCaseInProgress(choices: readonly Choice[], cases: readonly CaseInProgress[]): Choice[] {
  if (cases.length === 0 || !choices.some((c) => c.id === APPLY || c.id.startsWith('apply:'))) return [...choices];
  const status = cases.length === 1 ? choice(STATUS, 'faq.choice.status_of', { ref: cases[0]!.ref }) : choice(STATUS, 'faq.choice.status');
  const pending = new Set(cases.map((c) => `apply:${c.category}`));
  const rest = choices
    .filter((c) => c.id !== STATUS && !pending.has(c.id))
    .map((c) => (c.id === APPLY ? choice(APPLY, 'faq.choice.apply_another') : c));
  return [status, ...rest];
}

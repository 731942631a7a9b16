/**
 * "No need" words that are also read as "cancel" at the menu ("不用了", "不要了"). At an intake question
 * they are the answer ("是否需要马上保全…？" → "不用了"): the step reads them as "no", and the application
 * is never cancelled by them (DEFECTS.md Q-I1).
 */
const NO_NEED = /^(不用了?|不要了?|不需要了?|用不着|no thanks|no need)$/i;

/** True when `text` (a whole message, punctuation around it ignored) only says "no need". */
export function saysNoNeed(text: string): boolean {
  return NO_NEED.test(text.normalize('NFKC').trim().replace(/[\s!！。.,，~～、…]+$/u, ''));
}

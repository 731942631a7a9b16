/**
 * At "continue?" after the assessment, residents often answer the prompt above it ("next, briefly describe what
 * happened…") by telling what happened. A message long enough to be an account, and not a way of saying "not now",
 * is taken as the description instead of being refused.
 */
const NOT_NOW =
  /不想(提交|申请|继续|填)|先不|以后再|等(一)?下再|再说吧|考虑(一下)?|算了|不(提交|申请)了|\b(not now|not yet|later|maybe later|wait|hold on|let me think|think about it|no thanks|don'?t want to (submit|apply|continue|go on)|dont want to (submit|apply|continue|go on))\b/i;

/** Does this text tell what happened (rather than answer yes/no or put it off)? */
export function tellsWhatHappened(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (NOT_NOW.test(t)) return false;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han > 0) return han >= 12;
  return t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 6;
}

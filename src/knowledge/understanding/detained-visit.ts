import { toSimplified } from './simplified.js';

/**
 * A family wanting to see a relative the police hold, or to bring them things: "家属能去看守所探视吗", "我儿子被派出所抓了
 * 我想去看看他 怎么才能见到他", "how can i visit my husband in detention". The knowledge base has no entry for it (it gave
 * "did you mean…", or in English the answer on applying online). Not a question about a lawyer's visit ("律师能去看守所
 * 会见吗": the knowledge base's criminal-defence and duty-lawyer entries).
 */
const SEE_ZH = /探视|探望|看望|会见|见面|见到|见一面|见(他|她)|去看看?(他|她|我|人)|看看?(他|她)|送(点)?(衣服|衣物|被子|东西|钱)|存(点)?钱/;
const HELD_ZH = /看守所|拘留所|拘留|刑拘|关押|羁押|被抓|抓了|抓走|关在|关进|关起来|派出所|在里面|关里面/;
const SEE_EN = /\b(visit|visiting|see|meet|talk to|speak to|bring (him |her |them )?(clothes|things|money)|put money|send money)\b/i;
const HELD_EN = /\b(detention|detained|jail|custody|police station|arrested|locked up|lock ?up|held by (the )?police|cops? took|police took)\b/i;
const ABOUT_A_LAWYER = /律师|\blawyers?\b|\battorneys?\b/i;

/** Does the text ask how the family can see (or bring things to) someone the police hold? */
export function asksToSeeDetained(text: string): boolean {
  // toSimplified mends the English slips too ("detaind", "arested").
  const t = toSimplified(text.normalize('NFKC'));
  if (ABOUT_A_LAWYER.test(t)) return false;
  return (SEE_ZH.test(t) && HELD_ZH.test(t)) || (SEE_EN.test(t) && HELD_EN.test(t));
}

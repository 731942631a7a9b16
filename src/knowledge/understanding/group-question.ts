import { GROUPS, type GroupId } from '../eligibility/vocabulary.js';

/**
 * At the groups question (who is exempt from the means test), a resident who asks what a group means ("进城务工人员是
 * 什么意思", "what does migrant worker mean", "我在城里打工算不算农民工") gets its meaning there, and nothing ticked:
 * asking is not claiming. One who describes a migrant worker's life without the name ("我是农村来的 在厂里干活", "im from
 * the countryside and work in a factory here") is told that is what the group means, so the exemption of a migrant
 * worker's wage or work-injury claim (LAL 42) is not lost for want of the word.
 */

/** The words that name each group, as residents type them (the steps read the same words to tick a group). */
export const GROUP_WORDS: Record<GroupId, RegExp> = {
  social_assistance_recipient: /低保|特困|救助对象|social assistance|dibao|welfare/i,
  judicial_assistance_recipient: /司法救助|judicial assistance/i,
  special_care_recipient: /优抚|special care/i,
  migrant_worker: /农民工|农名工|农明工|(?<!农)民工|进城务工|打工|外来务工|migrant/i,
  registered_poor: /建档立卡|脱贫|贫困户|registered poor|poverty/i,
  military_family: /军人|军属|退役|military|soldier|veteran/i,
  labor_arbitration_fee_waived: /仲裁.*(减免|免)|arbitration fee/i,
};

const ASKS_MEANING =
  /是什么意思|啥意思|什么意思|是什么|是啥|什么是|啥是|是指|指的是|指什么|指啥|算不算|算吗|算是吗|包括|包不包括|怎么算|\bwhat('s|s| (does|do|is|are))\b|\bmean(s|ing|t)?\b|\bam i (a|an|one)\b|\bdoes\b.{0,40}\bcount\b|\bcounts? as\b|\bwho (is|are|counts)\b/i;

/** The group a question of a sentence or two asks the meaning of, or null. */
export function groupAskedAbout(text: string): GroupId | null {
  const t = text.normalize('NFKC').trim();
  // Asked with who the resident is first ("im from guizhou, i work here in a restaurant, does that count as migrant worker?").
  if (t.length > 120 || !ASKS_MEANING.test(t)) return null;
  const named = GROUPS.filter((g) => GROUP_WORDS[g].test(t));
  return named.length === 1 ? named[0]! : null;
}

const RURAL_ORIGIN_ZH = /(农村|乡下|老家|村里|农业户口|农村户口|山里)/;
const WORK_IN_TOWN_ZH = /(城里|城市|县城|市里|外地|这边|厂里|工厂|厂子|工地|饭店|餐馆|工程|干活|上班|做工|务工)/;
const RURAL_ORIGIN_EN = /\b(countryside|village|rural|farm(ing)? (family|area|village)|farmland|hukou)\b/i;
const WORK_IN_TOWN_EN = /\b(work|working|worked|job|jobs)\b/i;

/** Whether a short answer describes a migrant worker's life without naming the group. */
export function describesMigrantWork(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (t.length > 120 || GROUP_WORDS.migrant_worker.test(t)) return false;
  return (RURAL_ORIGIN_ZH.test(t) && WORK_IN_TOWN_ZH.test(t)) || (RURAL_ORIGIN_EN.test(t) && WORK_IN_TOWN_EN.test(t));
}

/**
 * At the household question, "家里几口人算哪些人", "我老公算不算", "who counts as my household?", "does my husband count":
 * who counts, answered there (the question's own explanation), not a did-you-mean of the knowledge base's entries on
 * exempt groups and the hardship standard.
 */
const WHO_COUNTS_ZH = /(算|包括|包含|指)(哪些|哪几个|谁|什么人|几个人)|哪些人(算|要算|也算)|(算不算|要不要算|算进去吗|算吗|也算吗|用不用算|要算吗|能算吗)|怎么算(人数|几口)?/;
const WHO_COUNTS_EN = /\bwho (counts|is counted|should i count|do i count|to count|is included|are included|do i include|should i include)\b|\b(does|do|should|would|will) .{0,30}\b(count|be counted|be included)\b|\bcount(s)? as (my |the |a )?(household|family)\b|\bwhat (counts as|is) (a |my |the )?household\b|\binclude my\b/i;

/** Whether a short text at the household question asks who counts. */
export function asksWhoCounts(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 60 && (WHO_COUNTS_ZH.test(t) || WHO_COUNTS_EN.test(t));
}

/**
 * "Why do you need my age?", "为什么要问年龄", "问这个干嘛": the resident asks why a question is asked.
 * Short texts only, so a description that happens to contain 为什么 is never taken for one.
 */
const WHY = /(为什么|为啥|干嘛|干吗|做什么用|有什么用|凭什么|why\b|what (?:is|'s) (?:it|this|that) for|what do you need (?:it|this|that) for)/i;
/** "为什么？", "why?" on its own, at a question, asks why it is asked. */
const BARE_WHY = /^(为什么|为啥|为何|干嘛|干吗|why|but why)[?？!！。.]*$/i;
const ABOUT_ASKING = /(问|要|需要|填|留|告诉|知道|提供|ask|need|want|know|tell|give|this|that|it)/i;

/** Whether `text` asks why the question on screen is asked. */
export function asksWhy(text: string): boolean {
  const t = text.trim();
  if (BARE_WHY.test(t)) return true;
  return t.length <= 40 && WHY.test(t) && ABOUT_ASKING.test(t);
}

/**
 * A question, as residents type one: a question mark, or question words including colloquial ones
 * (啥, 咋, 为啥, 谁, 能不能, 要不要, …) that often come without any punctuation — but not inside ordinary
 * statements: 过几天 (in a few days), 好几个月 (several months), 没多少钱, 没什么财产, 不怎么会, 好着呢 / 早着呢 (着呢 stresses).
 */
const QUESTION =
  /[?？]|^(请问|想问|问一下|问下|咨询)|怎么办|咋办|咋整|咋弄|(?<!不)怎么|怎样|如何|(?<!没)什么|(?<!没)啥|咋|为何|为什么|谁|哪里|哪儿|哪个|哪些|(?<![没不])多少|多久|多长|(?<![过这没前好])几天|(?<![好这])几个|能不能|能否|可不可以|可以不|是不是|是否|有没有|要不要|用不用|需不需要|行不行|会不会|算不算|给不给|管不管|吗|么[。!！]?$|(?<!着)呢[。]?$|嘛[。]?$|(要|用|收|行|能|可以|是|有|算|给|管|会|对)[^，。,]{0,6}不[。!！]?$|^(how|what|where|when|why|who|which|can|could|do|does|did|is|are|am|should|will|would|may|must|have|has|whats|hows|wheres|whens|whos|wat|wats)\b|\b(how (much|long|do|can|to)|what (is|are|do|should|can|if)|can (i|we|you|he|she|they)|could (i|we|you)|is it|is that|is there|are there|do i|do we|should i|should we|am i|will (he|she|they))\b/i;

/**
 * "啥收入都没有", "什么都不懂", "谁都不管我", "哪儿也去不了": a question word with 都/也 and a negation says nothing, no one,
 * nowhere — a statement, whose question word is not asked.
 */
const NONE_AT_ALL = /(啥|什么|谁|哪儿|哪里|哪)[^，。,.!！?？\s]{0,6}?(都|也)(没|不|别)/g;

/** Does this text read as a question (rather than an answer to the bot's question)? */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length < 3) return /[?？]$/.test(t) && t.length > 1;
  // A question mark asks whatever the words ("啥都没有？"); without one, "nothing / no one" words ask nothing.
  return /[?？]/.test(t) || QUESTION.test(t.replace(NONE_AT_ALL, '，'));
}

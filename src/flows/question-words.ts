const QUESTION = /[?？]\s*$|^(请问|想问|问一下|咨询)|怎么办|怎么(样|做|申请|处理|弄)?|如何|什么|哪里|哪儿|多少|多久|能不能|可不可以|可以.*吗|是不是|需要.*吗|吗[?？。!！]?$|呢[?？]?$|^(how|what|where|when|why|who|which|can|could|do|does|is|are|should|will|may)\b/i;

/** Does this text read as a question (rather than an answer to the bot's question)? */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (t.length < 4) return false;
  return QUESTION.test(t);
}

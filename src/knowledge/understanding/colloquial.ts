/**
 * Colloquial and dialect Chinese as residents type it ("啥是法律援助啊 俺不懂", "咋申请啊 俺不会弄", "法援要钱不"),
 * read in the standard words the knowledge base is written in. What dilutes a question there: dialect words the entries
 * never use (俺, 啥, 咋, 娃), sentence-final particles the word segmenter keeps as words (呗, 哈, 啦, 嘞), saying that a
 * question follows ("俺想问问"), and an aside that the resident does not understand ("俺不懂", "我也不会弄"), which says
 * nothing about the topic yet pulls the question towards the entry for people who cannot read or use a phone. Chinese
 * only: text without Han characters comes back as it was. Measured on the dev half's zh-CN questions through kbQuery:
 * answered-correct 93.9 % and confident-wrong 1.3 % with and without it (session 12; `kb eval` itself does not use it).
 */

/** Clause boundaries: punctuation, spaces, the start and the end. */
const END = '(?=[\\s,，。.!！?？~～…、;；]|$)';
const START = '(?<=^|[\\s,，。.!！?？~～…、;；])';

/** Dialect words and their standard forms, longest first where one contains another. */
const WORDS: [RegExp, string][] = [
  [/咋(整|办)/g, '怎么办'],
  [/咋弄/g, '怎么弄'],
  [/咋样/g, '怎么样'],
  [/咋/g, '怎么'],
  [/(?:是)?个啥玩意儿?|是个啥/g, '是什么'],
  [/为啥/g, '为什么'],
  [/干啥/g, '干什么'],
  [/啥/g, '什么'],
  [/俺们|咱们/g, '我们'],
  [/俺/g, '我'],
  [/(我|他|她)(家)?(那口子|当家的)/g, '$1爱人'],
  [/(我|他|她)(的)?爹/g, '$1爸'],
  [/(我|他|她)(的)?娘(?!家)/g, '$1妈'],
  [/娃(?!娃)/g, '孩子'],
  [/寻思/g, '想'],
  [/晓得/g, '知道'],
  [/(问|看|说|等|查)一哈/g, '$1一下'],
  [/中不中/g, '行不行'],
];

/** Particles that end a clause and mean nothing for the topic (the segmenter keeps 呗 and 哈 as words). */
const PARTICLES = new RegExp(`(?:呗|哈|啦|嘞|咧|哇|呐|噻|撒)+${END}`, 'g');

/**
 * A clause that only says the resident does not understand or know how ("俺不懂", "我啥也不懂", "我也不会弄",
 * "不知道咋弄"): dropped when the question is elsewhere in the message.
 */
const ASIDE = new RegExp(
  `${START}(?:我|我们)?(?:也|都|真|实在)?(?:什么都|什么也|一点都|一点也)?(?:不懂|不太懂|搞不懂|弄不懂|不明白|不太明白|搞不明白|整不明白|不知道|不太知道|不清楚|不太清楚|不会弄|不会办|不会)(?:怎么办|怎么弄|怎么)?(?:啊|呀|哦|呢|嘛|了)*${END}`,
  'g',
);

/** "俺想问问…", "我打听一下…": the resident saying that a question follows, before it. */
const LEAD_IN = /^(?:我|我们)?(?:就|还)?(?:想|要)?(?:问问|问一下|打听打听|打听一下)(?:你们|您)?[\s,，:：]*/;

/** "要钱不", "能申请不": a question ending in 不, as 吗. Not 不 alone or after another 不 ("行不不"). */
const TAG_QUESTION = new RegExp(`(?<=\\p{Script=Han}{2})(?<!不)不${END}`, 'gu');

/**
 * The text in standard Mandarin words, for asking the knowledge base. Pure.
 *
 * @example
 * standardMandarin('啥是法律援助啊 俺不懂') // '什么是法律援助啊'
 * standardMandarin('法援要钱不') // '法援要钱吗'
 */
export function standardMandarin(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  let out = text;
  for (const [pattern, standard] of WORDS) out = out.replace(pattern, standard);
  out = out.replace(PARTICLES, '').replace(TAG_QUESTION, '吗');
  const withoutAsides = out.replace(LEAD_IN, '').replace(ASIDE, '').replace(/^[\s,，。.!！~～…、;；]+|[\s,，~～…、;；]+$/g, '');
  // A message that is only the aside ("俺不懂") keeps it: there is nothing else to ask with.
  return /\p{Script=Han}/u.test(withoutAsides) ? withoutAsides : out;
}

/**
 * The text without clause-final particles of dialect and chat (呗, 哈, 啦, 嘞): "没残疾哈" as "没残疾", for an answer
 * read against a question's options. Pure; other text comes back as it was.
 */
export function withoutFinalParticles(text: string): string {
  return /\p{Script=Han}/u.test(text) ? text.replace(PARTICLES, '').trim() : text;
}

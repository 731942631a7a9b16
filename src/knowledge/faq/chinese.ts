const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** One Han character or more. */
export const HAN = /\p{Script=Han}/u;

/**
 * Function words and question words that say nothing about the topic. Words that do (哪里, 多久,
 * 多少, 谁) are kept: they distinguish "where to apply" from "how to apply".
 */
const STOPWORDS = new Set(
  `的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 我 俺 咱 你 他 她 它 我们 你们 他们 她们 我的 你的 他的 在 有 和 与 及 就 都 也 还 又 要 会 能 可以 可不可以 能不能
  怎么 怎么办 怎样 怎么样 如何 什么 啥 咋 咋办 咋整 请问 一下 这个 那个 这 那 个 不 没 给 对 把 让 想 请 问 一个 些 一些 这样 那样
  如果 但是 可是 因为 所以 已经 现在 应该 需要 该 去 来 到 说 里 上 下 中 得 地 着 过 被 从 向 跟 吗 您 您好 你好 谢谢 请教 问一下
  自己 人家 他家 我家 我想 我要 我是 我能 想要 我们家 你们 这里 那里 时候 情况 问题 事情 东西 现在 之后 以后 然后 一样 一定 可能 多 很 太 再 才 先 请问下 麻烦 帮帮 帮我 帮忙 谢谢你
  都没 我不 不了 的话 能去 还能 还要 可以吗 要不要 能不能 会不会 行不行 好不好 一点 才能 不能 不用 这种 那种 这么 那么 为啥 咋样 咋弄 后来 突然 总是 天天 每天 一下子 之类 什么的 而且 并且 还有 就是说 一般 通常 比如 所有 全部 已经 正在 马上就 一直 还是 或者 就是 真的 到底 到底是 是不是 有没有 该怎么 怎么弄 怎么样子 可 会不会 能否 是否 干嘛 干啥`.split(/\s+/),
);

/** Runs of Han characters in `text`, with their offsets. */
export function hanRuns(text: string): { run: string; index: number }[] {
  return [...text.matchAll(/\p{Script=Han}+/gu)].map((m) => ({ run: m[0], index: m.index! }));
}

/** Segmentations already computed (bounded): segmenting is the costly part of analysing Chinese. */
const wordCache = new Map<string, readonly { word: string; index: number }[]>();
const WORD_CACHE_LIMIT = 20_000;

/** Words of a Han run with their offsets, by the ICU dictionary behind `Intl.Segmenter`, without stopwords. */
export function chineseWords(run: string): readonly { word: string; index: number }[] {
  const cached = wordCache.get(run);
  if (cached) return cached;
  const words: { word: string; index: number }[] = [];
  for (const part of segmenter.segment(run)) {
    if (part.isWordLike && !STOPWORDS.has(part.segment)) words.push({ word: part.segment, index: part.index });
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(run, words);
  return words;
}

/**
 * Characters that carry no topic on their own: particles, auxiliaries, pronouns and the like. A
 * character pair made only of them (的了, 是不, 我们, 在有) says nothing about the question.
 */
const FUNCTION_CHARS = new Set([...'的了吗呢吧啊呀哦嘛么是在有和与及就都也还又把被着过得地很太我你他她它们这那个些儿呗哈嗯啦哇吖咯哟俺咱您']);

/** True for a character that carries no topic on its own (的, 吗, 我 …). */
export function isFunctionChar(char: string): boolean {
  return FUNCTION_CHARS.has(char);
}

/** True when both characters of a pair are function characters. */
export function isFunctionBigram(gram: string): boolean {
  const chars = [...gram];
  return chars.every((c) => FUNCTION_CHARS.has(c));
}

/**
 * Modal particles that only colour a sentence (怎么申请啊, 咋办呀, 要多久呢): a pair with one of them ("请啊") is never
 * a topic word, and as an unknown pair it made "怎么申请啊" look less known than "怎么申请".
 */
const MODAL_PARTICLES = new Set([...'啊呀呢嘛哦呗啦咯哟嗯哇吖']);

/**
 * Overlapping character pairs of a Han run ("拖欠工资" → 拖欠, 欠工, 工资), without pairs made only of function
 * characters and without pairs with a modal particle.
 */
export function characterBigrams(run: string): string[] {
  const chars = [...run];
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    if (MODAL_PARTICLES.has(chars[i]!) || MODAL_PARTICLES.has(chars[i + 1]!)) continue;
    if (!isFunctionBigram(gram)) grams.push(gram);
  }
  return grams;
}

/** True for Chinese function words. */
export function isChineseStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

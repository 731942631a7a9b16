/**
 * "Not sure", as residents say it at any question — one list of the words, read four ways: the whole answer
 * ("不清楚", "我也不知道啊", "not sure tbh"), said anywhere in it ("yes? not sure"), before an answer ("不知道 大概还有十天"),
 * or as a first clause before a guess ("i dont know the name of this place, its the city i think").
 */
const UNSURE_ZH = String.raw`不太?清楚|不知道|不确定|说不清|说不准|说不好|不好说|不晓得|搞不清`;
const UNSURE_WORDS = String.raw`${UNSURE_ZH}|(?:i'?m |im )?not (?:really )?sure|unsure|i don'?t know|i dont know|don'?t know|dont know|do not know|i dunno|dunno|idk|no idea|no clue`;
/** Who says it, before the words: "我也不知道", "俺不晓得", "还不清楚". */
const SAYER = String.raw`(?:我也|我|也|还|俺|俺也)?`;
/** A final particle after them: "不知道啊", "不清楚呢". */
const PARTICLE = String.raw`(?:啊|呀|呢|哦|诶)?`;

/**
 * The whole answer says not sure: the words, or "unknown", "never heard of one", "没听说过有什么期限", with a "tbh" or a
 * particle after them.
 */
const WHOLE = new RegExp(
  String.raw`^${SAYER}(?:${UNSURE_WORDS}|没听说(?:过)?(?:有)?(?:什么)?(?:期限|时间|这个)?|unknown|never heard of (?:one|it|any))(?: tbh| really| sorry)?${PARTICLE}[!！。.]*$`,
  'i',
);
/** Said anywhere: "yes? not sure", "好像有 不确定". Latin words on word boundaries ("idk" never inside a word). */
const ANYWHERE = new RegExp(String.raw`${UNSURE_ZH}|\b(?:not (?:really )?sure|unsure|don'?t know|dont know|do not know|dunno|idk|no idea|no clue)\b`, 'i');
/** The words first, then an answer after a space or a comma: "不知道 大概还有十天", "not sure, maybe 10 days". */
const LEADING = new RegExp(String.raw`^${SAYER}(?:${UNSURE_WORDS})${PARTICLE}[\s,，、.。!！]+(?=\S)`, 'iu');
/** A first clause that says it, up to the first comma or stop: "不知道叫啥，", "i dont know the name of this place, ". */
const FIRST_CLAUSE = new RegExp(String.raw`^\s*${SAYER}(?:${UNSURE_WORDS})[^,，;；。.!！]*[,，;；。.!！]\s*`, 'i');

/** Is the whole answer "not sure"? */
export const saysUnsure = (text: string): boolean => WHOLE.test(text.trim());
/** Does the answer say "not sure" anywhere in it? */
export const mentionsUnsure = (text: string): boolean => ANYWHERE.test(text);
/** The answer after a leading "not sure" ("不知道 大概还有十天" → "大概还有十天"); the text itself when it does not start so. */
export const afterUnsureWords = (text: string): string => text.replace(LEADING, '');
/** The answer after a first clause that says "not sure" ("不知道叫啥，应该是县里吧" → "应该是县里吧"); the text itself otherwise. */
export const afterUnsureClause = (text: string): string => text.replace(FIRST_CLAUSE, '');

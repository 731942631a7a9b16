import { pinyin } from 'pinyin-pro';

/**
 * Residents type Chinese on phones by pinyin, and often pick the wrong character of the same sound:
 * 请律师要多少前 (钱), 发律援助怎么申情 (法, 请), 老版不给公资 (老板, 工资). A character pair the
 * index has never seen is looked up by its toneless pinyin among the pairs it has, so the search
 * finds 申请 for 申情. Only pairs unknown to the index are corrected: a real word is never replaced.
 */

/** Toneless pinyin keys already computed (bounded): the same pairs recur across entries and questions. */
const keyCache = new Map<string, string>();
const KEY_CACHE_LIMIT = 50_000;

/** The toneless pinyin of a run of Han characters, read in context ("银行" → "yin hang"), syllables joined by a space. */
export function pinyinKey(han: string): string {
  let key = keyCache.get(han);
  if (key === undefined) {
    key = pinyin(han, { toneType: 'none', type: 'array' }).join(' ');
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keyCache.set(han, key);
  }
  return key;
}

import type { Localized } from '../../locales/catalog.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A whole number from 1 to 999 in Chinese numerals, as Chinese law numbers its articles (42 → 四十二, 110 → 一百一十).
 * @example chineseNumber(42) // '四十二'
 */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds > 0 ? `${DIGITS[hundreds]}百` : '';
  if (tens > 0) out += `${tens === 1 && hundreds === 0 ? '' : DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) out += '零';
  if (ones > 0) out += DIGITS[ones];
  return out;
}

/**
 * Articles of the Legal Aid Law written one way in each language: 《法律援助法》第三十一条、第四十二条 /
 * Legal Aid Law arts. 31, 42.
 */
export function lalArticles(articles: readonly number[]): Localized {
  const sorted = [...new Set(articles)].sort((a, b) => a - b);
  return {
    'zh-CN': `《法律援助法》${sorted.map((a) => `第${chineseNumber(a)}条`).join('、')}`,
    en: `Legal Aid Law ${sorted.length === 1 ? 'art.' : 'arts.'} ${sorted.join(', ')}`,
  };
}

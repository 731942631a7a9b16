import type { Locale } from '../locales/catalog.js';

/** zh-CN when the text has any Chinese character; English when it is Latin letters only; zh-CN otherwise. */
export function detectLocale(text: string): Locale {
  if (/\p{Script=Han}/u.test(text)) return 'zh-CN';
  if (/[A-Za-z]{2,}/.test(text)) return 'en';
  return 'zh-CN';
}

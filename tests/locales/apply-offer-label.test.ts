import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/locales/catalog.js';
import { MESSAGES } from '../../src/locales/messages.js';
import { translate } from '../../src/locales/render.js';

/**
 * The button under an answer that offers to apply names the category. Category names carry their own
 * brackets ("劳动报酬（欠薪）", "Criminal defence (suspect or defendant)"): wrapped in another pair the button read
 * "申请法律援助（劳动报酬（欠薪））" and "Apply for legal aid (Criminal defence (suspect or defendant))".
 */
function deepestBrackets(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === '（' || ch === '(') deepest = Math.max(deepest, ++depth);
    if (ch === '）' || ch === ')') depth--;
  }
  return deepest;
}

const categories = Object.keys(MESSAGES).filter((key) => key.startsWith('category.') && key.split('.').length === 2);

describe('the offer to apply under an answer', () => {
  it.each(['zh-CN', 'en'] as Locale[])('names every category without brackets inside brackets (%s)', (locale) => {
    expect(categories.length).toBeGreaterThan(20);
    for (const key of categories) {
      const label = translate('conv.story.apply', locale, { category: { key } });
      expect(deepestBrackets(label), label).toBeLessThanOrEqual(1);
    }
  });
});

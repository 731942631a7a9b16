import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(token: string): string };

/**
 * Features of a short message for intent classification. Unlike the FAQ search, function words are
 * kept ("你好", "thanks" and "what" are exactly what intents are made of): Han characters and
 * character pairs with start/end marks, English stems and word pairs, and `<num>` for any number.
 */
export function intentFeatures(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase().replace(/['’]/g, '').replace(/\d+(?:\.\d+)?/g, ' 0 ');
  const features: string[] = [];
  for (const run of normalized.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = [...run];
    chars.forEach((ch, i) => {
      features.push(ch);
      if (i + 1 < chars.length) features.push(ch + chars[i + 1]!);
    });
    features.push(`^${chars[0]!}`, `${chars[chars.length - 1]!}$`);
  }
  const words = (normalized.replace(/\p{Script=Han}+/gu, ' ').match(/[a-z0]+/g) ?? []).map((w) => (w === '0' ? '<num>' : porterStemmer.stem(w)));
  words.forEach((w, i) => {
    features.push(w);
    if (i + 1 < words.length) features.push(`${w}_${words[i + 1]!}`);
  });
  if (words.length > 0) features.push(`^${words[0]!}`);
  if (/\d/.test(text) && !features.includes('<num>')) features.push('<num>');
  return [...new Set(features)];
}

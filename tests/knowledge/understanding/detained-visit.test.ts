import { describe, expect, it } from 'vitest';
import { asksToSeeDetained } from '../../../src/knowledge/understanding/detained-visit.js';

/** Session 16 (the lead): a family wanting to see a relative the police hold; the knowledge base has no entry for it. */
describe('asksToSeeDetained', () => {
  it.each([
    '家属能去看守所探视吗',
    '我儿子被派出所抓了 我想去看看他 怎么才能见到他',
    '我老公被关在拘留所 可以去见他吗',
    '怎么给看守所里的人送衣服',
    'how can i visit my husband in detention',
    'cops took my wife away last night, can i go see her',
    'can i bring clothes to my son in the police station',
  ])('asks: %s', (text) => expect(asksToSeeDetained(text)).toBe(true));

  it.each([
    '律师能去看守所会见我儿子吗',
    '我儿子被抓了 请不起律师',
    '我想见我的律师',
    'my son was arrested, can we get a lawyer',
    '老板欠我工资 我想见他一面',
  ])('does not ask: %s', (text) => expect(asksToSeeDetained(text)).toBe(false));
});

import { describe, expect, it } from 'vitest';
import { namesPlaceElsewhere, regionByOwnWord, regionNamedIn } from '../../../src/flows/intake/region-words.js';

const DEMO = [
  { id: 'demo-city', name: { 'zh-CN': '示例市本级', en: 'Demo City' } },
  { id: 'demo-county', name: { 'zh-CN': '示例县', en: 'Demo County' } },
];

describe('a region named by the word only it has ("the city" for Demo City)', () => {
  it.each([
    ['the city', 'demo-city'],
    ['city', 'demo-city'],
    ['in the city', 'demo-city'],
    ['the County', 'demo-county'],
    ['county.', 'demo-county'],
    ['its in the county', 'demo-county'],
    ['the county one', 'demo-county'],
    ['city one pls', 'demo-city'],
    ['市里', 'demo-city'],
    ['在市里', 'demo-city'],
    ['县里', 'demo-county'],
    ['在县城', 'demo-county'],
    ['我们县', 'demo-county'],
    // with a hedge (session 12)
    ['the county one i think', 'demo-county'],
    ['probably the city', 'demo-city'],
    ['县里的吧', 'demo-county'],
    // misspelt, as typed on a phone
    ['demo contry', 'demo-county'],
    ['demo country', 'demo-county'],
    ['demo citty', 'demo-city'],
    ['Demo Coutny', 'demo-county'],
  ])('%s → %s', (typed, id) => expect(regionByOwnWord(typed, DEMO)).toBe(id));

  it.each([
    'demo', // both have it
    'demo cat', // 'cat' is no misspelling of a name word (too short to correct)
    'city or county i am not sure',
    'the city where my boss lives but i work in the county',
    'my landlord in the city kept my deposit and will not give it back to me',
    '城市',
    '不知道',
  ])('names no one region: %s', (typed) => expect(regionByOwnWord(typed, DEMO)).toBeNull());

  it('a word two regions share names neither', () => {
    const two = [
      { id: 'a', name: { 'zh-CN': '甲区', en: 'North District' } },
      { id: 'b', name: { 'zh-CN': '乙区', en: 'South District' } },
    ];
    expect(regionByOwnWord('the district', two)).toBeNull();
    expect(regionByOwnWord('区里', two)).toBeNull();
    expect(regionByOwnWord('north', two)).toBe('a');
  });
});

describe('a region named in a longer text (offered first at the region question)', () => {
  it.each([
    ['我今年七十三了，住在示例县农村，儿子不给我养老钱', 'demo-county'],
    ['我在示例市一个工地干活，包工头跑了', 'demo-city'],
    ['I live in Demo County and my boss owes me', 'demo-county'],
    ['老家河南的，在这边打工十几年了', null],
    ['示例市还是示例县我也不清楚', null],
  ])('%s → %s', (text, id) => {
    expect(regionNamedIn(text, DEMO)).toBe(id);
  });
});

describe('a place outside the pack, named at the region question', () => {
  it.each([
    ['北京', true],
    ['在广东东莞打工', true],
    ['我在深圳', true],
    ['shenzhen', true],
    ['in beijing', true],
    // Not a place, or a story that mentions one in passing.
    ['县里', false],
    ['不知道', false],
    ['我老公去年去深圳打工以后就再也没有给家里寄过钱，孩子的学费都交不起了', false],
  ])('%s → %s', (text, elsewhere) => {
    expect(namesPlaceElsewhere(text)).toBe(elsewhere);
  });
});

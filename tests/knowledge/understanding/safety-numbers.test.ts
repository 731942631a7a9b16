import { describe, expect, it } from 'vitest';
import { asksSafetyNumbers, cannotCallSafely } from '../../../src/knowledge/understanding/safety-numbers.js';

// A resident asking which number to call for help now gets the emergency numbers, not the legal hotline's entry.
const ASKS: [string, boolean][] = [
  ['报警电话是多少', false],
  ['报警打什么电话', false],
  ['警察电话多少啊', false],
  ['急救电话是几号', false],
  ['叫救护车打哪个电话', false],
  ['妇联的热线电话是多少', false],
  ['心理援助热线号码', false],
  ['紧急求助电话', false],
  ['120是急救电话吗', false],
  ["what's the police number", false],
  ['number for an ambulance?', false],
  ['emergency number', false],
  ['womens hotline number pls', false],
  ['is there a suicide hotline i can call', false],
  // Right after a danger warning, a plain "which number" means the same.
  ['打哪个电话', true],
  ['电话多少', true],
  ['我该打给谁', true],
  ['what number should i call', true],
  ['who do i call', true],
  // Session 11: "which number" with someone hurting or threatening the resident needs no warning first.
  ['what number do i call if someone is hurting me', false],
  ['who do i call if my husband hits me again', false],
  ['有人打我打什么电话', false],
  ['被人威胁了该打哪个电话', false],
];

const NOT: [string, boolean][] = [
  // The legal hotline and the centre's own number are the knowledge base's.
  ['法律援助电话是多少', false],
  ['法律援助打哪个电话', true],
  ['12348是干什么的', false],
  ['what is the legal aid phone number', false],
  ['what number do i call for legal aid', true],
  // Without a danger warning first, a plain "which number" is a question for the knowledge base.
  ['打哪个电话', false],
  ['what number should i call', false],
  // Harm that is over, asked about for a claim, is the knowledge base's.
  ['被打伤了找谁赔', false],
  // Not asking for a number.
  ['我已经报警了，警察不管', false],
  ['警察不立案怎么办', false],
  ['i called the police but they did nothing', false],
  ['救护车费用谁出', false],
  ['我想问下律师电话', true],
  // A sum of money is not the ambulance's number.
  ['老板扣了我120块，打哪个电话投诉', false],
  // Making a call is not asking which number (session 18: "打电话" read as "打什么电话").
  ['他听见我打电话会更生气', true],
  ['我一会儿给我妈打电话', true],
  ['打电话没人接', true],
];

// Right after a warning: cannot call without being heard.
const CANNOT_CALL = ['他听见我打电话会更生气', '我不敢出声', '不方便打电话', '他会听见的', '我不敢报警 他就在门外', 'i cant call, he will hear me', "i can't talk he is right outside", 'he will hear me', 'too scared to call'];
const CAN_CALL = ['我一会儿给我妈打电话', '打哪个电话', '我已经报警了', 'i called my sister', 'what number do i call', '他不接我电话'];

describe('cannotCallSafely', () => {
  it.each(CANNOT_CALL)('%s: cannot call safely', (text) => expect(cannotCallSafely(text)).toBe(true));
  it.each(CAN_CALL)('%s: says nothing of that', (text) => expect(cannotCallSafely(text)).toBe(false));
});

describe('asksSafetyNumbers', () => {
  it.each(ASKS)('%s (after danger: %s) asks for an emergency number', (text, afterDanger) => {
    expect(asksSafetyNumbers(text, afterDanger)).toBe(true);
  });
  it.each(NOT)('%s (after danger: %s) does not', (text, afterDanger) => {
    expect(asksSafetyNumbers(text, afterDanger)).toBe(false);
  });
});

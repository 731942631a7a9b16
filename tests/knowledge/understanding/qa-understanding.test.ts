import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { classifyIntent } from '../../../src/knowledge/intents/intent-classifier.js';
import { understand, meaningLabel } from '../../../src/knowledge/understanding/understand.js';
import { detectDanger } from '../../../src/knowledge/understanding/danger.js';
import type { KbJudge, Where } from '../../../src/knowledge/understanding/types.js';
import { detectLocale } from '../../../src/flows/detect-locale.js';

/** Phrasings from the QA pass (DEFECTS.md Q-C1, Q-C3, …) read by the real understanding step and knowledge base. */
const KNOWLEDGE = path.resolve(import.meta.dirname, '../../../knowledge');
const kb = KnowledgeBase.fromFiles(path.join(KNOWLEDGE, 'faq'), { synonymsFile: path.join(KNOWLEDGE, 'synonyms.yaml') }).kb;
const judge: KbJudge = (text, locale) => {
  const m = kb.match(text, locale);
  return { band: m.band, topic: m.topic, candidates: m.candidates, score: m.score, ...(m.lowConfidence ? { lowConfidence: true } : {}) };
};
const label = (text: string, where: Where = { kind: 'menu' }) =>
  meaningLabel(understand({ text, locale: detectLocale(text), where }, { judge, classify: classifyIntent }));

describe('a child hurt, abused or shut in now is child danger (Q-C1)', () => {
  it.each(['孩子被他爸打得浑身是伤', '孩子被打', '儿子被虐待', '小孩被关起来', '我女儿天天被她后妈打'])('%s', (text) => {
    expect(label(text)).toBe('danger:child');
    expect(label(text, { kind: 'before_consent' })).toBe('danger:child');
  });

  it.each([
    '家暴怎么取证',
    '杀人犯可以申请法律援助吗',
    '我儿子打架把人打伤了，派出所叫我们赔钱',
    '我儿子16岁被派出所抓了，怎么办',
    '儿子被关在看守所，能请律师吗',
    '孩子被同学打伤了，对方不肯赔医药费',
    '孩子被学校开除了',
  ])('stays quiet: %s', (text) => {
    expect(detectDanger(text)).toBeNull();
  });
});

describe('looking for a person is a request for a person (Q-C3)', () => {
  it.each(['喂有人吗', '喂，有人吗？', '有人吗', '有没有人工', '有人工吗', '可以转人工吗', '我要找真人 律师', '我要跟律师说话', '我想和律师直接聊聊', '找个律师跟我说话', 'real human please', 'a real person please', 'i want to talk to a lawyer', 'I need to speak to a lawyer now'])('%s', (text) => {
    expect(label(text)).toBe('steer:person');
  });
  it.each(['找律师要钱吗', '律师跟我说话很凶怎么办', 'can i talk to a lawyer for free', '我跟律师说了他不理我'])('asking about lawyers stays a question or story: %s', (text) => {
    expect(label(text)).not.toBe('steer:person');
  });
  it.each([['喂', 'steer:greeting'], ['喂你好', 'steer:greeting']])('a greeting stays a greeting: %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('a family member who hurt someone is not domestic violence', () => {
  it.each([
    ['我儿子打架把人打伤了，派出所叫我们赔钱', 'story:criminal_defense'],
    ['我儿子打工的工资被老板拖欠了半年', 'story:wages'],
    ['我老公喝了酒就打我，已经好几年了', 'story:domestic_violence'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('asking after one\'s own application is the status of one\'s cases, not the FAQ', () => {
  it.each(['我的申请到哪一步了', '申请到哪一步了？', '我刚才的申请怎么样了', '我的案子有结果了吗'])('%s', (text) => {
    expect(label(text)).toBe('steer:status');
  });
  it('"how do I check my progress" in general is still the FAQ\'s', () => {
    expect(label('怎么查询申请进度')).not.toBe('steer:status');
  });
});

// Session 6: a question asked mid-sentence after a story ("…, can we go see him") was read as a story alone and
// started an application instead of answering it (kb ask answered it: the chat and kb ask disagreed).
describe('an English question after a story, mid-sentence, is still a question', () => {
  it.each([
    'cops picked up my brother, can we go see him or at least bring him some clothes',
    'my husband got taken by police last night, could we send him some money',
    'the school expelled my son for fighting, is that even allowed',
  ])('%s', (text) => {
    const m = understand({ text, locale: 'en', where: { kind: 'menu' } }, { judge, classify: classifyIntent });
    expect(m.kind === 'question' || (m.kind === 'story' && m.asks)).toBe(true);
  });
});

describe('violence happening now to someone close, in English too (session 11)', () => {
  it.each([
    ['he is beating my mom right now', 'danger:domestic_violence'],
    ['my dad is hitting my mother right now', 'danger:domestic_violence'],
    ['someone is beating my brother outside', 'danger:violence'],
    ['they are attacking my neighbour right now', 'danger:violence'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  it.each(['my dad used to hit my mom when i was a kid, can i still sue him', 'is beating my wife once a crime'])('stays quiet: %s', (text) => {
    expect(detectDanger(text)).toBeNull();
  });
});

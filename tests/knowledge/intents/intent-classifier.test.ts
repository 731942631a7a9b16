import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyIntent, IntentClassifier, INTENT_IDS } from '../../../src/knowledge/intents/intent-classifier.js';
import { readIntentExamples } from '../../../src/knowledge/intents/intent-examples.js';
import { intentFeatures } from '../../../src/knowledge/intents/intent-features.js';
import { tempDir } from '../../helpers/temp-dir.js';

const INTENTS_DIR = path.resolve(import.meta.dirname, '../../../knowledge/intents');

/** Messages written for this test, not taken from the training files. */
const HELD_OUT: [string, string][] = [
  ['我想办个法律援助，帮我看看够不够条件', 'apply'],
  ['能帮我申请一下吗', 'apply'],
  ['I would like to get legal aid', 'apply'],
  ['could you check whether I qualify', 'apply'],
  ['有个事想请教一下', 'question'],
  ['公司不给我发工资怎么办', 'question'],
  ['what should I do if my landlord keeps my deposit', 'question'],
  ['I got a question for you', 'question'],
  ['我那个申请现在怎么样了', 'status'],
  ['帮我查一下案子进度', 'status'],
  ['any news about my application?', 'status'],
  ['我要人工服务', 'human'],
  ['能找个真人聊聊吗', 'human'],
  ['I need to talk to a real person', 'human'],
  ['重新开始吧', 'restart'],
  ['从头再来一遍', 'restart'],
  ['can we start over', 'restart'],
  ['取消吧', 'cancel'],
  ['我不想弄了', 'cancel'],
  ['cancel that', 'cancel'],
  ['请说中文', 'language'],
  ['English please!', 'language'],
  ['能换成英文吗', 'language'],
  ['你好啊', 'greeting'],
  ['hello!', 'greeting'],
  ['早上好呀', 'greeting'],
  ['谢谢啦', 'thanks'],
  ['thank you so much', 'thanks'],
  ['好的，感谢', 'thanks'],
];

/** Ordinary answers to the bot's questions: no intent. */
const ANSWERS = ['35', '是的', '不是', '42岁', 'yes', 'no', 'about 3000 yuan a month', '我住在示例县', '广州', '两个孩子', 'my wife', '2000'];

const classifier = IntentClassifier.fromDirectory(INTENTS_DIR);

describe('IntentClassifier', () => {
  it('is trained on every intent in both languages', () => {
    const examples = readIntentExamples(INTENTS_DIR);
    for (const intent of INTENT_IDS) {
      for (const locale of ['zh-CN', 'en'] as const) {
        expect(examples.filter((e) => e.label === intent && e.locale === locale).length).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it.each([
    ['我要人工服务', 'human'],
    ['I need to talk to a real person', 'human'],
    ['取消吧', 'cancel'],
    ['cancel that', 'cancel'],
    ['重新开始吧', 'restart'],
    ['English please!', 'language'],
    ['请说中文', 'language'],
    ['帮我查一下案子进度', 'status'],
  ])('reads the command "%s" as %s', (text, intent) => {
    expect(classifier.classify(text)?.intent).toBe(intent);
  });

  it('gets at least 90% of messages it was not trained on right', () => {
    const wrong = HELD_OUT.filter(([text, intent]) => classifier.classify(text)?.intent !== intent);
    expect(wrong.length / HELD_OUT.length, `missed: ${wrong.map(([t]) => t).join(' | ')}`).toBeLessThanOrEqual(0.1);
  });

  it.each(ANSWERS)('finds no intent in the ordinary answer "%s"', (text) => {
    expect(classifier.classify(text)).toBeNull();
  });

  it('finds no intent in text it has no features for', () => {
    expect(classifier.classify('🙂')).toBeNull();
    expect(classifier.classify('')).toBeNull();
  });

  it('is certain about a message typed exactly like a training example', () => {
    expect(classifier.classify('转人工')).toEqual({ intent: 'human', confidence: 1 });
  });

  it('is available as classifyIntent, trained from the project files', () => {
    expect(classifyIntent('I want to talk to a person')?.intent).toBe('human');
  });

  it('explains a training file with an unknown intent', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'x.yaml'), 'intent: dance\nexamples:\n  zh-CN: [跳舞]\n  en: [dance]\n');
    expect(() => readIntentExamples(dir)).toThrow(/x\.yaml.*intent/);
  });
});

describe('intentFeatures', () => {
  it('keeps the function words intents are made of', () => {
    expect(intentFeatures('你好')).toEqual(expect.arrayContaining(['你', '好', '你好', '^你', '好$']));
    expect(intentFeatures('Thanks a lot')).toEqual(expect.arrayContaining(['thank', 'a', 'lot', 'thank_a']));
  });

  it('turns any number into one feature', () => {
    expect(intentFeatures('35')).toEqual(['<num>', '^<num>']);
    expect(intentFeatures('42')).toEqual(intentFeatures('35'));
  });
});

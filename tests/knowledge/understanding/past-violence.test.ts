import { describe, expect, it } from 'vitest';
import { abuseAtHomeTold } from '../../../src/knowledge/understanding/abuse-told.js';
import { detectDanger } from '../../../src/knowledge/understanding/danger.js';

// Issue 12: danger is danger *now* — violence happening or threatened, fear of it now. Violence told of last week,
// last month or before gets the domestic-violence line (12338, a protection order, 110 if he threatens her now)
// without the alarm (session 17).
describe('violence told as past is not an emergency, and gets the domestic-violence line', () => {
  it.each([
    '他上周打了我',
    '以前被他打过',
    '上周他把我打伤了',
    '上个月被他打得头破血流，现在想离婚',
    '去年他把我打得住院了',
    '我老公上周打了我一顿',
    '他打了我好几次 我想离婚',
    '前几天他掐我脖子，我现在住在我妈家',
    'he hit me last week',
    'he choked me last week and i want a divorce',
    'he beat me up last month and i was in hospital',
    'my husband hit me last week',
    '我老公上周喝多了把我打了 现在脸还肿着 孩子也吓坏了 我想离婚 但是我没工作没钱 能不能找你们帮忙',
  ])('%s', (text) => {
    expect(detectDanger(text)).toBeNull();
    expect(abuseAtHomeTold(text)).toBe('self');
  });
});

describe('threats, fear now and violence happening now stay danger', () => {
  it.each([
    '他说要杀了我',
    '他上周说要杀了我',
    // A history, then a fresh injury (found by the lead reviewing the rule): last night's is not "past".
    '他以前就打过我，昨晚又把我打得头破血流',
    '他经常打我，以前也报过警，昨天晚上又把我打得站不起来',
    '之前他也打过我 今天早上又掐我脖子',
    'he used to hit me, last night he beat me so bad my face is covered in blood',
    'my husband beat me last night, i am bleeding',
    '以前他打过我，现在他又说要弄死我',
    '我现在很害怕他回来',
    '我好怕他又找过来',
    '他刚打了我',
    '他正在打我',
    '他现在在门口砸门',
    "he said he'll kill me",
    'he threatened to kill me last month',
    "i'm so scared he will come back tonight",
    "I'm scared he will come back",
    'he is hitting me',
    'he choked me last night and he keeps texting he will find me',
  ])('%s', (text) => {
    expect(detectDanger(text)).not.toBeNull();
  });
});

describe('no false alarm, no line', () => {
  it.each([
    ['我怕老板跑了不回来 工资就要不到了', null],
    ['我怕他不回来了', null],
    ["i'm afraid he won't come back to pay me", null],
    ['被老公打了能离婚吗', null],
    ['家暴怎么取证', null],
    ['他从来不打我，就是不给钱', null],
    ['我朋友以前被她老公打过', null],
    ['我朋友以前被老公打过', null],
    ['他上周打我电话说要辞退我', null],
  ] as const)('%s', (text, abuse) => {
    expect(detectDanger(text)).toBeNull();
    expect(abuseAtHomeTold(text)).toBe(abuse);
  });
});

import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../../src/knowledge/understanding/question-words.js';

describe('question words', () => {
  it.each(['过几天就要仲裁了', '这几天他一直打电话', '老板拖了好几个月工资了', '家里没多少钱', '他没什么财产', '没啥期限', '家里没啥收入', '我不怎么会用手机'])(
    'a question word inside an ordinary statement asks nothing: %s',
    (text) => expect(looksLikeQuestion(text)).toBe(false),
  );

  it.each(['还有几天开庭', '要几个人签字', '请律师要多少钱', '要带什么材料', '怎么申请', '到底要几天'])('asks: %s', (text) =>
    expect(looksLikeQuestion(text)).toBe(true),
  );
});

describe('a question word in "nothing / no one" is no question (session 16)', () => {
  it.each(['没有 啥收入都没有 就种点地', '什么都没有', '谁都不管我', '俺啥都不懂'])('%s is a statement', (text) => expect(looksLikeQuestion(text)).toBe(false));
  it.each(['有啥材料', '啥都不懂怎么办', '什么都没有 能申请吗', '啥都没有？'])('%s is still a question', (text) => expect(looksLikeQuestion(text)).toBe(true));
});

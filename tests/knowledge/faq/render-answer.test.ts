import { describe, expect, it } from 'vitest';
import { fillPolicyValues, renderAnswer } from '../../../src/knowledge/faq/render-answer.js';
import { DEMO_POLICY_VALUES } from '../../../src/knowledge/faq/policy-values.js';
import { entry } from './fixtures.js';

describe('renderAnswer', () => {
  const cost = entry('cost', {
    answer: { 'zh-CN': '材料齐全的，{decisionDays}日内作出决定。', en: 'You get a decision within {decisionDays} days.' },
    nextSteps: { 'zh-CN': ['准备身份证。', '标准是{thresholdSummary}。'], en: ['Bring your ID.', 'The standard is {thresholdSummary}.'] },
  });

  it('puts the answer first, then numbered next steps, the basis and when to call', () => {
    const text = renderAnswer(cost, 'zh-CN', DEMO_POLICY_VALUES);
    expect(text.split('\n\n')).toEqual([
      '材料齐全的，7日内作出决定。',
      `下一步：\n1. 准备身份证。\n2. 标准是${(DEMO_POLICY_VALUES.thresholdSummary as { 'zh-CN': string })['zh-CN']}。`,
      '法律依据：《法律援助法》第二条',
      '拨打12348。',
    ]);
  });

  it('reads local numbers from the policy values it is given', () => {
    const text = renderAnswer(cost, 'en', { ...DEMO_POLICY_VALUES, hotline: '0571-12348', decisionDays: 5 });
    expect(text).toContain('within 5 days');
    expect(text).toContain('Call 0571-12348.');
  });

  it('leaves a placeholder without a value visible', () => {
    expect(fillPolicyValues('Call {hotline}.', 'en', {})).toBe('Call {hotline}.');
  });
});

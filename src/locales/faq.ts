import type { Catalog } from './catalog.js';

/** Texts of the FAQ: answer headings, "did you mean", and what the bot says when it does not know. */
export const faqMessages = {
  'faq.heading.nextSteps': { 'zh-CN': '下一步：', en: 'What to do next:' },
  'faq.heading.basis': { 'zh-CN': '法律依据：', en: 'Legal basis: ' },
  'faq.related': { 'zh-CN': '您可能还想了解：', en: 'You may also want to know:' },
  'faq.didYouMean': {
    'zh-CN': '我不太确定您问的是哪一个，是下面这些问题吗？',
    en: 'I am not quite sure what you are asking. Did you mean one of these?',
  },
  'faq.noneOfThese': { 'zh-CN': '都不是', en: 'None of these' },
  'faq.unknown': {
    'zh-CN': '抱歉，这个问题我还回答不了，我已经把它记下来，请工作人员补充。您可以：',
    en: 'Sorry, I cannot answer that yet. I have noted the question for our staff. You can:',
  },
  'faq.unknown.callHotline': {
    'zh-CN': '拨打{hotline}，免费咨询法律问题',
    en: 'Call {hotline} for free legal advice',
  },
  'faq.choice.human': { 'zh-CN': '转人工客服', en: 'Talk to a person' },
  'faq.choice.apply': { 'zh-CN': '申请法律援助', en: 'Apply for legal aid' },
  'faq.choice.status': { 'zh-CN': '查询我的申请进度', en: 'Check my application' },
  'faq.choice.status_of': { 'zh-CN': '查看申请进度（{ref}）', en: 'Check progress of {ref}' },
  'faq.choice.apply_another': { 'zh-CN': '另一件事申请法律援助', en: 'Apply for another matter' },
  'faq.choice.rephrase': { 'zh-CN': '换个说法再问', en: 'Ask in other words' },
  'faq.askAnother': {
    'zh-CN': '还有别的问题吗？直接输入就可以。',
    en: 'Anything else? Just type your question.',
  },
  'faq.empty': {
    'zh-CN': '请直接输入您想问的问题，比如“老板欠我工资怎么办”。',
    en: 'Type your question, for example "My boss has not paid me".',
  },
} as const satisfies Catalog;

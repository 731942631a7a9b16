import type { Catalog } from './catalog.js';

/** Confirmations the conversation asks before a typed phrase undoes the resident's work, and kind words before a question is asked again. */
export const conversationConfirmMessages = {
  'conv.cancel.confirm': {
    'zh-CN': '要取消这次申请吗？取消后，您已填写的内容不会提交。',
    en: 'Cancel this application? Nothing you have entered will be sent.',
  },
  'conv.cancel.yes': { 'zh-CN': '是，取消申请', en: 'Yes, cancel it' },
  'conv.cancel.keep': { 'zh-CN': '不，继续填写', en: 'No, carry on' },
  'conv.intake.greeting': {
    'zh-CN': '您好！我们正在填写申请，请接着回答这个问题：',
    en: 'Hello! We are in the middle of your application. Please answer this question:',
  },
  'conv.intake.already_applying': {
    'zh-CN': '您的申请已经在填写中了，请接着回答这个问题：',
    en: 'Your application is already under way. Please answer this question:',
  },
} as const satisfies Catalog;

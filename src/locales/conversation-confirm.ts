import type { Catalog } from './catalog.js';

/** Confirmations the conversation asks before a typed phrase undoes the resident's work. */
export const conversationConfirmMessages = {
  'conv.cancel.confirm': {
    'zh-CN': '要取消这次申请吗？取消后，您已填写的内容不会提交。',
    en: 'Cancel this application? Nothing you have entered will be sent.',
  },
  'conv.cancel.yes': { 'zh-CN': '是，取消申请', en: 'Yes, cancel it' },
  'conv.cancel.keep': { 'zh-CN': '不，继续填写', en: 'No, carry on' },
} as const satisfies Catalog;

import type { Catalog } from './catalog.js';

/** Texts of consent, erasure and the limits that protect residents' data (issue 9). */
export const privacyMessages = {
  'privacy.erase.confirm': {
    'zh-CN':
      '确定删除您在这里的全部记录吗？对话、您发送的文件和尚未提交的申请都会被删除，无法恢复。已经提交给法律援助中心的申请是中心的办案记录，会按规定保存；尚未作出决定的申请，您可以在删除后发送“查询进度”撤回。',
    en: 'Delete everything you have here? The conversation, the files you sent and any application not yet submitted will be deleted for good. An application already submitted is the legal aid centre\'s case record and is kept as its rules require; one not yet decided can be withdrawn afterwards from "Check my case".',
  },
  'privacy.erase.yes': { 'zh-CN': '确认删除', en: 'Yes, delete' },
  'privacy.erase.no': { 'zh-CN': '不删除', en: 'No, keep them' },
  'privacy.file.not_now': {
    'zh-CN': '现在还不需要发送文件，这个文件没有保存。等到申请中请您提交材料时再发送。',
    en: 'No file is needed right now, so this one was not kept. Please send files when the application asks for documents.',
  },
  'privacy.limit.messages': {
    'zh-CN': '您发送得太快了，请稍等一分钟再发。如有危险，请立即拨打 110。',
    en: 'You are sending messages very fast. Please wait a minute and try again. If you are in danger, call 110 now.',
  },
} as const satisfies Catalog;

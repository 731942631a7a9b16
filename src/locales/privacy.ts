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
  'privacy.sensitive.ask': {
    'zh-CN':
      '开始申请前请您确认：为了判断您能否获得法律援助，接下来会问到一些敏感个人信息，例如年龄（是否未成年）、残疾或健康状况、家庭收入，涉及家庭暴力时还会问到相关情况。这些信息只交给法律援助中心，用于审查和办理您的申请，不作他用。按照《个人信息保护法》第二十九条，需要您单独同意。您同意提供吗？',
    en: 'Before you apply: to decide whether you can get legal aid, the next questions ask for sensitive personal information, such as age (whether someone is a minor), disability or health, household income and, where it applies, what violence happened. It goes only to the legal aid centre, to review and handle your application, and is used for nothing else. The Personal Information Protection Law (art. 29) requires your separate agreement. Do you agree to give it?',
  },
  'privacy.sensitive.remind': {
    'zh-CN': '请先回答上面的问题：您同意提供这些信息吗？同意请点“同意，继续申请”；不同意也没关系，您仍然可以咨询问题。',
    en: 'Please answer the question above first: do you agree to give this information? Press "I agree, continue". If not, that is fine: you can still ask questions.',
  },
  /** A problem typed at the agreement: it is kept for the application (conversation-machine.ts, keepStoryAtAgreement). */
  'privacy.sensitive.remind_story': {
    'zh-CN': '明白了，您说的情况我先记着。请先点“同意，继续申请”：同意后我就接着您刚才说的情况往下问，不用再说一遍；不同意也没关系，您仍然可以咨询问题。',
    en: 'Thank you, I have noted what you said. First press "I agree, continue": then I will carry on from what you told me, so you do not need to say it again. If you do not agree, that is fine: you can still ask questions.',
  },
  'privacy.sensitive.agree': { 'zh-CN': '同意，继续申请', en: 'I agree, continue' },
  'privacy.sensitive.decline': { 'zh-CN': '不同意', en: 'I do not agree' },
  'privacy.sensitive.declined': {
    'zh-CN': '好的，不提供也没关系，我们不会问这些问题。您仍然可以咨询问题，或拨打 {hotline} 了解其他申请方式。',
    en: 'That is fine: we will not ask these questions. You can still ask questions here, or call {hotline} about other ways to apply.',
  },
  'privacy.withdraw.choice': { 'zh-CN': '撤回申请 {ref}', en: 'Withdraw application {ref}' },
  'privacy.withdraw.confirm': {
    'zh-CN': '确定撤回申请 {ref} 吗？撤回后法律援助中心将不再审查这份申请，以后需要时可以重新申请。',
    en: 'Withdraw application {ref}? The legal aid centre will stop reviewing it; you can apply again later if you need to.',
  },
  'privacy.withdraw.yes': { 'zh-CN': '确认撤回', en: 'Yes, withdraw it' },
  'privacy.withdraw.not_allowed': {
    'zh-CN': '这份申请已经作出决定或不在这个对话里，无法在这里撤回。请拨打 {hotline} 联系法律援助中心。',
    en: 'This application has already been decided or is not in this conversation, so it cannot be withdrawn here. Please call {hotline}.',
  },
  'privacy.withdraw.kept': {
    'zh-CN': '撤回的申请仍是法律援助中心的办案记录，按规定保存 {years} 年后删除；工作人员可以看到您已撤回。',
    en: 'A withdrawn application stays in the legal aid centre\'s case records for {years} years, then it is deleted; staff can see that you withdrew it.',
  },
  'privacy.limit.messages': {
    'zh-CN': '您发送得太快了，请稍等一分钟再发。如有危险，请立即拨打 110。',
    en: 'You are sending messages very fast. Please wait a minute and try again. If you are in danger, call 110 now.',
  },
} as const satisfies Catalog;

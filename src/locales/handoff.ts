import type { Catalog } from './catalog.js';

/** Texts of talking to a person, call-backs and ratings, as the resident sees them. */
export const handoffMessages = {
  'handoff.requested': {
    'zh-CN': '好的，正在为您转接工作人员，一般 {minutes} 分钟内会有人接入。接入前您可以继续使用本助手；接入后，您发的消息会直接转给工作人员。',
    en: 'OK, I am finding a member of staff; someone usually joins within {minutes} minutes. Until then you can keep using this assistant; once they join, your messages go straight to them.',
  },
  'handoff.already_waiting': {
    'zh-CN': '您已经在排队等候工作人员了，一般 {minutes} 分钟内会有人接入，有人接入时会在这里告诉您，不用再点“转人工”。',
    en: 'You are already in the queue for a member of staff; someone usually joins within {minutes} minutes. I will tell you here when someone joins, no need to ask again.',
  },
  'handoff.already_live': { 'zh-CN': '您正在与工作人员对话。', en: 'You are talking to a member of staff.' },
  'handoff.unavailable': {
    'zh-CN': '抱歉，目前在线人工服务暂不可用。请拨打公共法律服务热线 {hotline}，或在工作时间到法律援助中心咨询。',
    en: 'Sorry, live staff chat is not available right now. Please call the public legal service hotline {hotline}, or visit the legal aid centre during opening hours.',
  },
  'handoff.joined': { 'zh-CN': '工作人员{name}已接入，您可以直接和他/她对话。', en: '{name} from the legal aid centre has joined. You can talk to them directly now.' },
  'handoff.joined.unnamed': { 'zh-CN': '工作人员已接入，您可以直接和他/她对话。', en: 'A member of staff from the legal aid centre has joined. You can talk to them directly now.' },
  'handoff.staff_member': { 'zh-CN': '工作人员', en: 'staff member' },
  'handoff.staff_says': { 'zh-CN': '【{name}】{text}', en: '[{name}] {text}' },
  /** Under a file staff send: who sent it, as their texts say it. */
  'handoff.staff_file': { 'zh-CN': '【{name}】', en: '[{name}]' },
  'handoff.released': {
    'zh-CN': '工作人员已结束本次对话。接下来由助手继续为您服务。',
    en: 'The member of staff has ended the conversation. The assistant is with you again.',
  },
  'handoff.timeout': {
    'zh-CN': '抱歉，{minutes} 分钟内暂时没有工作人员可以接入。您可以留下电话，我们安排回电；也可以拨打 {hotline}。',
    en: 'Sorry, no member of staff was free within {minutes} minutes. You can leave a phone number for a call-back, or call {hotline}.',
  },
  'handoff.callback': { 'zh-CN': '请工作人员回电', en: 'Ask for a call-back' },
  'handoff.callback.ask_phone': { 'zh-CN': '请输入回电号码，例如 13800138000。', en: 'Please type the number to call back, e.g. 13800138000.' },
  'handoff.callback.confirmed': { 'zh-CN': '好的，已登记回电，工作人员会尽快联系您。', en: 'Done: a member of staff will call you back as soon as possible.' },
  /** Nobody took a resident who said not to phone her: no call-back offered. */
  'handoff.timeout_no_calls': {
    'zh-CN': '抱歉，{minutes} 分钟内暂时没有工作人员可以接入。您说过不要给您打电话，工作人员不会给您打电话。您可以在办公时间（{hours}）再来这里点“转人工”，或者到{office}当面咨询（地址：{address}）；也可以随时回到这里点“查询进度”自己查看。',
    en: 'Sorry, no member of staff was free within {minutes} minutes. You said not to phone you, so staff will not call you. You can come back here during opening hours ({hours}) and press "Talk to a person", or visit {office} (at {address}); you can also come back at any time and press "Check my case".',
  },
  'handoff.rating.thanks': { 'zh-CN': '感谢您的评价（{score} 分）！', en: 'Thank you for your rating ({score}/5)!' },
  'handoff.rating.comment_prompt': {
    'zh-CN': '还有什么想告诉我们的吗？可以直接输入意见，也可以点“跳过”。',
    en: 'Anything else you would like to tell us? Type a comment, or press "Skip".',
  },
  'handoff.rating.skip': { 'zh-CN': '跳过', en: 'Skip' },
  'handoff.rating.comment_saved': { 'zh-CN': '已收到您的意见，谢谢！', en: 'Thank you, your comment has been saved.' },
  'handoff.rating.not_found': { 'zh-CN': '没有找到这个案件。如有疑问请拨打 {hotline}。', en: 'That case was not found. Questions: call {hotline}.' },
  'handoff.rating.not_closed': { 'zh-CN': '案件办结后才能评价，谢谢。', en: 'You can rate a case once it is closed. Thank you.' },
  'handoff.rating.invalid_rating': { 'zh-CN': '请点 1 到 5 分中的一个。', en: 'Please choose a score from 1 to 5.' },
} as const satisfies Catalog;

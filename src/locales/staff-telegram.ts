import type { Catalog } from './catalog.js';

/**
 * What staff read in the Telegram staff chat besides case cards (`staff.ts`): hand-off requests,
 * relayed resident messages, call-backs, follow-up questions and refusals. Chinese first with short
 * English glosses, as in `staff.ts`; `en` is English only.
 */
export const staffTelegramMessages = {
  'staffchat.resident': { 'zh-CN': '居民 #{tag}（{channel}）', en: 'Resident #{tag} ({channel})' },
  'staffchat.handoff.request': {
    'zh-CN': '🙋 {resident} 请求人工服务\n最近对话：\n{transcript}',
    en: '🙋 {resident} asks for a person\nRecent messages:\n{transcript}',
  },
  'staffchat.handoff.no_transcript': { 'zh-CN': '（无）', en: '(none)' },
  'staffchat.transcript.resident': { 'zh-CN': '👤 {text}', en: '👤 {text}' },
  'staffchat.transcript.bot': { 'zh-CN': '🤖 {text}', en: '🤖 {text}' },
  'staffchat.button.take': { 'zh-CN': '接入', en: 'Take' },
  'staffchat.button.release': { 'zh-CN': '结束，交还助手', en: 'Release to the assistant' },
  'staffchat.button.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'staffchat.handoff.taken': {
    'zh-CN': '✅ {name} 已接入 {resident}。\n回复该居民的任一消息即可对话，可发文字、图片或文件；结束时点“交还助手”，或回复 /release。',
    en: '✅ {name} took the conversation with {resident}.\nReply to any of their messages to talk (text, photos or files); press Release, or reply /release, when done.',
  },
  'staffchat.handoff.held_by': { 'zh-CN': '{resident} 已由 {name} 接入。', en: '{name} already holds the conversation with {resident}.' },
  'staffchat.handoff.you_hold': { 'zh-CN': '您已接入 {resident}', en: 'You already hold the conversation with {resident}.' },
  'staffchat.handoff.released': {
    'zh-CN': '↩ {name} 已结束与 {resident} 的对话，助手继续服务',
    en: '↩ {name} released {resident}; the assistant is back.',
  },
  'staffchat.handoff.not_live': { 'zh-CN': '{resident} 目前没有工作人员接入', en: 'Nobody holds the conversation with {resident}.' },
  'staffchat.handoff.timed_out': {
    'zh-CN': '⌛ {resident} 等待 {minutes} 分钟无人接入，已建议其登记回电或拨打 12348。仍可点“接入”。',
    en: '⌛ No one took {resident} within {minutes} min; they were offered a call-back or 12348. You can still press Take.',
  },
  'staffchat.handoff.left': {
    'zh-CN': '🚶 {resident} 不再等待，已取消转人工',
    en: '🚶 {resident} stopped waiting and left the queue.',
  },
  'staffchat.handoff.gone': {
    'zh-CN': '找不到该居民的对话（可能已被删除）',
    en: 'That conversation no longer exists (the resident may have deleted it).',
  },
  'staffchat.relay.message': { 'zh-CN': '💬 {resident}：{text}', en: '💬 {resident}: {text}' },
  'staffchat.relay.attachment': { 'zh-CN': '📎 {resident}：{fileName}', en: '📎 {resident}: {fileName}' },
  'staffchat.relay.file_refused': {
    'zh-CN': '文件未转给居民：类型或大小不允许（{reason}）',
    en: 'The file was not passed on: its {reason} is not allowed.',
  },
  'staffchat.relay.unsupported': {
    'zh-CN': '未转给居民：只能转发文字、图片和文件',
    en: 'Not passed on: only text, photos and files reach the resident.',
  },
  'staffchat.error': {
    'zh-CN': '⚠ 操作没有完成，请稍后再试',
    en: '⚠ That did not work; please try again.',
  },
  'staffchat.danger': { 'zh-CN': '🚨 {resident} 可能有危险（{danger}），已提示报警/急救电话，请优先处理。', en: '🚨 {resident} may be in danger ({danger}); they were given the emergency numbers. Please handle first.' },
  'staffchat.case_note': {
    'zh-CN': '✉️ 申请人就待补材料的申请 {ref} 留了言，请在工作台的案件页“内部备注”里查看。',
    en: '✉️ The applicant left a message on application {ref}, which awaits documents: see "Internal notes" on the case page in the console.',
  },
  'staffchat.withdrawn': {
    'zh-CN': '↩️ 申请人在对话中撤回了申请 {ref}，无需继续办理。案件记录按规定保存。',
    en: '↩️ The applicant withdrew application {ref} in the chat; no further work is needed. The record is kept as the rules require.',
  },
  'staffchat.callback': { 'zh-CN': '📞 {resident} 请求回电：{phone}', en: '📞 {resident} asks for a call-back: {phone}' },
  'staffchat.case.basis': { 'zh-CN': '依据：{basis}', en: 'Basis: {basis}' },
  'staffchat.case.attachment': { 'zh-CN': '📎 {ref}：{fileName}', en: '📎 {ref}: {fileName}' },
  'staffchat.refused': {
    'zh-CN': '⛔ 只有法律援助中心的工作人员可以操作。',
    en: '⛔ Only legal aid staff can do this.',
  },
  'staffchat.ask.for': { 'zh-CN': '{name}：{question}', en: '{name}: {question}' },
  'staffchat.ask.refer_hint': {
    'zh-CN': '请回复 {ref} 转交的去向，或点下面的按钮',
    en: 'Pick where {ref} goes, or reply to this message with another destination.',
  },
  'staffchat.refer.mediation': { 'zh-CN': '人民调解委员会（调解）', en: 'People’s mediation committee' },
  'staffchat.documents.none_selected': { 'zh-CN': '请至少选择一项材料', en: 'Pick at least one document.' },
  'staffchat.prompt.cancelled': { 'zh-CN': '已取消', en: 'Cancelled.' },
  'staffchat.prompt.expired': {
    'zh-CN': '该操作已失效，请在案件卡片上重新点按钮',
    en: 'This has expired; press the button on the case card again.',
  },
  'staffchat.prompt.not_yours': { 'zh-CN': '这是 {name} 的操作。', en: 'This belongs to {name}.' },
  'staffchat.prompt.text_only': { 'zh-CN': '请用文字回复', en: 'Please reply with text.' },
  'staffchat.help': {
    'zh-CN':
      '可用命令：/queue 待办队列，/case 编号 查看案件，/mine 我的案件，/stats [YYYY-MM] 月度统计。\n居民请求人工时点“接入”，再回复其消息即可对话；回复 /release 交还助手。',
    en: 'Commands: /queue, /case REF, /mine, /stats [YYYY-MM].\nWhen a resident asks for a person press Take, then reply to their messages; reply /release to hand back to the assistant.',
  },
} as const satisfies Catalog;

import type { Catalog } from './catalog.js';

/**
 * Texts of the web chat page itself (title, input, buttons, connection status, screen-reader labels).
 * The server renders the page in Chinese and serves every text as `/chat/strings.json` for the language toggle.
 */
export const webMessages = {
  'web.title': { 'zh-CN': '法律援助在线咨询', en: 'Legal aid chat' },
  'web.tagline': { 'zh-CN': '免费咨询 · 申请法律援助', en: 'Free advice · Apply for legal aid' },
  'web.log.label': { 'zh-CN': '对话记录', en: 'Conversation' },
  'web.speaker.bot': { 'zh-CN': '法援助手说：', en: 'Assistant said:' },
  'web.speaker.me': { 'zh-CN': '我说：', en: 'You said:' },
  'web.choices.label': { 'zh-CN': '可选回复', en: 'Quick replies' },
  'web.history.end': { 'zh-CN': '以上是之前的对话', en: 'Earlier messages are above' },
  'web.message.label': { 'zh-CN': '输入您的消息', en: 'Type your message' },
  'web.message.placeholder': { 'zh-CN': '请输入您的问题…', en: 'Type your question…' },
  'web.message.pending': { 'zh-CN': '等待发送', en: 'Waiting to send' },
  'web.send': { 'zh-CN': '发送', en: 'Send' },
  'web.attach': { 'zh-CN': '发送照片或文件', en: 'Send a photo or file' },
  'web.file.download': { 'zh-CN': '下载文件', en: 'Download the file' },
  'web.file': { 'zh-CN': '文件：{fileName}', en: 'File: {fileName}' },
  'web.upload.sending': { 'zh-CN': '正在发送文件…', en: 'Sending the file…' },
  'web.upload.failed': {
    'zh-CN': '文件没有发送成功，请检查网络后再试一次。',
    en: 'The file was not sent. Please check your connection and try again.',
  },
  'web.language.switch': { 'zh-CN': 'English', en: '中文' },
  'web.language.switch_label': { 'zh-CN': '切换到 English 英文', en: 'Switch to 中文 Chinese' },
  'web.status.connecting': { 'zh-CN': '正在连接…', en: 'Connecting…' },
  'web.status.reconnecting': {
    'zh-CN': '网络连接中断，正在重新连接。恢复后，您的消息会自动发送。',
    en: 'The connection was lost. Reconnecting; your messages will be sent once it is back.',
  },
  'web.noscript': {
    'zh-CN': '在线咨询需要启用 JavaScript。您也可以拨打公共法律服务热线 12348。',
    en: 'The chat needs JavaScript. You can also call the public legal service hotline 12348.',
  },
} as const satisfies Catalog;

/** A key of {@link webMessages}. */
export type WebMessageKey = keyof typeof webMessages;

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
  'web.upload.not_now': {
    'zh-CN': '现在还不需要发送文件。等到申请中请您提交材料时再发送。',
    en: 'No file is needed right now. Please send files when the application asks for documents.',
  },
  'web.upload.quota': {
    'zh-CN': '您发送的文件已经达到上限。如需补充材料，请联系工作人员或拨打 12348。',
    en: 'You have sent as many files as we can take. To add more, please contact staff or call 12348.',
  },
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
  'web.exit': { 'zh-CN': '退出', en: 'Quick exit' },
  'web.exit.label': {
    'zh-CN': '快速退出：立即离开本页，转到天气网站（也可连按三次 Esc 键）',
    en: 'Quick exit: leave this page now for a weather site (or press Esc three times)',
  },
  'web.tools.label': { 'zh-CN': '隐私', en: 'Privacy' },
  'web.erase': { 'zh-CN': '删除我的记录', en: 'Delete my records' },
  'web.clear_device': { 'zh-CN': '清除本设备记录', en: 'Clear this device' },
  'web.clear_device.confirm': {
    'zh-CN': '清除后，本设备上的对话和登录身份都会删除，别人无法在这台设备上看到您的对话。确定清除吗？',
    en: 'This removes the conversation and your sign-in from this device, so nobody using it can see what you wrote. Clear it now?',
  },
  'web.message.counter': { 'zh-CN': '{count}/{max} 字', en: '{count}/{max} characters' },
  'web.message.too_long': {
    'zh-CN': '这条消息太长了（最多 {max} 字），没有发送。请分成几条发送。',
    en: 'That message is too long (at most {max} characters) and was not sent. Please send it in parts.',
  },
  'web.multi.selected': { 'zh-CN': '已选', en: 'selected' },
  'web.limit.slow_down': {
    'zh-CN': '您发送得太快了，请稍等一会儿再发。',
    en: 'You are sending messages very fast. Please wait a moment and try again.',
  },
  'web.noscript': {
    'zh-CN': '在线咨询需要启用 JavaScript。您也可以拨打公共法律服务热线 12348。',
    en: 'The chat needs JavaScript. You can also call the public legal service hotline 12348.',
  },
} as const satisfies Catalog;

/** A key of {@link webMessages}. */
export type WebMessageKey = keyof typeof webMessages;

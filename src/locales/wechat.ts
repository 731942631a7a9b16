import type { Catalog } from './catalog.js';

/**
 * Texts of the WeChat channel: the account's custom menu (WeChat allows three top-level buttons of
 * at most four Chinese characters, and sub-buttons of at most eight), the numbered-choice fallback,
 * files WeChat cannot carry, and `fayuan wechat` output for operators and staff.
 */
export const wechatMessages = {
  'wechat.menu.ask': { 'zh-CN': '咨询', en: 'Ask' },
  'wechat.menu.legal_aid': { 'zh-CN': '法律援助', en: 'Legal aid' },
  'wechat.menu.apply': { 'zh-CN': '申请法律援助', en: 'Apply for legal aid' },
  'wechat.menu.status': { 'zh-CN': '查询进度', en: 'My application' },
  'wechat.menu.human': { 'zh-CN': '转人工', en: 'Talk to a person' },
  'wechat.choices.numbered': { 'zh-CN': '请回复数字选择：', en: 'Reply with a number:' },
  'wechat.file.not_now': {
    'zh-CN': '现在还不需要发送照片或文件。等申请中请您提交材料时再发送。',
    en: 'No photo or file is needed right now. Please send them when the application asks for documents.',
  },
  'wechat.file.quota': {
    'zh-CN': '您今天发送的文件已经达到上限。如需补充材料，请联系工作人员或拨打 12348。',
    en: 'You have sent as many files today as we can take. To add more, please contact staff or call 12348.',
  },
  'wechat.file.not_image': {
    'zh-CN': '工作人员给您发送了文件“{fileName}”。微信公众号无法直接转发这类文件，请在对话中告诉工作人员，他们会换一种方式交给您。',
    en: 'Staff sent you the file "{fileName}". A WeChat official account cannot pass on this kind of file; tell staff here and they will get it to you another way.',
  },
  'wechat.cli.usage': {
    'zh-CN': '用法：fayuan wechat menu [--lang en]   创建公众号自定义菜单\n      fayuan wechat held [--json]     列出因 48 小时规则等待发送的通知',
    en: 'Usage: fayuan wechat menu [--lang en]   create the official account menu\n       fayuan wechat held [--json]     list notices waiting because of the 48-hour rule',
  },
  'wechat.cli.not_configured': {
    'zh-CN': '未配置微信公众号：请设置 WECHAT_TOKEN、WECHAT_APP_ID 和 WECHAT_APP_SECRET（见 docs/wechat.md）。',
    en: 'WeChat is not configured: set WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_APP_SECRET (see docs/wechat.md).',
  },
  'wechat.cli.menu_created': { 'zh-CN': '已创建公众号菜单：{buttons}', en: 'Created the account menu: {buttons}' },
  'wechat.cli.menu_failed': {
    'zh-CN': '微信拒绝创建菜单（errcode {errcode}）。请检查 AppID、AppSecret 和服务器 IP 白名单（见 docs/wechat.md）。',
    en: 'WeChat refused to create the menu (errcode {errcode}). Check the AppID, AppSecret and the server IP whitelist (see docs/wechat.md).',
  },
  'wechat.cli.unreachable': { 'zh-CN': '无法连接微信接口：{reason}', en: 'Could not reach the WeChat API: {reason}' },
  'wechat.cli.held_none': { 'zh-CN': '没有等待发送的微信通知。', en: 'No WeChat notices are waiting.' },
  'wechat.cli.held_header': {
    'zh-CN': '以下通知未能送达：居民超过 48 小时没有发消息（或回复次数已满）。居民下次在公众号发消息时会自动送达；紧急情况请用其他方式联系。',
    en: 'These notices could not be delivered: the resident has not written for 48 hours (or too many replies were sent). They go out by themselves when the resident next writes; if it is urgent, reach them another way.',
  },
  'wechat.cli.held_line': { 'zh-CN': '{since}  {case}  对话 {conversation}  原因 {reason}', en: '{since}  {case}  conversation {conversation}  reason {reason}' },
  'wechat.cli.no_case': { 'zh-CN': '（无案件）', en: '(no case)' },
  'wechat.note.author': { 'zh-CN': '微信渠道', en: 'WeChat channel' },
  'wechat.note.held': {
    'zh-CN': '微信通知未能送达（{reason}）：居民下次在公众号发消息或点菜单时会自动送达。如有期限等急事，请用其他方式联系（注意联系安全）。',
    en: 'A WeChat notice could not be delivered ({reason}): it goes out by itself when the resident next writes or taps the menu. If something is urgent (a deadline), reach them another way (mind contact safety).',
  },
  'wechat.reason.45015': { 'zh-CN': '超过 48 小时', en: 'over 48 hours' },
  'wechat.reason.45047': { 'zh-CN': '回复次数已满', en: 'reply limit reached' },
} satisfies Catalog;

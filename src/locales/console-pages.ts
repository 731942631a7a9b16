import type { Catalog } from './catalog.js';

/**
 * Texts of the staff console's pages (src/console/public): navigation, forms, buttons, table headings,
 * screen-reader labels. Served with the server's `consoleMessages` as `/console/strings.json`.
 */
export const consolePageMessages = {
  // The frame around every page.
  'page.title': { 'zh-CN': '法律援助工作台', en: 'Legal aid console' },
  'page.skip': { 'zh-CN': '跳到主要内容', en: 'Skip to main content' },
  'page.nav.label': { 'zh-CN': '主导航', en: 'Main navigation' },
  'page.nav.inbox': { 'zh-CN': '案件', en: 'Cases' },
  'page.nav.live': { 'zh-CN': '在线对话', en: 'Live conversations' },
  'page.nav.kb': { 'zh-CN': '知识库', en: 'Knowledge base' },
  'page.nav.report': { 'zh-CN': '统计报表', en: 'Monthly report' },
  'page.nav.accounts': { 'zh-CN': '账号', en: 'Accounts' },
  'page.nav.audit': { 'zh-CN': '审计日志', en: 'Audit log' },
  'page.language.switch': { 'zh-CN': 'English', en: '中文' },
  'page.language.switch_label': { 'zh-CN': '切换到 English 英文', en: 'Switch to 中文 Chinese' },
  'page.account': { 'zh-CN': '{username}（{role}）', en: '{username} ({role})' },
  'page.logout': { 'zh-CN': '退出登录', en: 'Sign out' },
  'page.loading': { 'zh-CN': '正在加载…', en: 'Loading…' },
  'page.saving': { 'zh-CN': '正在保存…', en: 'Saving…' },
  'page.not_found': { 'zh-CN': '没有这个页面。', en: 'There is no such page.' },
  'page.offline': { 'zh-CN': '与服务器的连接中断，正在重新连接…', en: 'Lost the connection to the server; reconnecting…' },
  'page.error.network': { 'zh-CN': '连不上服务器，请检查网络后再试。', en: 'Cannot reach the server. Check the network and try again.' },
  'page.error.unknown': { 'zh-CN': '操作没有成功（{status}）。', en: 'That did not work ({status}).' },
  'page.noscript': { 'zh-CN': '工作台需要启用 JavaScript。', en: 'The console needs JavaScript.' },
  'page.role.staff': { 'zh-CN': '工作人员', en: 'staff' },
  'page.role.supervisor': { 'zh-CN': '主管', en: 'supervisor' },
  'page.role.operator': { 'zh-CN': '知识库维护', en: 'operator' },
  'page.role.admin': { 'zh-CN': '管理员', en: 'administrator' },
  'page.none': { 'zh-CN': '—', en: '—' },
  'page.yes': { 'zh-CN': '是', en: 'Yes' },
  'page.no': { 'zh-CN': '否', en: 'No' },
  'page.cancel': { 'zh-CN': '取消', en: 'Cancel' },
  'page.confirm': { 'zh-CN': '确定', en: 'Confirm' },
  'page.save': { 'zh-CN': '保存', en: 'Save' },
  'page.close_dialog': { 'zh-CN': '关闭', en: 'Close' },
  'page.all': { 'zh-CN': '全部', en: 'All' },
  'page.search': { 'zh-CN': '搜索', en: 'Search' },
  'page.download': { 'zh-CN': '下载', en: 'Download' },

  // Login.
  'login.heading': { 'zh-CN': '工作人员登录', en: 'Staff sign-in' },
  'login.username': { 'zh-CN': '用户名', en: 'Username' },
  'login.password': { 'zh-CN': '密码', en: 'Password' },
  'login.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'login.busy': { 'zh-CN': '正在登录…', en: 'Signing in…' },
  'login.missing': { 'zh-CN': '请填写用户名和密码。', en: 'Enter your username and password.' },
  'login.expired': { 'zh-CN': '登录已过期，请重新登录。', en: 'Your session has expired. Please sign in again.' },
  'login.signed_out': { 'zh-CN': '您已退出登录。', en: 'You have signed out.' },
  'login.hint': { 'zh-CN': '账号由本中心管理员开设。忘记密码请联系管理员。', en: 'Accounts are created by your centre’s administrator. Ask them if you forgot your password.' },
} as const satisfies Catalog;

/** A key of {@link consolePageMessages}. */
export type ConsolePageMessageKey = keyof typeof consolePageMessages;

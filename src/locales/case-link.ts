import type { Catalog } from './catalog.js';

/** Texts of reaching a case from another device with a one-time code (issue 9 §5). */
export const caseLinkMessages = {
  'caselink.sent': {
    'zh-CN':
      '如果 {ref} 是在我们这里提交的申请，并且留了手机号，我们已经向那个手机号发送了一条6位数字验证码（10分钟内有效）。请在这里输入验证码。没有收到的话，请拨打 {hotline}。',
    en: 'If {ref} is an application made with us and it gave a phone number, we have texted a 6-digit code to that number (valid for 10 minutes). Please type the code here. If nothing arrives, call {hotline}.',
  },
  'caselink.code_prompt': {
    'zh-CN': '请输入短信里的6位数字验证码。',
    en: 'Please type the 6-digit code from the text message.',
  },
  'caselink.wrong': {
    'zh-CN': '验证码不对，请再核对一下短信后重新输入。',
    en: 'That code is not right. Please check the text message and type it again.',
  },
  'caselink.locked': {
    'zh-CN': '输错的次数太多，为了保护申请人的信息，这个申请编号30分钟内不能再验证。需要帮助请拨打 {hotline}。',
    en: 'Too many wrong codes. To protect the applicant\'s information, this reference number cannot be checked for 30 minutes. For help, call {hotline}.',
  },
  'caselink.expired': {
    'zh-CN': '这个验证码已经失效（超过10分钟或已经用过）。请再次发送申请编号，获取新的验证码。',
    en: 'This code is no longer valid (more than 10 minutes old, or already used). Send the reference number again to get a new code.',
  },
  'caselink.linked': {
    'zh-CN': '验证成功。申请 {ref} 已经连接到这个对话，今后的进度通知会发到这里。',
    en: 'Done. Application {ref} is now linked to this conversation, and its progress notices will come here from now on.',
  },
  'caselink.unavailable': {
    'zh-CN': '暂时无法发送验证码。请拨打 {hotline}，工作人员可以帮您查询申请进度。',
    en: 'Codes cannot be sent right now. Please call {hotline}: staff can tell you how your application is going.',
  },
  'caselink.cancel': { 'zh-CN': '不查了', en: 'Never mind' },
  'caselink.sms': {
    'zh-CN': '【法律援助】您的验证码是 {code}，10分钟内有效，用于查询申请 {ref} 的进度。如果不是您本人操作，请忽略并不要告诉任何人。',
    en: '[Legal aid] Your code is {code}, valid for 10 minutes, to see application {ref}. If you did not ask for it, ignore this and tell no one.',
  },
  /** The case history line staff see (console): the resident linked the case from another device. */
  'console.action.relink': { 'zh-CN': '申请人在其他设备上验证后接续', en: 'Linked by the resident from another device' },
} satisfies Catalog;

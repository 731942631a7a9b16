import type { Catalog } from './catalog.js';

/** Texts of the conversation shell: greeting, privacy, menu, help, language, errors. */
export const coreMessages = {
  'core.greeting': {
    'zh-CN': '您好！我是法援助手。我可以帮您判断能否申请法律援助、解答常见法律援助问题，并把您的申请转给法律援助中心的工作人员。',
    en: 'Hello! I am the legal aid assistant. I can tell you whether you may qualify for legal aid, answer common questions, and pass your application to staff at the legal aid centre.',
  },
  'core.privacy': {
    'zh-CN':
      '隐私说明：为办理您的咨询和申请，我们会保存您在这里发送的内容（包括您提供的姓名、电话和案情），仅供法律援助中心处理您的事项使用，不会用于其他目的。您可以随时发送 /delete 删除对话记录。请问您同意吗？',
    en: 'Privacy: to handle your question and application we keep what you send here (including any name, phone number and case details you give). Only the legal aid centre uses it, and only for your matter. Send /delete at any time to delete this conversation. Do you agree?',
  },
  'core.consent.agree': { 'zh-CN': '同意', en: 'I agree' },
  'core.consent.decline': { 'zh-CN': '不同意', en: 'I do not agree' },
  'core.consent.declined': {
    'zh-CN': '好的，我们不会保存您的个人信息。您仍然可以直接问问题，我不会保存；申请法律援助、转人工需要您同意。您也可以拨打公共法律服务热线 {hotline} 咨询。如改变主意，请点击“同意”。',
    en: 'Understood: we will not keep your personal details. You can still ask questions here, and nothing is kept; applying for legal aid or talking to a person needs your consent. You can also call the public legal service hotline {hotline}. If you change your mind, press "I agree".',
  },
  'core.consent.remind': {
    'zh-CN': '请先点击“同意”或“不同意”（也可以直接回复“同意”）。同意后我才能记下您的情况、帮您申请；不同意也可以直接问问题，我不会保存。',
    en: 'Please choose "I agree" or "I do not agree" first (or reply "I agree"). Once you agree I can keep your details and help you apply; without agreeing you can still ask questions, and nothing is kept.',
  },
  /** Leaving at once before agreeing (someone is coming): nothing was kept; how to clear the screen. */
  'core.leave_now': {
    'zh-CN': '好的，先顾好自己。您还没有同意，这里什么都没有保存；担心别人看到屏幕上的对话，发“删除”就能清掉。',
    en: 'OK, look after yourself first. You have not agreed yet, so nothing here was kept; if you are worried someone will see this screen, send "delete" to clear it.',
  },
  /** After a danger warning before consent: one line pointing back at the agreement, not the whole notice again. */
  'core.consent.remind_danger': {
    'zh-CN': '想接着办的话，请点“同意”或“不同意”（隐私说明在上面）。',
    en: 'When you want to go on, press "I agree" or "I do not agree" (the privacy note is above).',
  },
  'core.consent.remind_story': {
    'zh-CN': '明白了。请先点击“同意”或“不同意”（也可以直接回复“同意”）：同意后我就接着您刚才说的情况帮您申请，不用再说一遍；不同意也可以直接问问题，我不会保存。',
    en: 'I understand. Please choose "I agree" or "I do not agree" first (or reply "I agree"): once you agree I will go on with what you just told me, so you do not need to say it again; without agreeing you can still ask questions, and nothing is kept.',
  },
  'core.language.switch_to_en': { 'zh-CN': 'English', en: 'English' },
  'core.language.switch_to_zh': { 'zh-CN': '中文', en: '中文' },
  'core.language.changed': { 'zh-CN': '已切换为中文。', en: 'Switched to English.' },
  'core.menu': {
    'zh-CN': '请问您需要什么帮助？请点击下面的按钮，或直接输入您的问题。',
    en: 'How can I help? Press a button below, or just type your question.',
  },
  /** Right after agreeing, when the story told before was answered: the application it needs, first. */
  'core.menu.after_story': {
    'zh-CN': '好的，谢谢您。您前面说的“{category}”问题可以申请法律援助，点下面第一个按钮就能开始，不用再说一遍。也可以继续问问题。',
    en: 'Thank you. What you told me ({category}) may be covered by legal aid: press the first button below to apply, and you will not need to tell it again. You can also ask more questions.',
  },
  'core.menu.apply': { 'zh-CN': '看看能否申请法律援助', en: 'Check if I can get legal aid' },
  'core.menu.ask': { 'zh-CN': '咨询问题', en: 'Ask a question' },
  'core.menu.status': { 'zh-CN': '查询进度', en: 'Check my case' },
  'core.menu.human': { 'zh-CN': '转人工', en: 'Talk to a person' },
  'core.menu.help': { 'zh-CN': '帮助', en: 'Help' },
  'core.menu.language': { 'zh-CN': 'English', en: '中文' },
  'core.help': {
    'zh-CN':
      '我是法援助手，自动回复，不是真人。您可以：点击按钮选择服务；直接输入问题，如“老板欠我工资怎么办”；随时发送 /lang 切换语言，/restart 重新开始，/delete 删除对话记录。需要人工服务请点“转人工”或拨打 {hotline}。',
    en: 'I am the legal aid assistant: automatic replies, not a person. You can: press a button to choose a service; type a question such as "my boss has not paid my wages"; send /lang to change language, /restart to start again, /delete to delete this conversation. For a person, press "Talk to a person" or call {hotline}.',
  },
  'core.welcome_back': { 'zh-CN': '欢迎回来！我们接着上次的地方继续。', en: 'Welcome back! Let us continue where you left off.' },
  'core.restarted': { 'zh-CN': '好的，我们从头开始。', en: 'OK, let us start again.' },
  'core.updated': {
    'zh-CN': '服务刚刚更新过，很抱歉需要从头开始。您之前提交的申请不受影响。',
    en: 'The service was just updated, so sorry, we need to start again. Anything you already submitted is safe.',
  },
  'core.deleted': {
    'zh-CN': '您的对话记录已删除。已提交给法律援助中心的申请由中心依法保管；如需撤回，请联系 {hotline}。',
    en: 'Your conversation has been deleted. Applications already sent to the legal aid centre are kept by the centre as the law requires; to withdraw one, call {hotline}.',
  },
  'core.ask.prompt': {
    'zh-CN': '请直接输入您的问题，说得具体一些更好，比如“老板欠我三个月工资不给怎么办”。',
    en: 'Please type your question; the more specific the better, e.g. "my boss has not paid me for three months, what can I do?"',
  },
  'core.back_to_menu': { 'zh-CN': '返回主菜单', en: 'Main menu' },
  'core.unsupported': {
    'zh-CN': '抱歉，我暂时无法理解{kind}。请用文字告诉我，或点击按钮。',
    en: 'Sorry, I cannot understand {kind} yet. Please type your message or press a button.',
  },
  'core.stale_choice': {
    'zh-CN': '这个按钮是之前消息里的，现在已经不能用了。请按最新一条消息下面的按钮，或直接打字告诉我。',
    en: 'That button is from an earlier message and no longer works. Please use the buttons under the latest message, or just type.',
  },
  'core.kind.sticker': { 'zh-CN': '表情贴图', en: 'stickers' },
  'core.kind.voice': { 'zh-CN': '语音', en: 'voice messages' },
  'core.kind.location': { 'zh-CN': '位置信息', en: 'locations' },
  'core.kind.video': { 'zh-CN': '视频', en: 'videos' },
  'core.kind.contact': { 'zh-CN': '联系人名片', en: 'contact cards' },
  'core.kind.other': { 'zh-CN': '这类消息', en: 'this kind of message' },
  'core.attachment.unexpected': {
    'zh-CN': '收到文件了，但现在还不需要提交材料。填写申请时，到“材料”这一步再发送即可。',
    en: 'Thank you for the file, but no documents are needed yet. Please send it at the documents step of an application.',
  },
  'core.attachment.refused.type': {
    'zh-CN': '抱歉，这种文件类型无法接收。请发送照片（JPG、PNG）或 PDF 文件。',
    en: 'Sorry, this type of file cannot be accepted. Please send a photo (JPG, PNG) or a PDF.',
  },
  'core.attachment.refused.size': {
    'zh-CN': '抱歉，文件太大了，无法接收。请压缩后再发送，或到法律援助中心现场提交。',
    en: 'Sorry, this file is too large. Please send a smaller copy, or bring it to the legal aid centre.',
  },
  'core.error.try_again': {
    'zh-CN': '抱歉，系统出了点问题，您的消息没有处理成功。请稍后再发一次，或拨打 12348。',
    en: 'Sorry, something went wrong and your message was not processed. Please send it again in a moment, or call 12348.',
  },
  /** Content written elsewhere in both languages (a knowledge-base answer), shown as it is. */
  'core.text': { 'zh-CN': '{text}', en: '{text}' },
  'core.thanks': { 'zh-CN': '不客气！还有什么可以帮您？', en: 'You are welcome! Anything else I can help with?' },
  'core.repair': {
    'zh-CN': '抱歉，我可能理解错了。请换个说法再说一遍，说具体一些更好，比如“老板欠我三个月工资不给怎么办”；也可以点“转人工”找工作人员。',
    en: 'Sorry, I may have got that wrong. Please say it another way, as specifically as you can (e.g. "my boss has not paid me for three months"), or press "Talk to a person".',
  },
  'core.goodbye': {
    'zh-CN': '再见，祝您一切顺利！以后有需要，随时发消息给我就行。',
    en: 'Goodbye, and all the best! Send a message any time you need help again.',
  },
  'core.not_understood': {
    'zh-CN': '抱歉，我没有听懂。请点击下面的按钮，或换个说法告诉我。',
    en: 'Sorry, I did not understand. Please press a button below, or say it another way.',
  },
} as const satisfies Catalog;

import type { Catalog } from './catalog.js';

/** Confirmations the conversation asks before a typed phrase undoes the resident's work, and kind words before a question is asked again. */
export const conversationConfirmMessages = {
  'conv.cancel.confirm': {
    'zh-CN': '要取消这次申请吗？取消后，您已填写的内容不会提交。',
    en: 'Cancel this application? Nothing you have entered will be sent.',
  },
  'conv.cancel.yes': { 'zh-CN': '是，取消申请', en: 'Yes, cancel it' },
  'conv.cancel.keep': { 'zh-CN': '不，继续填写', en: 'No, carry on' },
  // Thanks in the middle of an application: the question comes next, so not "anything else I can help with?".
  'conv.intake.thanks': { 'zh-CN': '不客气！我们接着填写：', en: "You're welcome! Let's carry on:" },
  /** Leaving at once because someone is coming (a shared phone): how to clear the chat now. */
  'conv.leave_now': {
    'zh-CN': '好的，先顾好自己。担心别人看到这段对话的话，现在发“删除”就能清除这里的记录。没提交的申请会先保留，下次发消息就能接着填。',
    en: 'OK, look after yourself first. If you are worried someone will see this chat, send "delete" now to clear it. An application not yet sent is kept, and you can carry on whenever you send a message.',
  },
  'conv.leave_now_queue': {
    'zh-CN': '好的，先顾好自己。已经帮您取消排队，工作人员不会在这里找您。担心别人看到这段对话的话，现在发“删除”就能清除这里的记录。需要时随时再来。',
    en: 'OK, look after yourself first. You have left the queue, so no member of staff will write to you here. If you are worried someone will see this chat, send "delete" now to clear it. Come back whenever you need to.',
  },
  'conv.leave_now_agreement': {
    'zh-CN': '好的，先顾好自己。担心别人看到这段对话的话，现在发“删除”就能清除这里的记录。方便的时候再发“申请”，就能接着办。',
    en: 'OK, look after yourself first. If you are worried someone will see this chat, send "delete" now to clear it. When it is safe, send "apply" to carry on.',
  },
  'conv.intake.goodbye': {
    'zh-CN': '再见！您的申请还没有提交，我先替您保留着，下次发消息就能接着填。',
    en: 'Goodbye! Your application has not been sent yet; I will keep it, and you can carry on whenever you send a message.',
  },
  'conv.intake.greeting': {
    'zh-CN': '您好！我们正在填写申请，请接着回答这个问题：',
    en: 'Hello! We are in the middle of your application. Please answer this question:',
  },
  'conv.story.kept': {
    'zh-CN': '明白了，您说的经过我们先记下，到后面“情况说明”一步可以直接用，不用再打一遍。我们先接着填写：',
    en: 'I see. We have kept what you wrote for the "what happened" step later, so you will not need to type it again. Let us carry on:',
  },
  'conv.story.kept_age': {
    'zh-CN': '明白了，记下您今年 {age} 岁（不对的话，最后核对时可以修改）。您说的经过我们也记下了，到“情况说明”一步可以直接用。',
    en: 'I see: you are {age} (you can correct it when you check your answers at the end). We have kept what you wrote for the "what happened" step.',
  },
  'conv.story.kept_stated_age': {
    'zh-CN': '明白了，记下您今年 {age} 岁，问到年龄时点一下就能确认。您说的经过也先记下了，到“情况说明”一步可以直接用。我们先接着填写：',
    en: 'I see: I have noted that you are {age}; when I ask your age you can confirm it with one tap. What you wrote is kept for the "what happened" step too. Let us carry on:',
  },
  'conv.story.kept_stated_age_relative': {
    'zh-CN': '明白了，记下需要帮助的人今年 {age} 岁，问到年龄时点一下就能确认。您说的经过也先记下了，到“情况说明”一步可以直接用。我们先接着填写：',
    en: 'I see: I have noted that the person who needs help is {age}; when I ask their age you can confirm it with one tap. What you wrote is kept for the "what happened" step too. Let us carry on:',
  },
  'conv.story.use_prompt': {
    'zh-CN': '您前面写过：\n“{story}”\n可以直接用这段作为情况说明；也可以再写几句，会接在这段后面。',
    en: 'Earlier you wrote:\n"{story}"\nYou can use this as your account of what happened, or write more: it will be added after it.',
  },
  'conv.story.add_later': {
    'zh-CN': '明白了。要补充情况说明的话，最后核对时点“修改”，再选“情况说明”就可以。我们先接着填写：',
    en: 'I see. To add this to your account of what happened, choose "Change" when you check your answers at the end. Let us carry on:',
  },
  'conv.story.use': { 'zh-CN': '就用这段', en: 'Use this' },
} as const satisfies Catalog;

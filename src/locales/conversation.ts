import type { Catalog } from './catalog.js';

/** Texts of the conversation's understanding: stories, steering phrases, a person when no staff are online. */
export const conversationMessages = {
  'conv.story.noted': {
    'zh-CN': '明白了。这些情况您可以在后面“情况说明”一步里详细写上。我们先接着填写：',
    en: 'I see. You can tell us all of this at the "what happened" step later. Let us carry on:',
  },
  'conv.story.case_in_progress': {
    'zh-CN': '您“{category}”的申请（{ref}）正在办理中，不用再申请一次。想知道进度，请点“查看申请进度”；工作人员会按您留的方式联系您。如果是另一件事，可以另外申请。',
    en: 'Your application about "{category}" ({ref}) is being worked on; you do not need to apply again. To see how it is going, press "Check progress". Staff will contact you as you asked. If this is another matter, you can apply for it separately.',
  },
  'conv.story.apply': { 'zh-CN': '申请法律援助：{category}', en: 'Apply for legal aid: {category}' },
  'conv.materials.opt_done': { 'zh-CN': '完成', en: 'Done' },
  'conv.materials.opt_more': { 'zh-CN': '继续发送', en: 'Send more' },
  'conv.materials.opt_note': { 'zh-CN': '给工作人员留言', en: 'Leave staff a message' },
  'conv.materials.note_ask': {
    'zh-CN': '请写下要告诉工作人员的话，例如哪份材料没有、为什么没有、什么时候能补上。发出后会附到您的申请上，负责的工作人员会看到。',
    en: 'Write what you want staff to know, for example which document you do not have, why, and when you can send it. It is added to your application, and the staff handling it will see it.',
  },
  'conv.materials.note_kept': {
    'zh-CN': '已把您的留言附到申请 {ref} 上，并告诉了负责的工作人员。还有材料请继续发送；都发完了请点“完成”。',
    en: 'Your message is now with application {ref}, and the staff handling it have been told. Send any other documents; when you have sent them all, press "Done".',
  },
  'conv.materials.note_no_case': {
    'zh-CN': '您的申请现在已经不在等待补充材料，留言没有附上。有事可以点“转人工客服”，或拨打法律援助中心的电话。',
    en: 'Your application is no longer waiting for documents, so the message was not added. To reach staff, press "Talk to a person" or call the legal aid centre.',
  },
  /** "材料怎么发给你们": how files are sent, true whether or not staff have asked for any yet. */
  /** A family wanting to see a relative the police hold (the knowledge base has no entry): what they can and cannot do. */
  'conv.detained_visit': {
    'zh-CN':
      '家人被公安机关关押、案件还在侦查或起诉阶段时，家属到看守所会见要经办案机关同意，通常见不到；能会见他的是辩护律师（《刑事诉讼法》第三十九条）。家属可以做的：\n1. 为他请律师，或者为他申请法律援助律师，由律师去会见、了解案情；\n2. 向办案机关问清人关在哪里、涉嫌什么：刑事拘留后，除无法通知等情形外，应当在24小时内通知家属（《刑事诉讼法》第八十五条）；\n3. 要存钱、送衣物，先打电话问看守所能送什么、什么时间送。\n\n被行政拘留、关在拘留所的，一般可以按拘留所的规定申请会见。想为他申请法律援助律师，可以点下面的按钮，或拨打 {hotline}。',
    en: 'While the police hold your family member and the case is being investigated or prosecuted, family may visit them in the detention centre only with the consent of the authority handling the case, which is rarely given; the one who can meet them is their defence lawyer (Criminal Procedure Law, article 39). What the family can do:\n1. Hire a lawyer or apply for a legal aid defence lawyer for them, who visits them and learns about the case;\n2. Ask the authority where they are held and on what suspicion - after a criminal detention the police must tell the family within 24 hours unless that is impossible (Criminal Procedure Law, article 85);\n3. To deposit money or bring clothes, call the detention centre first to ask what is allowed and when.\n\nSomeone in administrative detention (a detention house) can usually be visited under that house\'s rules. To apply for a legal aid lawyer for them, press the button below or call {hotline}.',
  },
  'conv.files.how': {
    'zh-CN': '可以直接在这个对话里发：点输入框左边的回形针按钮（微信里点“+”），选照片或 PDF 发送。手机拍照就行，看得清楚就可以。工作人员通知您补充材料后，发来的文件会自动附到您的申请上；正在申请的，可以在“材料”那一步发送。',
    en: 'You can send them right here: tap the paperclip button next to the message box (in WeChat, "+") and choose a photo or PDF. A phone photo is fine as long as it is readable. Once staff have asked you for documents, what you send is added to your application; while applying, send them at the documents step.',
  },
  'conv.files.how_applying': {
    'zh-CN': '可以直接发到这个对话里：点输入框左边的回形针按钮（微信里点“+”），选照片或 PDF 发送。手机拍照就行，看得清楚就可以。填申请时发来的文件都会附到这份申请上；现在手边没有也没关系，提交后工作人员需要什么材料，会在这里告诉您，到时再发。',
    en: 'You can send them right here: tap the paperclip button next to the message box (in WeChat, "+") and choose a photo or PDF. A phone photo is fine as long as it is readable. Files you send while applying are added to this application; if you do not have them now, that is fine: after you submit, staff will tell you here what they need, and you can send it then.',
  },
  'conv.materials.more': {
    'zh-CN': '好的，请继续发送照片或 PDF 文件；发完了请点“完成”。',
    en: 'OK, send the next photos or PDF files; when you have sent them all, press "Done".',
  },
  'conv.materials.done': {
    'zh-CN': '好的，材料都已附到您的申请上，工作人员会查看。您可以随时点“查询进度”看审查情况。',
    en: 'Thank you: the documents are with your application and staff will look at them. Press "Check my case" at any time to see how it is going.',
  },
  'conv.handoff.left': {
    'zh-CN': '好的，已经帮您取消排队，工作人员不会再接入。以后需要的话，随时可以再点“转人工”，也可以拨打 {hotline}。',
    en: 'OK, you have left the queue; no member of staff will join. If you need a person later, press "Talk to a person" again at any time, or call {hotline}.',
  },
  'conv.menu.in_queue': {
    'zh-CN': '您已在排队等候工作人员，有人接入时会在这里告诉您。等候期间，您可以点击下面的按钮，或直接输入您的问题。',
    en: 'You are in the queue for a member of staff; I will tell you here when someone joins. While you wait, press a button below or type your question.',
  },
  'conv.handoff.no_staff': {
    'zh-CN': '目前没有工作人员在线。您可以：\n· 在办公时间（{hours}）打电话到{office}：{phone}\n· 随时拨打公共法律服务热线 {hotline}\n· 留下电话号码，工作人员会在办公时间（{hours}）给您回电。',
    en: 'No member of staff is online right now. You can:\n· call {office} during opening hours ({hours}): {phone}\n· call the public legal service hotline {hotline} at any time\n· leave a phone number, and a member of staff will call you back during opening hours ({hours}).',
  },
  /** Nobody online for a resident who said not to phone her: no call-back; chat here, a visit, or checking here herself. */
  'conv.handoff.no_staff_no_calls': {
    'zh-CN': '目前没有工作人员在线。您说过不要给您打电话，工作人员不会给您打电话。您可以：\n· 在办公时间（{hours}）再来这里点“转人工”，工作人员会在这里和您打字交流\n· 在办公时间到{office}当面咨询，地址：{address}\n· 随时回到这里点“查询进度”，自己查看申请情况\n如果您自己方便打电话，也可以打 {phone} 或 {hotline}。',
    en: 'No member of staff is online right now. You said not to phone you, so staff will not call you. You can:\n· come back here during opening hours ({hours}) and press "Talk to a person": staff will write with you here\n· visit {office} during opening hours, at {address}\n· come back here at any time and press "Check my case" to see how your application is going\nIf it is safe for you to make a call yourself, you can also call {phone} or {hotline}.',
  },
  'conv.office.hours': {
    'zh-CN': '{office}\n地址：{address}\n办公时间：{hours}\n电话：{phone}',
    en: '{office}\nAddress: {address}\nOpen: {hours}\nPhone: {phone}',
  },
  'conv.office.address_unknown': { 'zh-CN': '请打电话询问', en: 'please ask by phone' },
  'conv.office.anytime': {
    'zh-CN': '公共法律服务热线 {hotline} 随时可以打。在这里留言或申请，24 小时都可以，不用跑腿。',
    en: 'The public legal service hotline {hotline} answers at any time, and you can write or apply here 24 hours a day without going in.',
  },
  'conv.intake.question_unknown': {
    'zh-CN': '这个问题我还回答不了，已经记下来请工作人员补充；急的话可以拨打 {hotline}。我们先接着填申请：',
    en: 'I cannot answer that yet; I have noted it for our staff. If it is urgent, call {hotline}. Let us carry on with the application:',
  },
  'conv.intake.carry_on': { 'zh-CN': '继续填写申请', en: 'Carry on with the application' },
  'conv.handoff.hours_unknown': { 'zh-CN': '工作日白天', en: 'weekdays, daytime' },
  'conv.callback.confirmed_hours': {
    'zh-CN': '好的，已登记回电。工作人员会在办公时间（{hours}）给您打电话。',
    en: 'Done: a member of staff will call you back during opening hours ({hours}).',
  },
} as const satisfies Catalog;

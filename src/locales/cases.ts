import type { Catalog } from './catalog.js';

/**
 * What residents read about their cases: status names, next steps, notices of every state change,
 * how to object (LAL 49) and complain (LAL 55), and the satisfaction rating.
 */
export const caseMessages = {
  'case.status.new': { 'zh-CN': '已提交，等待受理', en: 'Submitted, waiting to be picked up' },
  'case.status.claimed': { 'zh-CN': '工作人员审查中', en: 'Being reviewed by staff' },
  'case.status.materials_requested': { 'zh-CN': '等待补充材料', en: 'Waiting for more documents' },
  'case.status.accepted': { 'zh-CN': '已批准，已指派律师', en: 'Approved, lawyer assigned' },
  'case.status.declined': { 'zh-CN': '未获批准', en: 'Not approved' },
  'case.status.referred': { 'zh-CN': '已转交其他机构', en: 'Passed to another office' },
  'case.status.closed': { 'zh-CN': '已办结', en: 'Closed' },
  'case.status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },

  'case.next.new': {
    'zh-CN': '工作人员会尽快查看您的申请，并{due}作出是否给予法律援助的决定。',
    en: 'A member of staff will look at your application soon and decide on legal aid {due}.',
  },
  'case.next.claimed': {
    'zh-CN': '工作人员正在审查您的申请，将{due}作出决定。如有需要，工作人员会联系您。',
    en: 'Staff are reviewing your application and will decide {due}. They will contact you if they need anything.',
  },
  'case.next.new_quiet': {
    'zh-CN': '工作人员会尽快查看您的申请，并{due}作出是否给予法律援助的决定。按您的要求，工作人员不会主动联系您，也不会在这里给您发通知；请您方便的时候回到这里点“查询进度”自己查看。',
    en: 'A member of staff will look at your application soon and decide on legal aid {due}. As you asked, staff will not contact you or send you notices here; come back when it is safe and press "Check my case" to see how it is going.',
  },
  'case.next.claimed_quiet': {
    'zh-CN': '工作人员正在审查您的申请，将{due}作出决定。按您的要求，工作人员不会主动联系您，也不会在这里给您发通知；请您方便的时候回到这里点“查询进度”自己查看结果。',
    en: 'Staff are reviewing your application and will decide {due}. As you asked, staff will not contact you or send you notices here; come back when it is safe and press "Check my case" to see the result.',
  },
  'case.next.claimed_no_calls': {
    'zh-CN': '工作人员正在审查您的申请，将{due}作出决定。按您的要求，工作人员不会给您打电话；有需要会在这里给您留言。',
    en: 'Staff are reviewing your application and will decide {due}. As you asked, staff will not phone you; if they need anything they will write to you here.',
  },
  'case.next.materials_requested': {
    'zh-CN': '请按通知补充材料。材料齐全后，中心将{whenComplete}作出决定；不补充材料的，视为撤回申请。',
    en: 'Please send the documents listed in our notice. Once your application is complete, the centre decides {whenComplete}; if the documents never come, the application counts as withdrawn.',
  },
  'case.next.materials_requested_list': {
    'zh-CN': '还需要补充这些材料：\n{documents}\n可以直接在这里发照片或 PDF，也可以送到法律援助中心。材料齐全后，中心将{whenComplete}作出决定；不补充材料的，视为撤回申请。',
    en: 'These documents are still needed:\n{documents}\nYou can send photos or PDFs right here, or bring them to the legal aid centre. Once your application is complete, the centre decides {whenComplete}; if the documents never come, the application counts as withdrawn.',
  },
  'case.next.accepted': {
    'zh-CN': '承办律师 {lawyer} 会与您联系。法律援助是免费的，律师不得向您收取任何费用或财物。',
    en: 'Your lawyer, {lawyer}, will contact you. Legal aid is free: the lawyer may not take any money or gifts from you.',
  },
  'case.next.declined': {
    'zh-CN': '如对决定有异议，可以向设立法律援助中心的司法行政部门（司法局）提出。',
    en: 'If you disagree with the decision, you can object to the justice bureau that set up the legal aid centre.',
  },
  'case.next.referred': {
    'zh-CN': '接收机构会与您联系。如长时间没有消息，请拨打 {hotline}。',
    en: 'The receiving office will contact you. If you hear nothing for a long time, call {hotline}.',
  },
  'case.next.closed': { 'zh-CN': '本案已办结，欢迎为我们的服务打分。', en: 'This case is closed. You are welcome to rate our service.' },
  'case.next.closed_rated': { 'zh-CN': '本案已办结，感谢您的评价。', en: 'This case is closed. Thank you for your rating.' },
  'case.due.date': { 'zh-CN': '在{date}前', en: 'by {date}' },
  // A date as residents write it: 2026年12月10日, 10 December 2026.
  'case.date': { 'zh-CN': '{y}年{month}{d}日', en: '{d} {month} {y}' },
  'case.month.1': { 'zh-CN': '1月', en: 'January' },
  'case.month.2': { 'zh-CN': '2月', en: 'February' },
  'case.month.3': { 'zh-CN': '3月', en: 'March' },
  'case.month.4': { 'zh-CN': '4月', en: 'April' },
  'case.month.5': { 'zh-CN': '5月', en: 'May' },
  'case.month.6': { 'zh-CN': '6月', en: 'June' },
  'case.month.7': { 'zh-CN': '7月', en: 'July' },
  'case.month.8': { 'zh-CN': '8月', en: 'August' },
  'case.month.9': { 'zh-CN': '9月', en: 'September' },
  'case.month.10': { 'zh-CN': '10月', en: 'October' },
  'case.month.11': { 'zh-CN': '11月', en: 'November' },
  'case.month.12': { 'zh-CN': '12月', en: 'December' },
  'case.due.today': { 'zh-CN': '在今天内', en: 'today' },
  'case.due.unknown': { 'zh-CN': '尽快', en: 'as soon as possible' },
  'case.next.withdrawn': {
    'zh-CN': '申请已撤回。如需再次申请，可以随时重新提交。',
    en: 'The application was withdrawn. You can apply again at any time.',
  },

  'case.status.header': { 'zh-CN': '您的申请（共 {count} 件）：', en: 'Your applications ({count}):' },
  'case.status.none': {
    'zh-CN': '没有查到您在这里提交的申请。如果您在另一部手机或另一个渠道上申请过，请直接发送申请编号（FY-开头），我们会向申请时留的手机号发送验证码。如果是通过电话或到现场申请的，请拨打 {hotline} 查询。',
    en: 'I found no applications submitted here. If you applied on another phone or channel, send the reference number (starting FY-) and we will text a code to the phone number given in the application. If you applied by phone or in person, call {hotline} to ask.',
  },
  'case.status.item': {
    'zh-CN': '申请编号：{ref}\n事项：{category}\n提交时间：{submitted}\n当前状态：{status}\n下一步：{next}{overdue}',
    en: 'Reference: {ref}\nMatter: {category}\nSubmitted: {submitted}\nStatus: {status}\nNext step: {next}{overdue}',
  },
  'case.status.overdue': {
    'zh-CN': '\n（已超过决定期限，我们已提醒工作人员尽快处理。您也可以拨打 {hotline} 询问。）',
    en: '\n(The decision is overdue; staff have been reminded. You can also call {hotline}.)',
  },

  'case.notice.claimed': {
    'zh-CN': '您的申请 {ref} 已由法律援助中心工作人员受理审查，将{due}作出决定。',
    en: 'Your application {ref} is now being reviewed by staff at the legal aid centre. They will decide {due}.',
  },
  'case.notice.materials_requested': {
    'zh-CN':
      '关于您的申请 {ref}：还需要补充以下材料（以下是需要补充的全部材料，一次性告知）：\n{documents}{note}\n请通过本对话发送照片或 PDF，或送到法律援助中心。材料齐全后，中心将{whenComplete}作出决定；不补充材料的，视为撤回申请。',
    en: 'About your application {ref}: we need the following documents (this is the complete list):\n{documents}{note}\nPlease send photos or PDFs in this chat, or bring them to the legal aid centre. Once your application is complete, the centre decides {whenComplete}; if the documents never come, the application counts as withdrawn.',
  },
  'case.when_complete.days': { 'zh-CN': '在 {days} 日内', en: 'within {days} days' },
  'case.when_complete.same_day': { 'zh-CN': '当天', en: 'on the day it is complete' },
  'case.notice.materials_received': {
    'zh-CN': '您的申请 {ref} 的材料已齐全，中心将{due}作出决定。',
    en: 'Your application {ref} is now complete. The centre will decide {due}.',
  },
  'case.notice.accepted': {
    'zh-CN':
      '好消息：您的法律援助申请 {ref} 已获批准。承办律师：{lawyer}，律师会尽快与您联系。法律援助是免费的，律师不得向您收取任何费用或财物。{note}',
    en: 'Good news: your legal aid application {ref} has been approved. Your lawyer is {lawyer}, who will contact you soon. Legal aid is free: the lawyer may not take any money or gifts from you.{note}',
  },
  'case.notice.declined': {
    'zh-CN': '很抱歉，您的法律援助申请 {ref} 未获批准。理由：{reason}\n中心会向您出具书面决定。\n{objection}',
    en: 'We are sorry: your legal aid application {ref} was not approved. Reason: {reason}\nThe centre will give you the decision in writing.\n{objection}',
  },
  'case.notice.referred': {
    'zh-CN': '您的申请 {ref} 已转交以下机构办理：{to}\n对方会与您联系；如有疑问请拨打 {hotline}。',
    en: 'Your application {ref} has been passed on to: {to}\nThey will contact you; if you have questions, call {hotline}.',
  },
  'case.notice.closed': {
    'zh-CN': '您的案件 {ref} 已办结。感谢您的信任！{note}\n{complaint}\n请为我们的服务打分（1 分最差，5 分最好）：',
    en: 'Your case {ref} is closed. Thank you for your trust!{note}\n{complaint}\nPlease rate our service (1 = poor, 5 = excellent):',
  },
  'case.notice.closed_no_materials': {
    'zh-CN': '您的申请 {ref} 一直没有收到补充材料，按撤回申请处理，已停止办理（《法律援助法》第四十三条）。{note}\n如果仍需要法律援助，可以随时重新申请；有疑问请拨打 {hotline}。',
    en: 'Application {ref} has ended: the missing documents did not arrive, so it counts as withdrawn (Legal Aid Law art. 43).{note}\nIf you still need legal aid, you can apply again at any time; for questions call {hotline}.',
  },
  'case.notice.withdrawn': {
    'zh-CN': '按照您的要求，申请 {ref} 已撤回。如需再次申请，可以随时重新提交。',
    en: 'As you asked, application {ref} has been withdrawn. You can apply again at any time.',
  },
  'case.notice.reopened': {
    'zh-CN': '您的申请 {ref} 已重新审查，中心将{due}作出决定。{note}',
    en: 'Your application {ref} is being reviewed again. The centre will decide {due}.{note}',
  },
  'case.notice.note_line': { 'zh-CN': '\n说明：{text}', en: '\nNote: {text}' },

  'case.objection': {
    'zh-CN':
      '如对决定有异议，可以向设立法律援助中心的司法行政部门（司法局）提出，司法局应在 5 日内作出处理（《法律援助法》第四十九条）；对处理结果仍不服的，可以依法申请行政复议（60 日内）或提起行政诉讼（6 个月内）。',
    en: 'If you disagree, you can object to the justice bureau that set up the legal aid centre, which must deal with it within 5 days (Legal Aid Law art. 49). If you still disagree, you can apply for administrative review (within 60 days) or bring an administrative lawsuit (within 6 months).',
  },
  'case.complaint': {
    'zh-CN':
      '如对法律援助服务不满意，您可以向司法行政部门（司法局）投诉，也可以请求法律援助中心更换承办人员（《法律援助法》第五十五条）。投诉和咨询电话：{hotline}。',
    en: 'If you are unhappy with the legal aid service, you can complain to the justice bureau, or ask the legal aid centre for another lawyer (Legal Aid Law art. 55). Complaints and questions: {hotline}.',
  },

  'case.rating.choice': { 'zh-CN': '{n} 分', en: '{n}' },
  'case.rating.thanks': {
    'zh-CN': '谢谢您的评价（{rating} 分）！如愿意，可以再写几句意见；不写也可以。',
    en: 'Thank you for your rating ({rating})! If you like, write a few words about the service; this is optional.',
  },
  'case.rating.comment_thanks': { 'zh-CN': '已收到您的意见，谢谢！', en: 'Thank you, we have your comments.' },
  'case.rating.not_closed': {
    'zh-CN': '案件 {ref} 尚未办结，办结后才能评价。',
    en: 'Case {ref} is not closed yet; you can rate it once it is.',
  },
} as const satisfies Catalog;

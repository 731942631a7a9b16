import type { Catalog } from './catalog.js';

/**
 * What legal aid centre staff read: case cards, the queue, reports and the results of their actions.
 * The case card and the queue are in one language per line (zh-CN staff read Chinese only; volunteers who read
 * English choose English); some command and refusal texts still carry English glosses.
 */
export const staffMessages = {
  'staff.status.new': { 'zh-CN': '待认领', en: 'New' },
  'staff.status.claimed': { 'zh-CN': '审查中', en: 'Claimed' },
  'staff.status.materials_requested': { 'zh-CN': '待补材料', en: 'Materials requested' },
  'staff.status.accepted': { 'zh-CN': '已批准', en: 'Accepted' },
  'staff.status.declined': { 'zh-CN': '不予援助', en: 'Declined' },
  'staff.status.referred': { 'zh-CN': '已转交', en: 'Referred' },
  'staff.status.closed': { 'zh-CN': '已结案', en: 'Closed' },
  'staff.status.withdrawn': { 'zh-CN': '已撤回', en: 'Withdrawn' },

  'staff.action.claim': { 'zh-CN': '认领', en: 'Claim' },
  'staff.action.request_materials': { 'zh-CN': '补充材料', en: 'Request materials' },
  'staff.action.materials_received': { 'zh-CN': '材料已齐', en: 'Materials received' },
  'staff.action.accept': { 'zh-CN': '批准', en: 'Accept' },
  'staff.action.decline': { 'zh-CN': '不予援助', en: 'Decline' },
  'staff.action.refer': { 'zh-CN': '转交', en: 'Refer' },
  'staff.action.close': { 'zh-CN': '结案', en: 'Close' },
  'staff.action.withdraw': { 'zh-CN': '撤回', en: 'Withdraw' },
  'staff.action.reopen': { 'zh-CN': '重新办理', en: 'Reopen' },
  'staff.action.assign': { 'zh-CN': '分派', en: 'Assign' },
  'staff.action.submit': { 'zh-CN': '提交', en: 'Submitted' },

  'staff.card.urgent': { 'zh-CN': '🔴 紧急 ', en: '🔴 Urgent ' },
  'staff.card.same_day': { 'zh-CN': '🟠 当日受理 ', en: '🟠 Same day ' },
  'staff.card.overdue': { 'zh-CN': ' ⚠ 已逾期', en: ' ⚠ OVERDUE' },
  'staff.card.header': { 'zh-CN': '{flags}{ref} · {category}', en: '{flags}{ref} · {category}' },
  'staff.card.status': { 'zh-CN': '状态：{status}　承办人：{assignee}', en: 'Status: {status}   Assignee: {assignee}' },
  'staff.card.due': { 'zh-CN': '决定期限：{due}{overdue}', en: 'Decision due: {due}{overdue}' },
  'staff.card.due_paused': {
    'zh-CN': '决定期限：等待补充材料，材料齐全后重新起算',
    en: 'Decision due: paused until the requested materials arrive',
  },
  'staff.card.decided': { 'zh-CN': '决定时间：{at}', en: 'Decided: {at}' },
  'staff.card.applicant': { 'zh-CN': '申请人：{name}（{relation}）', en: 'Applicant: {name} ({relation})' },
  /** Whose number it is: a relative who applied gave their own, not the applicant's (who may be held by the police). */
  'staff.card.phone.self': { 'zh-CN': '电话：{phone}（申请人本人的）', en: "Phone: {phone} (the applicant's own)" },
  'staff.card.phone.relative': { 'zh-CN': '电话：{phone}（代为申请的亲属的，不是申请人本人的）', en: "Phone: {phone} (the relative who applied, not the applicant's own)" },
  'staff.card.phone.none': { 'zh-CN': '电话：{phone}', en: 'Phone: {phone}' },
  'staff.card.relation.self': { 'zh-CN': '本人申请', en: 'applying for themself' },
  'staff.card.relation.relative': { 'zh-CN': '由近亲属代为申请', en: 'a relative applying' },
  'staff.card.unsafe': {
    'zh-CN': '⚠ 请勿打电话或发短信：只通过本对话联系申请人。',
    en: '⚠ Do NOT phone or text the resident: contact them only through the chat.',
  },
  'staff.card.no_chat_notices': {
    'zh-CN': '⚠ 也不推送聊天通知：申请人表示聊天消息也不安全，请等其主动查询。',
    en: '⚠ No chat notices either: the resident said even chat messages are unsafe; wait for them to ask.',
  },

  'staff.card.relative_name': { 'zh-CN': '代为申请的亲属：{name}（电话打给这位）', en: 'The relative who applied: {name} (the phone is theirs)' },
  'staff.card.kinship': { 'zh-CN': '代为申请的人与申请人的关系：{kinship}', en: 'The person applying for them says: {kinship}' },
  'staff.card.documents_note': { 'zh-CN': '申请人说有这些材料：{note}', en: 'The applicant says they have: {note}' },
  'staff.card.contact_words': { 'zh-CN': '申请人原话：“{words}”', en: 'In the applicant\'s words: "{words}"' },
  'staff.card.safe_times': { 'zh-CN': '可联系时间：{times}', en: 'Safe times to contact: {times}' },
  'staff.card.place': { 'zh-CN': '地区：{region}　承办机构：{office}', en: 'Region: {region}   Office: {office}' },
  'staff.card.assessment': {
    'zh-CN': '初步评估：{outcome}；{meansTest}　政策版本：{policyVersion}',
    en: 'Assessment: {outcome}; {meansTest}   Policy version: {policyVersion}',
  },
  'staff.card.documents': { 'zh-CN': '所需材料：{documents}', en: 'Documents needed: {documents}' },
  'staff.card.requested': { 'zh-CN': '已一次性告知补充：{documents}', en: 'Requested (one-time notice): {documents}' },
  'staff.card.lawyer': { 'zh-CN': '承办律师：{lawyer}', en: 'Lawyer: {lawyer}' },
  'staff.card.description': { 'zh-CN': '案情：{description}', en: 'Description: {description}' },
  'staff.card.attachments': { 'zh-CN': '附件：{count} 个 {names}', en: 'Attachments ({count} files): {names}' },
  'staff.card.attachments.one': { 'zh-CN': '附件：{count} 个 {names}', en: 'Attachment ({count} file): {names}' },
  'staff.card.attachment_file': { 'zh-CN': '  📎 {name}（{type}，{size}）：{path}', en: '  📎 {name} ({type}, {size}): {path}' },
  'staff.cases.none': { 'zh-CN': '没有案件。', en: 'No cases.' },
  'staff.card.submitted': { 'zh-CN': '提交：{at}（{channel}）', en: 'Submitted: {at} ({channel})' },
  'staff.card.rating': { 'zh-CN': '评价：{rating}/5 {comment}', en: 'Rating: {rating}/5 {comment}' },
  'staff.card.history': { 'zh-CN': '记录：', en: 'History:' },
  'staff.card.event': { 'zh-CN': '{at} {actor}：{action} → {to}{note}', en: '{at} {actor}: {action} → {to}{note}' },
  'staff.card.resident': { 'zh-CN': '申请人', en: 'resident' },
  'staff.card.none': { 'zh-CN': '—', en: '—' },

  'staff.queue.header': { 'zh-CN': '待办队列（{count}）：紧急优先，再按期限', en: 'Queue ({count}): urgent first, then by due date' },
  'staff.queue.empty': { 'zh-CN': '没有待决定的案件。', en: 'No cases waiting for a decision.' },
  'staff.queue.line': {
    'zh-CN': '{flags}{ref} {category} · {status} · 期限 {due}{overdue} · {assignee} · {place}',
    en: '{flags}{ref} {category} · {status} · due {due}{overdue} · {assignee} · {place}',
  },
  'staff.queue.place': { 'zh-CN': '{office}（{region}）', en: '{office} ({region})' },
  'staff.mine.header': { 'zh-CN': '{name} 的案件（{count}）：', en: 'Cases of {name} ({count}):' },
  'staff.mine.empty': { 'zh-CN': '{name} 名下没有未结案件。', en: 'No open cases for {name}.' },
  'staff.case.not_found': { 'zh-CN': '找不到案件 {ref}。请检查编号，如 FY-20261122-0001。', en: 'No case {ref}. Check the reference, for example FY-20261122-0001.' },
  'staff.case.usage': { 'zh-CN': '用法：/case FY-20261122-0001', en: 'Usage: /case FY-20261122-0001' },
  'staff.stats.usage': { 'zh-CN': '用法：/stats 或 /stats 2026-11', en: 'Usage: /stats or /stats 2026-11' },
  'staff.unknown_command': {
    'zh-CN': '可用命令：/queue 待办队列，/case 编号 查看案件，/mine 我的案件，/stats [YYYY-MM] 月度统计',
    en: 'Commands: /queue, /case REF, /mine, /stats [YYYY-MM]',
  },

  'staff.stats.header': { 'zh-CN': '📊 统计：{period}', en: '📊 Statistics: {period}' },
  'staff.stats.all_time': { 'zh-CN': '全部', en: 'all time' },
  'staff.stats.received': { 'zh-CN': '收到申请：{count}（紧急 {urgent}）', en: 'Received: {count} (urgent {urgent})' },
  'staff.stats.by_category': { 'zh-CN': '按事项：{items}', en: 'By category: {items}' },
  'staff.stats.by_group': { 'zh-CN': '按人群：{items}', en: 'By group: {items}' },
  'staff.stats.by_channel': { 'zh-CN': '按渠道：{items}', en: 'By channel: {items}' },
  'staff.stats.by_assessment': { 'zh-CN': '初步评估：{items}', en: 'By assessment: {items}' },
  'staff.stats.by_status': { 'zh-CN': '当前状态：{items}', en: 'By current status: {items}' },
  'staff.stats.decided': {
    'zh-CN': '作出决定：{count}（批准 {accepted}，不予援助 {declined}，转交 {referred}）',
    en: 'Decided: {count} (accepted {accepted}, declined {declined}, referred {referred})',
  },
  'staff.stats.median': { 'zh-CN': '决定用时中位数：{hours} 小时', en: 'Median time to decision: {hours} hours' },
  'staff.stats.median_none': { 'zh-CN': '决定用时中位数：无', en: 'Median time to decision: none yet' },
  'staff.stats.median.one': { 'zh-CN': '决定用时中位数：{hours} 小时', en: 'Median time to decision: {hours} hour' },
  'staff.stats.ratings': { 'zh-CN': '满意度：平均 {average}（{count} 份评价）', en: 'Satisfaction: average {average} ({count} ratings)' },
  'staff.stats.ratings.one': { 'zh-CN': '满意度：平均 {average}（{count} 份评价）', en: 'Satisfaction: average {average} ({count} rating)' },
  'staff.channel.web': { 'zh-CN': '网页', en: 'Web' },
  'staff.channel.telegram': { 'zh-CN': 'Telegram', en: 'Telegram' },
  'staff.channel.console': { 'zh-CN': '终端', en: 'Console' },
  'staff.channel.wechat': { 'zh-CN': '微信', en: 'WeChat' },
  'staff.stats.none': { 'zh-CN': '无', en: 'none' },

  'staff.refused.not_found': { 'zh-CN': '找不到案件 {ref}。', en: 'No case {ref}.' },
  'staff.refused.not_allowed': {
    'zh-CN': '{ref} 当前状态为“{status}”，不能执行“{action}”。',
    en: '{ref} is {status}: "{action}" is not possible now.',
  },
  'staff.refused.already_claimed': { 'zh-CN': '{ref} 已由 {by} 认领。', en: '{ref} was already claimed by {by}.' },
  'staff.refused.materials_already_requested': {
    'zh-CN': '{ref} 已经发出过补充材料通知。补充材料应一次性告知，不能再次要求。',
    en: 'Materials for {ref} were already requested. The notice of missing materials is given once only.',
  },
  'staff.refused.wrong_actor': { 'zh-CN': '只有申请人本人可以执行此操作', en: 'Only the resident can do this.' },
  'staff.refused.missing_lawyer': { 'zh-CN': '请填写承办律师姓名', en: 'Give the name of the assigned lawyer.' },
  'staff.refused.missing_note': {
    'zh-CN': '请填写说明：不予援助须写明理由，转交须写明转交机构',
    en: 'A note is required: the reason for a decline, or where a case is referred to.',
  },
  'staff.refused.missing_documents': { 'zh-CN': '请列出需要补充的全部材料', en: 'List every missing document.' },

  'staff.done': { 'zh-CN': '✅ {ref}：{from} → {to}（{actor}）', en: '✅ {ref}: {from} → {to} ({actor})' },
  'staff.done.notified': { 'zh-CN': '已通知申请人', en: 'The resident has been notified.' },
  'staff.done.not_notified_unsafe': {
    'zh-CN': '未通知申请人：申请人表示聊天消息也不安全',
    en: 'The resident was NOT notified: they said even chat messages are unsafe.',
  },
  'staff.done.silent': { 'zh-CN': '无需通知申请人', en: 'No notification needed.' },

  'staff.ask.lawyer': { 'zh-CN': '请回复 {ref} 的承办律师姓名', en: 'Reply with the name of the lawyer for {ref}.' },
  'staff.ask.decline_reason': {
    'zh-CN': '请回复 {ref} 不予援助的理由（将告知申请人）',
    en: 'Reply with the reason for declining {ref}; the resident will see it.',
  },
  'staff.ask.refer_to': { 'zh-CN': '请回复 {ref} 转交的机构', en: 'Reply with where {ref} is referred to.' },
  'staff.ask.documents': {
    'zh-CN': '请选择 {ref} 需要补充的全部材料（一次性告知），选好后点“发送通知”',
    en: 'Pick every missing document for {ref} (one notice only), then press Send.',
  },
  'staff.ask.documents_send': { 'zh-CN': '发送通知', en: 'Send notice' },

  'staff.overdue.header': { 'zh-CN': '⚠ 逾期提醒（{count}）：以下案件已超过决定期限', en: '⚠ Overdue ({count}): these cases are past their decision date' },
} as const satisfies Catalog;

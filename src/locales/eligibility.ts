import type { Catalog } from './catalog.js';

/**
 * The reasons an eligibility decision gives, in plain language. Each cites the article or local rule it applies.
 * Parameters: `{category}`, `{region}`, `{residence}`, `{office}` … are filled in by the engine in both languages.
 */
export const eligibilityMessages = {
  'eligibility.outcome.eligible': {
    'zh-CN': '根据您提供的情况，您可以申请法律援助。',
    en: 'From what you have told us, you can apply for legal aid.',
  },
  'eligibility.outcome.mandatory_appointment': {
    'zh-CN': '这种情况下，公安机关、检察院或法院应当通知法律援助机构指派律师，不需要审查经济状况，也不需要本人申请。',
    en: 'In this situation the police, procuratorate or court must have legal aid assign a lawyer. There is no means test and no application is needed.',
  },
  'eligibility.outcome.not_eligible': {
    'zh-CN': '根据您提供的情况，暂不符合法律援助条件。',
    en: 'From what you have told us, you do not qualify for legal aid at the moment.',
  },
  'eligibility.outcome.out_of_scope': {
    'zh-CN': '“{category}”不属于本地法律援助的事项范围。',
    en: '“{category}” is not a matter legal aid covers here.',
  },
  'eligibility.outcome.needs_review': {
    'zh-CN': '还需要了解以下情况才能判断：{facts}。',
    en: 'We need to know more before we can tell: {facts}.',
  },

  'eligibility.mandatory.minor': {
    'zh-CN': '犯罪嫌疑人、被告人是未成年人，且没有委托辩护人（《法律援助法》第二十五条）。',
    en: 'The suspect or defendant is a minor with no defender (Legal Aid Law art. 25).',
  },
  'eligibility.mandatory.sense_disability': {
    'zh-CN': '犯罪嫌疑人、被告人是视力、听力或言语残疾人，且没有委托辩护人（《法律援助法》第二十五条）。',
    en: 'The suspect or defendant is blind, deaf or mute and has no defender (Legal Aid Law art. 25).',
  },
  'eligibility.mandatory.cannot_recognize_conduct': {
    'zh-CN': '犯罪嫌疑人、被告人不能完全辨认自己的行为，且没有委托辩护人（《法律援助法》第二十五条）。',
    en: 'The suspect or defendant cannot fully understand their own conduct and has no defender (Legal Aid Law art. 25).',
  },
  'eligibility.mandatory.life_or_death': {
    'zh-CN': '可能被判处无期徒刑或死刑，且没有委托辩护人（《法律援助法》第二十五条）；应指派具有三年以上相关执业经历的律师（第二十六条）。',
    en: 'The person may face life imprisonment or death and has no defender (Legal Aid Law art. 25); the lawyer must have at least three years of relevant practice (art. 26).',
  },
  'eligibility.mandatory.death_penalty_review': {
    'zh-CN': '死刑复核案件的被告人申请法律援助（《法律援助法》第二十五条）；应指派具有三年以上相关执业经历的律师（第二十六条）。',
    en: 'A defendant in a death-penalty review has applied (Legal Aid Law art. 25); the lawyer must have at least three years of relevant practice (art. 26).',
  },
  'eligibility.mandatory.trial_in_absentia': {
    'zh-CN': '缺席审判案件的被告人没有委托辩护人（《法律援助法》第二十五条）。',
    en: 'The defendant is tried in absentia and has no defender (Legal Aid Law art. 25).',
  },
  'eligibility.mandatory.compulsory_treatment': {
    'zh-CN': '强制医疗案件的被申请人或被告人没有委托诉讼代理人的，法院应当通知法律援助机构指派律师（《法律援助法》第二十八条）。',
    en: 'In compulsory medical treatment cases the court must have legal aid assign a lawyer when the person has none (Legal Aid Law art. 28).',
  },
  'eligibility.has_lawyer': {
    'zh-CN': '已经委托了辩护人或代理律师的，不再指派法律援助律师（《法律援助法》第二十四条、第二十八条）；如果之后解除委托，可以再申请。',
    en: 'Someone who already has their own defender or lawyer is not assigned a legal aid lawyer (Legal Aid Law arts. 24, 28); if that lawyer stops acting, you can apply again.',
  },
  'eligibility.no_means_test': {
    'zh-CN': '“{category}”事项申请法律援助不受经济困难条件的限制（《法律援助法》第三十二条）。',
    en: 'Legal aid for “{category}” has no means test (Legal Aid Law art. 32).',
  },
  'eligibility.scope.national': {
    'zh-CN': '“{category}”属于法律援助事项范围，因经济困难没有委托律师的可以申请（《法律援助法》第{article}条）。',
    en: '“{category}” is covered when you cannot afford a lawyer (Legal Aid Law art. {article}).',
  },
  'eligibility.scope.local': {
    'zh-CN': '“{category}”属于本地增加的法律援助事项（{citation}）。',
    en: '“{category}” is covered by a local rule ({citation}).',
  },
  'eligibility.exempt.minor': {
    'zh-CN': '未成年人免予核查经济困难状况（《法律援助法》第四十二条）。',
    en: 'Minors are exempt from the means test (Legal Aid Law art. 42).',
  },
  'eligibility.exempt.elderly_no_fixed_income': {
    'zh-CN': '没有固定生活来源的老年人免予核查经济困难状况（《法律援助法》第四十二条）。',
    en: 'Older people with no fixed source of income are exempt from the means test (Legal Aid Law art. 42).',
  },
  'eligibility.exempt.disabled_no_fixed_income': {
    'zh-CN': '没有固定生活来源的残疾人免予核查经济困难状况（《法律援助法》第四十二条）。',
    en: 'Disabled people with no fixed source of income are exempt from the means test (Legal Aid Law art. 42).',
  },
  'eligibility.exempt.group': {
    'zh-CN': '{group}免予核查经济困难状况（《法律援助法》第四十二条）。',
    en: '{group}: exempt from the means test (Legal Aid Law art. 42).',
  },
  'eligibility.exempt.migrant_worker': {
    'zh-CN': '进城务工人员追索劳动报酬或工伤赔偿，免予核查经济困难状况（《法律援助法》第四十二条）。',
    en: 'Migrant workers claiming wages or work-injury damages are exempt from the means test (Legal Aid Law art. 42).',
  },
  'eligibility.exempt.local': {
    'zh-CN': '{rule}（{citation}）。',
    en: '{rule} ({citation}).',
  },
  'eligibility.exempt.proof': {
    'zh-CN': '申请时请带上能证明上述情况的材料；不需要开具经济困难证明。',
    en: 'Bring a document that shows this when you apply; no hardship certificate is needed.',
  },
  'eligibility.means.passed': {
    'zh-CN': '家庭人均月收入约{perCapita}元，不高于{region}{residence}标准{threshold}元。',
    en: 'Household income per person is about {perCapita} yuan a month, within the {region} {residence} standard of {threshold} yuan.',
  },
  'eligibility.means.failed': {
    'zh-CN': '家庭人均月收入约{perCapita}元，高于{region}{residence}标准{threshold}元。',
    en: 'Household income per person is about {perCapita} yuan a month, above the {region} {residence} standard of {threshold} yuan.',
  },
  'eligibility.means.pledge': {
    'zh-CN': '经济困难状况由您签署个人诚信承诺书说明，不需要开具困难证明；请如实填写，法律援助机构可以核查（《法律援助法》第四十一条）。',
    en: 'You show financial hardship by signing a personal honesty pledge; no hardship certificate is needed. Be truthful: the centre may check it (Legal Aid Law art. 41).',
  },
  'eligibility.means.no_standard': {
    'zh-CN': '没有找到{region}在{date}适用的经济困难标准，需要工作人员审查。',
    en: 'There is no hardship standard for {region} on {date}; staff need to review this.',
  },
  'eligibility.objection': {
    'zh-CN': '如果法律援助机构作出不予援助的决定，您可以向设立该机构的司法行政部门提出异议（《法律援助法》第四十九条）。',
    en: 'If legal aid is refused, you can object to the justice bureau that set up the legal aid centre (Legal Aid Law art. 49).',
  },
  'eligibility.consultation_free': {
    'zh-CN': '法律咨询不受事项和经济条件限制，您可以拨打{hotline}或到法律援助机构免费咨询。',
    en: 'Legal advice is free for everyone: call {hotline} or visit a legal aid centre.',
  },
  'eligibility.urgent.deadline': {
    'zh-CN': '距离期限只剩{days}天，属于紧急情况，可以先提供法律援助、事后补交材料（《法律援助法》第四十四条）。',
    en: 'Days left before the deadline: {days}. This is urgent: aid can start now and papers can follow (Legal Aid Law art. 44).',
  },
  'eligibility.urgent.preservation': {
    'zh-CN': '需要申请保全或先予执行，属于紧急情况，可以先提供法律援助、事后补交材料（《法律援助法》第四十四条）。',
    en: 'Property or evidence must be preserved, so this is urgent: aid can start now and papers can follow (Legal Aid Law art. 44).',
  },
  'eligibility.urgent.same_day': {
    'zh-CN': '紧急案件当天办理。',
    en: 'Urgent cases are handled the same day.',
  },
  'eligibility.same_day': {
    'zh-CN': '您的申请可以当天受理（{citation}）。',
    en: 'Your application can be accepted the same day ({citation}).',
  },
  'eligibility.accessibility': {
    'zh-CN': '老年人、残疾人可以要求无障碍服务，例如上门受理、手语翻译或大字材料（《法律援助法》第四十五条）。',
    en: 'Older and disabled people can ask for barrier-free service such as home visits, sign language or large print (Legal Aid Law art. 45).',
  },
  'eligibility.decision_days': {
    'zh-CN': '材料齐全后，法律援助机构在{days}日内作出决定（《法律援助法》第四十三条）。',
    en: 'Once your application is complete, the centre decides within {days} days (Legal Aid Law art. 43).',
  },
  'eligibility.would_change_if': {
    'zh-CN': '如果{claims}，请告诉工作人员，结果可能不同。',
    en: 'If {claims}, tell staff: the outcome could be different.',
  },
  'eligibility.claim.hasDefender': { 'zh-CN': '已经委托了辩护人或代理律师', en: 'a lawyer has already been hired' },
  'eligibility.claim.possibleSentence': { 'zh-CN': '可能被判处无期徒刑或死刑', en: 'life imprisonment or death is possible' },
  'eligibility.claim.deathPenaltyReview': { 'zh-CN': '这是死刑复核案件', en: 'it is a death-penalty review' },
  'eligibility.claim.trialInAbsentia': { 'zh-CN': '法院缺席审判', en: 'the court tries the case in absentia' },
  'eligibility.claim.cannotFullyRecognizeConduct': { 'zh-CN': '当事人不能完全辨认自己的行为', en: 'the person cannot fully understand their own conduct' },
  'eligibility.claim.disability': { 'zh-CN': '有残疾', en: 'you have a disability' },
  'eligibility.claim.groups': {
    'zh-CN': '享受低保、特困等社会救助，或属于优抚对象、进城务工人员等群体',
    en: 'you receive 低保 or other social assistance, or belong to a group such as special-care recipients or migrant workers',
  },
  'eligibility.claim.deadlineDays': { 'zh-CN': '离开庭、起诉或时效期限不到7天', en: 'fewer than 7 days remain before a deadline' },
  'eligibility.claim.needsPreservation': { 'zh-CN': '需要马上保全财产或证据', en: 'property or evidence must be secured now' },
  'eligibility.route': {
    'zh-CN': '请联系{office}：{address}，电话{phone}。',
    en: 'Contact {office}: {address}, phone {phone}.',
  },
} as const satisfies Catalog;

export type EligibilityMessageKey = keyof typeof eligibilityMessages;

/**
 * The reasons that the chat words to the resident ("根据您提供的情况", "you can object…", "tell staff"), as the staff case
 * page says them: about the applicant, in the third person. Same keys after `eligibility.staff.`, same placeholders;
 * reasons not listed here are already neutral and read the same in both places.
 */
export const eligibilityStaffMessages = {
  'eligibility.staff.outcome.eligible': {
    'zh-CN': '根据申请人提供的情况，可以申请法律援助。',
    en: 'From what the applicant has said, they can apply for legal aid.',
  },
  'eligibility.staff.outcome.not_eligible': {
    'zh-CN': '根据申请人提供的情况，暂不符合法律援助条件。',
    en: 'From what the applicant has said, they do not qualify for legal aid at the moment.',
  },
  'eligibility.staff.outcome.needs_review': {
    'zh-CN': '还需要核实以下情况才能判断：{facts}。',
    en: 'Still to be checked before deciding: {facts}.',
  },
  'eligibility.staff.has_lawyer': {
    'zh-CN': '申请人已经委托了辩护人或代理律师，不再指派法律援助律师（《法律援助法》第二十四条、第二十八条）；解除委托后可以再申请。',
    en: 'The applicant already has their own defender or lawyer, so no legal aid lawyer is assigned (Legal Aid Law arts. 24, 28); if that lawyer stops acting, the applicant can apply again.',
  },
  'eligibility.staff.scope.national': {
    'zh-CN': '“{category}”属于法律援助事项范围，因经济困难没有委托律师的可以申请（《法律援助法》第{article}条）。',
    en: '“{category}” is covered when the applicant cannot afford a lawyer (Legal Aid Law art. {article}).',
  },
  'eligibility.staff.exempt.proof': {
    'zh-CN': '申请人需提供能证明上述情况的材料；不需要开具经济困难证明。',
    en: 'The applicant should bring a document that shows this; no hardship certificate is needed.',
  },
  'eligibility.staff.means.pledge': {
    'zh-CN': '经济困难状况由申请人签署个人诚信承诺书说明，不需要开具困难证明；法律援助机构可以核查（《法律援助法》第四十一条）。',
    en: 'Financial hardship is shown by the applicant’s signed personal honesty pledge; no hardship certificate is needed, and the centre may check it (Legal Aid Law art. 41).',
  },
  'eligibility.staff.objection': {
    'zh-CN': '如果作出不予援助的决定，申请人可以向设立该机构的司法行政部门提出异议（《法律援助法》第四十九条）。',
    en: 'If legal aid is refused, the applicant can object to the justice bureau that set up the legal aid centre (Legal Aid Law art. 49).',
  },
  'eligibility.staff.consultation_free': {
    'zh-CN': '法律咨询不受事项和经济条件限制，申请人可以拨打{hotline}或到法律援助机构免费咨询。',
    en: 'Legal advice is free for everyone: the applicant can call {hotline} or visit a legal aid centre.',
  },
  'eligibility.staff.same_day': {
    'zh-CN': '该申请可以当天受理（{citation}）。',
    en: 'The application can be accepted the same day ({citation}).',
  },
  'eligibility.staff.decision_days': {
    'zh-CN': '材料齐全后，法律援助机构在{days}日内作出决定（《法律援助法》第四十三条）。',
    en: 'Once the application is complete, the centre decides within {days} days (Legal Aid Law art. 43).',
  },
  'eligibility.staff.would_change_if': {
    'zh-CN': '如果{claims}，结论可能不同。',
    en: 'If {claims}, the outcome could be different.',
  },
  'eligibility.staff.claim.disability': { 'zh-CN': '申请人有残疾', en: 'the applicant has a disability' },
  'eligibility.staff.claim.groups': {
    'zh-CN': '申请人享受低保、特困等社会救助，或属于优抚对象、进城务工人员等群体',
    en: 'the applicant receives 低保 or other social assistance, or belongs to a group such as special-care recipients or migrant workers',
  },
  'eligibility.staff.route': {
    'zh-CN': '承办机构：{office}，{address}，电话{phone}。',
    en: 'Office: {office}, {address}, phone {phone}.',
  },
} as const satisfies Catalog;

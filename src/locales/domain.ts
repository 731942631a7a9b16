import type { Catalog } from './catalog.js';

/**
 * Human labels for the shared vocabulary (domain.md §2): `category.<id>`, `group.<id>`, `outcome.<id>`,
 * `meansTest.<id>`, `disability.<id>`, `residence.<id>`, `criminalRole.<id>`, `possibleSentence.<id>` and
 * `fact.<name>` (a fact as a short noun phrase, for "we still need to know …"). Used for buttons and reasons.
 */
export const domainMessages = {
  'category.state_compensation': { 'zh-CN': '国家赔偿', en: 'State compensation' },
  'category.social_insurance': { 'zh-CN': '社会保险待遇', en: 'Social insurance benefits' },
  'category.social_assistance': { 'zh-CN': '社会救助', en: 'Social assistance' },
  'category.pension': { 'zh-CN': '抚恤金', en: 'Survivor and disability pensions (抚恤金)' },
  'category.elder_support': { 'zh-CN': '赡养费', en: 'Support for elderly parents' },
  'category.child_support': { 'zh-CN': '抚养费', en: 'Child support' },
  'category.spousal_support': { 'zh-CN': '扶养费', en: 'Spousal support' },
  'category.labor_relationship': { 'zh-CN': '确认劳动关系', en: 'Confirming an employment relationship' },
  'category.wages': { 'zh-CN': '劳动报酬（欠薪）', en: 'Unpaid wages' },
  'category.capacity_declaration': { 'zh-CN': '认定民事行为能力', en: 'Declaring someone without full civil capacity' },
  'category.work_injury': { 'zh-CN': '工伤事故', en: 'Work injury' },
  'category.traffic_injury': { 'zh-CN': '交通事故', en: 'Traffic accident injury' },
  'category.food_drug_injury': { 'zh-CN': '食品药品安全事故', en: 'Food or drug safety injury' },
  'category.medical_injury': { 'zh-CN': '医疗事故', en: 'Medical accident' },
  'category.environmental_damage': { 'zh-CN': '环境污染、生态破坏', en: 'Environmental pollution or ecological damage' },
  'category.hero_martyr_rights': { 'zh-CN': '英雄烈士人格权益', en: 'Protecting the name and honour of a hero or martyr' },
  'category.good_samaritan': { 'zh-CN': '见义勇为', en: 'Claims of a good Samaritan (见义勇为)' },
  'category.wrongful_conviction_compensation': {
    'zh-CN': '再审改判无罪请求国家赔偿',
    en: 'State compensation after acquittal on retrial',
  },
  'category.domestic_violence': { 'zh-CN': '虐待、遗弃、家庭暴力', en: 'Abuse, abandonment or domestic violence' },
  'category.criminal_defense': { 'zh-CN': '刑事辩护（嫌疑人、被告人）', en: 'Criminal defence (suspect or defendant)' },
  'category.criminal_victim': {
    'zh-CN': '刑事被害人、自诉人、附带民事原告',
    en: 'Crime victim, private prosecutor or civil plaintiff in a criminal case',
  },
  'category.compulsory_treatment': { 'zh-CN': '强制医疗', en: 'Compulsory medical treatment' },
  'category.marriage_family': { 'zh-CN': '婚姻家庭（离婚等）', en: 'Marriage and family (divorce and similar)' },
  'category.house_expropriation': { 'zh-CN': '房屋征收与补偿', en: 'House expropriation and compensation' },
  'category.agricultural_inputs': { 'zh-CN': '农资质量（假种子、化肥、农药）', en: 'Faulty seeds, fertiliser or pesticide' },
  'category.labor_contract': { 'zh-CN': '劳动合同（辞退、补偿）', en: 'Employment contract (dismissal, severance)' },
  'category.inheritance': { 'zh-CN': '继承', en: 'Inheritance' },
  'category.contract_debt': { 'zh-CN': '合同、借贷', en: 'Contracts and loans' },
  'category.land_contract': { 'zh-CN': '土地承包', en: 'Rural land contracts' },
  'category.consumer': { 'zh-CN': '消费维权', en: 'Consumer rights' },
  'category.other': { 'zh-CN': '其他', en: 'Something else' },

  'group.social_assistance_recipient': {
    'zh-CN': '低保、特困等社会救助对象',
    en: 'Receiving social assistance (低保, 特困 or similar)',
  },
  'group.judicial_assistance_recipient': { 'zh-CN': '司法救助对象', en: 'Receiving judicial assistance' },
  'group.special_care_recipient': { 'zh-CN': '优抚对象', en: 'Entitled to special care (优抚对象)' },
  'group.migrant_worker': { 'zh-CN': '进城务工人员（农民工）', en: 'Migrant worker' },
  'group.registered_poor': { 'zh-CN': '建档立卡户、脱贫户', en: 'Registered poor or formerly poor household' },
  'group.military_family': { 'zh-CN': '军人军属', en: 'Service member or military family' },
  'group.labor_arbitration_fee_waived': {
    'zh-CN': '劳动仲裁费用已获减免',
    en: 'Labour arbitration fees already waived',
  },

  'outcome.eligible': { 'zh-CN': '符合法律援助条件', en: 'Eligible for legal aid' },
  'outcome.mandatory_appointment': { 'zh-CN': '应当指派律师（通知辩护）', en: 'A lawyer must be assigned' },
  'outcome.not_eligible': { 'zh-CN': '不符合法律援助条件', en: 'Not eligible for legal aid' },
  'outcome.out_of_scope': { 'zh-CN': '不属于法律援助事项范围', en: 'Not a matter legal aid covers' },
  'outcome.needs_review': { 'zh-CN': '需要进一步了解情况', en: 'More information needed' },

  'meansTest.not_required': { 'zh-CN': '不需要审查经济状况', en: 'No means test needed' },
  'meansTest.exempt': { 'zh-CN': '免予核查经济困难状况', en: 'Exempt from the means test' },
  'meansTest.passed': { 'zh-CN': '符合经济困难标准', en: 'Means test passed' },
  'meansTest.failed': { 'zh-CN': '超出经济困难标准', en: 'Means test not passed' },
  'meansTest.unknown': { 'zh-CN': '经济状况尚待确认', en: 'Means test not yet possible' },

  'disability.none': { 'zh-CN': '没有残疾', en: 'No disability' },
  'disability.visual': { 'zh-CN': '视力残疾', en: 'Visual impairment' },
  'disability.hearing': { 'zh-CN': '听力残疾', en: 'Hearing impairment' },
  'disability.speech': { 'zh-CN': '言语残疾', en: 'Speech impairment' },
  'disability.physical': { 'zh-CN': '肢体残疾', en: 'Physical disability' },
  'disability.intellectual': { 'zh-CN': '智力残疾', en: 'Intellectual disability' },
  'disability.mental': { 'zh-CN': '精神残疾', en: 'Mental (psychosocial) disability' },
  'disability.multiple': { 'zh-CN': '多重残疾', en: 'Multiple disabilities' },

  'residence.urban': { 'zh-CN': '城市', en: 'urban' },
  'residence.rural': { 'zh-CN': '农村', en: 'rural' },

  'criminalRole.suspect': { 'zh-CN': '犯罪嫌疑人', en: 'Suspect' },
  'criminalRole.defendant': { 'zh-CN': '被告人', en: 'Defendant' },
  'criminalRole.victim': { 'zh-CN': '被害人', en: 'Victim' },
  'criminalRole.private_prosecutor': { 'zh-CN': '自诉人', en: 'Private prosecutor' },
  'criminalRole.civil_plaintiff': { 'zh-CN': '附带民事诉讼原告人', en: 'Civil plaintiff in a criminal case' },

  'possibleSentence.ordinary': { 'zh-CN': '有期徒刑或更轻', en: 'A fixed prison term or less' },
  'possibleSentence.life': { 'zh-CN': '可能判处无期徒刑', en: 'Possible life imprisonment' },
  'possibleSentence.death': { 'zh-CN': '可能判处死刑', en: 'Possible death sentence' },

  'fact.region': { 'zh-CN': '所在地区', en: 'where you are' },
  'fact.category': { 'zh-CN': '遇到的是什么问题', en: 'what the problem is about' },
  'fact.criminalRole': { 'zh-CN': '在刑事案件中的身份', en: 'your role in the criminal case' },
  'fact.hasDefender': { 'zh-CN': '是否已经委托了律师', en: 'whether a lawyer has already been hired' },
  'fact.age': { 'zh-CN': '年龄', en: 'age' },
  'fact.disability': { 'zh-CN': '是否有残疾', en: 'any disability' },
  'fact.cannotFullyRecognizeConduct': {
    'zh-CN': '是否不能完全辨认自己的行为',
    en: 'whether the person can fully understand their own conduct',
  },
  'fact.possibleSentence': { 'zh-CN': '可能判处的刑罚', en: 'the sentence the person could face' },
  'fact.deathPenaltyReview': { 'zh-CN': '是否为死刑复核案件', en: 'whether it is a death-penalty review' },
  'fact.trialInAbsentia': { 'zh-CN': '是否为缺席审判', en: 'whether the trial is held in the defendant’s absence' },
  'fact.fixedIncome': { 'zh-CN': '是否有固定生活来源', en: 'whether you have a fixed source of income' },
  'fact.groups': { 'zh-CN': '是否属于低保、特困、优抚等特定群体', en: 'whether you belong to a group such as 低保 recipients' },
  'fact.residence': { 'zh-CN': '居住在城市还是农村', en: 'whether you live in a town or the countryside' },
  'fact.householdSize': { 'zh-CN': '家庭人口数', en: 'how many people live in your household' },
  'fact.householdMonthlyIncome': { 'zh-CN': '家庭每月总收入', en: 'your household’s total monthly income' },
  'fact.deadlineDays': { 'zh-CN': '离开庭、诉讼时效等期限还有几天', en: 'how many days are left before a deadline or hearing' },
  'fact.needsPreservation': {
    'zh-CN': '是否需要财产或证据保全、先予执行',
    en: 'whether property or evidence needs to be preserved urgently',
  },
  // Not an eligibility fact: the applicant chose to submit although the preliminary assessment was negative.
  'fact.submitAnyway': { 'zh-CN': '预判不利时仍坚持提交', en: 'submitted although the preliminary assessment was negative' },
} as const satisfies Catalog;

export type DomainMessageKey = keyof typeof domainMessages;

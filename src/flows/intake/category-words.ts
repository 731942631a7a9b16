import type { CategoryId } from '../../knowledge/eligibility/vocabulary.js';

/**
 * Words residents use for each kind of problem, Chinese and English. The first match wins, so the
 * more specific categories (criminal, domestic violence, work injury) come before general ones.
 */
const CATEGORY_WORDS: [CategoryId, RegExp][] = [
  ['compulsory_treatment', /强制医疗|compulsory (medical )?treatment/i],
  ['wrongful_conviction_compensation', /改判无罪|再审.*无罪|wrongful(ly)? convict|acquitted on retrial/i],
  ['criminal_defense', /被抓|抓走|拘留|逮捕|羁押|看守所|刑事辩护|嫌疑人|被告人|判刑|坐牢|detained|arrested|police (took|custody)|criminal (charge|defen[cs]e)|suspect|defendant|in custody/i],
  ['criminal_victim', /被害人|受害人.*(刑事|犯罪)|自诉|刑事附带|被(人)?(打伤|砍|捅|抢|骗)|victim of (a )?crime|assaulted|robbed/i],
  ['domestic_violence', /家暴|家庭暴力|(丈夫|老公|妻子|老婆|对象|男朋友|女朋友|前夫|前妻|公公|婆婆|继父|继母|父亲|母亲|爸爸?|妈妈?|儿子|女儿|家里人).{0,6}(打|殴打|揍|掐|踢|威胁要杀)|虐待|遗弃|domestic (violence|abuse)|(husband|wife|partner) (hits|beats|beat|hit)|abuse[ds]? (at home|by my)/i],
  ['hero_martyr_rights', /英雄|烈士|martyr|hero/i],
  ['good_samaritan', /见义勇为|good samaritan|helping (a )?stranger/i],
  ['work_injury', /工伤|上班.*(受伤|摔伤|砸伤|伤)|干活.*(受伤|伤了)|职业病|work(place)? injur|injured at work|hurt at work|occupational disease/i],
  ['wages', /欠薪|工资|工钱|薪水|讨薪|拖欠.*(钱|薪)|包工头|血汗钱|wage|unpaid|salary|not (been )?paid|pay (me|us)/i],
  ['labor_contract', /辞退|开除|解雇|裁员|劳动合同|经济补偿|赔偿金.*(辞退|解雇)|fired|dismiss|laid off|sacked|employment contract|severance/i],
  ['labor_relationship', /劳动关系|没签合同.*(认定|确认)|confirm.*employ/i],
  ['traffic_injury', /车祸|交通事故|撞(了|伤)|被车|肇事|traffic (accident|injur)|car (accident|crash)|hit by a (car|truck|vehicle)/i],
  ['medical_injury', /医疗事故|医疗纠纷|医院.*(误诊|治坏|责任)|手术.*(失败|事故)|medical (negligence|malpractice|accident|dispute)/i],
  ['food_drug_injury', /食品安全|食物中毒|假药|药品.*(事故|伤害)|food poisoning|food safety|fake (medicine|drugs)/i],
  ['environmental_damage', /污染|排污|生态破坏|pollution|polluted|environmental/i],
  ['elder_support', /赡养|养老.*(子女|儿女)|儿女不管|子女不(养|管)|support (my|for) (elderly|aged) parent|children (won't|do not|don't) support/i],
  ['child_support', /抚养费|孩子.*(生活费|抚养)|child support/i],
  ['spousal_support', /扶养费|spousal support|alimony/i],
  ['marriage_family', /离婚|婚姻|彩礼|抚养权|divorce|custody|marriage/i],
  ['house_expropriation', /拆迁|征收|征地|强拆|expropriat|demolition/i],
  ['agricultural_inputs', /假种子|化肥|农药|农资|fake seeds|fertili[sz]er|pesticide/i],
  ['social_insurance', /社保|养老保险|医保|失业保险|生育保险|social insurance|pension insurance|medical insurance/i],
  ['social_assistance', /低保|救助|特困|social assistance|welfare benefit/i],
  ['pension', /抚恤金|pension for (the )?family|death benefit|survivor'?s? pension/i],
  ['state_compensation', /国家赔偿|state compensation/i],
  ['capacity_declaration', /行为能力|监护|痴呆|精神病.*(认定|宣告)|legal capacity|guardianship/i],
  ['inheritance', /继承|遗产|遗嘱|inherit|estate|will\b/i],
  ['land_contract', /土地承包|承包地|宅基地|land contract|farmland/i],
  ['contract_debt', /借钱|欠钱|借款|欠款|合同纠纷|不还钱|loan|debt|owes me|contract dispute/i],
  ['consumer', /消费|买到|退货|商家|网购|consumer|refund|shop|purchase/i],
];

/** The category a resident's own words point to, or `null` when none is clear. */
export function categoryFromText(text: string): CategoryId | null {
  for (const [category, pattern] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  return null;
}

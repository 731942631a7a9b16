import type { Locale } from '../../locales/catalog.js';

/** Who the resident is to the person they apply for, as their words imply it ("替我妈申请" → a child of the applicant). */
export type KinRole = 'child' | 'parent' | 'spouse' | 'sibling' | 'grandchild';

/** The applicant named by the resident: the resident's role towards them, and the language they said it in. */
export interface StatedKinship {
  role: KinRole;
  locale: Locale;
  /**
   * Said as the resident's own role ("我是他妈"), not as applying for someone: it says nothing about whom the application
   * is for ("我是他老婆，他打我" is her own application), so it counts only once the resident applies for a relative.
   */
  own?: boolean;
}

/** The relative named → who the resident is to them. Gender is not guessed: "我妈" makes the resident her 子女, not her son. */
const ROLE_OF_ZH: [RegExp, KinRole][] = [
  [/^(?:妈妈?|爸爸?|母亲|父亲|父母|老爸|老妈|爹|娘)$/, 'child'],
  [/^(?:儿子|女儿|孩子|闺女|小孩)$/, 'parent'],
  [/^(?:老公|老婆|丈夫|妻子|媳妇|爱人)$/, 'spouse'],
  [/^(?:哥哥?|弟弟?|姐姐?|妹妹?)$/, 'sibling'],
  [/^(?:爷爷|奶奶|外公|外婆|姥姥|姥爷)$/, 'grandchild'],
];
const ROLE_OF_EN: [RegExp, KinRole][] = [
  [/^(?:mother|father|mum|mom|dad|mam|parents?)$/, 'child'],
  [/^(?:son|daughter|child|kid|boy|girl)$/, 'parent'],
  [/^(?:husband|wife|spouse|partner)$/, 'spouse'],
  [/^(?:brother|sister)$/, 'sibling'],
  [/^(?:grandmother|grandfather|grandma|grandpa|granny|nan|grandparents?)$/, 'grandchild'],
];

/** "帮/替/给/为/代 (我)X 申请/办/问/咨询…": someone else's matter, named, with what is done for them. */
const FOR_RELATIVE_ZH = /(?:帮|替|给|为|代)(?:我的?|我们家的?|俺)?(妈妈?|爸爸?|母亲|父亲|父母|老爸|老妈|爹|娘|儿子|女儿|孩子|闺女|小孩|老公|老婆|丈夫|妻子|媳妇|爱人|哥哥?|弟弟?|姐姐?|妹妹?|爷爷|奶奶|外公|外婆|姥姥|姥爷)(?:的事|的事情)?(?:来|想|要)?(?:申请|办|问|咨询|打官司|找律师|请律师|维权|讨)/;
/** "我儿子", "俺爸", "我们家的老公" at the start: the relative named, as group 1. */
const MY_RELATIVE_ZH = String.raw`^(?:我|俺|我家|我们家)的?(妈妈?|爸爸?|母亲|父亲|老爸|老妈|爹|娘|儿子|女儿|孩子|闺女|小孩|老公|丈夫|哥哥?|弟弟?|姐姐?|妹妹?|爷爷|奶奶|外公|外婆|姥姥|姥爷)`;
/**
 * "我儿子被拘留了", "俺爸被车撞了": a relative named as the one something was done to — their matter, which the resident
 * brings for them. Not "我老公打我" (the resident's own), nor "我儿子欠了钱" (no 被).
 */
const HAPPENED_TO_RELATIVE_ZH = new RegExp(String.raw`${MY_RELATIVE_ZH}(?:前天|昨天|今天|上周|上个月|刚刚|刚才|突然)?(?:被|让)`);
/**
 * The same with words between ("我儿子今年17 昨天被派出所抓了", "我老公在工地上被砸伤了"): a few, without the resident
 * (我) among them — "我老公喝醉了把我…" is not his matter — and never a relative hit by a partner (abuse-told.ts reads that).
 */
const HAPPENED_TO_RELATIVE_LATER_ZH = new RegExp(
  String.raw`${MY_RELATIVE_ZH}[^，。,.!！?？我俺]{1,10}?(?:被|让)(?:派出所|公安|警察|检察院|法院|人|车|老板|公司|单位|学校|骗子|对方|抓|拘|刑拘|逮捕|关|撞|砸|打伤|骗|起诉|开除|辞退|欠)`,
);
/**
 * "my son was arrested", "my dad got hit by a car", "the police took my husband": a relative's matter, told in English.
 * Not "my husband was drunk and hit me" (no such participle right after), which is the resident's own.
 */
const RELATIVE_EN = 'mother|father|mum|mom|dad|son|daughter|child|kid|boy|girl|husband|wife|brother|sister|grandmother|grandfather|grandma|grandpa';
const HAPPENED_TO_RELATIVE_EN = new RegExp(
  String.raw`^(?:(?:hi|hello|please help|help)[,.!\s]+)?(?:my|our) (${RELATIVE_EN})\b(?:,? (?:who is|he is|she is|aged?) \d{1,2},?)? (?:was|got|has been|had been|have been|is being|just got|was just) (arrested|detained|taken|caught|locked up|jailed|charged|accused|held|picked up|hit|run over|injured|hurt|killed|cheated|scammed|sued|fired|sacked)\b|\b(?:the )?(?:police|cops|officers) (?:have |has )?(?:took|taken|arrested|detained|caught|picked up|came and took) (?:away )?my (${RELATIVE_EN})\b`,
  'i',
);
/** "applying for my mother", "apply on behalf of my dad", "asking for my son". */
const FOR_RELATIVE_EN = /\b(?:apply|applying|application|ask|asking|enquiring|inquiring)\s+(?:for legal aid\s+)?(?:for|on behalf of)\s+my\s+([a-z]+)\b|\bon behalf of my\s+([a-z]+)\b/i;

/** "我是他妈", "I'm his mom": the resident's own role said directly (the role is the word itself, not its converse). */
const SELF_ROLE_ZH = /(?:我是|俺是)(?:他|她|ta|TA)的?(妈妈?|母亲|爸爸?|父亲|娘|爹|儿子|女儿|闺女|老公|老婆|丈夫|妻子|媳妇|爱人|哥哥?|姐姐?|弟弟?|妹妹?|孙子|孙女|外孙女?)/;
const SELF_ROLE_EN = /\b(?:i'?m|i am|im)\s+(?:his|her|their)\s+([a-z]+)\b/i;
const OWN_ROLE_ZH: [RegExp, KinRole][] = [
  [/^(?:妈妈?|母亲|爸爸?|父亲|娘|爹)$/, 'parent'],
  [/^(?:儿子|女儿|闺女)$/, 'child'],
  [/^(?:老公|老婆|丈夫|妻子|媳妇|爱人)$/, 'spouse'],
  [/^(?:哥哥?|姐姐?|弟弟?|妹妹?)$/, 'sibling'],
  [/^(?:孙子|孙女|外孙女?)$/, 'grandchild'],
];
const OWN_ROLE_EN: [RegExp, KinRole][] = [
  [/^(?:mother|mom|mum|mam|father|dad|parent)$/, 'parent'],
  [/^(?:son|daughter|child|kid)$/, 'child'],
  [/^(?:husband|wife|spouse|partner)$/, 'spouse'],
  [/^(?:brother|sister|sibling)$/, 'sibling'],
  [/^(?:grandson|granddaughter|grandchild)$/, 'grandchild'],
];

/**
 * Whom a resident says they apply for, as the kinship question would record it, or `undefined` when they do not
 * say it plainly ("我妈的事" alone, "家里人" — no role): offered at the kinship question in one tap, never taken unasked.
 * @example statedRelative('我替我妈申请') // { role: 'child', locale: 'zh-CN' }
 */
export function statedRelative(text: string): StatedKinship | undefined {
  const t = text.normalize('NFKC');
  const ownZh = SELF_ROLE_ZH.exec(t);
  const ownZhRole = ownZh ? OWN_ROLE_ZH.find(([pattern]) => pattern.test(ownZh[1]!))?.[1] : undefined;
  if (ownZhRole) return { role: ownZhRole, locale: 'zh-CN', own: true };
  const ownEn = SELF_ROLE_EN.exec(t);
  const ownEnRole = ownEn ? OWN_ROLE_EN.find(([pattern]) => pattern.test(ownEn[1]!.toLowerCase()))?.[1] : undefined;
  if (ownEnRole) return { role: ownEnRole, locale: 'en', own: true };
  const trimmed = t.trim();
  const zh = FOR_RELATIVE_ZH.exec(t) ?? HAPPENED_TO_RELATIVE_ZH.exec(trimmed) ?? HAPPENED_TO_RELATIVE_LATER_ZH.exec(trimmed);
  if (zh) {
    const role = ROLE_OF_ZH.find(([pattern]) => pattern.test(zh[1]!))?.[1];
    if (role) return { role, locale: 'zh-CN' };
  }
  const en = FOR_RELATIVE_EN.exec(t) ?? HAPPENED_TO_RELATIVE_EN.exec(trimmed);
  if (en) {
    const word = en.slice(1).find((w) => w !== undefined)!.toLowerCase();
    const role = ROLE_OF_EN.find(([pattern]) => pattern.test(word))?.[1];
    if (role) return { role, locale: 'en' };
  }
  return undefined;
}

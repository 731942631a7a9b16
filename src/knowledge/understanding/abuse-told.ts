import { toSimplified } from './simplified.js';

/**
 * Violence at home told as a habit or as history, by the person it happens to: "我老公天天喝酒回来就打我", "他经常打我，我不敢
 * 回家", "我被家暴好几年了", "my husband hits me when he drinks". Not danger now (danger.ts decides that, and raises the
 * alarm): a legal aid centre still gives such a resident the numbers once, gently. Never a question about domestic violence
 * in general ("家暴可以申请法律援助吗", "what counts as domestic violence"), someone else's ("我朋友被她老公打"), nor a call
 * ("天天打我电话").
 */
const HOUSEHOLD = '(?:老公|丈夫|老婆|妻子|媳妇|男朋友|男友|女朋友|前夫|前妻|对象|爱人|公公|婆婆|继父|后爸|继母|后妈|儿子|儿媳|女婿|我爸|我妈|他爸|家里人|(?:我|俺)(?:家)?(?:男人|那口子|婆娘)|孩子(?:他|她)(?:爸|妈)|当家的)';
/** Hit, the resident the one hit; not a call ("打我电话", "打我手机", "打我的吧 139…"). */
const HITS_ME = '(?:打|揍|踢|掐|扇|踹|虐待)(?:了|过)?(?:我|俺)(?!的?(?:电话|手机|号|微信)|的(?:吧|呗|啊|就行|[，,。.\\s]|$))';
/** Pushed down or into something ("推我撞到墙上", "把我推倒", "把我推下楼梯"); never pushed along ("推我去医院"). */
export const PUSHED = '(?:推(?:了|过)?(?:我|俺)(?:一把|一下)?[^，。！？,.!?；;]{0,2}(?:撞|摔|倒)|把(?:我|俺)(?:给)?推(?:倒|下|到地|在地|到墙))';

/** A time before now: "上周", "前几天", "去年", "以前", "那次". */
const BEFORE = '上个?(?:周|星期|礼拜|月)|前几天|前些天|前段时间|前阵子|前些日子|那天|那次|去年|前年|以前|之前|过去|曾经|昨天|昨晚|昨天晚上|年前|个?月前|(?:几|两|三|四|五|六|七|八|九|十|\\d+)天前';

const TOLD_ZH: RegExp[] = [
  // "我老公天天喝酒回来就打我", "俺男人一喝酒就打俺": the one who hits, then the blows, in one clause.
  new RegExp(`${HOUSEHOLD}[^，。！？,.!?；;]{0,12}(?:${HITS_ME}|${PUSHED})`),
  // "我老公上周喝多了把我打了", "他男人把俺揍了一顿" (session 17).
  new RegExp(`${HOUSEHOLD}[^，。！？,.!?；;]{0,12}把(?:我|俺)(?:给)?(?:打|揍|踢|掐|踹|扇)`),
  // "他经常打我", "她动不动就掐我": a bare he or she who hits again and again lives with the resident.
  new RegExp(`(?:他|她)(?:天天|每天|经常|常常|总是|老是|老|一直|动不动就|时不时就?|隔三差五就?|一喝酒就|喝了酒就|喝醉了?就|一喝多就|喝多了就)[^，。！？,.!?]{0,4}${HITS_ME}`),
  // "我被老公打了好几次", "我经常被他打".
  new RegExp(`(?:我|俺)(?:经常|一直|天天|总是|老是|又)?(?:被|让|遭)(?:${HOUSEHOLD}|他|她)(?:经常|一直|天天|总是)?(?:打|揍|踢|掐|虐待|家暴)`),
  // Told of a time before, by a bare he or she (session 17): "他上周打了我", "他前几天把我打伤了", "他打了我好几次",
  // "以前被他打过", "上个月被他打得头破血流". Never "他从来不打我" nor "他上周打我电话".
  new RegExp(`(?:(?:他|她)(?:${BEFORE})|(?:${BEFORE})[^，。！？,.!?；;]{0,2}(?:他|她))[^，。！？,.!?；;不没别]{0,6}(?:${HITS_ME}|${PUSHED}|把(?:我|俺)(?:打|揍|掐|踹)|掐(?:住|过)?(?:我|俺)的?脖子)`),
  new RegExp(`(?:他|她)(?:(?!不|没|别)[^，。！？,.!?；;]){0,4}${HITS_ME}(?:了|过)?[^，。！？,.!?；;]{0,2}(?:好几次|好多次|几次|多次|一顿|好几回|几回)`),
  new RegExp(`(?:(?:我|俺)(?:${BEFORE})?|(?<!(?:朋友|同事|邻居|同学|闺蜜|室友|老乡|别人|人家)[^，。！？,.!?；;]{0,3})(?:${BEFORE}))(?:被|让)(?:他|她|${HOUSEHOLD})(?:${BEFORE})?(?:打|揍|踢|掐|踹|扇|虐待|家暴)`),
  // "我被家暴了", "他家暴我", "对我家暴", "我是家暴受害者", "遭受家暴".
  /(我|俺)(一直|长期|经常)?(被|遭受?了?|受到了?)(家暴|家庭暴力)|(他|她|老公|丈夫|老婆|妻子|男朋友|前夫|对象)(一直|经常|长期)?(家暴|虐待)(我|俺)|对(我|俺)(实施)?(家暴|家庭暴力)|(我|俺)是家暴(的)?受害/,
];

const TOLD_EN: RegExp[] = [
  // "my husband hits me when he drinks", "my boyfriend has been beating me for years", "my ex used to hit me".
  /\b(husband|wife|boyfriend|girlfriend|partner|ex|fianc[eé]e?|father|dad|stepfather|stepdad|mother|mom|mum|son|mother-in-law|father-in-law|in-?laws)\b.{0,30}\b(hits|beats|kicks|slaps|chokes|punches|hit|beat|kicked|slapped|choked|punched|abuses|abused|has been (hitting|beating|abusing|kicking|slapping)|used to (hit|beat|abuse|kick|slap))\b (me|us)\b(?! to\b)/i,
  // "he often hits me", "she beats me every day".
  /\b(he|she) (often |always |still |keeps |sometimes |usually |regularly )?(hits|beats|kicks|slaps|chokes|punches|abuses) me\b|\b(he|she) (has been|keeps|kept) (hitting|beating|abusing|kicking|slapping|punching) me\b|\b(he|she) used to (hit|beat|abuse|kick|slap) me\b/i,
  // Told of a time before, by a bare he or she (session 17): "he hit me last week", "he choked me last week", "he beat me
  // up last month". Not "he hit me up" (a message), nor a question about someone else.
  /\b(he|she) (hit|beat|kicked|slapped|choked|strangled|punched|attacked|hurt|pushed) me( up)?\b(?! (up )?(on|with) (wechat|whatsapp|text|message|call))/i,
  // "i am a victim of domestic violence", "i have been abused by my husband".
  /\bi('?m| am| was| have been|'ve been) (a )?(victim of )?(domestic (violence|abuse)|abused|beaten)\b/i,
];

/** A relative the resident tells of ("我妹妹", "我女儿", "我妈"). */
const RELATIVE_ZH = '(?:妹妹|姐姐|女儿|闺女|妈妈|老妈|母亲|妈|姐|妹|嫂子|弟媳|儿媳妇?|侄女|外甥女|孙女|奶奶|外婆|姥姥|姑姑|小姨|姨妈|表妹|表姐|堂妹|堂姐|弟弟|哥哥|儿子|爸爸|父亲|爷爷|外公)';
/** The one at home who hits them: their partner or in-laws, or the resident's own father or in-law ("我爸打我妈"). */
const THEIR_HOUSEHOLD = '(?:老公|丈夫|男人|老婆|妻子|媳妇|男朋友|男友|对象|前夫|爱人|婆婆|公公|婆家人?|女婿|儿媳妇?|继父|后爸|姐夫|妹夫)';
const HITS_ZH = '(?:打|揍|踢|掐|扇|踹|虐待|家暴)';

const RELATIVE_TOLD_ZH: RegExp[] = [
  // "我妹妹被她老公打", "我女儿经常被女婿打", "俺姐让她男人打了".
  new RegExp(`(?:我|俺)(?:家)?的?${RELATIVE_ZH}(?:经常|一直|天天|总是|老是|又|常常|长期)?(?:被|让|遭到?|受到?)(?:她|他)?的?${THEIR_HOUSEHOLD}(?:经常|一直|天天|总是)?${HITS_ZH}`),
  // "我姐被家暴了", "我女儿遭受家庭暴力".
  new RegExp(`(?:我|俺)(?:家)?的?${RELATIVE_ZH}(?:一直|长期|经常)?(?:被|遭受?了?|受到了?)(?:家暴|家庭暴力)`),
  // "我妹妹的老公天天打她", "我女儿她老公喝了酒就打她".
  new RegExp(`(?:我|俺)的?${RELATIVE_ZH}(?:的|她|他)?${THEIR_HOUSEHOLD}[^，。！？,.!?；;]{0,12}${HITS_ZH}(?:了|过)?(?:她|他)`),
  // "我姐夫老打我姐", "我爸天天喝酒打我妈", "我女婿喝了酒就打我女儿".
  new RegExp(`(?:我|俺)的?(?:姐夫|妹夫|女婿|爸爸?|父亲|继父|后爸|儿媳妇?)[^，。！？,.!?；;]{0,12}${HITS_ZH}(?:了|过)?(?:我|俺)的?(?:姐姐?|妹妹?|女儿|闺女|妈妈?|母亲|儿子|弟弟|哥哥)`),
];

const RELATIVE_EN = '(?:sister|daughter|mother|mom|mum|niece|granddaughter|aunt|cousin|brother|son|father|dad|grandmother|grandma|sister-in-law|daughter-in-law)';
const THEIR_PARTNER_EN = '(?:husband|boyfriend|partner|wife|girlfriend|ex|fianc[eé]e?|in-?laws?|mother-in-law|father-in-law)';
const HITS_EN = '(?:hits|beats|kicks|slaps|chokes|punches|abuses|hit|beat|kicked|slapped|choked|punched|abused|has been (?:hitting|beating|abusing|kicking|slapping)|keeps (?:hitting|beating)|used to (?:hit|beat|abuse|kick|slap))';
const RELATIVE_TOLD_EN: RegExp[] = [
  // "my sister's husband beats her", "my daughters boyfriend hit her again".
  new RegExp(`\\bmy ${RELATIVE_EN}'?s? ${THEIR_PARTNER_EN}\\b.{0,30}\\b${HITS_EN} (?:her|him|them)\\b`, 'i'),
  // "my daughter is being beaten by her husband", "my sister gets hit by her boyfriend".
  new RegExp(`\\bmy ${RELATIVE_EN}\\b.{0,20}\\b(?:is|was|has been|gets|got|keeps getting|being)\\b.{0,12}\\b(?:beaten|hit|abused|battered|kicked|slapped|choked|punched)\\b.{0,20}\\bby (?:her|his|their) ${THEIR_PARTNER_EN}\\b`, 'i'),
  // "my sister is a victim of domestic violence", "my mum suffers domestic abuse".
  new RegExp(`\\bmy ${RELATIVE_EN} (?:is|was|has been) (?:a )?(?:victim of )?domestic (?:violence|abuse)|\\bmy ${RELATIVE_EN} (?:suffers|is suffering|suffered) (?:from )?domestic (?:violence|abuse)`, 'i'),
  // "my dad beats my mum", "my son-in-law hits my daughter".
  new RegExp(`\\bmy (?:dad|father|stepfather|stepdad|son-in-law|brother-in-law)\\b.{0,30}\\b${HITS_EN} my (?:sister|daughter|mother|mom|mum|brother|son)\\b`, 'i'),
];

/** Whom the text tells violence at home is done to: the resident (`self`), a relative of theirs (`relative`), or none. */
export type AbuseTold = 'self' | 'relative' | null;

/**
 * Does the text tell of violence at home (not ask about it in general), and to whom? A relative's first ("我爸打我妈" is
 * the mother's, not the resident's); then the resident's own.
 */
export function abuseAtHomeTold(text: string): AbuseTold {
  return abuseToldInSimplified(toSimplified(text.normalize('NFKC')));
}

/**
 * The same, of a text already read in simplified characters with its English slips mended (`toSimplified`): the
 * understanding step reads it once there, into the Meaning.
 */
export function abuseToldInSimplified(simplified: string): AbuseTold {
  const t = simplified.normalize('NFKC');
  if (RELATIVE_TOLD_ZH.some((p) => p.test(t)) || RELATIVE_TOLD_EN.some((p) => p.test(t))) return 'relative';
  return TOLD_ZH.some((p) => p.test(t)) || TOLD_EN.some((p) => p.test(t)) ? 'self' : null;
}

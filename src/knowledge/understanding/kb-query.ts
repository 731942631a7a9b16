import { standardMandarin } from './colloquial.js';

/**
 * The words the knowledge base is asked with. Applying for a family member ("我替我老公申请可以吗") is one
 * situation whoever the relative is, but its surface pairs mislead a character-pair index: "替我" (as in
 * "会不会替我保密") and "老公" (as in "怕我老公知道") belong to the privacy entry. The relative an application is for
 * is asked about as "家里人" (a family member), and the possessive "我" that glued "替" to "我老公" goes.
 */
const KIN =
  '老公|老婆|丈夫|妻子|爱人|媳妇|儿子|女儿|孩子|闺女|爸爸|爸|妈妈|妈|父亲|母亲|父母|爸妈|哥哥|哥|弟弟|弟|姐姐|姐|妹妹|妹|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|老人|亲戚|家人|亲人';
/** For whom: 替/帮/给/为/代 + (我的) + a relative, then applying (申请, 办, 法援…) within a few characters. */
const FOR_A_RELATIVE = new RegExp(`(替|帮|给|为|代)(?:我的?|我们的?|俺|咱)?(?:${KIN})(?=[^，,。.？?！!]{0,4}(?:申请|办理|办|法援|法律援助))`, 'g');

/**
 * The text as the knowledge base is asked: dialect and colloquial Chinese in standard words (colloquial.ts), and the
 * relative an application is for named as a family member.
 */
export function kbQuery(text: string): string {
  return standardMandarin(text).replace(FOR_A_RELATIVE, '$1家里人');
}

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
  return withoutFeelings(standardMandarin(text)).replace(FOR_A_RELATIVE, '$1家里人');
}

/**
 * A feeling said in a clause of its own ("孩子会不会坐牢啊 我好害怕", "我好着急，…", "… im so scared"): no topic of its own,
 * but "害怕" pulled the question to the domestic-violence entry. Fear tied to its object ("我怕老公知道", "我好害怕他回来")
 * stays, and so does a feeling that is the whole message.
 */
const FEELING_ZH = /(?<=^|[\s，,。.!！?？~～；;])(?:我|俺)?(?:真的|真|好|很|太|特别|非常|快)?(?:害怕|怕|担心|着急|急|慌|难受|伤心|崩溃|绝望)(?:死了|了|啊|呀|哦|得很|得要命)*(?=[\s，,。.!！?？~～；;]|$)/g;
const FEELING_EN = /(?<=^|[\s,.!?;])(?:i'?m|im|i am|i feel|feeling)\s+(?:so |really |very |too |super )?(?:scared|afraid|worried|anxious|frightened|terrified|desperate|stressed)(?:\s+(?:now|too))?(?=\s*[,.!?;]|\s*$)/gi;

function withoutFeelings(text: string): string {
  const rest = text.replace(FEELING_ZH, '').replace(FEELING_EN, '').replace(/^[\s，,。.!！~～；;]+|[\s，,；;~～]+$/gu, '');
  return /[\p{L}\p{N}]{2}/u.test(rest) && rest !== text.trim() ? rest : text;
}

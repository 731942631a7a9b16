import { isPersonalName } from './personal-name.js';
import { REDACTED, redactPersonalData } from './redact.js';

const PLACEHOLDERS = new RegExp(Object.values(REDACTED).map((p) => p.replace(/[[\]]/g, '\\$&')).join('|'), 'g');
/**
 * Words that only introduce personal data ("我叫", "电话", "身份证号", "my name is"), the resident's own or a relative's
 * ("他叫张伟", "his name is Zhang Wei"): nothing an operator could answer.
 */
const INTRODUCERS =
  /我的|我叫|我是|本人|他的|她的|他|她|叫|是|姓名|名字|电话号码|联系电话|电话|手机号码|手机号|手机|号码|身份证号码|身份证号|身份证|联系方式|和|\b(?:my|his|her|their|name|is|i am|i'm|this|call|me|phone|mobile|number|tel|id|card|and)\b/gi;
const PUNCTUATION = /[\s\p{P}\p{S}]/gu;

/**
 * What `kb unanswered` may keep of a question the bot could not answer: `null` when the text is only personal data
 * (a name, a phone or ID number, or those with the words that introduce them: "我叫王秀英", "王秀英 13800138000"),
 * otherwise the text with personal data masked ("我的电话[PHONE]，小区停车位被占了"), at most 500 characters.
 * @example unansweredText('王秀英') // null
 * @example unansweredText('身份证110101199003074512丢了怎么补办') // '身份证[ID]丢了怎么补办'
 */
export function unansweredText(question: string): string | null {
  const masked = redactPersonalData(question.trim());
  const rest = masked.replace(PLACEHOLDERS, ' ').replace(INTRODUCERS, ' ').replace(PUNCTUATION, ' ').trim();
  // Only the words that introduce personal data, with none given ("电话", "call me"): nothing personal to keep out.
  if (rest === '') return masked === question.trim() ? masked.slice(0, 500) : null;
  // What is left after the numbers and their words is a name alone ("王秀英 13800138000", "Wang Xiuying").
  if (isPersonalName(rest) || isPersonalName(masked.replace(PUNCTUATION, ''))) return null;
  return masked.slice(0, 500);
}

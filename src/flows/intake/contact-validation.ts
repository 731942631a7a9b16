/** The words residents put before a phone number: "my number is", "我的电话是", "手机：". */
const PHONE_LEAD = /^(?:(?:my )?(?:phone|mobile|cell)?\s*(?:number|no\.?|phone|mobile)\s*(?:is)?|it'?s|its|我的?(?:电话|手机|手机号|号码|联系方式)?(?:号码)?(?:是)?|(?:电话|手机|手机号|号码|联系电话|联系方式)(?:是)?)\s*[:：]?\s*/i;

/** Normalises a phone number a resident typed: mainland mobile (11 digits from 13–19) or landline with area code. */
export function readPhone(input: string): string | null {
  const text = input.normalize('NFKC').trim().replace(/[。.!！]+$/, '').replace(PHONE_LEAD, '');
  const digits = text.replace(/[\s\-()（）]/g, '').replace(/^(\+?86)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) return digits;
  return null;
}

/** The words residents put before their name: "my name is", "I'm", "its", "我叫", "我是", "名字：". */
// English leads need a space or colon after them: "Imran" and "Itsuki" are names.
const NAME_LEAD = /^(?:(?:my name is|my name'?s|name|i am|i'?m|it'?s|its|this is|(?:her|his) name is|(?:her|his) name'?s|my (?:mum|mom|mother|dad|father|son|daughter|husband|wife|brother|sister|grandma|grandpa|grandmother|grandfather)'?s name is|(?:she|he) is called|(?:she|he)'?s called)(?:\s*[:：]\s*|\s+)|(?:我叫|我是|俺叫|俺是|本人叫|本人是|本人|叫我|我的名字是|我的名字叫|名字是|名字叫|名字|姓名)\s*[:：]?\s*|(?:(?:我|俺)(?:的|家)?(?:妈妈?|爸爸?|母亲|父亲|老娘|老爹|儿子|女儿|闺女|老公|老婆|丈夫|妻子|媳妇|爷爷|奶奶|外公|外婆|哥哥?|姐姐?|弟弟?|妹妹?|孩子)|他|她|老人家?)(?:的名字|的姓名)?(?:叫|是)?(?<=叫|是)\s*[:：]?\s*)/i;
/** A mobile number inside a longer answer ("王大力 13912345678"), spaces or dashes allowed between its digits. */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;

/** The one mobile number a longer answer contains ("我没有手机 用我姐姐的 139…"), digits only; `null` for none or several. */
export function onlyPhoneIn(input: string): string | null {
  const all = input.normalize('NFKC').match(new RegExp(MOBILE_IN_TEXT.source, 'g')) ?? [];
  return all.length === 1 ? all[0]!.replace(/\D/g, '') : null;
}

/** The mobile number a longer answer contains, digits only, or `null`. */
export function phoneIn(input: string): string | null {
  const m = MOBILE_IN_TEXT.exec(input.normalize('NFKC'));
  return m ? m[0].replace(/\D/g, '') : null;
}

/**
 * Where a question starts after a name ("张伟 怎么办", "王秀英，然后呢？", "Li Wei what now"): the resident gives the
 * name and asks what comes next. English words only whole ("Howard" is a name).
 */
const QUESTION_START = /怎么|咋|然后|接下来|下一步|这样|这么|要不要|是不是|可以吗|行吗|对吗|好吗|是吗|吗|呢|啥|什么|为什么|为啥|多久|多长时间|[?？]|\b(?:what|how|now|next|then|ok|okay|is (?:it|that|this)|do i|should i)\b/i;
/** Words that start a clause but never a name ("这个怎么填", "我呢"). */
const NOT_A_NAME_START = /^[这那我你他她它俺咱]/;

/**
 * The name before a question, or `null`: two or three Han characters (four after "我叫": without it a four-character
 * head is more often a clause, "老板跑了，怎么办"), or one to four words.
 */
function nameBeforeQuestion(name: string, introduced: boolean): string | null {
  const q = QUESTION_START.exec(name);
  if (!q) return null;
  const head = name.slice(0, q.index).replace(/[\s,，。、.!！:：;；]+$/, '');
  if (!head || NOT_A_NAME_START.test(head)) return null;
  if ((introduced ? /^\p{Script=Han}{2,4}$/u : /^\p{Script=Han}{2,3}$/u).test(head)) return head;
  return /^[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}$/.test(head) ? head : null;
}

/** A name as people write it: 1–40 characters, letters (any script), spaces, dots; no digits. */
export function readName(input: string): string | null {
  // A mobile number typed with the name ("王大力 13912345678") is not part of it (the phone question offers it).
  const withoutPhone = input.normalize('NFKC').replace(MOBILE_IN_TEXT, ' ');
  const trimmed = withoutPhone.normalize('NFC').trim().replace(/[。.!！,，]+$/, '');
  const name = trimmed.replace(NAME_LEAD, '').replace(/\s+/g, ' ').trim();
  // A question after the name ("张伟 怎么办"), or a question alone ("怎么办", "要写真名吗"): never part of a name.
  if (QUESTION_START.test(name)) return nameBeforeQuestion(name, NAME_LEAD.test(trimmed));
  if (/^[\p{L}\p{M}·.\-' ]{1,40}$/u.test(name)) return name;
  // "我叫王大力，在工地干了半年…": said as a name, then more — its first clause, when that is a name of two to four
  // characters (or one to four words). Without 我叫 / my name is, "老板跑了，怎么办" is no name.
  if (!NAME_LEAD.test(trimmed)) return null;
  const first = name.split(/[,，。；;]/)[0]!.trim();
  const short = /^\p{Script=Han}{2,4}$/u.test(first) || /^[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}$/.test(first);
  return first !== name && short && /^[\p{L}\p{M}·.\-' ]+$/u.test(first) ? first : null;
}

/** A free answer without a question typed after it ("我是他女儿 然后呢" → "我是他女儿"); `null` when it is only a question. */
export function withoutQuestionAfter(input: string): string | null {
  const text = input.normalize('NFKC').trim();
  const q = QUESTION_START.exec(text);
  if (!q) return text;
  const head = text.slice(0, q.index).replace(/[\s,，。、.!！:：;；]+$/, '');
  return head === '' ? null : head;
}

/** Where a name is introduced inside a longer account: "…，我叫李建国，…", "my name is Ali and …" (not 我是: "我是农民工"). */
const NAME_INTRODUCED = /(?:我叫|俺叫|本人叫|我的名字(?:是|叫)|my name is |my name'?s )/i;

/**
 * The resident's name introduced in an account they wrote ("我叫李建国，今年52岁…"), or `null`: offered at the name
 * question in one tap, never taken unasked.
 */
export function statedNameIn(account: string): string | null {
  const m = NAME_INTRODUCED.exec(account.normalize('NFKC'));
  if (!m) return null;
  const from = account.normalize('NFKC').slice(m.index);
  const name = readName(from.split(/[,，。；;！!？?\n]/)[0]!);
  // As a name is written: two to four Han characters (or with the middle dot of a transliterated name), or one to four
  // words — never a clause ("我叫他还钱他不还").
  if (!name || NOT_A_NAME_START.test(name)) return null;
  const named = /^\p{Script=Han}{2,4}$/u.test(name) || /^\p{Script=Han}+(?:·\p{Script=Han}+)+$/u.test(name) || /^[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}$/.test(name);
  return named ? name : null;
}


/**
 * Afraid of being called, asked at the phone question: "你们会打电话过来吗 他会接到的", "will you call me? he checks my
 * phone", "别打电话 他会听到". No number in it.
 */
const CALL_WORRY_ZH = /(打电话|来电话|打过来|打给我|电话)/;
const CALL_WORRY_ZH_WHO = /(他|她|老公|丈夫|婆婆|家里人)(会|要|能)?(接|听|看|查|发现|知道|翻)/;
const CALL_WORRY_EN = /\b(call|phone|ring|text)\b/i;
const CALL_WORRY_EN_WHO = /\b(he|she|my husband|my partner)('ll| will| would| might| may)? ?(check|checks|checking|answer|answers|pick|picks|hear|hears|see|sees|find|finds|look|looks|read|reads)\b/i;
export function worriesAboutCall(input: string): boolean {
  const t = input.normalize('NFKC').trim();
  if (/\d{5,}/.test(t)) return false;
  return (CALL_WORRY_ZH.test(t) && CALL_WORRY_ZH_WHO.test(t)) || (CALL_WORRY_EN.test(t) && CALL_WORRY_EN_WHO.test(t));
}

/**
 * A question about the call itself, asked at the phone question: who will call, when, or where ("你们会不会打电话到我单位去？",
 * "谁会给我打电话", "什么时候打过来", "will you call me at work?", "when will someone call"). The knowledge base has no
 * entry for it and would answer another topic (calls from debt collectors to one's workplace).
 */
const ASKS_ABOUT_CALL_ZH = /(你们|您们|工作人员|中心|律师|谁|什么时候|几点|会不会|会)[^，。,.]{0,8}(打电话|来电话|打过来|打给我|打到|联系我)/;
const ASKS_ABOUT_CALL_EN = /\b(will|would|when|who|do|does|can) (you|staff|they|someone|somebody|anyone|the centre|the center|a lawyer)\b[^,.]{0,20}\b(call|phone|ring|text|contact)\b/i;
export function asksAboutTheCall(input: string): boolean {
  const t = input.normalize('NFKC').trim();
  if (/\d{5,}/.test(t)) return false;
  return ASKS_ABOUT_CALL_ZH.test(t) || ASKS_ABOUT_CALL_EN.test(t);
}

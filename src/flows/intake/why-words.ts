/**
 * "Why do you need my age?", "为什么要问年龄", "问这个干嘛": the resident asks why a question is asked.
 * Short texts only, so a description that happens to contain 为什么 is never taken for one.
 */
const WHY = /(为什么|为啥|干嘛|干吗|(?:问|要|这个|这)[^，。,]{0,4}(?:干什么|干啥|做啥)|做什么用|有什么用|有啥用|啥用|凭什么|why\b|\by do (?:u|you)\b|what'?s? (?:is )?(?:it|this|that) for|what (?:is|'s) (?:it|this|that) for|^what for\b|what do you need (?:it|this|that) for)/i;
/** "为什么？", "why?" on its own, at a question, asks why it is asked. */
const BARE_WHY = /^(为什么|为啥|为何|干嘛|干吗|why|but why)[?？!！。.]*$/i;
const ABOUT_ASKING = /(问|要|需要|填|留|告诉|知道|提供|这个|ask|need|want|know|tell|give|this|that|it|for)/i;

/**
 * "啥期限？我不懂", "什么意思", "看不懂", "这个不懂", "what do you mean?", "i don't understand": the question on screen is not
 * understood. Whole short texts only ("我不懂法律，老板欠钱怎么办" is a question of its own). Answered as "why" is:
 * what the question is for, with the question under it.
 */
const NOT_UNDERSTOOD = [
  /^(?:(?:啥|什么|什么叫|啥叫)[\p{Script=Han}]{0,4}[?？]*\s*)?(?:这个|这|这题|这个问题)?(?:我|俺)?(?:不懂|不明白|看不懂|没看懂|听不懂|不太懂|不太明白|搞不懂)(?:这个|这是|你的意思|你说的|什么意思|啥意思)?(?:啊|呀|哦|诶)?[?？!！。.…]*$/u,
  /^(?:这是|这个|你说的|这个问题)?(?:是)?(?:什么|啥)意思(?:啊|呀|呢)?[?？!！。.…]*$/u,
  /^(?:啥|什么)(?:叫|是)?(?:期限|群体|情况|保全|意思)(?:啊|呀|呢)?[?？!！。.…]+$/u,
  /^(?:sorry,? )?(?:what do you mean|what does (?:this|that|it) mean|i don'?t understand(?: (?:this|that|the question))?|i dont understand|i don'?t get it|what\?+|huh\?*)[?!.]*$/i,
];

/**
 * Only "为什么？", "什么意思", "what do you mean?" and the like, nothing more: at a free-text question (the account of
 * what happened) a short text such as "为什么老板要拖欠我工资" is an answer, never a question about the question.
 */
export function asksWhyAlone(text: string): boolean {
  const t = text.trim();
  return BARE_WHY.test(t) || NOT_UNDERSTOOD.some((pattern) => pattern.test(t));
}

/**
 * "多大有关系吗", "收入跟这个有啥关系", "does my age matter?": whether the answer matters is asking why it is asked
 * (session 17: "多大有关系吗" at the age question got a did-you-mean of child support and fake seeds).
 */
const DOES_IT_MATTER =
  /^(?:我|俺)?(?:的)?(?:多大|几岁|年龄|岁数|年纪|收入|挣多少|工资|残疾|电话|手机号|名字|地区|户口|家里几口人|几口人)?(?:跟这个|和这个|跟申请|和申请|对申请)?(?:有|有什么|有啥|有没有|有多大)(?:关系|影响)(?:吗|嘛|么|啊|呢)?[?？!！。.]*$|^(?:does|do|would|will) (?:it|that|this|my (?:age|income|disability|phone|name|region)) (?:really )?(?:matter|make a difference)\??$/i;

/** Whether `text` asks why the question on screen is asked, or says it is not understood. */
export function asksWhy(text: string): boolean {
  const t = text.trim();
  if (asksWhyAlone(t) || DOES_IT_MATTER.test(t)) return true;
  return t.length <= 40 && WHY.test(t) && ABOUT_ASKING.test(t);
}

/**
 * "我不想说", "不方便说", "这个也要说吗", "i'd rather not say": the resident does not want to give this detail. Whole short
 * texts only. Answered with why it is asked and how to go on without it, never with "enter a number".
 */
const RATHER_NOT_SAY = [
  /^(?:我|俺)?(?:不想说|不愿意说|不想告诉你|不想讲|不方便说|不方便讲|不方便透露|不想透露|不告诉你|保密|这个也要说吗|这也要说吗|这个必须说吗|一定要说吗|可以不说吗|能不说吗)(?:啊|呀|吧|了|行吗|可以吗)?[?？!！。.…]*$/u,
  /^(?:i'?d|i would|i'?ll|i will)? ?(?:rather|prefer to) not (?:say|tell|answer)(?: (?:that|this|it))?[.!]*$|^(?:i )?(?:don'?t|do not|dont) (?:want|wanna) to (?:say|tell|answer)(?: (?:that|this|it|you))?[.!]*$|^(?:none of your business|that'?s private|it'?s private|private|do i have to (?:say|answer|tell)(?: (?:that|this|it))?)[?.!]*$/i,
];

/** Whether `text` says the resident would rather not give the detail asked for (see {@link RATHER_NOT_SAY}). */
export function saysRatherNotSay(text: string): boolean {
  const t = text.trim();
  return t.length <= 30 && RATHER_NOT_SAY.some((pattern) => pattern.test(t));
}

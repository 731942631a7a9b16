/**
 * A resident asking which number to call for help now: the police, an ambulance, the women's rights or the
 * psychological assistance hotline ("报警电话是多少", "what's the police number"). They get the emergency numbers
 * at once; the knowledge base's nearest entry is the legal hotline 12348, which is no help to someone in danger.
 * Right after a danger warning a plain "which number" ("打哪个电话", "who do i call") asks the same.
 * A question about the legal hotline, a lawyer or the centre stays the knowledge base's.
 */

/** The services behind the emergency numbers. */
const SERVICE_ZH = /报警|警察|公安|急救|救护车|妇联|妇女(维权)?热线|心理(援助|危机|咨询)?热线|自杀|求救|紧急|(?<![\d.])(110|120|12338|12356)(?![\d.元块%])/u;
const SERVICE_EN = /\b(police|cops?|ambulance|emergency|women'?s (rights )?(hot|help)line|womens? (hot|help)line|crisis (hot|help)?line|suicide (hot|help)?line|helpline|110|120|12338|12356)\b/i;

/** Asking for a number (or whom to call). */
const NUMBER_ZH = /电话|号码|几号|打(什么|啥|哪个|几)|拨(什么|啥|哪个|打)|打给谁|找谁/u;
// "phone" as a thing someone has ("stole my phone", "lost his phone") asks for no number.
const NUMBER_EN = /\b(number|call|dial|ring|hotline|line)\b|(?<!\b(my|his|her|their|our|your|a|stole|stolen|lost|broke|broken|took)\s+)\bphone\b/i;

/** Plain "which number" / "whom to call", with no service named. */
// "打电话" alone is making a call ("他听见我打电话会更生气", "我一会儿给我妈打电话"), not asking which number.
const WHICH_NUMBER_ZH = /(打|拨)(哪个|什么|啥|几号)(的)?(电话|号码)?|(电话|号码)(是)?(多少|几号)|打给谁|找谁/u;
const WHICH_NUMBER_EN = /\b(what|which)('s| is)? (the )?(number|phone)\b|\bwho (do|should|can) i (call|ring|phone)\b|\bwhat (do|should) i (call|dial)\b|\bnumber to call\b/i;

/** Someone hurting or threatening the resident ("if someone is hurting me", "有人打我"): a "which number" needs no warning first. */
const HARM_ZH = /(打|揍|踢|掐|伤害|威胁|跟踪|骚扰)(我|俺)|(我|俺)?(被|让)(人|他|她)?.{0,3}(打|揍|威胁|跟踪|骚扰)(了)?(?!伤了?找|.{0,3}赔)/u;
const HARM_EN = /\b(hurt|hurting|hits?|hitting|beats?|beating|attacks?|attacking|threatens?|threatening|follows?|following|stalks?|stalking|abuses?|abusing)( me| us)\b|\b(in danger|not safe|unsafe)\b/i;

/** The legal hotline, a lawyer, the centre: the knowledge base answers those. */
const LEGAL = /法律援助|法援|12348|律师|援助中心|\b(legal|lawyer|lawyers|12348|centre|center|office)\b/iu;

/** A statement about having called ("我已经报警了", "i called the police") or about the police not helping, not a question for a number. */
const ALREADY = /已经报(了)?警|报过警|报警了|\bi (already )?(called|rang|phoned)\b|\bthey did nothing\b|\b(police|cops?) (do|does|did|will|would)( not|n'?t)? (nothing|not help|no help)\b|\b(police|cops?) (won'?t|don'?t|didn'?t|wont|dont|didnt) (help|care|do anything)\b/i;

export function asksSafetyNumbers(text: string, afterDanger = false): boolean {
  const t = text.normalize('NFKC').trim();
  if (LEGAL.test(t) || ALREADY.test(t) || !short(t)) return false;
  if ((SERVICE_ZH.test(t) && NUMBER_ZH.test(t)) || (SERVICE_EN.test(t) && NUMBER_EN.test(t))) return true;
  const harm = HARM_ZH.test(t) || HARM_EN.test(t);
  return (afterDanger || harm) && (WHICH_NUMBER_ZH.test(t) || WHICH_NUMBER_EN.test(t));
}

/** A question, not a story: at most 16 Chinese characters or 12 words. */
function short(t: string): boolean {
  const han = [...t.replace(/[^\p{Script=Han}]/gu, '')].length;
  return han > 0 ? han <= 16 : t.split(/\s+/).length <= 12;
}

/**
 * Right after a danger warning, the resident cannot call without being heard ("他听见我打电话会更生气", "我不敢出声",
 * "i cant call, he will hear me"): a way to reach the police that makes no sound (safety.cannot_call), not the list of
 * numbers again.
 */
const CANNOT_CALL_ZH =
  /(不敢|不能|没法|没办法|不方便|不好)(打电话|打110|报警|说话|出声|出声音|讲话)|(听见|听到)(我)?(在)?(打电话|说话|报警|出声)|(他|她)会听(见|到)|被(他|她)听(见|到)/u;
const CANNOT_CALL_EN =
  /\b(can'?t|cant|cannot|can not|unable to|afraid to|scared to|too scared to|dare not|daren'?t)\s+(call|phone|ring|talk|speak|make a (call|sound|noise))\b|\b(he|she|they) (will|would|could|might|may|'?ll)?\s?hear (me|us)\b/i;

export function cannotCallSafely(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return CANNOT_CALL_ZH.test(t) || CANNOT_CALL_EN.test(t);
}

/**
 * What a message asks of the emergency numbers — the list (`numbers`), a way to reach the police without a sound right
 * after a warning (`cannot_call`), or nothing — read once for the machine's guard, its reply and the understanding step.
 */
export function safetyRequest(text: string, afterDanger = false): 'numbers' | 'cannot_call' | null {
  if (afterDanger && cannotCallSafely(text)) return 'cannot_call';
  return asksSafetyNumbers(text, afterDanger) ? 'numbers' : null;
}

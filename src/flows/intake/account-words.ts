/**
 * At "continue?" after the assessment, residents often answer the prompt above it ("next, briefly describe what
 * happened…") by telling what happened. A message long enough to be an account, and not a way of saying "not now",
 * is taken as the description instead of being refused.
 */
const NOT_NOW =
  /不想(提交|申请|继续|填)|先不|以后再|等(一)?下再|再说吧|考虑(一下)?|算了|不(提交|申请)了|\b(not now|not yet|later|maybe later|wait|hold on|let me think|think about it|no thanks|don'?t want to (submit|apply|continue|go on)|dont want to (submit|apply|continue|go on))\b/i;

/** The most an account (情况说明) holds: the description question refuses more, and nothing is added beyond it. */
export const ACCOUNT_MAX_CHARS = 2000;

/** The account with more words after it, or `null` when together they would be longer than one account may be. */
export function accountPlus(written: string, more: string): string | null {
  const joined = `${written}\n${more}`;
  return joined.length <= ACCOUNT_MAX_CHARS ? joined : null;
}

/** Does this text tell what happened (rather than answer yes/no or put it off)? */
export function tellsWhatHappened(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  if (NOT_NOW.test(t)) return false;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han > 0) return han >= 12;
  return t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= 6;
}

/**
 * The materials the resident has, named at "continue?" ("有欠条和聊天记录", "还有录音", "i have the contract and the chat
 * messages"): an answer to what comes after it, not a refusal to go on.
 */
const MATERIALS =
  /欠条|借条|收条|聊天记录|微信记录|短信|合同|工资条|工资单|考勤|打卡记录|录音|录像|视频|照片|截图|转账记录|银行流水|病历|诊断书|伤情鉴定|报警回执|告诫书|收据|发票|证据|证人|\b(contract|iou|chat (records?|messages|history|logs?)|messages|texts|screenshots?|payslips?|pay slips?|receipts?|photos?|pictures?|recordings?|videos?|medical records?|evidence|witness(es)?|bank (records|statements?))\b/i;
const HAS = /(有|还有|留着|留了|保存|存着|拍了|录了|都在|^(我|俺)?(这里|手上|手里))|\b(i have|i've got|ive got|i got|i kept|i saved|there (is|are))\b/i;

/** Does this text name materials the resident holds (and not put the application off)? */
export function namesMaterials(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return !NOT_NOW.test(t) && MATERIALS.test(t) && HAS.test(t);
}

/** "情况说明再加一句：…", "补充一下，…", "还有，…", "also …", "i forgot to say …": more of the account, typed at the summary. */
const ADDS_ZH = /^(?:情况说明|事情经过|经过|说明)?(?:里|里面|那里)?(?:我)?(?:再|还要|还想|想|要)?(?:加|补充|添|补)(?:上|充)?(?:一句|一下|一点|几句|两句)?(?:话)?[:：，,。.\s]+(?<rest>.+)$|^(?:还有|另外|对了|忘了说|忘说了|我忘了说|还忘了说|再说一下|再说一句)(?:一点|一件事|个事)?[:：，,。.\s]+(?<more>.+)$/su;
const ADDS_EN = /^(?:also|and also|plus|one more thing|i forgot to (?:say|mention|tell you)(?: that)?|(?:please |can you |could you )?add(?: that| this)?|and)[,:;.\s-]+(?<rest>.+)$/isu;

/** The words to add to the account when the text says it adds to it; `null` otherwise. */
export function additionToAccount(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const zh = ADDS_ZH.exec(t);
  const added = (zh?.groups?.rest ?? zh?.groups?.more)?.trim();
  if (added) return [...added.replace(/[^\p{Script=Han}]/gu, '')].length >= 4 ? added : null;
  const en = ADDS_EN.exec(t)?.groups?.rest?.trim();
  return en && en.split(/\s+/).length >= 3 ? en : null;
}

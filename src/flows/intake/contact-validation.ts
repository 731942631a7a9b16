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
const NAME_LEAD = /^(?:(?:my name is|my name'?s|name|i am|i'?m|it'?s|its|this is)(?:\s*[:：]\s*|\s+)|(?:我叫|我是|我的名字是|我的名字叫|名字是|名字叫|名字|姓名)\s*[:：]?\s*)/i;

/** A name as people write it: 1–40 characters, letters (any script), spaces, dots; no digits. */
export function readName(input: string): string | null {
  const name = input.normalize('NFC').trim().replace(/[。.!！]+$/, '').replace(NAME_LEAD, '').replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 40) return null;
  if (!/^[\p{L}\p{M}·.\-' ]+$/u.test(name)) return null;
  return name;
}

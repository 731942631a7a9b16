/**
 * Placeholders that replace personal data. They are plain ASCII in brackets so operators see at a
 * glance that something was removed, and so they never look like real data.
 */
export const REDACTED = {
  phone: '[PHONE]',
  id: '[ID]',
  card: '[CARD]',
  email: '[EMAIL]',
  name: '[NAME]',
  address: '[ADDRESS]',
  number: '[NUMBER]',
} as const;

// Characters that usually follow a name in a sentence ("我叫张三今年35岁", "我叫李四，想问…").
const AFTER_NAME = /[今是的在住想要我因被和跟，,。.!！?？\s\d]/u;
const NAME_WORD_STOP = new Set(
  'and i im from my the a an in aged age years who with but living live work working here there calling call need want please not is was secret private unimportant'.split(' '),
);

/**
 * Removes personal data from a resident's text before it is stored for operators: mainland mobile
 * and landline numbers, ID card numbers (18 characters, the last may be X), bank card numbers,
 * e-mail addresses, street addresses with a house number, names after 我叫 / my name is, and any
 * other run of seven or more digits.
 *
 * @example redactPersonalData('我叫张三，电话13812345678') // → '我叫[NAME]，电话[PHONE]'
 */
export function redactPersonalData(text: string): string {
  // Full-width digits, letters and @ . + - become ASCII so "１３８…" is caught too; other text is left as typed.
  let out = text.replace(/[\uFF0B\uFF0D\uFF0E\uFF10-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  out = out.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED.email);
  out = out.replace(/(?<![\dA-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g, REDACTED.id);
  out = out.replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, REDACTED.id);
  out = out.replace(/(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g, REDACTED.phone);
  out = out.replace(/(?<!\d)\d(?:[\s-]?\d){15,18}(?!\d)/g, REDACTED.card);
  out = out.replace(/(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, REDACTED.phone);
  out = out.replace(/\p{Script=Han}{2,12}(?:路|街|巷|弄|道|村|小区)\s*\d+\s*(?:号|栋|幢)(?:\s*\d+\s*(?:单元|室|号))*/gu, (address) => {
    const lead = /^(?:我家住在|我住在|家住在|我家在|家住|住在|地址是|地址在|在)/u.exec(address)?.[0] ?? '';
    return lead + REDACTED.address;
  });
  out = out.replace(/(我叫|我的名字是|我的名字叫|我名字叫|本人叫|本人姓名|姓名[:：]?)(\s*)(\p{Script=Han}{2,4})/gu, (_whole, prefix: string, space: string, name: string) => {
    // Names have two to four characters; stop early at a character that usually follows a name.
    const cut = [...name].findIndex((ch, i) => i >= 2 && AFTER_NAME.test(ch));
    const nameLength = cut === -1 ? name.length : cut;
    return `${prefix}${space}${REDACTED.name}${name.slice(nameLength)}`;
  });
  out = out.replace(/\b(my name is|my name's|i am called|i'm called|call me)\s+([A-Za-z'-]+)(\s+[A-Za-z'-]+)?/gi, (whole, prefix: string, first: string, second?: string) => {
    if (NAME_WORD_STOP.has(first.toLowerCase())) return whole;
    const secondWord = second?.trim();
    const keepSecond = secondWord !== undefined && (NAME_WORD_STOP.has(secondWord.toLowerCase()) || !/^[A-Z]/.test(secondWord));
    return `${prefix} ${REDACTED.name}${second && keepSecond ? second : ''}`;
  });
  out = out.replace(/(?<![\dA-Za-z])\d[\d\s-]{5,}\d(?![\dA-Za-z])/g, (run) => (run.replace(/\D/g, '').length >= 7 ? REDACTED.number : run));
  return out;
}

/** "手指断了算残疾吗", "这算不算残疾", "does losing two fingers count as a disability": whether an injury counts. */
const COUNTS_AS_DISABILITY = /算(不算)?(是)?残疾|是不是(算)?残疾|能(不能)?算(是)?残疾|算残疾人|count(s)? as (a )?disab|is (that|this|it) (a )?disab|am i (a )?disabled/i;

/**
 * Whether a short text asks if an injury or condition counts as a disability: at the disability question it is
 * answered there (the intake's explanation), not looked up in the knowledge base.
 */
export function asksIfDisability(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 60 && COUNTS_AS_DISABILITY.test(t);
}

/** A disability told without its certificate or assessment ("腿有点残疾 没办证", "no disability certificate"). */
const NO_CERTIFICATE = /(没|没有|未|还没)(办|领|拿到?|评|鉴定)?(过)?(残疾)?(证|鉴定|评残)|\bno (disability )?(card|certificate)\b|\bnot (certified|assessed)\b|\b(don'?t|do not) have (a |any )?(disability )?(card|certificate)\b/i;

/** Whether a short text at the disability question says there is no certificate: answered there with what counts. */
export function saysNoCertificate(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 80 && NO_CERTIFICATE.test(t);
}

/** A disability or its certificate named ("我腿是残疾的有残疾证二级", "my leg is disabled, i have the certificate"). */
const NAMES_DISABILITY = /残疾|残废|瘫痪|截瘫|偏瘫|截肢|\bdisab|\bhandicap|\bparaly[sz]|\bamputat|\bwheelchair\b|\b(certificate|card)\b/i;

/** Whether a short text at the disability question talks about a disability: its answer for the step to read, not a story. */
export function namesDisability(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return t.length <= 80 && NAMES_DISABILITY.test(t);
}

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

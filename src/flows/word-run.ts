/**
 * A whole message made of one to three of `words` ("yes ok", "好的 继续", "没问题 提交吧"): residents pile short
 * words up. `between`: what may separate them; `end`: what may close the message. Case-insensitive.
 */
export function oneToThreeOf(words: string, options: { between?: string; end?: string } = {}): RegExp {
  const between = options.between ?? '[\\s,，、]*';
  const end = options.end ?? '[!！。.]*';
  return new RegExp(`^(?:${words})(?:${between}(?:${words})){0,2}${end}$`, 'i');
}

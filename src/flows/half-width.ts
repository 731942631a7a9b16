/**
 * A text typed with a Chinese keyboard's full-width forms ("４５", "１２５０，５", "ｎｏ") in its plain ASCII forms,
 * the ideographic space as a plain space.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

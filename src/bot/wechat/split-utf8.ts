/**
 * Splits `text` into parts of at most `maxBytes` bytes of UTF-8, breaking after a line end when one
 * is near, else between characters (never inside one). Empty text gives one empty part.
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (Buffer.byteLength(rest, 'utf8') > maxBytes) {
    let bytes = 0;
    let cut = 0;
    let lastBreak = -1;
    for (const char of rest) {
      const size = Buffer.byteLength(char, 'utf8');
      if (bytes + size > maxBytes) break;
      bytes += size;
      cut += char.length;
      if (char === '\n') lastBreak = cut;
    }
    // A line break in the second half of the part makes a tidier cut than one mid-sentence.
    const at = lastBreak > cut / 2 ? lastBreak : cut;
    parts.push(rest.slice(0, at).replace(/\n+$/, ''));
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  parts.push(rest);
  return parts;
}

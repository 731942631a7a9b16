/**
 * A sorted list of strings stored as one string and offsets, so it crosses to and from a worker
 * thread as a few flat values (no per-string objects to serialise) and answers look-ups by binary
 * search without allocating.
 */
export interface SortedStringsData {
  text: string;
  starts: Int32Array;
}

/** Packs distinct strings (sorted here, in code-unit order) into {@link SortedStringsData}. */
export function packSorted(strings: Iterable<string>): { data: SortedStringsData; order: string[] } {
  const order = [...strings].sort();
  const starts = new Int32Array(order.length + 1);
  let offset = 0;
  order.forEach((s, i) => {
    starts[i] = offset;
    offset += s.length;
  });
  starts[order.length] = offset;
  return { data: { text: order.join(''), starts }, order };
}

/** Position of `key` in packed sorted strings, or -1. */
export function findSorted({ text, starts }: SortedStringsData, key: string): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAt(text, starts[mid]!, starts[mid + 1]!, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The string at position `i`. */
export function stringAt({ text, starts }: SortedStringsData, i: number): string {
  return text.slice(starts[i]!, starts[i + 1]!);
}

/** Compares text[start, end) with key in code-unit order (the order of Array.prototype.sort). */
function compareAt(text: string, start: number, end: number, key: string): number {
  const length = end - start;
  const n = Math.min(length, key.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(start + i) - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return length - key.length;
}

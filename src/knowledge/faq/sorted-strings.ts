/**
 * Strings stored as UTF-16 code units in one typed array, with offsets: they cross from the index
 * worker to the main thread inside a shared buffer (nothing to copy or deserialise, no heap strings
 * to allocate), and are read in place — by binary search when sorted, without allocating.
 */
export interface PackedStrings {
  units: Uint16Array;
  starts: Int32Array;
}

/** {@link PackedStrings} sorted in code-unit order (the order of Array.prototype.sort). */
export type SortedStringsData = PackedStrings;

/** Packs strings in the order given; string `i` is {@link stringAt}(packed, i). */
export function packStrings(strings: readonly string[]): PackedStrings {
  const starts = new Int32Array(strings.length + 1);
  let offset = 0;
  strings.forEach((s, i) => {
    starts[i] = offset;
    offset += s.length;
  });
  starts[strings.length] = offset;
  const units = new Uint16Array(offset);
  strings.forEach((s, i) => {
    const at = starts[i]!;
    for (let k = 0; k < s.length; k++) units[at + k] = s.charCodeAt(k);
  });
  return { units, starts };
}

/** Packs distinct strings, sorted here in code-unit order, into {@link SortedStringsData}. */
export function packSorted(strings: Iterable<string>): { data: SortedStringsData; order: string[] } {
  const order = [...strings].sort();
  return { data: packStrings(order), order };
}

/** Number of strings packed. */
export function packedCount({ starts }: PackedStrings): number {
  return starts.length - 1;
}

/** Position of `key` in packed sorted strings, or -1. */
export function findSorted({ units, starts }: SortedStringsData, key: string): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAt(units, starts[mid]!, starts[mid + 1]!, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The string at position `i`. */
export function stringAt({ units, starts }: PackedStrings, i: number): string {
  return String.fromCharCode(...units.subarray(starts[i]!, starts[i + 1]!));
}

/** Compares units[start, end) with key in code-unit order. */
function compareAt(units: Uint16Array, start: number, end: number, key: string): number {
  const length = end - start;
  const n = Math.min(length, key.length);
  for (let i = 0; i < n; i++) {
    const d = units[start + i]! - key.charCodeAt(i);
    if (d !== 0) return d;
  }
  return length - key.length;
}

/** Normalises a phone number a resident typed: mainland mobile (11 digits from 13–19) or landline with area code. */
export function readPhone(input: string): string | null {
  const digits = input.replace(/[\s\-()（）]/g, '').replace(/^(\+?86)/, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) return digits;
  return null;
}

/** A name as people write it: 1–40 characters, letters (any script), spaces, dots; no digits. */
export function readName(input: string): string | null {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 1 || name.length > 40) return null;
  if (!/^[\p{L}\p{M}·.\-' ]+$/u.test(name)) return null;
  return name;
}

/**
 * Reaching a case from another device (issue 9 §5): the resident gives the reference number, a
 * one-time code goes to the phone number of the application, and the right code links the case to
 * the conversation it was typed in. Pure rules: no clock, no randomness, no I/O.
 */

/** A code is good for 10 minutes. */
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** Wrong codes allowed for one reference before it is locked. */
export const LINK_MAX_TRIES = 5;
/** How long a reference stays locked after the last allowed wrong code. */
export const LINK_LOCK_MS = 30 * 60_000;
/** No second text to the same phone within a minute (asking again does not flood the phone). */
export const LINK_RESEND_MS = 60_000;

/** What is kept about the code of one reference: never the code itself, only its salted hash. */
export interface LinkCodeState {
  ref: string;
  codeHash: string;
  salt: string;
  /** The conversation that asked for it: the code works only there. */
  conversationKey: string;
  issuedAt: number;
  expiresAt: number;
  /** Wrong codes since the reference was last unlocked. */
  attempts: number;
  lockedUntil: number | null;
  usedAt: number | null;
}

/** A reference number as typed ("fy-20261201-0001", full-width digits, spaces) in its stored form, or undefined. */
export function readCaseRefText(text: string): string | undefined {
  // Spaces are allowed inside the number ("FY 20261201 0001"), not glued away from the words before it
  // ("status of FY-…": removing every space made "OFFY-…", which is not a reference).
  const t = text.normalize('NFKC').toUpperCase().replace(/[\u2010-\u2015－_]/g, '-');
  const match = /(?:^|[^A-Z0-9])FY\s*-?\s*((?:\d\s*){8})-?\s*((?:\d\s*){4,})(?![0-9])/.exec(t);
  if (!match) return undefined;
  const [date, serial] = [match[1]!.replace(/\s/g, ''), match[2]!.replace(/\s/g, '')];
  return `FY-${date}-${serial}`;
}

/** Six digits as typed (full-width digits and spaces allowed), or undefined. */
export function readLinkCode(text: string): string | undefined {
  const digits = text.normalize('NFKC').replace(/\s/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

/** Whether the reference is locked at `now`. */
export function isLocked(state: LinkCodeState | undefined, now: number): boolean {
  return state?.lockedUntil !== null && state?.lockedUntil !== undefined && state.lockedUntil > now;
}

/** What a request for a code does: `issue` a new one (and text it), or `hold` (locked, or one was sent a moment ago). */
export function judgeRequest(state: LinkCodeState | undefined, conversationKey: string, now: number): 'issue' | 'hold' {
  if (isLocked(state, now)) return 'hold';
  if (state && state.usedAt === null && state.conversationKey === conversationKey && now - state.issuedAt < LINK_RESEND_MS) return 'hold';
  return 'issue';
}

/** Wrong codes carried over to a newly issued code: none once a lock has run out. */
export function attemptsCarried(state: LinkCodeState | undefined, now: number): number {
  if (!state) return 0;
  if (state.lockedUntil !== null && state.lockedUntil <= now) return 0;
  return state.attempts;
}

export type LinkVerdict = 'linked' | 'wrong' | 'locked' | 'expired';

/**
 * The verdict on a code typed in `conversationKey`, and the state to keep. A code is used once; an
 * expired or already used code is refused without counting as a try; the fifth wrong code locks.
 */
export function judgeAttempt(
  state: LinkCodeState | undefined,
  conversationKey: string,
  matches: boolean,
  now: number,
): { verdict: LinkVerdict; next: Pick<LinkCodeState, 'attempts' | 'lockedUntil' | 'usedAt'> | null } {
  if (!state) return { verdict: 'expired', next: null };
  if (isLocked(state, now)) return { verdict: 'locked', next: null };
  if (state.usedAt !== null || state.expiresAt <= now || state.conversationKey !== conversationKey) return { verdict: 'expired', next: null };
  if (matches) return { verdict: 'linked', next: { attempts: 0, lockedUntil: null, usedAt: now } };
  const attempts = state.attempts + 1;
  if (attempts >= LINK_MAX_TRIES) return { verdict: 'locked', next: { attempts, lockedUntil: now + LINK_LOCK_MS, usedAt: null } };
  return { verdict: 'wrong', next: { attempts, lockedUntil: null, usedAt: null } };
}

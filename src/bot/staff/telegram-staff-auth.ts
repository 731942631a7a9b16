import type { Telegram } from 'telegraf';

/** Chat member statuses that count as staff when no user ids are configured. */
const MEMBER_STATUSES = new Set(['creator', 'administrator', 'member']);
/** How long a looked-up membership is trusted before asking Telegram again. */
const DEFAULT_TTL_MS = 5 * 60_000;

export interface StaffAuthOptions {
  /** `TELEGRAM_STAFF_USER_IDS`: when not empty, exactly these users are staff. */
  staffUserIds: readonly string[];
  /** The staff chat, whose members are staff when no user ids are configured. */
  staffChatId: string;
  telegram: Pick<Telegram, 'getChatMember'>;
  ttlMs?: number;
  now?: () => number;
}

/**
 * Decides whether a Telegram user may act as staff: listed in `TELEGRAM_STAFF_USER_IDS`, or, when
 * that list is empty, a current member of the staff chat (asked with `getChatMember`, remembered for
 * a few minutes). A failed lookup counts as "no" for that press only.
 * @example const isStaff = staffAuthorizer({ staffUserIds: [], staffChatId: '-100123', telegram: bot.telegram }); await isStaff(42);
 */
export function staffAuthorizer(options: StaffAuthOptions): (userId: number) => Promise<boolean> {
  const listed = new Set(options.staffUserIds);
  const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
  const now = options.now ?? Date.now;
  const known = new Map<number, { member: boolean; until: number }>();

  return async (userId) => {
    if (listed.size > 0) return listed.has(String(userId));
    const cached = known.get(userId);
    if (cached && cached.until > now()) return cached.member;
    try {
      const status = await options.telegram.getChatMember(options.staffChatId, userId);
      const member = MEMBER_STATUSES.has(status.status) || (status.status === 'restricted' && status.is_member);
      known.set(userId, { member, until: now() + ttlMs });
      return member;
    } catch {
      // Not remembered: the next press asks again once Telegram answers.
      return false;
    }
  };
}

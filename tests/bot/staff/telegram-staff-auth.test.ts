import { describe, expect, it } from 'vitest';
import type { ChatMember } from 'telegraf/types';
import { staffAuthorizer } from '../../../src/bot/staff/telegram-staff-auth.js';

const STAFF_CHAT = '-100777';

/** A `getChatMember` that answers from a table and counts its calls. */
function members(statuses: Record<number, ChatMember['status'] | 'error'>) {
  const calls: number[] = [];
  return {
    calls,
    telegram: {
      getChatMember: async (_chat: string | number, userId: number) => {
        calls.push(userId);
        const status = statuses[userId] ?? 'left';
        if (status === 'error') throw new Error('network down');
        return { status, user: { id: userId, is_bot: false, first_name: 'x' } } as ChatMember;
      },
    },
  };
}

describe('staff authorisation', () => {
  it('accepts exactly the configured user ids when there are some, without asking Telegram', async () => {
    const chat = members({ 7: 'member' });
    const isStaff = staffAuthorizer({ staffUserIds: ['501', '502'], staffChatId: STAFF_CHAT, telegram: chat.telegram });
    expect(await isStaff(501)).toBe(true);
    expect(await isStaff(7)).toBe(false);
    expect(chat.calls).toEqual([]);
  });

  it.each([
    ['creator', true],
    ['administrator', true],
    ['member', true],
    ['left', false],
    ['kicked', false],
  ] as const)('counts a %s of the staff chat as staff: %s (no ids configured)', async (status, expected) => {
    const isStaff = staffAuthorizer({ staffUserIds: [], staffChatId: STAFF_CHAT, telegram: members({ 42: status }).telegram });
    expect(await isStaff(42)).toBe(expected);
  });

  it('remembers a membership for a few minutes, then asks again', async () => {
    let now = 0;
    const chat = members({ 42: 'member' });
    const isStaff = staffAuthorizer({ staffUserIds: [], staffChatId: STAFF_CHAT, telegram: chat.telegram, ttlMs: 1000, now: () => now });
    await isStaff(42);
    await isStaff(42);
    now = 1500;
    await isStaff(42);
    expect(chat.calls).toEqual([42, 42]);
  });

  it('refuses when Telegram cannot be asked, and asks again on the next press', async () => {
    const statuses: Record<number, ChatMember['status'] | 'error'> = { 42: 'error' };
    const chat = members(statuses);
    const isStaff = staffAuthorizer({ staffUserIds: [], staffChatId: STAFF_CHAT, telegram: chat.telegram });
    expect(await isStaff(42)).toBe(false);
    statuses[42] = 'member';
    expect(await isStaff(42)).toBe(true);
  });
});

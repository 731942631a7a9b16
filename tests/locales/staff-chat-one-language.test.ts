import { describe, expect, it } from 'vitest';
import { STAFF_CHAT_CATALOG } from '../../src/bot/staff/telegram-staff-texts.js';

/**
 * Session 18: the Telegram staff group read "已通知申请人 Resident notified.", "统计 Statistics", "请填写承办律师姓名 Give the
 * lawyer’s name." — Chinese and English mixed in one line, while the case card is all Chinese. The staff group's texts
 * are in the centre's staff language (zh-CN), English beside them in the catalogue, each whole.
 */
// Words that are the same in either language: commands, references, names of channels and hotlines, placeholders.
const ALLOWED = /\{[a-zA-Z]+\}|\/[a-z]+|FY-[\d-]*|YYYY-MM|Telegram|WeChat|PDF|Esc|Bot API|ID/g;

describe('the staff group speaks one language at a time', () => {
  const chinese = Object.entries(STAFF_CHAT_CATALOG)
    .filter(([key]) => key.startsWith('staff.') || key.startsWith('staffchat.'))
    .map(([key, text]) => [key, (text as Record<string, string>)['zh-CN'] ?? ''] as const);

  it.each(chinese)('%s has no English words in Chinese', (_key, text) => {
    expect(text.replace(ALLOWED, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

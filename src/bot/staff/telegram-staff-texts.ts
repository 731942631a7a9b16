import type { Param } from '../../flows/events.js';
import type { Catalog, Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import { staffTelegramMessages } from '../../locales/staff-telegram.js';
import { hashKey } from '../conversation-runner.js';
import { CASE_CATALOG } from './case-catalog.js';

/** Every text the Telegram staff chat renders: case texts plus `staffchat.*`. */
export const STAFF_CHAT_CATALOG: Catalog = { ...CASE_CATALOG, ...staffTelegramMessages };

/** A staff-chat text; staff read Chinese with English glosses unless `locale` is `en`. */
export function staffText(key: string, params?: Record<string, Param>, locale: Locale = 'zh-CN'): string {
  return translate(key, locale, params, STAFF_CHAT_CATALOG);
}

/**
 * How the staff chat names a resident: a short tag derived from the conversation key (not
 * reversible, the same every time) and the channel, e.g. `居民 #1x9k2a（telegram）`.
 */
export function residentLabel(conversationKey: string, locale: Locale = 'zh-CN'): string {
  const channel = conversationKey.slice(0, conversationKey.indexOf(':'));
  return staffText('staffchat.resident', { tag: hashKey(conversationKey), channel }, locale);
}

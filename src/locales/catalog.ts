/** A language the bot speaks. zh-CN is the default; every text exists in both. */
export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** One text in every locale. */
export type Localized = Record<Locale, string>;

/**
 * A namespace of messages: key → text in each locale. Placeholders are written `{name}`.
 * Each namespace file (`core.ts`, `intake.ts`, …) exports one catalog.
 */
export type Catalog = Record<string, Localized>;

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

// The console's texts: every visible word comes from /console/strings.json
// (src/locales/console-pages.ts and the server's src/locales/console.ts), never from this code.

const LOCALE_KEY = 'fayuan.console.locale';

const state = {
  strings: { defaultLocale: 'zh-CN', timeZone: 'Asia/Shanghai', locales: {} },
  locale: 'zh-CN',
};

function stored() {
  try {
    return localStorage.getItem(LOCALE_KEY);
  } catch {
    return null;
  }
}

/** Loads the texts of every language once; the language is the one chosen before, else the centre's default. */
export async function loadStrings() {
  const response = await fetch('/console/strings.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`strings ${response.status}`);
  state.strings = await response.json();
  const chosen = stored();
  state.locale = chosen && state.strings.locales[chosen] ? chosen : state.strings.defaultLocale;
  document.documentElement.lang = state.locale;
}

export const locale = () => state.locale;
export const locales = () => Object.keys(state.strings.locales);
export const timeZone = () => state.strings.timeZone || 'Asia/Shanghai';

/**
 * An example case reference as the store gives them out today ("FY-20261204-0001": the day in the centre's time zone,
 * then the day's number), for search boxes: never a date long past.
 */
export function caseRefExample(now = Date.now()) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone(), year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return t('page.ref_example', { example: `FY-${day.replaceAll('-', '')}-0001` });
}

/** Whether a text exists for `key` (vocabulary ids the policy pack added may have none). */
export function has(key) {
  return key in (state.strings.locales[state.locale] ?? {});
}

/** The text of `key` in the chosen language, `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const texts = state.strings.locales[state.locale] ?? {};
  const fallback = state.strings.locales[state.strings.defaultLocale] ?? {};
  const template = texts[key] ?? fallback[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Sentences joined as the chosen language writes them: Chinese without a space after 。, English with one. */
export function sentences(parts) {
  return parts.filter(Boolean).join(/^zh/.test(state.locale) ? '' : ' ');
}

/** Switches the language and remembers it on this computer. */
export function setLocale(next) {
  if (!state.strings.locales[next]) return;
  state.locale = next;
  try {
    localStorage.setItem(LOCALE_KEY, next);
  } catch {
    // Private browsing may refuse storage; the choice holds for this visit.
  }
  document.documentElement.lang = next;
}

/** The other language, for the toggle button. */
export function otherLocale() {
  return locales().find((l) => l !== state.locale) ?? state.locale;
}

/** Fills `data-text`, `data-label`, `data-placeholder` and `data-title` attributes under `root`. */
export function applyTexts(root = document) {
  for (const el of root.querySelectorAll('[data-text]')) el.textContent = t(el.dataset.text);
  for (const el of root.querySelectorAll('[data-label]')) el.setAttribute('aria-label', t(el.dataset.label));
  for (const el of root.querySelectorAll('[data-placeholder]')) el.placeholder = t(el.dataset.placeholder);
  for (const el of root.querySelectorAll('[data-title]')) el.title = t(el.dataset.title);
}

/** The page's language as Intl formats take it. */
export const bcp47 = () => (state.locale === 'en' ? 'en-GB' : 'zh-CN');

/** A date and time in the centre's time zone: 2026年12月1日 14:30 / 1 Dec 2026, 14:30. */
export function dateTime(ms) {
  if (ms === null || ms === undefined) return t('page.none');
  return new Intl.DateTimeFormat(bcp47(), { timeZone: timeZone(), dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A date in the centre's time zone. */
export function date(ms) {
  if (ms === null || ms === undefined) return t('page.none');
  return new Intl.DateTimeFormat(bcp47(), { timeZone: timeZone(), dateStyle: 'medium' }).format(ms);
}

/** A number with the language's grouping and at most `digits` decimals. */
export function number(value, digits = 1) {
  if (value === null || value === undefined) return t('page.none');
  return new Intl.NumberFormat(bcp47(), { maximumFractionDigits: digits }).format(value);
}

/** The keys that start with `prefix` (e.g. every `category.` label), in catalog order. */
export function keysWithPrefix(prefix) {
  return Object.keys(state.strings.locales[state.locale] ?? {}).filter((key) => key.startsWith(prefix));
}

/** A vocabulary label (`category.wages`) or the id itself when the catalog has none. */
export function labelOf(prefix, id) {
  return has(`${prefix}${id}`) ? t(`${prefix}${id}`) : id;
}

/** A label the API gives as `{ 'zh-CN': …, en: … }` (or already as text) in the chosen language. */
export function localized(label, fallback = '') {
  if (label && typeof label === 'object') return label[state.locale] ?? label[state.strings.defaultLocale] ?? fallback;
  return label ?? fallback;
}

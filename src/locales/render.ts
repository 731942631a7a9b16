import type { BotReply, Param, Params, RenderedReply } from '../flows/events.js';
import type { Catalog, Locale, Localized } from './catalog.js';
import { formatMessage } from './format.js';
import { MESSAGES } from './messages.js';

/** Thrown when a flow asks for a message key no catalog has: a programming error, caught by tests. */
export class MissingMessageError extends Error {
  override name = 'MissingMessageError';
  constructor(readonly key: string) {
    super(`No text for message key "${key}". Add it to a catalog in src/locales/ and to MESSAGES.`);
  }
}

/** The Chinese enumeration comma is written ", " in English ("Demo City, Demo County", not "Demo City、Demo County"). */
function separatorIn(separator: string, locale: Locale): string {
  return separator === '、' && locale !== 'zh-CN' ? ', ' : separator;
}

function paramText(value: Param, locale: Locale, catalog: Catalog): string | number {
  if (typeof value !== 'object') return value;
  if ('items' in value && Array.isArray(value.items)) {
    return value.items.map((item) => paramText(item, locale, catalog)).join(separatorIn(value.separator ?? '\n', locale));
  }
  if ('key' in value && typeof value.key === 'string') return translate(value.key, locale, value.params, catalog);
  return (value as Localized)[locale];
}

function resolveParams(params: Params | undefined, locale: Locale, catalog: Catalog): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = paramText(value, locale, catalog);
  return out;
}

/** The text of one message key in one language. */
export function translate(key: string, locale: Locale, params?: Params, catalog: Catalog = MESSAGES): string {
  const entry = catalog[key];
  if (!entry) throw new MissingMessageError(key);
  return formatMessage(entry[locale], resolveParams(params, locale, catalog));
}

/** Renders a reply and its buttons in the resident's language. */
export function renderReply(reply: BotReply, locale: Locale, catalog: Catalog = MESSAGES): RenderedReply {
  const own = translate(reply.key, locale, reply.params, catalog);
  return {
    text: reply.followedBy ? `${own}\n\n${translate(reply.followedBy.key, locale, reply.followedBy.params, catalog)}` : own,
    choices: (reply.choices ?? []).map((choice) => ({
      id: choice.id,
      label: choice.label ? choice.label[locale] : translate(choice.key ?? choice.id, locale, choice.params, catalog),
    })),
    ...(reply.multiSelect ? { multiSelect: reply.multiSelect } : {}),
  };
}

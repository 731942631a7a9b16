import type { EntryProblem } from '../knowledge/faq/validate-entry.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import type { StaffKb } from '../staff/staff-kb.js';
import type { Refusal } from '../staff/staff-access.js';
import type { Route } from './console-api.js';
import { HttpError, fromRefusal, sendJson, str } from './http-kit.js';

const ID = '([a-z][a-z0-9_]*)';
const GROUP = '([a-z0-9]+)';

/**
 * An entry's problems field by field, for the editor to show next to each field, in the operator's
 * language (src/locales/kb-validation.ts). Several problems of one field are joined as sentences.
 */
export function problemFields(problems: readonly EntryProblem[], locale: Locale): Record<string, string> {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const field = p.field || 'entry';
    byField.set(field, [...(byField.get(field) ?? []), translate(p.key, locale, p.params)]);
  }
  const joiner = locale === 'en' ? ' ' : '';
  return Object.fromEntries([...byField].map(([field, texts]) => [field, texts.join(joiner)]));
}

function check<T extends { ok: boolean }>(value: T, locale: Locale): Exclude<T, Refusal> {
  if (value.ok) return value as Exclude<T, Refusal>;
  const refused = value as unknown as Refusal & { problems?: EntryProblem[] };
  if (refused.problems) {
    const fields = problemFields(refused.problems, locale);
    // The summary counts the fields to change; each field's own words stand beside it (`fields`).
    throw new HttpError(refused.status, refused.code, 'console.error.kb_fields', { count: Object.keys(fields).length }, { fields });
  }
  throw fromRefusal(refused);
}

/** `/api/kb/…`: the knowledge-base editor for operators (docs/staff-api.md). */
export function kbRoutes(kb: StaffKb): Route[] {
  const r = (method: string, pattern: string, handle: Route['handle']): Route => ({ method, pattern: new RegExp(`^${pattern}$`), handle });
  return [
    r('GET', '/api/kb/entries', async (q) => sendJson(q.res, 200, { entries: check(await kb.list(q.account, q.url.searchParams.get('q')), q.locale).entries })),
    r('POST', '/api/kb/entries', async (q) => {
      const saved = check(await kb.save(q.account, null, (await q.body()).entry), q.locale);
      sendJson(q.res, 201, { entry: saved.entry, version: saved.version });
    }),
    r('GET', `/api/kb/entries/${ID}`, async (q) => {
      const got = check(await kb.get(q.account, q.params[0]!), q.locale);
      sendJson(q.res, 200, { entry: got.entry, version: got.version, shipped: got.shipped });
    }),
    r('POST', `/api/kb/entries/${ID}/shipped`, async (q) => {
      const saved = check(await kb.takeShipped(q.account, q.params[0]!), q.locale);
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
    r('POST', `/api/kb/entries/${ID}/keep-own`, async (q) => {
      check(await kb.keepOwn(q.account, q.params[0]!), q.locale);
      sendJson(q.res, 200, {});
    }),
    r('PUT', `/api/kb/entries/${ID}`, async (q) => {
      const saved = check(await kb.save(q.account, q.params[0]!, (await q.body()).entry), q.locale);
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
    r('GET', `/api/kb/entries/${ID}/history`, async (q) => sendJson(q.res, 200, { versions: check(await kb.history(q.account, q.params[0]!), q.locale).versions })),
    r('POST', `/api/kb/entries/${ID}/revert`, async (q) => {
      const saved = check(await kb.revert(q.account, q.params[0]!, Number((await q.body()).version)), q.locale);
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
    r('POST', '/api/kb/try', async (q) => {
      const body = await q.body();
      const locale: Locale = body.locale === 'en' ? 'en' : body.locale === 'zh-CN' ? 'zh-CN' : q.locale;
      const { ok: _ok, ...answer } = check(await kb.try(q.account, str(body.question) ?? '', locale), q.locale);
      sendJson(q.res, 200, answer);
    }),
    r('GET', '/api/kb/unanswered', async (q) => sendJson(q.res, 200, { groups: check(await kb.unanswered(q.account), q.locale).groups })),
    r('POST', `/api/kb/unanswered/${GROUP}/new-entry`, async (q) => sendJson(q.res, 200, { draft: check(await kb.draftFrom(q.account, q.params[0]!), q.locale).draft })),
    r('POST', `/api/kb/unanswered/${GROUP}/add-phrasing`, async (q) => {
      const saved = check(await kb.addPhrasing(q.account, q.params[0]!, str((await q.body()).entryId) ?? ''), q.locale);
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
  ];
}

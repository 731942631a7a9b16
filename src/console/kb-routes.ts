import type { Locale } from '../locales/catalog.js';
import type { StaffKb } from '../staff/staff-kb.js';
import type { Refusal } from '../staff/staff-access.js';
import type { Route } from './console-api.js';
import { HttpError, fromRefusal, sendJson, str } from './http-kit.js';

const ID = '([a-z][a-z0-9_]*)';
const GROUP = '([a-z0-9]+)';

function check<T extends { ok: boolean }>(value: T): Exclude<T, Refusal> {
  if (value.ok) return value as Exclude<T, Refusal>;
  const refused = value as unknown as Refusal & { problems?: { field: string; message: string }[] };
  if (refused.problems) {
    // Field by field, for the editor to show next to each field.
    throw new HttpError(refused.status, refused.code, refused.key, refused.params ?? {}, { fields: Object.fromEntries(refused.problems.map((p) => [p.field || 'entry', p.message])) });
  }
  throw fromRefusal(refused);
}

/** `/api/kb/…`: the knowledge-base editor for operators (docs/staff-api.md). */
export function kbRoutes(kb: StaffKb): Route[] {
  const r = (method: string, pattern: string, handle: Route['handle']): Route => ({ method, pattern: new RegExp(`^${pattern}$`), handle });
  return [
    r('GET', '/api/kb/entries', async (q) => sendJson(q.res, 200, { entries: check(await kb.list(q.account, q.url.searchParams.get('q'))).entries })),
    r('POST', '/api/kb/entries', async (q) => {
      const saved = check(await kb.save(q.account, null, (await q.body()).entry));
      sendJson(q.res, 201, { entry: saved.entry, version: saved.version });
    }),
    r('GET', `/api/kb/entries/${ID}`, async (q) => {
      const got = check(await kb.get(q.account, q.params[0]!));
      sendJson(q.res, 200, { entry: got.entry, version: got.version });
    }),
    r('PUT', `/api/kb/entries/${ID}`, async (q) => {
      const saved = check(await kb.save(q.account, q.params[0]!, (await q.body()).entry));
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
    r('GET', `/api/kb/entries/${ID}/history`, async (q) => sendJson(q.res, 200, { versions: check(await kb.history(q.account, q.params[0]!)).versions })),
    r('POST', `/api/kb/entries/${ID}/revert`, async (q) => {
      const saved = check(await kb.revert(q.account, q.params[0]!, Number((await q.body()).version)));
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
    r('POST', '/api/kb/try', async (q) => {
      const body = await q.body();
      const locale: Locale = body.locale === 'en' ? 'en' : body.locale === 'zh-CN' ? 'zh-CN' : q.locale;
      const { ok: _ok, ...answer } = check(await kb.try(q.account, str(body.question) ?? '', locale));
      sendJson(q.res, 200, answer);
    }),
    r('GET', '/api/kb/unanswered', async (q) => sendJson(q.res, 200, { groups: check(await kb.unanswered(q.account)).groups })),
    r('POST', `/api/kb/unanswered/${GROUP}/new-entry`, async (q) => sendJson(q.res, 200, { draft: check(await kb.draftFrom(q.account, q.params[0]!)).draft })),
    r('POST', `/api/kb/unanswered/${GROUP}/add-phrasing`, async (q) => {
      const saved = check(await kb.addPhrasing(q.account, q.params[0]!, str((await q.body()).entryId) ?? ''));
      sendJson(q.res, 200, { entry: saved.entry, version: saved.version });
    }),
  ];
}

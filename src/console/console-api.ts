import { readAttachmentAt } from '../storage/attachment-files.js';
import { Readable } from 'node:stream';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { saveUpload, type UploadLimits } from '../bot/save-attachment.js';
import type { CasePack } from '../knowledge/cases/case-pack.js';
import { endOfLocalDay, localDate } from '../knowledge/cases/local-time.js';
import type { Locale } from '../locales/catalog.js';
import { MESSAGES } from '../locales/messages.js';
import { translate } from '../locales/render.js';
import { caseDetailView, caseSummaryView, consoleActions } from '../staff/case-view.js';
import { staffNames, type NameOf } from '../staff/staff-names.js';
import { SUPERVISOR_ROLES, canSeeOffice, hasRole, refusal } from '../staff/staff-access.js';
import type { StaffAuth } from '../staff/staff-auth.js';
import { MEDIATION, type CaseRequest, type StaffCases } from '../staff/staff-cases.js';
import type { StaffLive } from '../staff/staff-live.js';
import type { StaffReports } from '../staff/staff-reports.js';
import { monthlyReportCsv } from '../staff/monthly-report.js';
import { isRole, type Account, type AccountRepository, type AuditLog } from '../staff/staff-ports.js';
import {
  CSRF_HEADER,
  HttpError,
  SESSION_COOKIE,
  cookies,
  firstFilePart,
  fromRefusal,
  readBody,
  sendJson,
  str,
} from './http-kit.js';

/** Everything the API works with; built by `startConsole` from the running app. */
export interface ConsoleServices {
  auth: StaffAuth;
  cases: StaffCases;
  live: StaffLive;
  reports: StaffReports;
  accounts: AccountRepository;
  audit: AuditLog;
  pack: CasePack;
  /** The data folder (attachments' stored paths are relative to it) and the attachments folder. */
  dataDir: string;
  attachmentsDir: string;
  uploads: UploadLimits;
  /** Extra route groups (knowledge base, report), tried in order after the built-in ones. */
  extraRoutes?: Route[];
  now?: () => number;
  /** Told about unexpected errors (the logger: names only, never request bodies). */
  onError?: (error: unknown) => void;
}

/** One request as a route sees it. */
export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  locale: Locale;
  account: Account;
  body: () => Promise<Record<string, unknown>>;
  secure: boolean;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Only `/api/login` is public. */
  public?: boolean;
  handle(r: ApiRequest, services: ConsoleServices): Promise<void>;
}

const REF = '(FY-\\d{8}-\\d{4,})';
const route = (method: string, pattern: string, handle: Route['handle'], extra: Partial<Route> = {}): Route => ({
  method,
  pattern: new RegExp(`^${pattern}$`),
  handle,
  ...extra,
});

/** Login names as colleagues read them: each account's display name (王芳), else the login name. */
function nameBook(s: ConsoleServices): Promise<NameOf> {
  return staffNames(s.accounts);
}

function accountView(a: Account) {
  return { id: a.id, username: a.username, displayName: a.displayName, role: a.role, office: a.office, disabled: a.disabled, createdAt: a.createdAt, lastLoginAt: a.lastLoginAt };
}

function cookie(value: string, secure: boolean, maxAgeSeconds?: number): string {
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
  ].join('; ');
}

const ACTIONS: Record<string, (b: Record<string, unknown>) => CaseRequest> = {
  claim: (b) => ({ type: 'claim', ...opt(b.note) }),
  'request-materials': (b) => ({ type: 'request_materials', documents: Array.isArray(b.documents) ? b.documents.map(String) : [], ...opt(b.note) }),
  'materials-received': (b) => ({ type: 'materials_received', ...opt(b.note) }),
  accept: (b) => ({ type: 'accept', lawyer: str(b.lawyer) ?? '', ...opt(b.note) }),
  decline: (b) => ({ type: 'decline', reason: str(b.reason) ?? str(b.note) ?? '' }),
  refer: (b) => ({ type: 'refer', to: str(b.to) ?? '', ...opt(b.note) }),
  close: (b) => ({ type: 'close', ...opt(b.note) }),
  reopen: (b) => ({ type: 'reopen', reason: str(b.reason) ?? str(b.note) ?? '' }),
  withdraw: (b) => ({ type: 'withdraw', ...opt(b.note) }),
  assign: (b) => ({ type: 'assign', accountId: Number(b.accountId) }),
};

function opt(note: unknown): { note?: string } {
  return typeof note === 'string' && note.trim() ? { note: note.trim() } : {};
}

async function caseAnswer(r: ApiRequest, s: ConsoleServices, ref: string) {
  const viewed = await s.cases.view(r.account, ref);
  if (!viewed.ok) throw fromRefusal(viewed);
  const now = s.now?.() ?? Date.now();
  const nameOf = await nameBook(s);
  return {
    case: caseDetailView(viewed.record, { pack: s.pack, now, locale: r.locale, events: viewed.events, attachments: viewed.attachments, notes: viewed.notes, undelivered: viewed.undelivered, nameOf }),
    allowedActions: consoleActions(viewed.record, hasRole(r.account, SUPERVISOR_ROLES)),
  };
}

async function colleagues(r: ApiRequest, s: ConsoleServices) {
  if (!hasRole(r.account, SUPERVISOR_ROLES)) return undefined;
  const all = await s.accounts.list();
  return all
    .filter((a) => !a.disabled && ['staff', 'supervisor', 'admin'].includes(a.role))
    .filter((a) => a.office === null || canSeeOffice(r.account, a.office, s.pack.offices))
    .map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, office: a.office, role: a.role }));
}

/** The built-in routes: sign-in, cases, attachments, live conversations, canned replies, accounts, audit. */
export const API_ROUTES: Route[] = [
  route(
    'POST',
    '/api/login',
    async (r, s) => {
      const body = await r.body();
      const result = await s.auth.login(str(body.username) ?? '', str(body.password) ?? '', r.req.socket.remoteAddress ?? 'unknown');
      if (!result.ok && result.reason === 'locked') {
        throw new HttpError(429, 'locked', 'console.error.locked', { minutes: Math.ceil(result.retryAfterSeconds / 60) }, { retryAfterSeconds: result.retryAfterSeconds });
      }
      if (!result.ok) throw new HttpError(401, 'bad_credentials', 'console.error.bad_credentials');
      sendJson(r.res, 200, { account: accountView(result.account), csrfToken: result.csrfToken }, { 'Set-Cookie': cookie(result.sessionId, r.secure) });
    },
    { public: true },
  ),
  route('POST', '/api/logout', async (r, s) => {
    await s.auth.logout(cookies(r.req)[SESSION_COOKIE]);
    r.res.writeHead(204, { 'Set-Cookie': cookie('', r.secure, 0), 'Cache-Control': 'no-store' }).end();
  }),
  route('GET', '/api/me', async (r, s) => {
    const session = await s.auth.session(cookies(r.req)[SESSION_COOKIE]);
    const mates = await colleagues(r, s);
    sendJson(r.res, 200, {
      account: accountView(r.account),
      csrfToken: session.ok ? session.csrfToken : null,
      offices: s.pack.offices.map((o) => ({ id: o.id, label: o.name[r.locale] })),
      // The offices whose cases this account works: a centre's accounts also its workstations'.
      visibleOffices: s.pack.offices.filter((o) => canSeeOffice(r.account, o.id, s.pack.offices)).map((o) => o.id),
      documents: s.pack.documents.map((d) => ({ id: d.id, label: d.name[r.locale] })),
      referTo: [{ id: MEDIATION, label: labelOf('console.mediation', r.locale, MEDIATION) }, ...s.pack.offices.map((o) => ({ id: o.id, label: o.name[r.locale] }))],
      timeZone: s.pack.timeZone,
      ...(mates ? { colleagues: mates } : {}),
    });
  }),

  route('GET', '/api/cases', async (r, s) => {
    const q = r.url.searchParams;
    const filter = Object.fromEntries(['office', 'category', 'state', 'assignee', 'q'].flatMap((k) => (q.get(k) ? [[k, q.get(k)!]] : [])));
    const all = await s.cases.list(r.account, filter);
    if (!Array.isArray(all)) throw fromRefusal(all);
    // A page of the sorted inbox when `limit` is given (the console asks for 50); else every case.
    const limit = Number(q.get('limit'));
    const offset = Math.max(0, Math.floor(Number(q.get('offset')) || 0));
    const list = limit > 0 ? all.slice(offset, offset + Math.min(Math.floor(limit), 500)) : all;
    const now = s.now?.() ?? Date.now();
    const todayEnds = endOfLocalDay(localDate(now, s.pack.timeZone), s.pack.timeZone);
    const [undelivered, newFiles, residentNotes, nameOf] = await Promise.all([
      s.cases.undelivered(list.map((c) => c.ref)),
      s.cases.newFiles(list),
      s.cases.unseenResidentNotes(list),
      nameBook(s),
    ]);
    sendJson(r.res, 200, {
      total: all.length,
      offset: limit > 0 ? offset : 0,
      cases: list.map((c) => ({
        ...caseSummaryView(c, s.pack, now, r.locale, todayEnds, nameOf),
        undelivered: undelivered.get(c.ref)?.count ?? 0,
        newFiles: newFiles.get(c.ref) ?? 0,
        residentNotes: residentNotes.get(c.ref) ?? 0,
      })),
      now,
    });
  }),
  route('GET', `/api/cases/${REF}`, async (r, s) => sendJson(r.res, 200, await caseAnswer(r, s, r.params[0]!))),
  route('POST', `/api/cases/${REF}/notes`, async (r, s) => {
    const body = await r.body();
    const added = await s.cases.addNote(r.account, r.params[0]!, str(body.text) ?? '');
    if (!added.ok) throw fromRefusal(added);
    const { id, author, text, at } = added.note;
    sendJson(r.res, 201, { note: { id, author, text, at } });
  }),
  route('POST', `/api/cases/${REF}/([a-z-]+)`, async (r, s) => {
    const [ref, name] = r.params as [string, string];
    const build = ACTIONS[name];
    if (!build) throw new HttpError(404, 'not_found', 'console.error.not_found', { what: name });
    const done = await s.cases.act(r.account, ref, build(await r.body()), r.locale);
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 200, { ...(await caseAnswer(r, s, ref)), notice: done.notice });
  }),

  route('GET', '/api/attachments/([A-Za-z0-9_-]+)', async (r, s) => {
    const found = await s.cases.attachment(r.account, r.params[0]!);
    if (!found.ok) throw fromRefusal(found);
    const file = path.resolve(s.dataDir, found.attachment.storedPath);
    if (!file.startsWith(path.resolve(s.dataDir) + path.sep)) throw new HttpError(404, 'not_found', 'console.error.not_found', { what: r.params[0]! });
    let content: Buffer;
    try {
      content = await readAttachmentAt(file);
    } catch {
      throw new HttpError(404, 'not_found', 'console.error.not_found', { what: found.attachment.fileName });
    }
    const download = r.url.searchParams.get('download') === '1';
    const inlineSafe = /^(image\/(jpeg|png|gif|webp)|application\/pdf)$/.test(found.attachment.mimeType);
    r.res.writeHead(200, {
      'Content-Type': inlineSafe ? found.attachment.mimeType : 'application/octet-stream',
      'Content-Length': content.length,
      'Content-Disposition': `${download || !inlineSafe ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(found.attachment.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      ...(found.attachment.mimeType === 'application/pdf' ? {} : { 'Content-Security-Policy': "default-src 'none'; img-src 'self'; sandbox" }),
    });
    r.res.end(content);
  }),

  route('GET', '/api/live', async (r, s) => {
    const listed = await s.live.list(r.account);
    if (!listed.ok) throw fromRefusal(listed);
    const label = (kind: string) => labelOf(`console.danger.${kind}`, r.locale, kind);
    const nameOf = await nameBook(s);
    sendJson(r.res, 200, {
      now: listed.now,
      conversations: listed.conversations.map((c) => ({
        ...c,
        holder: c.holder === null ? null : nameOf(c.holder),
        danger: c.danger.map((d) => ({ ...d, label: label(d.kind) })),
      })),
      alerts: listed.alerts.map((a) => ({ ...a, conversationId: a.id, label: label(a.kind), takenBy: a.takenBy === null ? null : nameOf(a.takenBy) })),
      callbacks: listed.callbacks,
    });
  }),
  route('POST', '/api/live/([a-z0-9]+)/take', async (r, s) => {
    const done = await s.live.take(r.account, r.params[0]!);
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 200, { ok: true });
  }),
  route('GET', '/api/live/([a-z0-9]+)/transcript', async (r, s) => {
    const got = await s.live.transcript(r.account, r.params[0]!, r.locale);
    if (!got.ok) throw fromRefusal(got);
    const since = Number(r.url.searchParams.get('since') ?? 0);
    const nameOf = await nameBook(s);
    sendJson(r.res, 200, {
      messages: got.messages
        .filter((m) => m.at > since)
        .map((m) => (m.staff ? { ...m, staff: nameOf(m.staff) } : m))
        .map((m) => (m.attachment ? { ...m, attachment: { ...m.attachment, url: `/api/attachments/${encodeURIComponent(m.attachment.id)}` } } : m)),
    });
  }),
  route('POST', '/api/live/([a-z0-9]+)/messages', async (r, s) => {
    const body = await r.body();
    const done = await s.live.send(r.account, r.params[0]!, { text: str(body.text) ?? '' });
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 201, { ok: true });
  }),
  route('POST', '/api/live/([a-z0-9]+)/files', async (r, s) => {
    const type = r.req.headers['content-type'] ?? '';
    let upload: { fileName: string; mimeType: string; data: Buffer } | undefined;
    const body = await readBody(r.req, s.uploads.maxBytes + 64 * 1024);
    if (body === 'too_large') throw fileRefused('size', s.uploads);
    if (type.startsWith('multipart/form-data')) upload = firstFilePart(body, type);
    else {
      const raw = r.req.headers['x-file-name'];
      upload = { fileName: decodeURIComponent(typeof raw === 'string' ? raw : 'file'), mimeType: type, data: body };
    }
    if (!upload) throw new HttpError(400, 'bad_request', 'console.error.bad_request', { detail: 'file' });
    const saved = await saveUpload(Readable.from([upload.data]), upload, s.attachmentsDir, s.uploads);
    if (!saved.ok) throw fileRefused(saved.reason, s.uploads, upload.fileName);
    const done = await s.live.send(r.account, r.params[0]!, { attachment: saved.attachment });
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 201, { ok: true, attachment: saved.attachment });
  }),
  route('POST', '/api/live/([a-z0-9]+)/callback-done', async (r, s) => {
    const body = await r.body();
    const done = await s.live.callbackDone(r.account, r.params[0]!, typeof body.at === 'number' ? body.at : NaN);
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 200, { ok: true });
  }),
  route('POST', '/api/live/([a-z0-9]+)/release', async (r, s) => {
    const done = await s.live.release(r.account, r.params[0]!);
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 200, { ok: true });
  }),

  route('GET', '/api/canned-replies', async (r, s) => {
    const got = await s.live.cannedReplies(r.account);
    if (!got.ok) throw fromRefusal(got);
    sendJson(r.res, 200, { replies: got.replies });
  }),
  route('POST', '/api/canned-replies', async (r, s) => {
    const done = await s.live.saveCannedReply(r.account, null, await r.body());
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 201, { reply: done.reply });
  }),
  route('PUT', '/api/canned-replies/(\\d+)', async (r, s) => {
    const done = await s.live.saveCannedReply(r.account, Number(r.params[0]), await r.body());
    if (!done.ok) throw fromRefusal(done);
    sendJson(r.res, 200, { reply: done.reply });
  }),
  route('DELETE', '/api/canned-replies/(\\d+)', async (r, s) => {
    const done = await s.live.deleteCannedReply(r.account, Number(r.params[0]));
    if (!done.ok) throw fromRefusal(done);
    r.res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }),

  route('GET', '/api/reports/monthly(\\.csv)?', async (r, s) => {
    const q = r.url.searchParams;
    const made = await s.reports.monthly(r.account, { month: q.get('month'), office: q.get('office') }, r.locale);
    if (!made.ok) throw fromRefusal(made);
    if (r.params[0] !== '.csv') return sendJson(r.res, 200, made.report);
    const csv = monthlyReportCsv(made.report, r.locale);
    const name = `fayuan-report-${made.report.month}${made.report.office ? `-${made.report.office}` : ''}.csv`;
    r.res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    r.res.end(csv);
  }),
  route('POST', '/api/accounts/(\\d+)/name', async (r, s) => {
    await adminOnly(r, s, 'account.rename');
    const body = await r.body();
    const renamed = await s.auth.rename(Number(r.params[0]), str(body.name) ?? null, r.account.id);
    if (!renamed.ok) throw accountError(renamed.reason, r.params[0]!);
    sendJson(r.res, 200, { account: accountView(renamed.account) });
  }),
  route('GET', '/api/accounts', async (r, s) => {
    await adminOnly(r, s, 'account.list');
    sendJson(r.res, 200, { accounts: (await s.accounts.list()).map(accountView) });
  }),
  route('POST', '/api/accounts', async (r, s) => {
    await adminOnly(r, s, 'account.create');
    const body = await r.body();
    const role = body.role;
    if (!isRole(role)) throw new HttpError(422, 'invalid', 'console.error.invalid', { detail: 'role' });
    const office = str(body.office) || null;
    if (office && !s.pack.offices.some((o) => o.id === office)) {
      throw new HttpError(422, 'invalid', 'console.error.bad_office', { office, offices: s.pack.offices.map((o) => o.id).join(', ') });
    }
    const username = str(body.username) ?? '';
    const made = await s.auth.addAccount({ username, role, office, displayName: str(body.name) ?? null, password: str(body.password) ?? '' }, r.account.id);
    if (!made.ok) throw accountError(made.reason, username);
    sendJson(r.res, 201, { account: accountView(made.account) });
  }),
  route('POST', '/api/accounts/(\\d+)/disable', async (r, s) => {
    await adminOnly(r, s, 'account.disable');
    if (!(await s.auth.disable(Number(r.params[0]), r.account.id))) throw new HttpError(404, 'not_found', 'console.error.not_found', { what: r.params[0]! });
    sendJson(r.res, 200, { ok: true });
  }),
  route('POST', '/api/accounts/(\\d+)/password', async (r, s) => {
    await adminOnly(r, s, 'account.reset_password');
    const made = await s.auth.resetPassword(Number(r.params[0]), str((await r.body()).password) ?? '', r.account.id);
    if (!made.ok) throw accountError(made.reason, '');
    sendJson(r.res, 200, { ok: true });
  }),
  route('GET', '/api/audit', async (r, s) => {
    await adminOnly(r, s, 'audit.view');
    const q = r.url.searchParams;
    const num = (k: string) => (q.get(k) && Number.isFinite(Number(q.get(k))) ? Number(q.get(k)) : undefined);
    const filter = {
      ...(num('account') !== undefined ? { accountId: num('account')! } : {}),
      ...(q.get('action') ? { action: q.get('action')! } : {}),
      ...(q.get('ref') ? { target: q.get('ref')! } : {}),
      ...(num('before') !== undefined ? { before: num('before')! } : {}),
      limit: num('limit') ?? 100,
    };
    const entries = await s.audit.list(filter);
    const names = new Map((await s.accounts.list()).map((a) => [a.id, a.username]));
    sendJson(r.res, 200, {
      entries: entries.map((e) => ({ ...e, username: e.accountId === null ? null : (names.get(e.accountId) ?? null) })),
      next: entries.length === filter.limit ? entries.at(-1)!.id : null,
    });
  }),
];

async function adminOnly(r: ApiRequest, s: ConsoleServices, action: string): Promise<void> {
  if (r.account.role === 'admin') return;
  await s.audit.record({ at: s.now?.() ?? Date.now(), accountId: r.account.id, action, target: null, outcome: 'refused', detail: 'forbidden' });
  throw fromRefusal(refusal(403, 'forbidden', 'console.error.forbidden'));
}

/** Kinds of file by the names people know them by (JPG, PDF), from the allowed media types. */
function kindsOf(types: readonly string[]): string {
  const named: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF' };
  return types.map((t) => named[t] ?? t.split('/').pop()!.toUpperCase()).join(', ');
}

/** A file refused in words staff can act on: which kinds can be sent, or how large a file may be. */
function fileRefused(reason: 'type' | 'size', limits: UploadLimits, fileName = ''): HttpError {
  if (reason === 'size') return new HttpError(422, 'invalid', 'console.error.file_size', { max: Math.round(limits.maxBytes / (1024 * 1024)) });
  return new HttpError(422, 'invalid', 'console.error.file_type', { name: fileName, kinds: kindsOf(limits.allowedTypes) });
}

function accountError(reason: string, username: string): HttpError {
  if (reason === 'taken') return new HttpError(409, 'taken', 'console.error.taken', { username });
  if (reason === 'not_found') return new HttpError(404, 'not_found', 'console.error.not_found', { what: username });
  if (reason === 'too_short') return new HttpError(422, 'too_short', 'console.error.too_short', { min: 10 });
  return new HttpError(422, reason, `console.error.${reason}`);
}

function labelOf(key: string, locale: Locale, fallback: string): string {
  return MESSAGES[key] ? translate(key, locale) : fallback;
}

/** Whether the CSRF header matches the session's token (constant time). */
export function csrfMatches(req: IncomingMessage, token: string): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(token));
}


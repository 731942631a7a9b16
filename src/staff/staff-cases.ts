import type { Logger } from 'pino';
import type { OutboundMessage } from '../bot/channel.js';
import { performCaseAction, type CaseActionResult } from './case-actions.js';
import { FINAL_STATUSES, type CaseAction, type CaseStatus } from '../knowledge/cases/case-lifecycle.js';
import { nameIn, type CasePack } from '../knowledge/cases/case-pack.js';
import type { Locale } from '../locales/catalog.js';
import type { StoredAttachment } from '../bot/ports/attachment-repository.js';
import type { HeldForCase } from '../bot/wechat/wechat-held-repository.js';
import type { CaseRecord, CaseRepository as Cases, StoredCaseEvent } from '../knowledge/cases/case-repository.js';
import { label } from './case-view.js';
import { sortInbox } from './case-view.js';
import { CASE_ROLES, SUPERVISOR_ROLES, canSeeOffice, hasRole, refusal, type Refusal } from './staff-access.js';
import type { StaffEventBus } from './staff-events.js';
import { RESIDENT_NOTE_AUTHOR, type Account, type AccountRepository, type AssignmentRepository, type AuditLog, type CaseNote, type NoteRepository } from './staff-ports.js';
import { halfWidth } from '../flows/half-width.js';

/** The case storage the service reads and changes (`CaseStore` fits). */
export type CaseRepository = Cases;
/** Where a case's files are listed (`AttachmentStore` fits). */
export interface AttachmentRepository {
  get(id: string): Promise<StoredAttachment | undefined>;
  forCase(ref: string): Promise<StoredAttachment[]>;
  /** Files per case received at or after each case's time, in one read. */
  countForCasesSince(since: ReadonlyMap<string, number>): Promise<Map<string, number>>;
}

export interface StaffCasesDeps {
  cases: CaseRepository;
  assignments: AssignmentRepository;
  attachments: AttachmentRepository;
  notes: NoteRepository;
  accounts: AccountRepository;
  audit: AuditLog;
  pack: CasePack;
  events?: StaffEventBus;
  /** Notices a channel holds for the resident to write again (WeChat's 48-hour rule; `WechatHeldStore` fits). */
  held?: { waitingByCase(refs: readonly string[]): Promise<Map<string, HeldForCase>> };
  /** The running bot's dispatcher: notices go out at once (else they wait in the outbox). */
  dispatcher?: { enqueue(messages: OutboundMessage[]): void };
  logger?: Pick<Logger, 'info'>;
  now?: () => number;
}

export interface CaseFilter {
  office?: string;
  category?: string;
  /** A status, `open` (default: not closed or withdrawn) or `all`. */
  state?: string;
  /** A username, or `me`. */
  assignee?: string;
  /** Part of a reference number, of the applicant's phone number (4 digits or more) or of their name. */
  q?: string;
}

/** What staff ask to do to a case, from any front end. */
export type CaseRequest =
  | { type: 'claim'; note?: string }
  | { type: 'request_materials'; documents: string[]; note?: string }
  | { type: 'materials_received'; note?: string }
  | { type: 'accept'; lawyer: string; note?: string }
  | { type: 'decline'; reason: string }
  | { type: 'refer'; to: string; note?: string }
  | { type: 'close'; note?: string }
  | { type: 'reopen'; reason: string }
  | { type: 'withdraw'; note?: string }
  | { type: 'assign'; accountId: number };

/** Notices of a case that have not reached the resident: how many, since when, and the channel's reason (an errcode). */
export type Undelivered = HeldForCase;

export type CaseActionOutcome = { ok: true; record: CaseRecord; notice: 'sent' | 'not_sent_unsafe' | 'none' } | Refusal;

/**
 * What staff typed in the inbox's search box, as a test of a case: part of the reference, or (a resident
 * ringing in) the phone number they give — spaces, dashes and a +86 left out, at least 4 digits — or
 * part of their name. `refOnly`: the text can only be a reference (it starts with FY).
 */
export function caseSearch(upper: string): { refOnly: boolean; matches: (c: CaseRecord) => boolean } {
  const refOnly = upper.startsWith('FY');
  const digits = /^[+\d\s()-]+$/.test(upper) ? upper.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '') : '';
  return {
    refOnly,
    matches: (c) => {
      if (c.ref.includes(upper)) return true;
      if (refOnly) return false;
      if (digits.length >= 4) return (c.applicant.phone ?? '').replace(/\D/g, '').includes(digits);
      const name = c.applicant.name?.toUpperCase();
      return !!name && upper.length > 0 && name.includes(upper);
    },
  };
}

/** Where a case can be referred besides the pack's offices. */
export const MEDIATION = 'mediation';

/**
 * Cases as staff work them, from any front end (console, Telegram, CLI): the inbox with filters, a
 * case with its history, files and notes, and every action. Checks role and office, and writes every
 * view, action and refusal to the audit log with the account id.
 */
export class StaffCases {
  private readonly now: () => number;

  constructor(private readonly deps: StaffCasesDeps) {
    this.now = deps.now ?? Date.now;
  }

  get pack(): CasePack {
    return this.deps.pack;
  }

  async list(account: Account, filter: CaseFilter = {}): Promise<CaseRecord[] | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, 'case.list', null, refusal(403, 'forbidden', 'console.error.forbidden'));
    const state = filter.state ?? 'open';
    // A Chinese keyboard in full-width mode types １３８… and ＦＹ－…: searched as the plain forms.
    const q = halfWidth(filter.q ?? '').trim().toUpperCase() || undefined;
    const found = q ? caseSearch(q) : undefined;
    let records: CaseRecord[];
    if (state === 'open') records = await this.deps.cases.listOpen();
    else {
      // Closed cases pile up over the years: the store narrows to the account's offices and the typed
      // reference before its limit, so an old case of a small office is still found.
      const offices = this.deps.pack.offices;
      // undefined: every office (admins, accounts without an office).
      const worked = account.role === 'admin' || account.office === null ? undefined : offices.filter((o) => canSeeOffice(account, o.id, offices)).map((o) => o.id);
      const routes = filter.office ? (worked ?? [filter.office]).filter((r) => r === filter.office) : worked;
      records = await this.deps.cases.list({
        limit: 5000,
        ...(state === 'all' ? {} : { status: state as CaseStatus }),
        // Only a typed reference narrows in the store: phone numbers and names are sealed there.
        ...(found?.refOnly ? { refContains: q } : {}),
        ...(routes ? { routes } : {}),
      });
    }
    const assignee = filter.assignee === 'me' ? account.username : filter.assignee;
    const now = this.now();
    const visible = records
      .filter((c) => canSeeOffice(account, c.route, this.deps.pack.offices))
      .filter((c) => !filter.office || c.route === filter.office)
      .filter((c) => !filter.category || c.category === filter.category)
      .filter((c) => !assignee || c.assignee === assignee)
      .filter((c) => !found || found.matches(c));
    return sortInbox(visible, now, this.deps.pack.timeZone);
  }

  /** A case with its history, files, notes and notices not yet delivered; audited as a view. */
  async view(
    account: Account,
    ref: string,
  ): Promise<{ ok: true; record: CaseRecord; events: StoredCaseEvent[]; attachments: StoredAttachment[]; notes: CaseNote[]; undelivered: Undelivered | null } | Refusal> {
    const found = await this.readable(account, ref, 'case.view');
    if (!found.ok) return found;
    const [events, attachments, notes, undelivered] = await Promise.all([
      this.deps.cases.events(ref),
      this.deps.attachments.forCase(ref),
      this.deps.notes.forCase(ref),
      this.undelivered([ref]),
    ]);
    await this.audit(account, 'case.view', ref, 'ok', null);
    // Opened: what the resident left here is seen, and the inbox stops marking the case.
    if (notes.some((n) => n.author === RESIDENT_NOTE_AUTHOR)) await this.deps.notes.markResidentNotesSeen(ref, this.now());
    return { ok: true, record: found.record, events, attachments, notes, undelivered: undelivered.get(ref) ?? null };
  }

  /** Notes residents left on these cases that no member of staff has opened the case to see yet, by case (the inbox marks them). */
  async unseenResidentNotes(records: readonly CaseRecord[]): Promise<Map<string, number>> {
    return this.deps.notes.unseenFromResident(records.map((r) => r.ref));
  }

  /**
   * Files residents sent since staff asked for materials, by case (cases waiting for materials only): the
   * inbox shows which of them have something to look at. The request is the case's last change.
   */
  async newFiles(records: readonly CaseRecord[]): Promise<Map<string, number>> {
    const waiting = records.filter((r) => r.status === 'materials_requested');
    const counts = await this.deps.attachments.countForCasesSince(new Map(waiting.map((r) => [r.ref, r.updatedAt])));
    return new Map(waiting.map((r) => [r.ref, counts.get(r.ref) ?? 0]));
  }

  /**
   * Notices waiting for the residents of `refs` to write again, by case: staff must know the resident
   * has not been told (and may need to reach them another way), not only read it in a note.
   */
  async undelivered(refs: readonly string[]): Promise<Map<string, Undelivered>> {
    return (await this.deps.held?.waitingByCase(refs)) ?? new Map();
  }

  /** A file of a case the account may see; audited. */
  async attachment(account: Account, id: string): Promise<{ ok: true; attachment: StoredAttachment } | Refusal> {
    const attachment = await this.deps.attachments.get(id);
    if (!attachment) return this.refuse(account, 'attachment.view', `attachment:${id}`, refusal(404, 'not_found', 'console.error.not_found', { what: id }));
    if (attachment.caseRef) {
      const found = await this.readable(account, attachment.caseRef, 'attachment.view');
      if (!found.ok) return found;
    } else if (!hasRole(account, CASE_ROLES)) {
      return this.refuse(account, 'attachment.view', `attachment:${id}`, refusal(403, 'forbidden', 'console.error.forbidden'));
    }
    await this.audit(account, 'attachment.view', attachment.caseRef ?? `attachment:${id}`, 'ok', `attachment:${id}`);
    return { ok: true, attachment };
  }

  async addNote(account: Account, ref: string, text: string): Promise<{ ok: true; note: CaseNote } | Refusal> {
    const found = await this.readable(account, ref, 'case.note');
    if (!found.ok) return found;
    const clean = text.trim();
    if (!clean) return this.refuse(account, 'case.note', ref, refusal(422, 'invalid', 'console.error.empty_text'));
    const note = await this.deps.notes.add({ ref, accountId: account.id, author: account.username, text: clean.slice(0, 5000), at: this.now() });
    await this.audit(account, 'case.note', ref, 'ok', `note:${note.id}`);
    this.deps.events?.publish({ type: 'case.changed', ref, office: found.record.route, status: found.record.status });
    return { ok: true, note };
  }

  /** Applies a staff action; the resident is notified in their language in the same transaction. */
  async act(account: Account, ref: string, request: CaseRequest, locale: Locale = 'zh-CN'): Promise<CaseActionOutcome> {
    const action = `case.${request.type}`;
    const found = await this.readable(account, ref, action);
    if (!found.ok) return found;
    const record = found.record;
    if ((request.type === 'reopen' || request.type === 'assign') && !hasRole(account, SUPERVISOR_ROLES)) {
      return this.refuse(account, action, ref, refusal(403, 'forbidden', 'console.error.forbidden'));
    }
    if (request.type === 'assign') return this.assign(account, record, request.accountId, locale);
    const lifecycle = this.toLifecycle(request, record);
    if (!lifecycle.ok) return this.refuse(account, action, ref, lifecycle);
    const result = await performCaseAction(
      { cases: this.deps.cases, pack: this.deps.pack, ...(this.deps.dispatcher ? { dispatcher: this.deps.dispatcher } : {}), ...(this.deps.logger ? { logger: this.deps.logger } : {}) },
      ref,
      lifecycle.action,
      { kind: 'staff', name: account.username },
      this.now(),
    );
    return this.outcome(account, action, ref, result, undefined, locale);
  }

  private async assign(account: Account, record: CaseRecord, accountId: number, locale: Locale): Promise<CaseActionOutcome> {
    const target = await this.deps.accounts.byId(accountId);
    if (!target || target.disabled || !hasRole(target, CASE_ROLES) || !canSeeOffice(target, record.route, this.deps.pack.offices)) {
      return this.refuse(account, 'case.assign', record.ref, refusal(422, 'invalid', 'console.error.bad_assignee'));
    }
    if (FINAL_STATUSES.includes(record.status)) {
      return this.refuse(account, 'case.assign', record.ref, refusal(409, 'not_allowed', 'console.refused.not_allowed', {
        ref: record.ref,
        status: label(`console.status.${record.status}`, locale, record.status),
        action: label('console.action.assign', locale, 'assign'),
      }));
    }
    if (record.status === 'new') {
      // Assigning a new case claims it for the colleague: the resident hears it is being reviewed. The history
      // says who did it: the supervisor took it into review and assigned it (the colleague pressed nothing).
      const claimed = await performCaseAction(
        { cases: this.deps.cases, pack: this.deps.pack, ...(this.deps.dispatcher ? { dispatcher: this.deps.dispatcher } : {}) },
        record.ref,
        { type: 'claim', note: undefined } as CaseAction,
        { kind: 'staff', name: account.username },
        this.now(),
      );
      if (!claimed.ok || target.username === account.username) return this.outcome(account, 'case.assign', record.ref, claimed, `to account:${target.id}`, locale);
      const handed = await this.deps.assignments.assign(record.ref, target.username, { kind: 'staff', name: account.username }, this.now());
      return this.outcome(account, 'case.assign', record.ref, handed ? { ...claimed, record: handed } : claimed, `to account:${target.id}`, locale);
    }
    const assigned = await this.deps.assignments.assign(record.ref, target.username, { kind: 'staff', name: account.username }, this.now());
    if (!assigned) return this.refuse(account, 'case.assign', record.ref, refusal(404, 'not_found', 'console.error.not_found', { what: record.ref }));
    await this.audit(account, 'case.assign', record.ref, 'ok', `to account:${target.id}`);
    this.deps.events?.publish({ type: 'case.changed', ref: record.ref, office: record.route, status: assigned.status });
    return { ok: true, record: assigned, notice: 'none' };
  }

  private toLifecycle(request: Exclude<CaseRequest, { type: 'assign' }>, record: CaseRecord): { ok: true; action: CaseAction } | Refusal {
    const opt = (note: string | undefined) => (note?.trim() ? { note: note.trim() } : {});
    switch (request.type) {
      case 'decline':
        return { ok: true, action: { type: 'decline', note: request.reason ?? '' } };
      case 'reopen':
        return { ok: true, action: { type: 'reopen', note: request.reason ?? '' } };
      case 'refer': {
        const to = request.to?.trim() ?? '';
        if (!to) return refusal(422, 'missing_note', 'console.refused.missing_note', { ref: record.ref });
        // The resident reads where the case went, in their language.
        const where =
          to === MEDIATION
            ? label('console.mediation', record.locale, to)
            : this.deps.pack.offices.some((o) => o.id === to)
              ? nameIn(this.deps.pack.offices, to)[record.locale]
              : to;
        return { ok: true, action: { type: 'refer', note: request.note?.trim() ? `${where}（${request.note.trim()}）` : where } };
      }
      case 'request_materials':
        return { ok: true, action: { type: 'request_materials', documents: Array.isArray(request.documents) ? request.documents.map(String) : [], ...opt(request.note) } };
      case 'accept':
        return { ok: true, action: { type: 'accept', lawyer: request.lawyer ?? '', ...opt(request.note) } };
      default:
        return { ok: true, action: { type: request.type, ...opt(request.note) } };
    }
  }

  private async outcome(account: Account, action: string, ref: string, result: CaseActionResult, detail?: string, locale: Locale = 'zh-CN'): Promise<CaseActionOutcome> {
    if (!result.ok) {
      const params: Record<string, string | number> = { ref };
      let status: Refusal['status'] = 409;
      if (result.reason === 'not_found') return this.refuse(account, action, ref, refusal(404, 'not_found', 'console.error.not_found', { what: ref }));
      if (result.reason === 'already_claimed') params.by = await this.knownAs(result.by);
      if (result.reason === 'not_allowed') {
        params.status = label(`console.status.${result.status}`, locale, result.status);
        params.action = label(`console.action.${result.action}`, locale, result.action);
      }
      if (result.reason.startsWith('missing_')) status = 422;
      return this.refuse(account, action, ref, refusal(status, result.reason, `console.refused.${result.reason}`, params));
    }
    await this.audit(account, action, ref, 'ok', [detail, `${result.event.from ?? '—'}→${result.event.to}`].filter(Boolean).join(' '));
    this.deps.events?.publish({ type: 'case.changed', ref, office: result.record.route, status: result.record.status });
    const notice = !result.notice ? 'none' : result.notice.send ? 'sent' : result.notice.reason === 'chat_not_safe' ? 'not_sent_unsafe' : 'none';
    return { ok: true, record: result.record, notice };
  }

  /** The case, when it exists and the account may see it; else a refusal, audited. */
  private async readable(account: Account, ref: string, action: string): Promise<{ ok: true; record: CaseRecord } | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, action, ref, refusal(403, 'forbidden', 'console.error.forbidden'));
    const record = await this.deps.cases.get(ref);
    if (!record) return this.refuse(account, action, ref, refusal(404, 'not_found', 'console.error.not_found', { what: ref }));
    if (!canSeeOffice(account, record.route, this.deps.pack.offices)) return this.refuse(account, action, ref, refusal(403, 'other_office', 'console.error.other_office'));
    return { ok: true, record };
  }

  private async refuse<T extends Refusal>(account: Account, action: string, target: string | null, why: T): Promise<T> {
    await this.audit(account, action, target, 'refused', why.code);
    return why;
  }

  /** A login name as colleagues know it: the account's display name, else the name as recorded (a Telegram name, or the login). */
  private async knownAs(login: string): Promise<string> {
    return (await this.deps.accounts.byUsername(login))?.displayName ?? login;
  }

  private audit(account: Account, action: string, target: string | null, outcome: 'ok' | 'refused', detail: string | null): Promise<void> {
    return this.deps.audit.record({ at: this.now(), accountId: account.id, action, target, outcome, detail });
  }
}

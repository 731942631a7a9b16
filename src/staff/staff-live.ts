import { createHash } from 'node:crypto';
import type { AttachmentRef } from '../flows/events.js';
import type { AttachmentMeta } from '../bot/ports/attachment-repository.js';
import type { StaffRelay } from '../flows/staff-relay.js';
import { staffNameParam } from '../flows/staff-name.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import { HandoffService, liveId, type ConversationDispatch, type StaffContent } from './handoff-service.js';
import type { CaseRecord } from '../knowledge/cases/case-repository.js';
import { AWAITING_DECISION, isOverdue } from '../knowledge/cases/case-lifecycle.js';
import { contactWarnings } from './case-view.js';
import type { NamedOffice } from '../knowledge/cases/case-pack.js';
import { CASE_ROLES, SUPERVISOR_ROLES, canSeeOffice, hasRole, refusal, type Refusal } from './staff-access.js';
import type { StaffEventBus } from './staff-events.js';
import type { Account, AuditLog, CannedReply, CannedReplyRepository, Handoff, HandoffRepository, RelayRepository, StaffMember, StoredRelay } from './staff-ports.js';

/** The resident's recent messages (`ConversationStore` fits). */
export interface TranscriptSource {
  recentTranscript(key: string, limit: number): Promise<{ id: number; direction: 'in' | 'out'; body: unknown; createdAt: number }[]>;
}

export interface StaffLiveDeps {
  handoffs: HandoffRepository;
  relays: RelayRepository;
  canned: CannedReplyRepository;
  transcripts: TranscriptSource;
  runner: ConversationDispatch;
  audit: AuditLog;
  events?: StaffEventBus;
  pickupMinutes: number;
  /** Where files staff send are recorded (`AttachmentRepository` fits). */
  attachments?: { record(meta: AttachmentMeta): Promise<void> };
  /** The cases each resident applied for, and the offices that decide who may see them. */
  cases?: { listByConversation(conversationKey: string): Promise<CaseRecord[]> };
  pack?: { offices: readonly NamedOffice[] };
  now?: () => number;
}

/** A case of the resident in a live conversation, as the conversation names it (the account may open it). */
export interface LiveCase {
  ref: string;
  status: CaseRecord['status'];
  /** Urgent / same-day while the case awaits a decision or aid is being given: a finished case asks for no urgent work. */
  urgent: boolean;
  sameDay: boolean;
  /** The resident said it is not safe to phone or text them. */
  doNotCall: boolean;
  /** The resident may be phoned only at the times they gave. */
  callTimesOnly: boolean;
  /** Undecided past its due date: the resident may be asking why. */
  overdue: boolean;
}

export interface LiveConversation {
  id: string;
  channel: string;
  state: Handoff['state'];
  requestedAt: number | null;
  takenAt: number | null;
  holder: string | null;
  holderAccountId: number | null;
  danger: { kind: string; at: number }[];
  /** The resident's cases this account may open, newest first: staff answer knowing what they applied for. */
  cases: LiveCase[];
}

/** A resident nobody could take in time who left a number to ring, with their cases the account may open. */
export interface LiveCallback {
  id: string;
  channel: string;
  phone: string;
  at: number;
  cases: LiveCase[];
  /** The colleague who said they rang back (their name), or null: nobody rings twice. */
  doneBy: string | null;
  doneAt: number | null;
}

/** A danger alert at the top of the live view; `takenBy` names who holds the conversation, once someone does. */
export interface LiveAlert {
  id: string;
  kind: string;
  at: number;
  takenBy: string | null;
}

/** Waiting before held; among the waiting, a resident in danger first, then the longest waiting. */
function queueOrder(a: LiveConversation, b: LiveConversation): number {
  const waiting = Number(b.state === 'waiting') - Number(a.state === 'waiting');
  if (waiting !== 0) return waiting;
  const danger = Number(b.danger.length > 0) - Number(a.danger.length > 0);
  if (a.state === 'waiting' && danger !== 0) return danger;
  return (a.requestedAt ?? a.takenAt ?? 0) - (b.requestedAt ?? b.takenAt ?? 0);
}

export interface TranscriptMessage {
  id: number;
  from: 'resident' | 'bot' | 'staff';
  text?: string;
  attachment?: AttachmentRef;
  staff?: string;
  at: number;
}

/** The kinds of relay the console keeps (messages live in the conversation's own transcript). */
const KEPT_RELAYS = ['handoff_request', 'handoff_left', 'danger', 'callback', 'new_case', 'staff_message'] as const;
const TRANSCRIPT_ENTRIES = 50;
/** Lines read above those shown, only to name the buttons pressed on the first lines shown. */
const LABEL_LOOKBACK = 30;
/** Danger alerts stay at the top of the live view this long. */
const ALERT_MS = 24 * 3_600_000;
/** Call-back requests stay listed this long. */
const CALLBACK_MS = 7 * 24 * 3_600_000;

/**
 * A console account: colleagues see its display name (the login name when it has none); residents its
 * display name, or (none given) a neutral "工作人员 / staff member" — never the login name.
 */
export const consoleMember = (account: Account): StaffMember => ({ userId: `account:${account.id}`, name: account.displayName ?? account.username, residentName: account.displayName ?? '' });

/**
 * Live conversations with residents who asked for a person, from any front end: the queue with
 * danger alerts, take (first wins), transcript, replies (text or file), release, the pickup timeout,
 * canned replies. Conversations are told through `runner.dispatch`, so the bot stays silent while a
 * person holds one. Every step is audited with the account id.
 */
export class StaffLive {
  private readonly now: () => number;

  /** Take, send, release and the pickup timeout, shared with the Telegram group. */
  readonly handoff: HandoffService;

  constructor(private readonly deps: StaffLiveDeps) {
    this.now = deps.now ?? Date.now;
    this.handoff = new HandoffService({
      handoffs: deps.handoffs,
      runner: deps.runner,
      pickupMinutes: deps.pickupMinutes,
      now: this.now,
      ...(deps.events ? { events: deps.events } : {}),
      // Kept so the transcript can say which lines staff wrote (the resident sees `【name】text`).
      onStaffText: async (key, staff, text) => {
        await deps.relays.add({
          conversationKey: key,
          kind: 'staff_message',
          // Fingerprints of the line as the resident sees it, not the words: enough to label the transcript.
          body: {
            staff: staff.name,
            rendered: fingerprint(translate('handoff.staff_says', 'zh-CN', { name: staffNameParam(staff.residentName ?? staff.name), text })),
            renderedEn: fingerprint(translate('handoff.staff_says', 'en', { name: staffNameParam(staff.residentName ?? staff.name), text })),
          },
          outboxId: null,
          at: this.now(),
        });
      },
    });
  }

  /**
   * Keeps what a conversation passed to staff (from the outbox's `staff` channel), starts the wait
   * for a person, and tells the console. `outboxId` makes a retried delivery count once.
   */
  async receive(conversationKey: string, relay: StaffRelay, outboxId: number | null): Promise<void> {
    const at = this.now();
    if (!(KEPT_RELAYS as readonly string[]).includes(relay.kind)) {
      if (relay.kind === 'message' || relay.kind === 'attachment') this.deps.events?.publish({ type: 'live.message', id: liveId(conversationKey) });
      return;
    }
    const { kind, ...rest } = relay as { kind: string } & Record<string, unknown>;
    // Only what the live view needs: never a message's words. A call-back keeps its number until done
    // (staff must ring it); the resident's erasure and the idle-conversation purge remove it.
    const body: Record<string, unknown> =
      kind === 'danger' ? { danger: rest.danger } : kind === 'new_case' ? { ref: rest.ref } : kind === 'callback' ? { phone: rest.phone } : {};
    const fresh = await this.deps.relays.add({ conversationKey, kind, body, outboxId, at });
    if (!fresh) return;
    const id = liveId(conversationKey);
    if (kind === 'handoff_request') {
      await this.deps.handoffs.requestHandoff(conversationKey, at);
      this.deps.events?.publish({ type: 'live.requested', id, channel: channelOf(conversationKey) });
    } else if (kind === 'handoff_left') {
      await this.deps.handoffs.leaveQueue(conversationKey, at);
      this.deps.events?.publish({ type: 'live.changed', id, state: 'left' });
    } else if (kind === 'danger') {
      this.deps.events?.publish({ type: 'danger', id, kind: String(body.danger ?? 'violence') });
    } else if (kind === 'callback') {
      // Open live pages list the number at once: someone is waiting for a call.
      this.deps.events?.publish({ type: 'live.changed', id, state: 'callback' });
    }
  }

  /**
   * Waiting conversations first — those with a danger alert, then the longest waiting — then the held
   * ones; and the danger alerts of the last day, newest first, each saying who took the conversation
   * (`takenBy`) once someone has. An alert whose conversation was taken after it and has since gone back
   * to the bot was dealt with, and is left out.
   */
  async list(
    account: Account,
  ): Promise<{ ok: true; now: number; conversations: LiveConversation[]; alerts: LiveAlert[]; callbacks: LiveCallback[] } | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, 'live.list', null, refusal(403, 'forbidden', 'console.error.forbidden'));
    const now = this.now();
    const active = await this.deps.handoffs.active();
    const recentDanger = await this.deps.relays.recent(['danger'], now - ALERT_MS);
    const casesOf = await this.casesOf(account, active.map((h) => h.conversationKey));
    const conversations = active.map((h): LiveConversation => ({
      id: liveId(h.conversationKey),
      channel: channelOf(h.conversationKey),
      state: h.state,
      requestedAt: h.requestedAt,
      takenAt: h.takenAt,
      holder: h.state === 'live' ? h.staffName : null,
      holderAccountId: h.staffUserId?.startsWith('account:') ? Number(h.staffUserId.slice('account:'.length)) : null,
      danger: recentDanger.filter((r) => r.conversationKey === h.conversationKey).map((r) => ({ kind: String(r.body.danger), at: r.at })),
      cases: casesOf.get(h.conversationKey) ?? [],
    }));
    conversations.sort(queueOrder);
    const handoffOf = new Map(active.map((h) => [h.conversationKey, h]));
    for (const r of recentDanger) {
      if (!handoffOf.has(r.conversationKey)) {
        const h = await this.deps.handoffs.handoff(r.conversationKey);
        if (h) handoffOf.set(r.conversationKey, h);
      }
    }
    const alerts = recentDanger.flatMap((r): LiveAlert[] => {
      const h = handoffOf.get(r.conversationKey);
      const held = h?.state === 'live';
      if (!held && h !== undefined && h.takenAt !== null && h.takenAt >= r.at) return [];
      return [{ id: liveId(r.conversationKey), kind: String(r.body.danger), at: r.at, takenBy: held ? h.staffName : null }];
    });
    // Residents nobody could take who left a number: newest first, for a week.
    const kept = await this.deps.relays.recent(['callback', 'callback_done'], this.now() - CALLBACK_MS);
    const rings = kept.filter((r) => r.kind === 'callback' && typeof r.body.phone === 'string');
    const rung = (r: StoredRelay) => kept.find((d) => d.kind === 'callback_done' && d.conversationKey === r.conversationKey && d.body.callbackAt === r.at);
    // With the resident's cases: whoever rings sees whether the application said calls are not safe.
    const casesOfCaller = await this.casesOf(account, [...new Set(rings.map((r) => r.conversationKey))]);
    const callbacks = rings.map((r): LiveCallback => {
      const done = rung(r);
      return {
        id: liveId(r.conversationKey),
        channel: channelOf(r.conversationKey),
        phone: String(r.body.phone),
        at: r.at,
        cases: casesOfCaller.get(r.conversationKey) ?? [],
        doneBy: done ? String(done.body.by) : null,
        doneAt: done?.at ?? null,
      };
    });
    return { ok: true, now, conversations, alerts, callbacks };
  }

  /** Each conversation's cases `account` may open, newest first. */
  private async casesOf(account: Account, keys: readonly string[]): Promise<Map<string, LiveCase[]>> {
    const found = new Map<string, LiveCase[]>();
    const source = this.deps.cases;
    if (!source) return found;
    const now = this.now();
    for (const key of keys) {
      const records = (await source.listByConversation(key))
        .filter((c) => canSeeOffice(account, c.route, this.deps.pack?.offices ?? []))
        .sort((a, b) => b.createdAt - a.createdAt);
      found.set(
        key,
        records.map((c) => {
          // Urgent work while the decision is pending and while aid is being given (a hearing in 3 days still
          // comes after the lawyer is named); not for a case declined, referred elsewhere, closed or withdrawn.
          const open = AWAITING_DECISION.includes(c.status) || c.status === 'accepted';
          return { ref: c.ref, status: c.status, urgent: open && c.urgent, sameDay: open && c.sameDay, ...contactWarnings(c), overdue: isOverdue(c, now) };
        }),
      );
    }
    return found;
  }

  async take(account: Account, id: string): Promise<{ ok: true } | Refusal> {
    const key = await this.find(account, id, 'live.take');
    if (typeof key !== 'string') return key;
    const result = await this.handoff.take(key, consoleMember(account));
    if (!result.ok) return this.refuse(account, 'live.take', `live:${id}`, result);
    await this.audit(account, 'live.take', `live:${id}`, 'ok', null);
    return { ok: true };
  }

  /** The conversation as staff read it; `locale` is the staff member's, for the few labels the transcript cannot give. */
  async transcript(account: Account, id: string, locale: Locale = 'zh-CN'): Promise<{ ok: true; messages: TranscriptMessage[] } | Refusal> {
    const key = await this.find(account, id, 'live.view');
    if (typeof key !== 'string') return key;
    const [entries, staffRelays] = await Promise.all([
      // A few lines more than are shown: a button pressed on the first line shown was offered above it.
      this.deps.transcripts.recentTranscript(key, TRANSCRIPT_ENTRIES + LABEL_LOOKBACK),
      this.deps.relays.forConversation(key, ['staff_message', 'staff_file']),
    ]);
    const staffTexts = new Map(
      staffRelays.flatMap((r) => [String(r.body.rendered ?? ''), String(r.body.renderedEn ?? '')].map((t): [string, string] => [t, String(r.body.staff ?? '')])),
    );
    const staffOf = (text: string) => staffTexts.get(fingerprint(text));
    // Files staff sent are not in the conversation's transcript: they come from what the console kept.
    const files = staffRelays
      .filter((r) => r.kind === 'staff_file')
      .map((r): TranscriptMessage => ({ id: -r.id, from: 'staff', attachment: r.body.attachment as AttachmentRef, staff: String(r.body.staff ?? ''), at: r.at }));
    const pressed = pressedLabels(entries, locale);
    const shown = entries.slice(-TRANSCRIPT_ENTRIES);
    const messages = [...shown.flatMap((e): TranscriptMessage[] => toMessage(e, staffOf, pressed)), ...files].sort((a, b) => a.at - b.at);
    await this.audit(account, 'live.view', `live:${id}`, 'ok', null);
    return { ok: true, messages };
  }

  async send(account: Account, id: string, content: StaffContent): Promise<{ ok: true } | Refusal> {
    const key = await this.find(account, id, 'live.message');
    if (typeof key !== 'string') return key;
    const sent = await this.handoff.send(key, consoleMember(account), content);
    if (!sent.ok) return this.refuse(account, 'live.message', `live:${id}`, sent);
    // A file staff sent is kept with the conversation, so the console can show it in the transcript.
    if ('attachment' in content) {
      await this.deps.attachments?.record({ ...content.attachment, conversationKey: key, createdAt: this.now() });
      await this.deps.relays.add({ conversationKey: key, kind: 'staff_file', body: { staff: consoleMember(account).name, attachment: content.attachment }, outboxId: null, at: this.now() });
    }
    await this.audit(account, 'live.message', `live:${id}`, 'ok', 'text' in content ? null : `attachment:${content.attachment.id}`);
    return { ok: true };
  }

  async release(account: Account, id: string): Promise<{ ok: true } | Refusal> {
    const key = await this.find(account, id, 'live.release');
    if (typeof key !== 'string') return key;
    const released = await this.handoff.release(key, consoleMember(account));
    if (!released.ok) return this.refuse(account, 'live.release', `live:${id}`, released);
    await this.audit(account, 'live.release', `live:${id}`, 'ok', null);
    return { ok: true };
  }

  /**
   * Records that `account` rang back the number a resident left at `at` (the call-back of conversation `id`):
   * colleagues see who did, so nobody rings twice. Audited.
   */
  async callbackDone(account: Account, id: string, at: number): Promise<{ ok: true } | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, 'live.callback_done', `live:${id}`, refusal(403, 'forbidden', 'console.error.forbidden'));
    const rings = await this.deps.relays.recent(['callback'], this.now() - CALLBACK_MS);
    const ring = rings.find((r) => liveId(r.conversationKey) === id && r.at === at);
    if (!ring) return this.refuse(account, 'live.callback_done', `live:${id}`, refusal(404, 'not_found', 'console.error.not_found', { what: id }));
    await this.deps.relays.add({ conversationKey: ring.conversationKey, kind: 'callback_done', body: { callbackAt: at, by: account.displayName ?? account.username }, outboxId: null, at: this.now() });
    await this.audit(account, 'live.callback_done', `live:${id}`, 'ok', null);
    this.deps.events?.publish({ type: 'live.changed', id, state: 'callback_done' });
    return { ok: true };
  }

  /** Tells residents nobody took within the pickup time; returns their conversation keys. */
  checkPickups(at = this.now()): Promise<string[]> {
    return this.handoff.checkPickups(at);
  }

  async cannedReplies(account: Account): Promise<{ ok: true; replies: CannedReply[] } | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, 'canned.list', null, refusal(403, 'forbidden', 'console.error.forbidden'));
    return { ok: true, replies: await this.deps.canned.list() };
  }

  async saveCannedReply(account: Account, id: number | null, input: { title?: unknown; text?: unknown; locale?: unknown }): Promise<{ ok: true; reply: CannedReply } | Refusal> {
    const action = id === null ? 'canned.create' : 'canned.update';
    if (!hasRole(account, SUPERVISOR_ROLES)) return this.refuse(account, action, null, refusal(403, 'forbidden', 'console.error.forbidden'));
    const title = typeof input.title === 'string' ? input.title.trim().slice(0, 200) : '';
    const text = typeof input.text === 'string' ? input.text.trim().slice(0, 2000) : '';
    const locale = input.locale === 'en' ? 'en' : 'zh-CN';
    if (!title || !text) return this.refuse(account, action, null, refusal(422, 'invalid', 'console.error.empty_text'));
    const at = this.now();
    let reply: CannedReply;
    if (id === null) reply = await this.deps.canned.create({ title, text, locale, by: account.id, at });
    else {
      if (!(await this.deps.canned.update(id, { title, text, locale, by: account.id, at }))) {
        return this.refuse(account, action, `canned:${id}`, refusal(404, 'not_found', 'console.error.not_found', { what: String(id) }));
      }
      reply = { id, title, text, locale, updatedAt: at };
    }
    await this.audit(account, action, `canned:${reply.id}`, 'ok', null);
    return { ok: true, reply };
  }

  async deleteCannedReply(account: Account, id: number): Promise<{ ok: true } | Refusal> {
    if (!hasRole(account, SUPERVISOR_ROLES)) return this.refuse(account, 'canned.delete', `canned:${id}`, refusal(403, 'forbidden', 'console.error.forbidden'));
    if (!(await this.deps.canned.delete(id))) return this.refuse(account, 'canned.delete', `canned:${id}`, refusal(404, 'not_found', 'console.error.not_found', { what: String(id) }));
    await this.audit(account, 'canned.delete', `canned:${id}`, 'ok', null);
    return { ok: true };
  }

  /** The conversation key of a live id among waiting and held conversations, for an account that may work them. */
  private async find(account: Account, id: string, action: string): Promise<string | Refusal> {
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, action, `live:${id}`, refusal(403, 'forbidden', 'console.error.forbidden'));
    const active = await this.deps.handoffs.active();
    const found = active.find((h) => liveId(h.conversationKey) === id);
    if (!found) return this.refuse(account, action, `live:${id}`, refusal(404, 'not_found', 'console.error.not_found', { what: id }));
    return found.conversationKey;
  }

  private async refuse<T extends Refusal>(account: Account, action: string, target: string | null, why: T): Promise<T> {
    await this.audit(account, action, target, 'refused', why.code);
    return why;
  }

  private audit(account: Account, action: string, target: string | null, outcome: 'ok' | 'refused', detail: string | null): Promise<void> {
    return this.deps.audit.record({ at: this.now(), accountId: account.id, action, target, outcome, detail });
  }
}

function channelOf(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/**
 * Buttons whose label never changes, by id, with their label's message key (as the conversation machine offers
 * them): those under the privacy notice, which is not kept, and the main menu's, offered anywhere.
 */
const FIXED_BUTTONS: Record<string, string> = {
  'consent.agree': 'core.consent.agree',
  'consent.decline': 'core.consent.decline',
  'lang.toggle': 'core.menu.language',
  'menu.apply': 'core.menu.apply',
  'menu.ask': 'core.menu.ask',
  'menu.status': 'core.menu.status',
  'menu.human': 'core.menu.human',
  'menu.help': 'core.menu.help',
};

/**
 * The label of each button the resident pressed, by transcript entry id: the transcript keeps the button's id
 * ("menu.human"), staff read what the resident saw ("转人工") — the label the bot last showed for that id (an older
 * message's button stays tappable in chat apps).
 */
function pressedLabels(entries: readonly { id: number; direction: 'in' | 'out'; body: unknown }[], locale: Locale): Map<number, string> {
  const labels = new Map<number, string>();
  // The privacy notice is not kept (nothing is, before consent), and the menu may be above the lines read:
  // their buttons are named from the catalog.
  const shown = new Map<string, string>(Object.entries(FIXED_BUTTONS).map(([id, key]) => [id, translate(key, locale)]));
  for (const entry of entries) {
    const body = entry.body as { choices?: unknown; event?: { type?: unknown; id?: unknown } } | null;
    if (entry.direction === 'out' && Array.isArray(body?.choices) && body.choices.length > 0) {
      for (const c of body.choices) if (typeof c?.id === 'string' && typeof c?.label === 'string') shown.set(c.id, c.label);
    } else if (entry.direction === 'in' && body?.event?.type === 'user.choice') {
      const label = shown.get(String(body.event.id));
      if (label) labels.set(entry.id, label);
    }
  }
  return labels;
}

function toMessage(
  entry: { id: number; direction: 'in' | 'out'; body: unknown; createdAt: number },
  staffOf: (text: string) => string | undefined,
  pressed: ReadonlyMap<number, string>,
): TranscriptMessage[] {
  const body = entry.body as Record<string, unknown> | null;
  if (!body) return [];
  if (entry.direction === 'out') {
    if (body.kind === 'file') {
      const attachment = { id: String(body.attachmentId), fileName: String(body.fileName), mimeType: String(body.mimeType), size: 0 };
      return [{ id: entry.id, from: 'staff', attachment, ...(typeof body.caption === 'string' ? { staff: body.caption } : {}), at: entry.createdAt }];
    }
    if (typeof body.text !== 'string') return [];
    const staff = staffOf(body.text);
    const fromStaff = staff !== undefined || body.key === 'handoff.staff_says';
    return [{ id: entry.id, from: fromStaff ? 'staff' : 'bot', text: body.text, ...(staff ? { staff } : {}), at: entry.createdAt }];
  }
  const event = body.event as { type?: string; text?: string; id?: string; attachment?: AttachmentRef } | undefined;
  if (!event?.type) return [];
  if (event.type === 'user.text') return [{ id: entry.id, from: 'resident', text: event.text ?? '', at: entry.createdAt }];
  if (event.type === 'user.attachment' && event.attachment) return [{ id: entry.id, from: 'resident', attachment: event.attachment, at: entry.createdAt }];
  if (event.type === 'user.choice') return [{ id: entry.id, from: 'resident', text: `[${pressed.get(entry.id) ?? event.id ?? ''}]`, at: entry.createdAt }];
  return [];
}

export { liveId, type StaffContent };

function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

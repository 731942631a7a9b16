import type { CaseRecord } from '../knowledge/cases/case-repository.js';

/**
 * What the staff service needs from storage, owned here; `src/storage/staff-*.ts` implements it on SQLite.
 */

export const ROLES = ['staff', 'supervisor', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return (ROLES as readonly unknown[]).includes(value);
}

/** A console account. `office` null: every office (admins, or a centre with one office). */
export interface Account {
  id: number;
  username: string;
  role: Role;
  office: string | null;
  /** The name residents see in a live conversation; null: a neutral "工作人员 / staff member". */
  displayName: string | null;
  disabled: boolean;
  createdAt: number;
  lastLoginAt: number | null;
}

export interface AccountRepository {
  create(input: { username: string; role: Role; office: string | null; displayName?: string | null; passwordHash: string; at: number }): Promise<Account | 'taken'>;
  byId(id: number): Promise<Account | undefined>;
  /** The account and its password hash, for signing in. */
  byUsername(username: string): Promise<(Account & { passwordHash: string }) | undefined>;
  list(): Promise<Account[]>;
  setDisabled(id: number, disabled: boolean, at: number): Promise<boolean>;
  setPassword(id: number, passwordHash: string, at: number): Promise<boolean>;
  /** The name residents and colleagues see (null: none, residents see 工作人员); false when there is no such account. */
  setDisplayName(id: number, displayName: string | null, at: number): Promise<boolean>;
  recordLogin(id: number, at: number): Promise<void>;
  /** Whether any account that can take live conversations is enabled. */
  countEnabled(roles: readonly Role[]): Promise<number>;
}

export interface StoredSession {
  idHash: string;
  accountId: number;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionRepository {
  create(session: StoredSession): Promise<void>;
  get(idHash: string): Promise<StoredSession | undefined>;
  touch(idHash: string, at: number): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForAccount(accountId: number): Promise<void>;
  deleteOlderThan(createdBefore: number, seenBefore: number): Promise<void>;
}

export interface LoginThrottleRepository {
  recordFailure(username: string, address: string, at: number): Promise<void>;
  /** Failures since `since`, by this username and by this address; and the oldest of the username's in that window. */
  failuresSince(username: string, address: string, since: number): Promise<{ byUsername: number; byAddress: number; firstByUsername: number | null; firstByAddress: number | null }>;
  clear(username: string): Promise<void>;
}

export interface AuditEntry {
  id: number;
  at: number;
  accountId: number | null;
  action: string;
  target: string | null;
  outcome: 'ok' | 'refused';
  detail: string | null;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  list(filter: { accountId?: number; action?: string; target?: string; before?: number; limit?: number }): Promise<AuditEntry[]>;
}

/** The author of a note the resident left on their case in the chat (not a colleague's internal note). */
export const RESIDENT_NOTE_AUTHOR = '@resident';

export interface CaseNote {
  id: number;
  ref: string;
  accountId: number | null;
  author: string;
  text: string;
  at: number;
}

export interface NoteRepository {
  add(note: Omit<CaseNote, 'id'>): Promise<CaseNote>;
  forCase(ref: string): Promise<CaseNote[]>;
  /** The notes residents left on these cases that no member of staff has seen yet, counted by case. */
  unseenFromResident(refs: readonly string[]): Promise<Map<string, number>>;
  /** Staff opened the case: the resident's notes on it are seen (the inbox stops marking it). */
  markResidentNotesSeen(ref: string, at: number): Promise<void>;
}

export interface CannedReply {
  id: number;
  title: string;
  text: string;
  locale: string;
  updatedAt: number;
}

export interface CannedReplyRepository {
  list(): Promise<CannedReply[]>;
  create(input: { title: string; text: string; locale: string; by: number | null; at: number }): Promise<CannedReply>;
  update(id: number, input: { title: string; text: string; locale: string; by: number | null; at: number }): Promise<boolean>;
  delete(id: number): Promise<boolean>;
}

/** Something a resident conversation passed to staff, kept for the console. */
export interface StoredRelay {
  id: number;
  conversationKey: string;
  kind: string;
  body: Record<string, unknown>;
  at: number;
}

export interface RelayRepository {
  /** Records a relay once per outbox message (a retried send records nothing new); returns whether it was new. */
  add(input: { conversationKey: string; kind: string; body: Record<string, unknown>; outboxId: number | null; at: number }): Promise<boolean>;
  forConversation(key: string, kinds?: readonly string[]): Promise<StoredRelay[]>;
  recent(kinds: readonly string[], since: number): Promise<StoredRelay[]>;
}

/** Who holds a resident conversation, or who is waited for. */
export interface Handoff {
  conversationKey: string;
  state: 'waiting' | 'live' | 'timed_out' | 'released';
  staffUserId: string | null;
  staffName: string | null;
  requestedAt: number | null;
  takenAt: number | null;
}

/** A member of staff taking conversations: `userId` is a Telegram user id or `account:<id>` for the console. */
export interface StaffMember {
  userId: string;
  /** The name colleagues see. */
  name: string;
  /** The name residents see when it differs from `name` (a console account's display name; '' for none). */
  residentName?: string;
}

export type TakeResult = { ok: true; already: boolean } | { ok: false; holder: StaffMember };

export interface HandoffRepository {
  requestHandoff(key: string, at: number): Promise<void>;
  takeHandoff(key: string, staff: StaffMember, at: number): Promise<TakeResult>;
  releaseHandoff(key: string, at: number): Promise<StaffMember | undefined>;
  /** The resident stopped waiting: out of the queue (a conversation staff hold is left alone). */
  leaveQueue(key: string, at: number): Promise<void>;
  handoff(key: string): Promise<Handoff | undefined>;
  timeOutWaiting(requestedBefore: number, at: number): Promise<string[]>;
  /** Waiting and live conversations, oldest request first. */
  active(): Promise<Handoff[]>;
}

/** One case as the monthly report reads it: no personal data but the rating comment. */
export interface ReportCaseRow {
  ref: string;
  category: string;
  channel: string;
  route: string | null;
  facts: string;
  decision: string;
  status: string;
  urgent: number;
  resolution: string | null;
  created_at: number;
  decided_at: number | null;
  due_at: number | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: number | null;
}

export interface ReportRepository {
  /** Cases received, decided, due or rated in `[from, to)`, of one office or all. */
  rows(from: number, to: number, office: string | null): Promise<ReportCaseRow[]>;
}

/** Re-assigning a claimed case, with an `assign` event in its history. */
export interface AssignmentRepository {
  assign(ref: string, assignee: string, actor: { kind: 'staff'; name: string }, at: number): Promise<CaseRecord | undefined>;
}

/** Everything the staff service keeps, behind one interface each (SQLite: `src/storage/staff-repositories.ts`). */
export interface StaffRepositories {
  accounts: AccountRepository;
  sessions: SessionRepository;
  throttle: LoginThrottleRepository;
  audit: AuditLog;
  notes: NoteRepository;
  canned: CannedReplyRepository;
  relays: RelayRepository;
  handoffs: HandoffRepository;
  assignments: AssignmentRepository;
  reports: ReportRepository;
}

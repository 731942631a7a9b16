/**
 * The life of a legal aid case, as pure data and functions: which actions are allowed from which
 * status and by whom, what each changes, and when a decision is due (LAL 43, 44).
 */
import { addDays, endOfLocalDay, localDate } from './local-time.js';

export const CASE_STATUSES = [
  'new',
  'claimed',
  'materials_requested',
  'accepted',
  'declined',
  'referred',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which the centre still owes the applicant a decision (LAL 43). */
export const AWAITING_DECISION: readonly CaseStatus[] = ['new', 'claimed', 'materials_requested'];
/** Statuses of an application still being worked on: awaiting the decision, or accepted and assigned. */
export const IN_PROGRESS: readonly CaseStatus[] = [...AWAITING_DECISION, 'accepted'];
/** Statuses after which nothing more happens. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['closed', 'withdrawn'];
/** Statuses that record the centre's decision. */
export const DECISIONS = ['accepted', 'declined', 'referred'] as const;
export type Resolution = (typeof DECISIONS)[number];

export function isCaseStatus(value: unknown): value is CaseStatus {
  return (CASE_STATUSES as readonly unknown[]).includes(value);
}

/** Who did something: a named staff member, the resident, or the bot itself. */
export interface Actor {
  kind: 'staff' | 'resident' | 'system';
  /** Staff: the name colleagues know them by. Never the resident's name: use `'resident'`. */
  name: string;
}

/** Something staff or the resident does to a case, with what it needs. */
export type CaseAction =
  | { type: 'claim'; note?: string }
  /** The one-time notice of everything missing (一次性告知, LAL 43). */
  | { type: 'request_materials'; documents: string[]; note?: string }
  /** The application is now complete: the decision clock starts again. */
  | { type: 'materials_received'; note?: string }
  | { type: 'accept'; lawyer: string; note?: string }
  /** A refusal must give reasons (LAL 43): `note` is the reason the resident is told. */
  | { type: 'decline'; note: string }
  /** `note` says where the case goes (another centre, a workstation, another agency). */
  | { type: 'refer'; note: string }
  | { type: 'close'; note?: string }
  | { type: 'withdraw'; note?: string }
  /** A decided or closed case is worked again (a successful objection, a mistake): `note` says why. */
  | { type: 'reopen'; note: string };
export type CaseActionType = CaseAction['type'];

/** One row of the transitions table. */
export interface TransitionRule {
  action: CaseActionType;
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: readonly Actor['kind'][];
}

/**
 * Every allowed transition. A case goes `new → claimed → (materials_requested → claimed)* →
 * accepted | declined | referred → closed`; the resident may withdraw until the case is decided
 * against them or closed. Staff may record a withdrawal the resident asked for by phone or in person.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'claim', from: ['new'], to: 'claimed', by: ['staff'] },
  // A second notice would break the one-time rule (一次性告知): only from `claimed`, and only once.
  { action: 'request_materials', from: ['claimed'], to: 'materials_requested', by: ['staff'] },
  { action: 'materials_received', from: ['materials_requested'], to: 'claimed', by: ['staff'] },
  { action: 'accept', from: ['claimed', 'materials_requested'], to: 'accepted', by: ['staff'] },
  { action: 'decline', from: ['claimed', 'materials_requested'], to: 'declined', by: ['staff'] },
  { action: 'refer', from: ['claimed', 'materials_requested'], to: 'referred', by: ['staff'] },
  // From materials_requested: the resident never supplied them, which counts as a withdrawal (LAL 43).
  { action: 'close', from: ['accepted', 'declined', 'referred', 'materials_requested'], to: 'closed', by: ['staff'] },
  { action: 'withdraw', from: ['new', 'claimed', 'materials_requested', 'accepted'], to: 'withdrawn', by: ['resident', 'staff'] },
  { action: 'reopen', from: ['declined', 'referred', 'closed'], to: 'claimed', by: ['staff'] },
];

/** The parts of a case the lifecycle reads and changes. */
export interface CaseState {
  status: CaseStatus;
  assignee: string | null;
  lawyer: string | null;
  urgent: boolean;
  sameDay: boolean;
  /** When the decision is due; null while the centre waits for missing materials. */
  dueAt: number | null;
  requestedDocuments: string[];
  /** Whether materials were ever requested: the notice is given once. */
  materialsRequested: boolean;
  resolution: Resolution | null;
  decidedAt: number | null;
}

/** What happened, as stored in the case's history. */
export interface CaseEvent {
  action: CaseActionType | 'submit';
  from: CaseStatus | null;
  to: CaseStatus;
  actor: Actor;
  note: string | null;
  /** Documents requested, lawyer assigned. */
  details: { documents?: string[]; lawyer?: string };
  at: number;
}

/** Why an action was refused. */
export type TransitionRefusal =
  | { ok: false; reason: 'not_allowed'; status: CaseStatus; action: CaseActionType }
  | { ok: false; reason: 'already_claimed'; by: string }
  | { ok: false; reason: 'materials_already_requested' }
  | { ok: false; reason: 'wrong_actor'; needs: readonly Actor['kind'][] }
  | { ok: false; reason: 'missing_lawyer' | 'missing_note' | 'missing_documents' };

export type TransitionResult = { ok: true; next: CaseState; event: CaseEvent } | TransitionRefusal;

/** The local rules deadlines come from; a `PolicyPack` has all three fields. */
export interface CaseRules {
  /** Days within which a complete application is decided (LAL 43: 7). */
  decisionDays: number;
  /** Whether urgent cases (LAL 44) are decided the same day. */
  urgentSameDay: boolean;
  /** IANA zone that decides what "today" is for the centre. */
  timeZone: string;
}

export const DEFAULT_CASE_RULES: CaseRules = { decisionDays: 7, urgentSameDay: true, timeZone: 'Asia/Shanghai' };

/**
 * When a decision is due for an application complete at `completeAt`.
 *
 * Counted in calendar days, not working days: the period starts the day after the application is
 * complete and ends at the end of the last day in the centre's time zone, so 7 days from Monday
 * 15:00 is the end of the next Monday. Urgent cases (and same-day cases, see `sameDay` in the
 * decision) are due at the end of the day they arrive, even late at night: they then head the
 * queue the next morning, flagged overdue, which is what an urgent case should do.
 */
export function dueDate(completeAt: number, urgent: boolean, decisionDays: number, timeZone = DEFAULT_CASE_RULES.timeZone): number {
  const day = localDate(completeAt, timeZone);
  return endOfLocalDay(urgent ? day : addDays(day, decisionDays), timeZone);
}

/** Whether a case must be decided the same day: urgent under LAL 44, or a local same-day group. */
export function isSameDayCase(state: Pick<CaseState, 'urgent' | 'sameDay'>, rules: CaseRules): boolean {
  return (state.urgent && rules.urgentSameDay) || state.sameDay;
}

/** The due date of a case complete at `completeAt`, under `rules`. */
export function caseDueDate(state: Pick<CaseState, 'urgent' | 'sameDay'>, completeAt: number, rules: CaseRules): number {
  return dueDate(completeAt, isSameDayCase(state, rules), rules.decisionDays, rules.timeZone);
}

/** A case still awaiting a decision whose due date has passed. */
export function isOverdue(state: Pick<CaseState, 'status' | 'dueAt'>, now: number): boolean {
  return AWAITING_DECISION.includes(state.status) && state.dueAt !== null && now > state.dueAt;
}

/** The message key telling the resident what happens next in each status (catalog `caseMessages`). */
export const NEXT_STEP_KEYS: Readonly<Record<CaseStatus, string>> = {
  new: 'case.next.new',
  claimed: 'case.next.claimed',
  materials_requested: 'case.next.materials_requested',
  accepted: 'case.next.accepted',
  declined: 'case.next.declined',
  referred: 'case.next.referred',
  closed: 'case.next.closed',
  withdrawn: 'case.next.withdrawn',
};

/** The message key naming each status for residents (catalog `caseMessages`). */
export const STATUS_KEYS: Readonly<Record<CaseStatus, string>> = {
  new: 'case.status.new',
  claimed: 'case.status.claimed',
  materials_requested: 'case.status.materials_requested',
  accepted: 'case.status.accepted',
  declined: 'case.status.declined',
  referred: 'case.status.referred',
  closed: 'case.status.closed',
  withdrawn: 'case.status.withdrawn',
};

/** The actions that can be taken on a case in `status` by `kind`, in table order. */
export function allowedActions(status: CaseStatus, kind: Actor['kind'], state?: Pick<CaseState, 'materialsRequested'>): CaseActionType[] {
  return TRANSITIONS.filter(
    (t) =>
      t.from.includes(status) &&
      t.by.includes(kind) &&
      !(t.action === 'request_materials' && state?.materialsRequested === true),
  ).map((t) => t.action);
}

/**
 * Applies `action` by `actor` at `at` to a case. Pure: returns the next state and the event to
 * record, or why the action is refused. `rules` gives the deadline when materials arrive.
 */
export function transition(
  state: CaseState,
  action: CaseAction,
  actor: Actor,
  at: number,
  rules: CaseRules = DEFAULT_CASE_RULES,
): TransitionResult {
  const rule = TRANSITIONS.find((t) => t.action === action.type)!;
  if (!rule.by.includes(actor.kind)) return { ok: false, reason: 'wrong_actor', needs: rule.by };
  if (!rule.from.includes(state.status)) {
    if (action.type === 'claim' && state.assignee && AWAITING_DECISION.includes(state.status)) return { ok: false, reason: 'already_claimed', by: state.assignee };
    if (action.type === 'request_materials' && state.status === 'materials_requested') {
      return { ok: false, reason: 'materials_already_requested' };
    }
    return { ok: false, reason: 'not_allowed', status: state.status, action: action.type };
  }

  const note = clean(action.note);
  const next: CaseState = { ...state, status: rule.to };
  const details: CaseEvent['details'] = {};
  switch (action.type) {
    case 'claim':
      next.assignee = actor.name;
      break;
    case 'request_materials': {
      if (state.materialsRequested) return { ok: false, reason: 'materials_already_requested' };
      const documents = [...new Set(action.documents.map((d) => d.trim()).filter(Boolean))];
      if (documents.length === 0) return { ok: false, reason: 'missing_documents' };
      next.requestedDocuments = documents;
      next.materialsRequested = true;
      // The decision period runs from a complete application: it stops until the materials arrive.
      next.dueAt = null;
      details.documents = documents;
      break;
    }
    case 'materials_received':
      next.dueAt = caseDueDate(state, at, rules);
      break;
    case 'accept': {
      const lawyer = clean(action.lawyer);
      if (!lawyer) return { ok: false, reason: 'missing_lawyer' };
      next.lawyer = lawyer;
      details.lawyer = lawyer;
      break;
    }
    case 'decline':
    case 'refer':
      if (!note) return { ok: false, reason: 'missing_note' };
      break;
    case 'close':
    case 'withdraw':
      break;
    case 'reopen':
      if (!note) return { ok: false, reason: 'missing_note' };
      // Undecided again: the decision clock restarts from today.
      next.resolution = null;
      next.decidedAt = null;
      next.dueAt = caseDueDate(state, at, rules);
      break;
  }
  if (rule.to === 'accepted' || rule.to === 'declined' || rule.to === 'referred') {
    next.resolution = rule.to;
    next.decidedAt = at;
  }
  return { ok: true, next, event: { action: action.type, from: state.status, to: rule.to, actor, note, details, at } };
}

function clean(text: string | undefined): string | null {
  const t = text?.trim();
  return t ? t : null;
}

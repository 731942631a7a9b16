import type { Locale } from '../../locales/catalog.js';
import type { Applicant } from './applicant.js';
import type { Actor, CaseAction, CaseEvent, CaseRules, CaseState, CaseStatus, Resolution, TransitionRefusal } from './case-lifecycle.js';

/** The facts the eligibility decision was made on; `ApplicantFacts` fits. Only these fields are read. */
export interface CaseFacts {
  category?: string;
  region?: string;
  groups?: readonly string[];
}

/** The eligibility decision shown to the resident; `Decision` fits. Only these fields are read. */
export interface CaseDecision {
  outcome: string;
  urgent: boolean;
  sameDay: boolean;
  route?: string | null;
  documents?: readonly string[];
}

/** A case as stored. */
export interface CaseRecord extends CaseState {
  ref: string;
  submissionId: string;
  conversationKey: string;
  channel: string;
  address: string;
  locale: Locale;
  category: string;
  region: string | null;
  route: string | null;
  facts: CaseFacts & Record<string, unknown>;
  decision: CaseDecision & Record<string, unknown>;
  policyVersion: string;
  applicant: Applicant;
  description: string;
  createdAt: number;
  updatedAt: number;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: number | null;
}

/** An event of a case's history, with its id. */
export interface StoredCaseEvent extends CaseEvent {
  id: number;
  ref: string;
}

/** A file already saved by a channel; `AttachmentRef` from the flows fits. */
export interface CaseAttachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/** What the intake conversation hands over when the resident confirms an application. */
export interface NewCase {
  /** Stable per confirmation: the same id twice creates one case. */
  submissionId: string;
  conversationKey: string;
  channel: string;
  address: string;
  locale: Locale;
  facts: CaseFacts;
  decision: CaseDecision;
  policyVersion: string;
  applicant: Applicant;
  /** The resident's account of the problem. */
  description: string;
  attachments?: readonly CaseAttachment[];
  /** When the resident confirmed (ms since epoch). */
  at: number;
}

/** The columns a new case is filed and listed by, read from its facts and decision (every store files them alike). */
export function caseColumnsOf(input: NewCase): { category: string; region: string | null; route: string | null; urgent: boolean; sameDay: boolean } {
  return {
    category: input.facts.category ?? 'other',
    region: input.facts.region ?? null,
    route: input.decision.route ?? null,
    urgent: input.decision.urgent === true,
    sameDay: input.decision.sameDay === true,
  };
}

/** The result of {@link CaseRepository.createCase}: the reference number, and whether this call created it. */
export interface CaseReceipt {
  ref: string;
  created: boolean;
  /** When the decision is due (LAL 43/44). */
  dueAt: number | null;
}

/** An outbox message written together with a transition. */
export interface CaseOutboxMessage {
  id: number;
  conversationKey: string;
  channel: string;
  address: string;
  payload: unknown;
}

export type ApplyResult =
  | { ok: true; record: CaseRecord; event: StoredCaseEvent; outbox: CaseOutboxMessage[] }
  | TransitionRefusal
  | { ok: false; reason: 'not_found' };

export type RatingResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_closed' | 'invalid_rating' };

/** Figures for a centre's monthly report. */
export interface CaseStats {
  /** `YYYY-MM`, or null for all time. */
  month: string | null;
  /** Cases submitted in the period, and their breakdowns. */
  received: number;
  urgent: number;
  byCategory: Record<string, number>;
  /** A case counts once under each group the applicant belongs to. */
  byGroup: Record<string, number>;
  byChannel: Record<string, number>;
  /** The bot's eligibility assessment (`Decision.outcome`). */
  byAssessment: Record<string, number>;
  /** Current status of the cases submitted in the period. */
  byStatus: Record<CaseStatus, number>;
  /** Decisions the centre made in the period (whenever the case was submitted). */
  decided: number;
  byResolution: Record<Resolution, number>;
  /** Median hours from submission to decision, over decisions made in the period. */
  medianHoursToDecision: number | null;
  /** Ratings given in the period. */
  ratings: { count: number; average: number | null; distribution: Record<'1' | '2' | '3' | '4' | '5', number> };
}

/** Reference numbers: `FY-20261122-0001`, numbered per calendar day in the centre's time zone. */
export const REF_PREFIX = 'FY';
const REF_PATTERN = /^FY-\d{8}-\d{4,}$/;

/** Whether `text` looks like a case reference number. */
export function isCaseRef(text: string): boolean {
  return REF_PATTERN.test(text);
}

/**
 * Cases and their history, as intake, staff tools and the resident's status view need them.
 * Implementations: SQLite (`src/storage/case-store.ts`) and in memory (`src/storage/memory/`).
 * Every change to a case is atomic; nothing here assumes a single writer (transitions are
 * compare-and-set, a submission id creates one case however often it arrives).
 */
/** What {@link CaseRepository.list} may narrow by. */
export interface CaseListOptions {
  status?: CaseStatus;
  limit?: number;
  /** Part of a reference number, as typed (`0001`, `20261201-0001`). */
  refContains?: string;
  /** Only cases routed to these offices (an office-bound account's own and its workstations'). */
  routes?: readonly string[];
}

export interface CaseRepository {
  /** The policy rules the store dates and numbers cases by. */
  readonly rules: CaseRules;
  /**
   * Stores a confirmed application as a `new` case and links its attachments. Idempotent by
   * `submissionId`: a second call returns the first case with `created: false`.
   */
  createCase(input: NewCase): Promise<CaseReceipt>;
  get(ref: string): Promise<CaseRecord | undefined>;
  /** A case's history, oldest first. */
  events(ref: string): Promise<StoredCaseEvent[]>;
  /** Cases not closed or withdrawn, urgent first, then by due date; `awaitingDecision`: the staff queue. */
  listOpen(options?: { awaitingDecision?: boolean }): Promise<CaseRecord[]>;
  /**
   * Every case, newest first, optionally of one status, with a reference containing `refContains`,
   * routed to one of `routes`; the filters apply before `limit`, so an old case is still found.
   */
  list(options?: CaseListOptions): Promise<CaseRecord[]>;
  /** A resident's cases (one conversation), newest first. */
  listByConversation(conversationKey: string): Promise<CaseRecord[]>;
  /** A staff member's cases not yet closed or withdrawn, in queue order. */
  listByAssignee(assignee: string): Promise<CaseRecord[]>;
  /** Cases awaiting a decision whose due date has passed at `now`. */
  listOverdue(now: number): Promise<CaseRecord[]>;
  /**
   * Applies a lifecycle action atomically (compare-and-set on the status), records the event and
   * writes the resident's notification (from `outbound`) to the outbox in the same commit, and its
   * `transcript` body as an outgoing entry of the resident's conversation (when it still exists), so the
   * notice stays in the resident's history.
   */
  applyTransition(
    ref: string,
    action: CaseAction,
    actor: Actor,
    at: number,
    options?: { outbound?: (record: CaseRecord, event: CaseEvent) => { payload: unknown; transcript?: unknown }[] },
  ): Promise<ApplyResult>;
  /** Records the resident's rating (1–5) of a closed case; with `conversationKey`, only that resident's case. */
  recordRating(ref: string, rating: { score: number; comment?: string }, at: number, conversationKey?: string): Promise<RatingResult>;
  /** The figures of a month (`YYYY-MM` in the centre's time zone), or of all time. */
  stats(month?: string): Promise<CaseStats>;
}

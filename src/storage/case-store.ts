import {
  AWAITING_DECISION,
  CASE_STATUSES,
  DEFAULT_CASE_RULES,
  FINAL_STATUSES,
  caseDueDate,
  isOverdue,
  transition,
  type Actor,
  type CaseAction,
  type CaseEvent,
  type CaseRules,
  type CaseStatus,
  type TransitionRefusal,
} from '../knowledge/cases/case-lifecycle.js';
import { compactDate, localDate } from '../knowledge/cases/local-time.js';
import {
  caseColumnsOf,
  REF_PREFIX,
  type ApplyResult,
  type CaseListOptions,
  type CaseReceipt,
  type CaseRecord,
  type CaseRepository,
  type CaseStats,
  type NewCase,
  type RatingResult,
  type StoredCaseEvent,
} from '../knowledge/cases/case-repository.js';
import { BatchWriter } from './batch-writer.js';
import { caseFromRow, eventFromRow, openCaseRow, openEventRow, type CaseRow, type EventRow } from './case-rows.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';
import { countCaseStats } from './case-stats.js';
import { insertOutboundIn } from './conversation-store.js';
import type { Database, SqlValue } from './database.js';

export type { Applicant } from '../knowledge/cases/applicant.js';
export {
  isCaseRef,
  REF_PREFIX,
  type ApplyResult,
  type CaseAttachment,
  type CaseDecision,
  type CaseFacts,
  type CaseOutboxMessage,
  type CaseReceipt,
  type CaseRecord,
  type CaseStats,
  type NewCase,
  type RatingResult,
  type StoredCaseEvent,
} from '../knowledge/cases/case-repository.js';

// Open cases: urgent first, then the earliest due date; no due date (waiting for materials) last.
const QUEUE_ORDER = 'ORDER BY urgent DESC, due_at IS NULL, due_at, created_at, ref';

function inList(values: readonly string[]): string {
  return `(${values.map(() => '?').join(', ')})`;
}

/**
 * Cases and their history: the SQL behind intake submission, the staff queue, the resident's
 * status view and the monthly figures. Every change to a case is one transaction.
 */
export class CaseStore implements CaseRepository {
  private readonly rulesOf: () => CaseRules;

  /** `rules`: the policy pack (it has `decisionDays`, `urgentSameDay`, `timeZone`), or a getter for a pack that reloads. */
  constructor(
    private readonly db: Database,
    rules: CaseRules | (() => CaseRules) = DEFAULT_CASE_RULES,
    private readonly writer = new BatchWriter(db),
    private readonly cipher: FieldCipher = PLAIN,
  ) {
    this.rulesOf = typeof rules === 'function' ? rules : () => rules;
  }

  private fromRow(row: CaseRow): CaseRecord {
    return caseFromRow(openCaseRow(row, this.cipher));
  }

  get rules(): CaseRules {
    return this.rulesOf();
  }

  /**
   * Stores a confirmed application as a `new` case and links its attachments. Idempotent by
   * `submissionId`: a confirmation pressed twice, or delivered twice, returns the first case with
   * `created: false`. The reference number is allocated inside the same transaction.
   */
  async createCase(input: NewCase): Promise<CaseReceipt> {
    const rules = this.rulesOf();
    const prefix = `${REF_PREFIX}-${compactDate(localDate(input.at, rules.timeZone))}-`;
    const dueAt = caseDueDate(caseColumnsOf(input), input.at, rules);
    // Numbered, stored and linked inside the group commit, together with other residents' turns.
    return (await this.writer.submit({ kind: 'case', write: { input, prefix, dueAt } })) as CaseReceipt;
  }

  async get(ref: string): Promise<CaseRecord | undefined> {
    const row = await this.db.get<CaseRow>('SELECT * FROM cases WHERE ref = ?', [ref]);
    return row ? this.fromRow(row) : undefined;
  }

  /** A case's history, oldest first. */
  async events(ref: string): Promise<StoredCaseEvent[]> {
    const rows = await this.db.all<EventRow>('SELECT * FROM case_events WHERE ref = ? ORDER BY id', [ref]);
    return rows.map((r) => eventFromRow(openEventRow(r, this.cipher)));
  }

  /**
   * Cases not closed or withdrawn, urgent first, then by due date. `awaitingDecision` keeps only
   * those the centre still has to decide (the staff queue).
   */
  async listOpen(options: { awaitingDecision?: boolean } = {}): Promise<CaseRecord[]> {
    const statuses = options.awaitingDecision ? AWAITING_DECISION : CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
    const rows = await this.db.all<CaseRow>(`SELECT * FROM cases WHERE status IN ${inList(statuses)} ${QUEUE_ORDER}`, statuses);
    return rows.map((r) => this.fromRow(r));
  }

  /** Every case, newest first, optionally of one status. */
  async list(options: CaseListOptions = {}): Promise<CaseRecord[]> {
    const conditions: string[] = [];
    const params: SqlValue[] = [];
    if (options.status) (conditions.push('status = ?'), params.push(options.status));
    // instr, not LIKE: a typed % or _ is text, not a wildcard.
    if (options.refContains !== undefined) (conditions.push("instr(ref, ?) > 0"), params.push(options.refContains));
    if (options.routes) (conditions.push('route IN (SELECT value FROM json_each(?))'), params.push(JSON.stringify(options.routes)));
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.all<CaseRow>(`SELECT * FROM cases ${where} ORDER BY created_at DESC, ref DESC LIMIT ?`, [
      ...params,
      options.limit ?? 1000,
    ]);
    return rows.map((r) => this.fromRow(r));
  }

  /** A resident's cases (one conversation), newest first. */
  async listByConversation(conversationKey: string): Promise<CaseRecord[]> {
    const rows = await this.db.all<CaseRow>('SELECT * FROM cases WHERE conversation_key = ? ORDER BY created_at DESC, ref DESC', [
      conversationKey,
    ]);
    return rows.map((r) => this.fromRow(r));
  }

  /** A staff member's cases not yet closed or withdrawn, in queue order. */
  async listByAssignee(assignee: string): Promise<CaseRecord[]> {
    const rows = await this.db.all<CaseRow>(
      `SELECT * FROM cases WHERE assignee = ? AND status NOT IN ${inList(FINAL_STATUSES)} ${QUEUE_ORDER}`,
      [assignee, ...FINAL_STATUSES],
    );
    return rows.map((r) => this.fromRow(r));
  }

  /** Cases awaiting a decision whose due date has passed at `now`, most overdue first among equals. */
  async listOverdue(now: number): Promise<CaseRecord[]> {
    const rows = await this.db.all<CaseRow>(
      `SELECT * FROM cases WHERE status IN ${inList(AWAITING_DECISION)} AND due_at IS NOT NULL AND due_at < ? ${QUEUE_ORDER}`,
      [...AWAITING_DECISION, now],
    );
    return rows.map((r) => this.fromRow(r)).filter((c) => isOverdue(c, now));
  }

  /**
   * Applies a lifecycle action in one transaction: reads the case, checks the action against the
   * lifecycle, updates it only if its status is still the one read (compare-and-set), records the
   * event, and writes the resident's notification (from `outbound`) to the outbox. When two staff
   * claim at once, one wins and the other gets `already_claimed` with the winner's name.
   */
  async applyTransition(
    ref: string,
    action: CaseAction,
    actor: Actor,
    at: number,
    options: { outbound?: (record: CaseRecord, event: CaseEvent) => { payload: unknown; transcript?: unknown }[] } = {},
  ): Promise<ApplyResult> {
    const rules = this.rulesOf();
    return this.db.transaction(async (tx) => {
      // The write lock is held (BEGIN IMMEDIATE), so a second try only happens if another writer
      // slipped in between: re-read and decide again.
      for (let attempt = 0; attempt < 3; attempt++) {
        const row = await tx.get<CaseRow>('SELECT * FROM cases WHERE ref = ?', [ref]);
        if (!row) return { ok: false, reason: 'not_found' } as const;
        const current = this.fromRow(row);
        const result = transition(current, action, actor, at, rules);
        if (!result.ok) return result;
        const next = result.next;
        const { changes } = await tx.run(
          `UPDATE cases SET status = ?, assignee = ?, lawyer = ?, requested_documents = ?, due_at = ?, resolution = ?,
             decided_at = ?, updated_at = ?
           WHERE ref = ? AND status = ?`,
          [
            next.status,
            next.assignee,
            next.lawyer,
            JSON.stringify(next.requestedDocuments),
            next.dueAt,
            next.resolution,
            next.decidedAt,
            at,
            ref,
            current.status,
          ],
        );
        if (changes === 0) continue;
        const eventId = await insertEvent(tx, ref, result.event, this.cipher);
        const record: CaseRecord = { ...current, ...next, updatedAt: at };
        const messages = options.outbound?.(record, result.event) ?? [];
        const outbound = messages.map((m) => ({
          conversationKey: record.conversationKey,
          channel: record.channel,
          address: record.address,
          payload: m.payload,
        }));
        // Joins this transaction: the notification is durable exactly when the change is.
        const ids = await insertOutboundIn(tx, outbound, at, this.cipher);
        // ...and is in the resident's history, unless the conversation was erased (it is not recreated).
        for (const m of messages) {
          if (m.transcript === undefined) continue;
          await tx.run(
            "INSERT INTO transcript (conversation_key, direction, body, created_at) SELECT ?, 'out', ?, ? WHERE EXISTS (SELECT 1 FROM conversations WHERE key = ?)",
            [record.conversationKey, this.cipher.seal(JSON.stringify(m.transcript)), at, record.conversationKey],
          );
        }
        return {
          ok: true,
          record,
          event: { ...result.event, id: eventId, ref },
          outbox: outbound.map((m, i) => ({ ...m, id: ids[i]! })),
        } as const;
      }
      throw new Error(`Case ${ref} kept changing while an action was applied; try the action again.`);
    });
  }

  /**
   * Records the resident's satisfaction rating (1–5) of a closed case; pressing again replaces it.
   * `comment` undefined keeps an earlier comment. With `conversationKey`, only that resident's case is rated.
   */
  async recordRating(ref: string, rating: { score: number; comment?: string }, at: number, conversationKey?: string): Promise<RatingResult> {
    if (!Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) return { ok: false, reason: 'invalid_rating' };
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ status: string; conversation_key: string }>('SELECT status, conversation_key FROM cases WHERE ref = ?', [ref]);
      if (!row || (conversationKey !== undefined && row.conversation_key !== conversationKey)) return { ok: false, reason: 'not_found' } as const;
      if (row.status !== 'closed') return { ok: false, reason: 'not_closed' } as const;
      const comment = rating.comment?.trim();
      await tx.run('UPDATE cases SET rating = ?, rating_comment = COALESCE(?, rating_comment), rated_at = ? WHERE ref = ?', [
        rating.score,
        comment ? this.cipher.seal(comment) : null,
        at,
        ref,
      ]);
      return { ok: true } as const;
    });
  }

  /** The figures of a month (`YYYY-MM` in the centre's time zone), or of all time when `month` is undefined. */
  stats(month?: string): Promise<CaseStats> {
    return countCaseStats(this.db, month, this.rulesOf().timeZone);
  }
}

async function insertEvent(tx: Database, ref: string, event: CaseEvent, cipher: FieldCipher): Promise<number> {
  const row = await tx.get<{ id: number }>(
    'INSERT INTO case_events (ref, action, from_status, to_status, actor, actor_kind, note, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    [ref, event.action, event.from, event.to, event.actor.name, event.actor.kind, cipher.sealOrNull(event.note), JSON.stringify(event.details), event.at],
  );
  return row!.id;
}

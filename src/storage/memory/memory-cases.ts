import {
  caseColumnsOf,
  REF_PREFIX,
  type ApplyResult,
  type CaseReceipt,
  type CaseListOptions,
  type CaseRecord,
  type CaseRepository,
  type CaseStats,
  type NewCase,
  type RatingResult,
  type StoredCaseEvent,
} from '../../knowledge/cases/case-repository.js';
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
} from '../../knowledge/cases/case-lifecycle.js';
import { compactDate, localDate, monthRange } from '../../knowledge/cases/local-time.js';
import type { MemoryAttachments } from './memory-attachments.js';
import type { MemoryConversations } from './memory-conversations.js';
import { median } from '../../knowledge/cases/median.js';

/** What the cases of one store share, whatever rules each view dates them by. */
export interface MemoryCaseData {
  cases: Map<string, CaseRecord>;
  bySubmission: Map<string, string>;
  /** The refs of each conversation's cases: every new or restored conversation lists its own (an index, as in SQLite). */
  byConversation: Map<string, string[]>;
  events: StoredCaseEvent[];
  counters: Map<string, number>;
}

export function emptyCaseData(): MemoryCaseData {
  return { cases: new Map(), bySubmission: new Map(), byConversation: new Map(), events: [], counters: new Map() };
}

function queueOrder(a: CaseRecord, b: CaseRecord): number {
  return (
    Number(b.urgent) - Number(a.urgent) ||
    Number(a.dueAt === null) - Number(b.dueAt === null) ||
    (a.dueAt ?? 0) - (b.dueAt ?? 0) ||
    a.createdAt - b.createdAt ||
    a.ref.localeCompare(b.ref)
  );
}

const newestFirst = (a: CaseRecord, b: CaseRecord) => b.createdAt - a.createdAt || b.ref.localeCompare(a.ref);

/** Cases and their history in memory, with the same lifecycle rules as the SQLite store. */
export class MemoryCases implements CaseRepository {
  private readonly rulesOf: () => CaseRules;

  constructor(
    private readonly data: MemoryCaseData,
    private readonly attachments: MemoryAttachments,
    private readonly outbox: MemoryConversations,
    rules: CaseRules | (() => CaseRules) = DEFAULT_CASE_RULES,
  ) {
    this.rulesOf = typeof rules === 'function' ? rules : () => rules;
  }

  get rules(): CaseRules {
    return this.rulesOf();
  }

  async createCase(input: NewCase): Promise<CaseReceipt> {
    const existing = this.data.bySubmission.get(input.submissionId);
    if (existing) return { ref: existing, created: false, dueAt: this.data.cases.get(existing)!.dueAt };
    const rules = this.rulesOf();
    const prefix = `${REF_PREFIX}-${compactDate(localDate(input.at, rules.timeZone))}-`;
    const n = (this.data.counters.get(prefix) ?? 0) + 1;
    this.data.counters.set(prefix, n);
    const ref = `${prefix}${String(n).padStart(4, '0')}`;
    const columns = caseColumnsOf(input);
    const dueAt = caseDueDate(columns, input.at, rules);
    const record: CaseRecord = {
      ref,
      submissionId: input.submissionId,
      conversationKey: input.conversationKey,
      channel: input.channel,
      address: input.address,
      locale: input.locale,
      ...columns,
      facts: { ...input.facts },
      decision: { ...input.decision },
      policyVersion: input.policyVersion,
      applicant: input.applicant,
      description: input.description,
      status: 'new',
      assignee: null,
      lawyer: null,
      requestedDocuments: [],
      materialsRequested: false,
      dueAt,
      resolution: null,
      decidedAt: null,
      createdAt: input.at,
      updatedAt: input.at,
      rating: null,
      ratingComment: null,
      ratedAt: null,
    };
    this.data.cases.set(ref, record);
    this.data.bySubmission.set(input.submissionId, ref);
    this.data.byConversation.set(input.conversationKey, [...(this.data.byConversation.get(input.conversationKey) ?? []), ref]);
    this.addEvent(ref, { action: 'submit', from: null, to: 'new', actor: { kind: 'resident', name: 'resident' }, note: null, details: {}, at: input.at });
    const files = input.attachments ?? [];
    for (const file of files) await this.attachments.record({ ...file, conversationKey: input.conversationKey, createdAt: input.at });
    await this.attachments.linkToCase(files.map((f) => f.id), ref);
    return { ref, created: true, dueAt };
  }

  async get(ref: string): Promise<CaseRecord | undefined> {
    const record = this.data.cases.get(ref);
    return record ? { ...record } : undefined;
  }

  async events(ref: string): Promise<StoredCaseEvent[]> {
    return this.data.events.filter((e) => e.ref === ref);
  }

  async listOpen(options: { awaitingDecision?: boolean } = {}): Promise<CaseRecord[]> {
    const statuses = options.awaitingDecision ? AWAITING_DECISION : CASE_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
    return this.all().filter((c) => statuses.includes(c.status)).sort(queueOrder);
  }

  async list(options: CaseListOptions = {}): Promise<CaseRecord[]> {
    return this.all()
      .filter((c) => !options.status || c.status === options.status)
      .filter((c) => options.refContains === undefined || c.ref.includes(options.refContains))
      .filter((c) => !options.routes || (c.route !== null && options.routes.includes(c.route)))
      .sort(newestFirst)
      .slice(0, options.limit ?? 1000);
  }

  async listByConversation(conversationKey: string): Promise<CaseRecord[]> {
    const refs = this.data.byConversation.get(conversationKey) ?? [];
    return refs.map((ref) => ({ ...this.data.cases.get(ref)! })).sort(newestFirst);
  }

  async listByAssignee(assignee: string): Promise<CaseRecord[]> {
    return this.all().filter((c) => c.assignee === assignee && !FINAL_STATUSES.includes(c.status)).sort(queueOrder);
  }

  async listOverdue(now: number): Promise<CaseRecord[]> {
    return this.all().filter((c) => AWAITING_DECISION.includes(c.status) && isOverdue(c, now)).sort(queueOrder);
  }

  async applyTransition(
    ref: string,
    action: CaseAction,
    actor: Actor,
    at: number,
    options: { outbound?: (record: CaseRecord, event: CaseEvent) => { payload: unknown; transcript?: unknown }[] } = {},
  ): Promise<ApplyResult> {
    const current = this.data.cases.get(ref);
    if (!current) return { ok: false, reason: 'not_found' };
    const result = transition(current, action, actor, at, this.rulesOf());
    if (!result.ok) return result;
    const record: CaseRecord = { ...current, ...result.next, updatedAt: at };
    this.data.cases.set(ref, record);
    const event = this.addEvent(ref, result.event);
    const outbound = (options.outbound?.(record, result.event) ?? []).map((m) => ({
      conversationKey: record.conversationKey,
      channel: record.channel,
      address: record.address,
      payload: m.payload,
    }));
    const ids = await this.outbox.enqueueOutbound(outbound, at);
    return { ok: true, record: { ...record }, event, outbox: outbound.map((m, i) => ({ ...m, id: ids[i]! })) };
  }

  async recordRating(ref: string, rating: { score: number; comment?: string }, at: number, conversationKey?: string): Promise<RatingResult> {
    if (!Number.isInteger(rating.score) || rating.score < 1 || rating.score > 5) return { ok: false, reason: 'invalid_rating' };
    const record = this.data.cases.get(ref);
    if (!record || (conversationKey !== undefined && record.conversationKey !== conversationKey)) return { ok: false, reason: 'not_found' };
    if (record.status !== 'closed') return { ok: false, reason: 'not_closed' };
    const comment = rating.comment?.trim();
    Object.assign(record, { rating: rating.score, ratingComment: comment ? comment : record.ratingComment, ratedAt: at });
    return { ok: true };
  }

  async stats(month?: string): Promise<CaseStats> {
    const range = month === undefined ? { from: -Infinity, to: Infinity } : monthRange(month, this.rulesOf().timeZone);
    const within = (t: number | null) => t !== null && t >= range.from && t < range.to;
    const all = this.all();
    const received = all.filter((c) => within(c.createdAt));
    const decided = all.filter((c) => within(c.decidedAt) && c.resolution !== null);
    const rated = all.filter((c) => within(c.ratedAt) && c.rating !== null);
    const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
    const stats: CaseStats = {
      month: month ?? null,
      received: received.length,
      urgent: received.filter((c) => c.urgent).length,
      byCategory: {},
      byGroup: {},
      byChannel: {},
      byAssessment: {},
      byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
      decided: decided.length,
      byResolution: { accepted: 0, declined: 0, referred: 0 },
      medianHoursToDecision: median(decided.map((c) => (c.decidedAt! - c.createdAt) / 3_600_000)),
      ratings: { count: rated.length, average: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } },
    };
    for (const c of received) {
      count(stats.byCategory, c.category);
      count(stats.byChannel, c.channel);
      count(stats.byAssessment, c.decision.outcome);
      stats.byStatus[c.status]++;
      for (const g of new Set(c.facts.groups ?? [])) count(stats.byGroup, g);
    }
    for (const c of decided) stats.byResolution[c.resolution!]++;
    for (const c of rated) stats.ratings.distribution[String(c.rating) as '1']++;
    if (rated.length > 0) stats.ratings.average = Math.round((rated.reduce((s, c) => s + c.rating!, 0) / rated.length) * 100) / 100;
    return stats;
  }

  private all(): CaseRecord[] {
    return [...this.data.cases.values()].map((c) => ({ ...c }));
  }

  private addEvent(ref: string, event: CaseEvent): StoredCaseEvent {
    const stored = { ...event, id: this.data.events.length + 1, ref };
    this.data.events.push(stored);
    return stored;
  }
}


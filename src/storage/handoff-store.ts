import type { Handoff, HandoffRepository, StaffMember, TakeResult } from '../staff/staff-ports.js';
import type { Database } from './database.js';

interface HandoffRow {
  conversation_key: string;
  state: Handoff['state'];
  staff_user_id: string | null;
  staff_name: string | null;
  requested_at: number | null;
  taken_at: number | null;
}

function handoffFromRow(row: HandoffRow): Handoff {
  return {
    conversationKey: row.conversation_key,
    state: row.state,
    staffUserId: row.staff_user_id,
    staffName: row.staff_name,
    requestedAt: row.requested_at,
    takenAt: row.taken_at,
  };
}

/**
 * Who holds each resident conversation: one row per conversation, compare-and-set so two staff
 * taking at once (in Telegram, the console or both) cannot both win.
 */
export class HandoffStore implements HandoffRepository {
  constructor(private readonly db: Database) {}

  /** The resident asked for a person: waiting from `at`, unless someone already holds the conversation. */
  async requestHandoff(key: string, at: number): Promise<void> {
    await this.db.run(
      `INSERT INTO handoffs (conversation_key, state, requested_at, updated_at) VALUES (?, 'waiting', ?, ?)
       ON CONFLICT (conversation_key) DO UPDATE SET state = 'waiting', staff_user_id = NULL, staff_name = NULL,
         requested_at = excluded.requested_at, taken_at = NULL, updated_at = excluded.updated_at
       WHERE handoffs.state != 'live'`,
      [key, at, at],
    );
  }

  /** Staff take a conversation. The first one wins; anyone later learns who holds it. */
  async takeHandoff(key: string, staff: StaffMember, at: number): Promise<TakeResult> {
    const { changes } = await this.db.run(
      `INSERT INTO handoffs (conversation_key, state, staff_user_id, staff_name, taken_at, updated_at) VALUES (?, 'live', ?, ?, ?, ?)
       ON CONFLICT (conversation_key) DO UPDATE SET state = 'live', staff_user_id = excluded.staff_user_id,
         staff_name = excluded.staff_name, taken_at = excluded.taken_at, updated_at = excluded.updated_at
       WHERE handoffs.state != 'live'`,
      [key, staff.userId, staff.name, at, at],
    );
    if (changes > 0) return { ok: true, already: false };
    const current = await this.handoff(key);
    if (current?.state === 'live' && current.staffUserId === staff.userId) return { ok: true, already: true };
    return { ok: false, holder: { userId: current?.staffUserId ?? '', name: current?.staffName ?? '—' } };
  }

  /** Ends a live conversation; returns who held it, or undefined when nobody did. */
  async releaseHandoff(key: string, at: number): Promise<StaffMember | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<HandoffRow>("SELECT * FROM handoffs WHERE conversation_key = ? AND state = 'live'", [key]);
      if (!row) return undefined;
      await tx.run("UPDATE handoffs SET state = 'released', updated_at = ? WHERE conversation_key = ?", [at, key]);
      return { userId: row.staff_user_id ?? '', name: row.staff_name ?? '—' };
    });
  }

  /** The resident stopped waiting: ended as a released conversation is, so it leaves the queue and times out no more. */
  async leaveQueue(key: string, at: number): Promise<void> {
    await this.db.run("UPDATE handoffs SET state = 'released', updated_at = ? WHERE conversation_key = ? AND state = 'waiting'", [at, key]);
  }

  async handoff(key: string): Promise<Handoff | undefined> {
    const row = await this.db.get<HandoffRow>('SELECT * FROM handoffs WHERE conversation_key = ?', [key]);
    return row ? handoffFromRow(row) : undefined;
  }

  /** Marks conversations waiting since `requestedBefore` or earlier as timed out; returns their keys. */
  async timeOutWaiting(requestedBefore: number, at: number): Promise<string[]> {
    const rows = await this.db.all<{ conversation_key: string }>(
      "SELECT conversation_key FROM handoffs WHERE state = 'waiting' AND requested_at <= ? ORDER BY requested_at",
      [requestedBefore],
    );
    const timedOut: string[] = [];
    for (const { conversation_key: key } of rows) {
      const { changes } = await this.db.run(
        "UPDATE handoffs SET state = 'timed_out', updated_at = ? WHERE conversation_key = ? AND state = 'waiting' AND requested_at <= ?",
        [at, key, requestedBefore],
      );
      if (changes > 0) timedOut.push(key);
    }
    return timedOut;
  }

  async active(): Promise<Handoff[]> {
    const rows = await this.db.all<HandoffRow>(
      "SELECT * FROM handoffs WHERE state IN ('waiting', 'live') ORDER BY COALESCE(requested_at, taken_at), conversation_key",
    );
    return rows.map(handoffFromRow);
  }
}

import type { Database, SqlValue } from './database.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';

/** The kinds of data the retention purge removes, each after its own period. */
export type RetentionKind = 'transcript' | 'idleConversations' | 'sentOutbox' | 'deadLetters' | 'closedCases';

/** The moment (ms) before which each kind is purged. */
export type RetentionCutoffs = Record<RetentionKind, number>;

/** What a purge found (or removed) of one kind: how many, and when the oldest was written. */
export interface RetentionCount {
  kind: RetentionKind;
  count: number;
  oldestAt: number | null;
}

/** Statuses of a case the centre has finished with. */
const FINISHED = "('closed', 'declined', 'withdrawn', 'referred')";

/** For each kind: the rows it purges (as a WHERE over its table) and when each row was written. */
function selections(c: RetentionCutoffs): Record<RetentionKind, { table: string; where: string; at: string; params: SqlValue[] }> {
  return {
    transcript: { table: 'transcript', where: 'created_at < ?', at: 'created_at', params: [c.transcript] },
    // A conversation nobody wrote to for the period (an abandoned intake among them): its state and its lines.
    idleConversations: { table: 'conversations', where: 'updated_at < ?', at: 'updated_at', params: [c.idleConversations] },
    sentOutbox: { table: 'outbox', where: "status = 'sent' AND created_at < ?", at: 'created_at', params: [c.sentOutbox] },
    deadLetters: { table: 'outbox', where: "status = 'failed' AND created_at < ?", at: 'created_at', params: [c.deadLetters] },
    closedCases: { table: 'cases', where: `status IN ${FINISHED} AND updated_at < ?`, at: 'updated_at', params: [c.closedCases] },
  };
}

/** The SQL behind `fayuan purge` and the daily purge. */
export class RetentionStore {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher = PLAIN,
  ) {}

  /** What a purge with these cutoffs would remove, by kind. */
  async plan(cutoffs: RetentionCutoffs): Promise<RetentionCount[]> {
    const counts: RetentionCount[] = [];
    for (const [kind, s] of Object.entries(selections(cutoffs)) as [RetentionKind, ReturnType<typeof selections>[RetentionKind]][]) {
      const row = await this.db.get<{ n: number; oldest: number | null }>(`SELECT COUNT(*) AS n, MIN(${s.at}) AS oldest FROM ${s.table} WHERE ${s.where}`, s.params);
      counts.push({ kind, count: row?.n ?? 0, oldestAt: row?.oldest ?? null });
    }
    return counts;
  }

  /** How many files belong to finished cases last changed before `before` (what a purge would delete with them). */
  async countFinishedCaseFiles(before: number): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM attachments WHERE case_ref IN (SELECT ref FROM cases WHERE status IN ('closed', 'declined', 'withdrawn', 'referred') AND updated_at < ?)",
      [before],
    );
    return row?.n ?? 0;
  }

  /**
   * Removes everything past its period in one transaction and returns what was removed, with the
   * ids of files whose records went (a finished case's documents); the caller deletes the files.
   */
  async purge(cutoffs: RetentionCutoffs): Promise<{ counts: RetentionCount[]; attachmentIds: string[] }> {
    // Counted on a read connection, beside the commits. The transaction holds the writer (and so every
    // resident's next commit) while its statements scan whole tables — 0.6 s at 100,000 conversations
    // even with nothing to delete — so it runs only the kinds that have rows past their period. With
    // the cutoffs fixed, no row can newly match meanwhile (a row's time only moves forward), except an
    // old message delivered or given up just now: that one goes with the next day's purge.
    const counts = await this.plan(cutoffs);
    const due = new Set(counts.filter((c) => c.count > 0).map((c) => c.kind));
    if (due.size === 0) return { counts, attachmentIds: [] };
    const s = selections(cutoffs);
    const attachmentIds = await this.db.transaction(async (tx) => {
      let files: { id: string }[] = [];
      if (due.has('closedCases')) {
        const cases = `SELECT ref FROM cases WHERE ${s.closedCases.where}`;
        files = await tx.all<{ id: string }>(`SELECT id FROM attachments WHERE case_ref IN (${cases})`, s.closedCases.params);
        await tx.run(`DELETE FROM attachments WHERE case_ref IN (${cases})`, s.closedCases.params);
        await tx.run(`DELETE FROM case_events WHERE ref IN (${cases})`, s.closedCases.params);
        await tx.run(`DELETE FROM staff_chat_messages WHERE case_ref IN (${cases})`, s.closedCases.params);
        await tx.run(`DELETE FROM case_notes WHERE ref IN (${cases})`, s.closedCases.params);
        await tx.run(`DELETE FROM cases WHERE ${s.closedCases.where}`, s.closedCases.params);
      }
      if (due.has('idleConversations')) {
        const idle = `SELECT key FROM conversations WHERE ${s.idleConversations.where}`;
        await tx.run(`DELETE FROM transcript WHERE conversation_key IN (${idle})`, s.idleConversations.params);
        await tx.run(`DELETE FROM handoffs WHERE conversation_key IN (${idle})`, s.idleConversations.params);
        await tx.run(`DELETE FROM staff_relays WHERE conversation_key IN (${idle})`, s.idleConversations.params);
        await tx.run(`DELETE FROM attachments WHERE case_ref IS NULL AND conversation_key IN (${idle})`, s.idleConversations.params);
        await tx.run(`DELETE FROM conversations WHERE ${s.idleConversations.where}`, s.idleConversations.params);
      }
      for (const kind of ['transcript', 'sentOutbox', 'deadLetters'] as const) {
        if (due.has(kind)) await tx.run(`DELETE FROM ${s[kind].table} WHERE ${s[kind].where}`, s[kind].params);
      }
      return files.map((f) => f.id);
    });
    await this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return { counts, attachmentIds };
  }

  /** Whether anything still refers to a stored file: a case's record, a recorded upload, or a conversation's state. */
  async fileInUse(id: string): Promise<boolean> {
    const recorded = await this.db.get('SELECT 1 AS x FROM attachments WHERE id = ?', [id]);
    if (recorded) return true;
    const inState = await this.db.get("SELECT 1 AS x FROM conversations WHERE instr(snapshot, ?) > 0 LIMIT 1", [id]);
    if (inState !== undefined) return true;
    // Sealed snapshots are searched once opened; one that does not open counts as using the file.
    const sealed = await this.db.all<{ snapshot: string }>("SELECT snapshot FROM conversations WHERE snapshot LIKE 'enc1:%'");
    return sealed.some((r) => {
      try {
        return this.cipher.open(r.snapshot).includes(id);
      } catch {
        return true;
      }
    });
  }
}

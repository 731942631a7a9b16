import type { Database, SqlValue, Statement } from './database.js';
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

/** How many rows (conversations, cases, lines, messages) one purge transaction deletes, dependents included. */
const BATCH_SIZE = 100;
/** How many rows one read of the purge's candidates looks at (on a read connection). */
const SCAN_SIZE = 2000;
/** The order kinds are purged in: a finished case before the conversation it came from. */
const PURGE_ORDER: readonly RetentionKind[] = ['closedCases', 'idleConversations', 'transcript', 'sentOutbox', 'deadLetters'];

/**
 * How the purge finds and deletes one kind: its table, the key read for each row, the condition
 * that a row is past its period (one `?`: the cutoff), and the statements of one batch, which delete
 * the given keys still past their period, with whatever refers to them.
 */
interface Sweep {
  table: string;
  key: string;
  due: string;
  remove(keys: readonly SqlValue[], cutoff: number): { statements: Statement[]; results?: Statement };
}

const list = (keys: readonly SqlValue[]) => keys.map(() => '?').join(', ');
/** The keys of a batch still past their period, checked inside the batch's transaction. */
const DUE_KEYS = 'SELECT k FROM temp.purge_due';
const dueKeys = (keys: readonly SqlValue[], cutoff: number, select: (inList: string) => string): Statement[] => [
  { sql: 'CREATE TEMP TABLE IF NOT EXISTS purge_due (k PRIMARY KEY)', params: [] },
  { sql: 'DELETE FROM temp.purge_due', params: [] },
  { sql: `INSERT INTO temp.purge_due ${select(list(keys))}`, params: [...keys, cutoff] },
];
const rowsOf = (table: string, condition: string): Sweep => ({
  table,
  key: 'id',
  due: `(${condition})`,
  remove: (ids, cutoff) => ({ statements: [{ sql: `DELETE FROM ${table} WHERE id IN (${list(ids)}) AND ${condition}`, params: [...ids, cutoff] }] }),
});

const SWEEPS: Record<RetentionKind, Sweep> = {
  closedCases: {
    table: 'cases',
    key: 'ref',
    due: `(status IN ${FINISHED} AND updated_at < ?)`,
    remove: (refs, cutoff) => ({
      statements: [
        ...dueKeys(refs, cutoff, (refList) => `SELECT ref FROM cases WHERE ref IN (${refList}) AND status IN ${FINISHED} AND updated_at < ?`),
        // The case's files, for the caller to delete once their records are gone.
        { sql: 'CREATE TEMP TABLE IF NOT EXISTS purge_files (id TEXT)', params: [] },
        { sql: 'DELETE FROM temp.purge_files', params: [] },
        { sql: `INSERT INTO temp.purge_files SELECT id FROM attachments WHERE case_ref IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM attachments WHERE case_ref IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM case_events WHERE ref IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM staff_chat_messages WHERE case_ref IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM case_notes WHERE ref IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM cases WHERE ref IN (${DUE_KEYS})`, params: [] },
      ],
      results: { sql: 'SELECT id FROM temp.purge_files', params: [] },
    }),
  },
  // A conversation nobody wrote to for the period (an abandoned intake among them): its state and its lines.
  idleConversations: {
    table: 'conversations',
    key: 'key',
    due: '(updated_at < ?)',
    remove: (keys, cutoff) => ({
      statements: [
        ...dueKeys(keys, cutoff, (keyList) => `SELECT key FROM conversations WHERE key IN (${keyList}) AND updated_at < ?`),
        { sql: `DELETE FROM transcript WHERE conversation_key IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM handoffs WHERE conversation_key IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM staff_relays WHERE conversation_key IN (${DUE_KEYS})`, params: [] },
        // `+case_ref`: found by conversation, not among every upload outside a case.
        { sql: `DELETE FROM attachments WHERE +case_ref IS NULL AND conversation_key IN (${DUE_KEYS})`, params: [] },
        { sql: `DELETE FROM conversations WHERE key IN (${DUE_KEYS})`, params: [] },
      ],
    }),
  },
  transcript: rowsOf('transcript', 'created_at < ?'),
  sentOutbox: rowsOf('outbox', "status = 'sent' AND created_at < ?"),
  deadLetters: rowsOf('outbox', "status = 'failed' AND created_at < ?"),
};

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
   * Removes everything past its period and returns what was found, with the ids of files whose
   * records went (a finished case's documents); the caller deletes the files.
   *
   * In small batches, each its own short transaction on the writer's queue, so residents' group
   * commits run between them (one transaction over everything held the writer for its table scans:
   * 0.5–0.6 s at 100,000 conversations, every resident's turn waiting behind it). Candidates are
   * read on a read connection, `scanSize` rows at a time in rowid order from where the last read
   * stopped (one pass over each table for the whole purge, never a scan per batch); each batch then
   * deletes by key, checking again inside its transaction that the row is still past its period (a
   * resident may have written meanwhile). A conversation or case goes with everything that refers to
   * it in the same transaction, so a crash between batches leaves each one whole or gone, and what is
   * left is still past its period: the next purge takes it.
   */
  async purge(cutoffs: RetentionCutoffs, options: { batchSize?: number; scanSize?: number } = {}): Promise<{ counts: RetentionCount[]; attachmentIds: string[] }> {
    // Counted on a read connection, beside the commits; a kind with nothing past its period writes nothing.
    const counts = await this.plan(cutoffs);
    const due = new Set(counts.filter((c) => c.count > 0).map((c) => c.kind));
    if (due.size === 0) return { counts, attachmentIds: [] };
    const batchSize = options.batchSize ?? BATCH_SIZE;
    const scanSize = Math.max(options.scanSize ?? SCAN_SIZE, batchSize);
    const attachmentIds: string[] = [];
    for (const kind of PURGE_ORDER) {
      if (!due.has(kind)) continue;
      const sweep = SWEEPS[kind];
      const cutoff = cutoffs[kind];
      let after = 0;
      for (;;) {
        const rows = await this.db.all<{ r: number; k: SqlValue; d: number }>(
          `SELECT rowid AS r, ${sweep.key} AS k, ${sweep.due} AS d FROM ${sweep.table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
          [cutoff, after, scanSize],
        );
        const keys = rows.filter((row) => row.d === 1).map((row) => row.k);
        for (let i = 0; i < keys.length; i += batchSize) {
          const batch = sweep.remove(keys.slice(i, i + batchSize), cutoff);
          const files = await this.db.script(batch.statements, batch.results);
          attachmentIds.push(...files.map((f) => String(f.id)));
        }
        if (rows.length < scanSize) break;
        after = rows[rows.length - 1]!.r;
      }
    }
    // Deleted rows stay readable in the WAL until it is emptied.
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

import { type Database } from './database.js';
import { GroupCommit } from './group-commit.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';
import { batchScript, encodeItem, OUTBOX_IDS_TAKEN, outboxRowsOf, READ_RESULTS, type BatchItem } from './batch-script.js';
import { ScriptBuilder } from './batch-script-client.js';

export type { BatchItem, CaseWrite, UnansweredWrite } from './batch-script.js';

/** What a write resolves with: outbox ids (turn, outbound), a case's receipt, or nothing. */
export type BatchResult = number[] | { ref: string; created: boolean; dueAt: number | null } | undefined;

/**
 * A batch with at most this many writes that seal values (turns, cases, messages; sent marks seal
 * nothing) is built on this thread. Sealing costs ~70 µs a turn; the worker's round trip (the post,
 * waking the worker, its reply, waking this thread) cost more CPU for one or two turns — 690 against
 * 900 µs per commit of one turn and its sent mark, measured in alternation — and each wake-up waits
 * for a core on a busy machine. Calm hours commit one or two turns at a time; under load batches are
 * larger and go to the worker, which builds them off the event loop. The trade (docs/performance-history.md, session 6):
 * commits end sooner, so the open loop's batches are smaller and its CPU per message a little higher.
 */
const BUILD_HERE_UP_TO = 2;

/**
 * A sent mark waits this long for a turn's commit to go with (see GroupCommit). A crash in that
 * window sends those replies again after the restart (delivery is at least once, as before).
 */
const SENT_MARK_DELAY_MS = 10;

/** A write of a batch that failed on its own. */
class ItemFailure {
  constructor(readonly error: unknown) {}
}

/**
 * The SQLite group commit: turns, case submissions, unanswered questions, extra outbox messages and
 * sent marks from many callers are gathered while the previous commit is under way, and each batch
 * is written by ONE script (one transaction, one fsync) with its results read back in the same
 * hand-off to the driver. Nothing awaits in the middle of the transaction. The script (sealed values,
 * SQL text) is built on a worker thread (batch-script.ts, batch-script-client.ts), or here when the
 * batch is small: this thread turns each write into JSON and hands the text to the driver.
 */
export class BatchWriter {
  private readonly commits: GroupCommit<BatchItem, BatchResult | ItemFailure>;
  /**
   * The id the next outbox row of this writer takes, so a commit need not read its ids back (a
   * hand-off to the driver and back less per commit). Null until a commit has read ids back, and
   * again after another writer took ids (a staff action's transaction, another process): the
   * script then fails before writing anything and the batch is written again, reading its ids back.
   */
  private nextOutboxId: number | null = null;

  /**
   * `cipher`: seals the personal columns (snapshot, transcript body, outbox payload, applicant,
   * description). `scripts`: where each batch's script is built (a worker thread; see batch-script-client.ts).
   */
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher = PLAIN,
    private readonly scripts: ScriptBuilder = ScriptBuilder.shared(),
  ) {
    this.commits = new GroupCommit((items) => this.writeIsolated(items), { riderDelayMs: SENT_MARK_DELAY_MS });
  }

  async submit(item: BatchItem): Promise<BatchResult> {
    const result = await this.commits.submit(item, { rider: item.kind === 'sent' });
    if (result instanceof ItemFailure) throw result.error;
    return result;
  }

  idle(): Promise<void> {
    return this.commits.idle();
  }

  /**
   * Writes the batch as one script; should it fail (one resident's text the schema refuses, say), each
   * write is tried again on its own, so one bad write fails only its own caller.
   */
  private async writeIsolated(items: BatchItem[]): Promise<(BatchResult | ItemFailure)[]> {
    try {
      return await this.write(items);
    } catch (error) {
      if (items.length === 1) return [new ItemFailure(error)];
      const results: (BatchResult | ItemFailure)[] = [];
      for (const item of items) results.push(...(await this.writeIsolated([item])));
      return results;
    }
  }

  private async write(items: BatchItem[]): Promise<BatchResult[]> {
    // This thread turns the values into JSON; sealing them and writing the SQL happen on the worker,
    // except for a small batch (see BUILD_HERE_UP_TO).
    const encoded = items.map(encodeItem);
    const expected = items.reduce((n, item) => n + outboxRowsOf(item), 0);
    const firstId = expected > 0 ? this.nextOutboxId : null;
    const sealing = items.filter((item) => item.kind !== 'sent').length;
    const script = sealing <= BUILD_HERE_UP_TO ? batchScript(encoded, this.cipher, firstId) : await this.scripts.build(encoded, this.cipher, firstId);
    // Only ids the database chose and case receipts are read back: sent marks, unanswered questions
    // and outbox rows numbered here leave nothing to read (one hand-off to the driver, not two).
    const read = (expected > 0 && firstId === null) || items.some((item) => item.kind === 'case');
    let rows: { kind: string; item: number | null; v1: unknown; v2: unknown; v3: unknown }[];
    try {
      rows = (await this.db.script(script, read ? READ_RESULTS : undefined)) as typeof rows;
    } catch (error) {
      if (firstId === null || !String((error as { cause?: unknown }).cause ?? error).includes(OUTBOX_IDS_TAKEN)) throw error;
      // Another writer took ids meanwhile; nothing of this script was kept.
      this.nextOutboxId = null;
      return this.write(items);
    }
    const ids = firstId !== null ? Array.from({ length: expected }, (_, i) => firstId + i) : rows.filter((r) => r.kind === 'outbox').map((r) => Number(r.v1));
    if (ids.length !== expected) throw new Error(`Group commit read back ${ids.length} outbox ids for ${expected} messages.`);
    if (expected > 0) this.nextOutboxId = ids[expected - 1]! + 1;
    // The ids in insertion order: each item's messages, items in order.
    let next = 0;
    const results: BatchResult[] = items.map((item) => (item.kind === 'turn' || item.kind === 'outbound' ? ids.slice(next, (next += outboxRowsOf(item))) : undefined));
    const created = new Map(rows.filter((r) => r.kind === 'case_created').map((r) => [r.item, Number(r.v1) > 0]));
    for (const r of rows) {
      if (r.kind !== 'case' || r.item === null) continue;
      results[r.item] = { ref: String(r.v1), created: created.get(r.item) === true, dueAt: r.v2 === null ? null : Number(r.v2) };
    }
    items.forEach((item, i) => {
      if (item.kind === 'case' && results[i] === undefined) throw new Error('Group commit did not return a case reference.');
    });
    return results;
  }
}

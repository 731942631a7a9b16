import type { TurnWrite } from '../bot/ports/conversation-repository.js';
import type { NewOutboxMessage } from '../bot/ports/outbox-repository.js';
import type { NewCase } from '../knowledge/cases/case-repository.js';
import { defaultStoredPath } from '../bot/ports/attachment-repository.js';
import { placeholders, type Database, type SqlValue, type Statement } from './database.js';
import { GroupCommit } from './group-commit.js';

/** A case to create, with what the store derived from the rules: its number prefix and due date. */
export interface CaseWrite {
  input: NewCase;
  /** `FY-20261122-`: the day's prefix in the centre's time zone. */
  prefix: string;
  dueAt: number | null;
}

/** An unanswered question, already keyed. */
export interface UnansweredWrite {
  key: string;
  locale: string;
  text: string;
  band: string;
  topTopic: string | null;
  score: number;
  at: number;
}

/** One write waiting for the next group commit. */
export type BatchItem =
  | { kind: 'turn'; turn: TurnWrite }
  | { kind: 'outbound'; messages: NewOutboxMessage[]; at: number }
  | { kind: 'case'; write: CaseWrite }
  | { kind: 'unanswered'; write: UnansweredWrite }
  | { kind: 'sent'; ids: number[]; at: number };

/** What a write resolves with: outbox ids (turn, outbound), a case's receipt, or nothing. */
export type BatchResult = number[] | { ref: string; created: boolean; dueAt: number | null } | undefined;

// SQLite accepts 32766 bound values, and a script is parsed statement by statement; stay well below.
const MAX_ROWS_PER_INSERT = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const inList = (n: number) => `(${new Array(n).fill('?').join(', ')})`;

// What a script leaves for the caller to read: outbox ids in insertion order, case receipts.
// A temporary table is private to this connection and never reaches the file.
const RESULTS_TABLE = `CREATE TEMP TABLE IF NOT EXISTS batch_results (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, item INTEGER, v1, v2, v3)`;
const READ_RESULTS: Statement = { sql: "SELECT kind, item, v1, v2, v3 FROM temp.batch_results WHERE kind != 'mark' ORDER BY seq", params: [] };

/**
 * The SQLite group commit: turns, case submissions, unanswered questions, extra outbox messages and
 * sent marks from many callers are gathered while the previous commit is under way, and each batch
 * is written by ONE script (one transaction, one fsync) with its results read back in the same
 * hand-off to the driver. Nothing awaits in the middle of the transaction.
 */
export class BatchWriter {
  private readonly commits: GroupCommit<BatchItem, BatchResult>;

  constructor(private readonly db: Database) {
    this.commits = new GroupCommit((items) => this.write(items));
  }

  submit(item: BatchItem): Promise<BatchResult> {
    return this.commits.submit(item);
  }

  idle(): Promise<void> {
    return this.commits.idle();
  }

  private async write(items: BatchItem[]): Promise<BatchResult[]> {
    const st: Statement[] = [{ sql: RESULTS_TABLE, params: [] }, { sql: 'DELETE FROM temp.batch_results', params: [] }];
    items.forEach((item, i) => {
      if (item.kind === 'case') st.push(...caseStatements(item.write, i));
    });
    for (const item of items) if (item.kind === 'unanswered') st.push(unansweredStatement(item.write));

    const turns = items.flatMap((item) => (item.kind === 'turn' ? [item.turn] : []));
    const forget = turns.filter((t) => t.forgetTranscript).map((t) => t.conversation.key);
    for (const keys of chunks(forget, MAX_ROWS_PER_INSERT)) {
      // An erasure: everything the conversation held, except a submitted case's record (see docs/privacy.md).
      const list = inList(keys.length);
      st.push(
        { sql: `DELETE FROM transcript WHERE conversation_key IN ${list}`, params: keys },
        { sql: `DELETE FROM outbox WHERE conversation_key IN ${list}`, params: keys },
        { sql: `DELETE FROM attachments WHERE case_ref IS NULL AND conversation_key IN ${list}`, params: keys },
        { sql: `DELETE FROM handoffs WHERE conversation_key IN ${list}`, params: keys },
        { sql: `DELETE FROM staff_chat_messages WHERE case_ref IS NULL AND conversation_key IN ${list}`, params: keys },
      );
    }
    // A conversation has one turn in flight at a time; should two meet, the last wins.
    const latest = new Map<string, TurnWrite>();
    for (const turn of turns) latest.set(turn.conversation.key, turn);
    for (const group of chunks([...latest.values()], MAX_ROWS_PER_INSERT)) {
      st.push({
        sql: `INSERT INTO conversations (key, channel, address, machine_version, snapshot, recent_message_ids, created_at, updated_at)
           VALUES ${placeholders(group.length, 8)}
           ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, address = excluded.address,
             machine_version = excluded.machine_version, snapshot = excluded.snapshot,
             recent_message_ids = excluded.recent_message_ids, updated_at = excluded.updated_at`,
        params: group.flatMap((t) => [
          t.conversation.key,
          t.conversation.channel,
          t.conversation.address,
          t.conversation.machineVersion,
          JSON.stringify(t.conversation.snapshot),
          JSON.stringify(t.conversation.recentMessageIds),
          t.at,
          t.at,
        ]),
      });
    }
    const transcript = turns.flatMap((t) => t.transcript.map((e): SqlValue[] => [t.conversation.key, e.direction, JSON.stringify(e.body), t.at]));
    for (const group of chunks(transcript, MAX_ROWS_PER_INSERT)) {
      st.push({ sql: `INSERT INTO transcript (conversation_key, direction, body, created_at) VALUES ${placeholders(group.length, 4)}`, params: group.flat() });
    }

    // Outbox rows of every item, in item order; their ids are read back in the same order.
    const outbox: { item: number; values: SqlValue[] }[] = [];
    items.forEach((item, i) => {
      if (item.kind === 'turn') {
        const t = item.turn;
        for (const m of t.outbox) {
          outbox.push({ item: i, values: [t.conversation.key, m.channel ?? t.conversation.channel, m.address ?? t.conversation.address, JSON.stringify(m.payload), t.at, t.at] });
        }
      } else if (item.kind === 'outbound') {
        for (const m of item.messages) outbox.push({ item: i, values: [m.conversationKey, m.channel, m.address, JSON.stringify(m.payload), item.at, item.at] });
      }
    });
    if (outbox.length > 0) {
      // The write lock is held (BEGIN IMMEDIATE), so the rows above the mark are exactly this batch's.
      st.push({ sql: "INSERT INTO temp.batch_results (kind, v1) SELECT 'mark', COALESCE(MAX(id), 0) FROM outbox", params: [] });
      for (const group of chunks(outbox, MAX_ROWS_PER_INSERT)) {
        st.push({
          sql: `INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at) VALUES ${placeholders(group.length, 6)}`,
          params: group.flatMap((g) => g.values),
        });
      }
      st.push({
        sql: `INSERT INTO temp.batch_results (kind, v1)
              SELECT 'outbox', id FROM outbox WHERE id > (SELECT v1 FROM temp.batch_results WHERE kind = 'mark') ORDER BY id`,
        params: [],
      });
    }

    const sent = items.flatMap((item) => (item.kind === 'sent' ? item.ids.map((id) => [id, item.at] as const) : []));
    const sentAt = new Map<number, number[]>();
    for (const [id, at] of sent) sentAt.set(at, [...(sentAt.get(at) ?? []), id]);
    for (const [at, ids] of sentAt) {
      for (const group of chunks(ids, MAX_ROWS_PER_INSERT)) {
        st.push({ sql: `UPDATE outbox SET status = 'sent', sent_at = ? WHERE id IN ${inList(group.length)}`, params: [at, ...group] });
      }
    }

    const rows = (await this.db.script(st, READ_RESULTS)) as { kind: string; item: number | null; v1: unknown; v2: unknown; v3: unknown }[];
    const ids = rows.filter((r) => r.kind === 'outbox').map((r) => Number(r.v1));
    if (ids.length !== outbox.length) throw new Error(`Group commit read back ${ids.length} outbox ids for ${outbox.length} messages.`);
    const results: BatchResult[] = items.map((item) => (item.kind === 'turn' || item.kind === 'outbound' ? [] : undefined));
    outbox.forEach((o, n) => (results[o.item] as number[]).push(ids[n]!));
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

/** The statements that number and store one case, link its files and leave its receipt for the caller. */
function caseStatements({ input, prefix, dueAt }: CaseWrite, item: number): Statement[] {
  const sid = input.submissionId;
  const urgent = input.decision.urgent === true;
  const sameDay = input.decision.sameDay === true;
  const files = input.attachments ?? [];
  const isNew = `(SELECT v1 FROM temp.batch_results WHERE kind = 'case_created' AND item = ${item}) > 0`;
  const st: Statement[] = [
    {
      // The day's counter: started from the highest reference of that day, then one up per case.
      sql: `INSERT INTO case_ref_counters (prefix, last)
            SELECT ?, COALESCE((SELECT MAX(CAST(substr(ref, ?) AS INTEGER)) FROM cases WHERE ref LIKE ?), 0) + 1
            WHERE NOT EXISTS (SELECT 1 FROM cases WHERE submission_id = ?)
            ON CONFLICT (prefix) DO UPDATE SET last = last + 1`,
      params: [prefix, prefix.length + 1, `${prefix}%`, sid],
    },
    {
      sql: `INSERT INTO cases (ref, submission_id, conversation_key, channel, address, locale, category, region, route,
              urgent, same_day, facts, decision, policy_version, applicant, description, status, due_at, created_at, updated_at)
            SELECT prefix || printf('%04d', last), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?
            FROM case_ref_counters WHERE prefix = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE submission_id = ?)`,
      params: [
        sid,
        input.conversationKey,
        input.channel,
        input.address,
        input.locale,
        input.facts.category ?? 'other',
        input.facts.region ?? null,
        input.decision.route ?? null,
        urgent ? 1 : 0,
        sameDay ? 1 : 0,
        JSON.stringify(input.facts),
        JSON.stringify(input.decision),
        input.policyVersion,
        JSON.stringify(input.applicant),
        input.description,
        dueAt,
        input.at,
        input.at,
        prefix,
        sid,
      ],
    },
    // changes(): rows inserted by the statement just before, so 1 when this call created the case.
    { sql: `INSERT INTO temp.batch_results (kind, item, v1) VALUES ('case_created', ${item}, changes())`, params: [] },
    {
      sql: `INSERT INTO case_events (ref, action, from_status, to_status, actor, actor_kind, note, details, at)
            SELECT ref, 'submit', NULL, 'new', 'resident', 'resident', NULL, '{}', ? FROM cases WHERE submission_id = ? AND ${isNew}`,
      params: [input.at, sid],
    },
  ];
  for (const file of files) {
    st.push({
      sql: `INSERT INTO attachments (id, conversation_key, file_name, mime_type, size, stored_path, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${isNew} ON CONFLICT (id) DO NOTHING`,
      params: [file.id, input.conversationKey, file.fileName, file.mimeType, file.size, defaultStoredPath(file.id), input.at],
    });
  }
  if (files.length > 0) {
    st.push({
      sql: `UPDATE attachments SET case_ref = (SELECT ref FROM cases WHERE submission_id = ?)
            WHERE case_ref IS NULL AND ${isNew} AND id IN ${inList(files.length)}`,
      params: [sid, ...files.map((f) => f.id)],
    });
  }
  st.push({
    sql: `INSERT INTO temp.batch_results (kind, item, v1, v2) SELECT 'case', ${item}, ref, due_at FROM cases WHERE submission_id = ?`,
    params: [sid],
  });
  return st;
}

function unansweredStatement(q: UnansweredWrite): Statement {
  return {
    sql: `INSERT INTO kb_unanswered (key, locale, text, band, top_topic, best_score, count, first_seen, last_seen)
          VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
          ON CONFLICT (key, locale) DO UPDATE SET count = count + 1, last_seen = excluded.last_seen, text = excluded.text,
            band = excluded.band, top_topic = excluded.top_topic, best_score = MAX(best_score, excluded.best_score)`,
    params: [q.key, q.locale, q.text, q.band, q.topTopic, q.score, q.at, q.at],
  };
}

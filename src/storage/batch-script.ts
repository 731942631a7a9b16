import type { TurnWrite } from '../bot/ports/conversation-repository.js';
import type { NewOutboxMessage } from '../bot/ports/outbox-repository.js';
import { caseColumnsOf, type NewCase } from '../knowledge/cases/case-repository.js';
import { defaultStoredPath } from '../bot/ports/attachment-repository.js';
import { placeholders, type SqlValue, type Statement } from './database.js';
import type { FieldCipher } from './field-cipher.js';
import { inlineSql } from './inline-sql.js';

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

/** An outbox row with its payload as JSON. */
interface EncodedOutbox {
  conversationKey: string;
  channel: string;
  address: string;
  payload: string;
}

/**
 * A {@link BatchItem} with its structured values already JSON text: what the script builder needs,
 * in a form that crosses to a worker thread as plain strings (a cheap copy, and nothing that JSON
 * would drop but a structured clone would refuse).
 */
export type EncodedItem =
  | {
      kind: 'turn';
      key: string;
      channel: string;
      address: string;
      machineVersion: string;
      snapshot: string;
      recentMessageIds: string;
      forget: boolean;
      transcript: { direction: string; body: string }[];
      outbox: EncodedOutbox[];
      at: number;
    }
  | { kind: 'outbound'; outbox: EncodedOutbox[]; at: number }
  | { kind: 'case'; write: EncodedCase }
  | { kind: 'unanswered'; write: UnansweredWrite }
  | { kind: 'sent'; ids: number[]; at: number };

interface EncodedCase {
  submissionId: string;
  conversationKey: string;
  channel: string;
  address: string;
  locale: string;
  category: string;
  region: string | null;
  route: string | null;
  urgent: boolean;
  sameDay: boolean;
  facts: string;
  decision: string;
  policyVersion: string;
  applicant: string;
  description: string;
  files: { id: string; fileName: string; mimeType: string; size: number }[];
  prefix: string;
  dueAt: number | null;
  at: number;
}

/** The item as JSON text where it carries structured values (on the thread that owns the objects). */
export function encodeItem(item: BatchItem): EncodedItem {
  switch (item.kind) {
    case 'turn': {
      const t = item.turn;
      const c = t.conversation;
      return {
        kind: 'turn',
        key: c.key,
        channel: c.channel,
        address: c.address,
        machineVersion: c.machineVersion,
        snapshot: JSON.stringify(c.snapshot),
        recentMessageIds: JSON.stringify(c.recentMessageIds),
        forget: t.forgetTranscript,
        transcript: t.transcript.map((e) => ({ direction: e.direction, body: JSON.stringify(e.body) })),
        outbox: t.outbox.map((m) => ({ conversationKey: c.key, channel: m.channel ?? c.channel, address: m.address ?? c.address, payload: JSON.stringify(m.payload) })),
        at: t.at,
      };
    }
    case 'outbound':
      return {
        kind: 'outbound',
        outbox: item.messages.map((m) => ({ conversationKey: m.conversationKey, channel: m.channel, address: m.address, payload: JSON.stringify(m.payload) })),
        at: item.at,
      };
    case 'case': {
      const { input, prefix, dueAt } = item.write;
      return {
        kind: 'case',
        write: {
          submissionId: input.submissionId,
          conversationKey: input.conversationKey,
          channel: input.channel,
          address: input.address,
          locale: input.locale,
          ...caseColumnsOf(input),
          facts: JSON.stringify(input.facts),
          decision: JSON.stringify(input.decision),
          policyVersion: input.policyVersion,
          applicant: JSON.stringify(input.applicant),
          description: input.description,
          files: (input.attachments ?? []).map((f) => ({ id: f.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size })),
          prefix,
          dueAt,
          at: input.at,
        },
      };
    }
    case 'unanswered':
    case 'sent':
      return item;
  }
}

/** How many outbox rows an item adds (their ids come back in item order). */
export function outboxRowsOf(item: BatchItem): number {
  return item.kind === 'turn' ? item.turn.outbox.length : item.kind === 'outbound' ? item.messages.length : 0;
}

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

/** The name of the check that fails a script whose outbox ids another writer took (in the driver's error message). */
export const OUTBOX_IDS_TAKEN = 'outbox_ids_taken';

/** The query that reads what a batch script left (run right after its COMMIT, in the same hand-off). */
export const READ_RESULTS: Statement = { sql: "SELECT kind, item, v1, v2, v3 FROM temp.batch_results WHERE kind != 'mark' ORDER BY seq", params: [] };

// Fails a script whose outbox ids were taken meanwhile by another writer (see `batchScript`'s `firstOutboxId`).
const GUARD_TABLE = `CREATE TEMP TABLE IF NOT EXISTS batch_guard (
  free INTEGER CONSTRAINT ${OUTBOX_IDS_TAKEN} CHECK (free))`;

/**
 * The group commit's script for a batch, as one text with its values written in as literals: the
 * personal columns sealed (snapshot, transcript body, outbox payload, applicant, description, file
 * names). Pure (no I/O), so it can run on a worker thread beside the conversations.
 *
 * `firstOutboxId`: the batch's outbox rows take the ids from this one up, in item order, and the
 * script reads nothing back for them (one hand-off to the driver less per commit). Should any id
 * from there up have been given already (by another writer: a staff action's transaction, another
 * process), the script fails with {@link OUTBOX_IDS_TAKEN} and writes nothing. Null: the database
 * numbers the rows and the script leaves their ids for {@link READ_RESULTS}.
 */
export function batchScript(items: readonly EncodedItem[], cipher: FieldCipher, firstOutboxId: number | null = null): string {
  return batchStatements(items, cipher, firstOutboxId)
    .map((st) => `${inlineSql(st.sql, st.params)};`)
    .join('\n');
}

function batchStatements(items: readonly EncodedItem[], cipher: FieldCipher, firstOutboxId: number | null): Statement[] {
  const st: Statement[] = [{ sql: RESULTS_TABLE, params: [] }, { sql: 'DELETE FROM temp.batch_results', params: [] }];
  items.forEach((item, i) => {
    if (item.kind === 'case') st.push(...caseStatements(item.write, i, cipher));
  });
  for (const item of items) if (item.kind === 'unanswered') st.push(unansweredStatement(item.write));

  const turns = items.flatMap((item) => (item.kind === 'turn' ? [item] : []));
  const forget = turns.filter((t) => t.forget).map((t) => t.key);
  for (const keys of chunks(forget, MAX_ROWS_PER_INSERT)) {
    // An erasure: everything the conversation held, except a submitted case's record (see docs/privacy.md).
    const list = inList(keys.length);
    st.push(
      { sql: `DELETE FROM transcript WHERE conversation_key IN ${list}`, params: keys },
      { sql: `DELETE FROM outbox WHERE conversation_key IN ${list}`, params: keys },
      { sql: `DELETE FROM attachments WHERE case_ref IS NULL AND conversation_key IN ${list}`, params: keys },
      { sql: `DELETE FROM handoffs WHERE conversation_key IN ${list}`, params: keys },
      { sql: `DELETE FROM staff_chat_messages WHERE case_ref IS NULL AND conversation_key IN ${list}`, params: keys },
      { sql: `DELETE FROM staff_relays WHERE conversation_key IN ${list}`, params: keys },
    );
  }
  // A conversation has one turn in flight at a time; should two meet, the last wins.
  const latest = new Map<string, (typeof turns)[number]>();
  for (const turn of turns) latest.set(turn.key, turn);
  for (const group of chunks([...latest.values()], MAX_ROWS_PER_INSERT)) {
    st.push({
      sql: `INSERT INTO conversations (key, channel, address, machine_version, snapshot, recent_message_ids, created_at, updated_at)
         VALUES ${placeholders(group.length, 8)}
         ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, address = excluded.address,
           machine_version = excluded.machine_version, snapshot = excluded.snapshot,
           recent_message_ids = excluded.recent_message_ids, updated_at = excluded.updated_at`,
      params: group.flatMap((t) => [t.key, t.channel, t.address, t.machineVersion, cipher.seal(t.snapshot), t.recentMessageIds, t.at, t.at]),
    });
  }
  const transcript = turns.flatMap((t) => t.transcript.map((e): SqlValue[] => [t.key, e.direction, cipher.seal(e.body), t.at]));
  for (const group of chunks(transcript, MAX_ROWS_PER_INSERT)) {
    st.push({ sql: `INSERT INTO transcript (conversation_key, direction, body, created_at) VALUES ${placeholders(group.length, 4)}`, params: group.flat() });
  }

  // Outbox rows of every item, in item order; their ids are read back in the same order.
  const outbox = items.flatMap((item) =>
    item.kind === 'turn' || item.kind === 'outbound' ? item.outbox.map((m): SqlValue[] => [m.conversationKey, m.channel, m.address, cipher.seal(m.payload), item.at, item.at]) : [],
  );
  if (outbox.length > 0 && firstOutboxId !== null) {
    // AUTOINCREMENT: sqlite_sequence holds the highest id ever given, so every id above it is free.
    st.push(
      { sql: GUARD_TABLE, params: [] },
      { sql: "INSERT INTO temp.batch_guard (free) SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0) < ?", params: [firstOutboxId] },
      { sql: 'DELETE FROM temp.batch_guard', params: [] },
    );
    let id = firstOutboxId;
    for (const group of chunks(outbox, MAX_ROWS_PER_INSERT)) {
      st.push({
        sql: `INSERT INTO outbox (id, conversation_key, channel, address, payload, next_attempt_at, created_at) VALUES ${placeholders(group.length, 7)}`,
        params: group.flatMap((row) => [id++, ...row]),
      });
    }
  } else if (outbox.length > 0) {
    // The write lock is held (BEGIN IMMEDIATE), so the rows above the mark are exactly this batch's.
    st.push({ sql: "INSERT INTO temp.batch_results (kind, v1) SELECT 'mark', COALESCE(MAX(id), 0) FROM outbox", params: [] });
    for (const group of chunks(outbox, MAX_ROWS_PER_INSERT)) {
      st.push({
        sql: `INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at) VALUES ${placeholders(group.length, 6)}`,
        params: group.flat(),
      });
    }
    st.push({
      sql: `INSERT INTO temp.batch_results (kind, v1)
            SELECT 'outbox', id FROM outbox WHERE id > (SELECT v1 FROM temp.batch_results WHERE kind = 'mark') ORDER BY id`,
      params: [],
    });
  }

  const sentAt = new Map<number, number[]>();
  for (const item of items) if (item.kind === 'sent') sentAt.set(item.at, [...(sentAt.get(item.at) ?? []), ...item.ids]);
  for (const [at, ids] of sentAt) {
    for (const group of chunks(ids, MAX_ROWS_PER_INSERT)) {
      st.push({ sql: `UPDATE outbox SET status = 'sent', sent_at = ? WHERE id IN ${inList(group.length)}`, params: [at, ...group] });
    }
  }
  return st;
}

/** The statements that number and store one case, link its files and leave its receipt for the caller. */
function caseStatements(c: EncodedCase, item: number, cipher: FieldCipher): Statement[] {
  const sid = c.submissionId;
  const isNew = `(SELECT v1 FROM temp.batch_results WHERE kind = 'case_created' AND item = ${item}) > 0`;
  const st: Statement[] = [
    {
      // The day's counter: started from the highest reference of that day, then one up per case.
      sql: `INSERT INTO case_ref_counters (prefix, last)
            SELECT ?, COALESCE((SELECT MAX(CAST(substr(ref, ?) AS INTEGER)) FROM cases WHERE ref LIKE ?), 0) + 1
            WHERE NOT EXISTS (SELECT 1 FROM cases WHERE submission_id = ?)
            ON CONFLICT (prefix) DO UPDATE SET last = last + 1`,
      params: [c.prefix, c.prefix.length + 1, `${c.prefix}%`, sid],
    },
    {
      sql: `INSERT INTO cases (ref, submission_id, conversation_key, channel, address, locale, category, region, route,
              urgent, same_day, facts, decision, policy_version, applicant, description, status, due_at, created_at, updated_at)
            SELECT prefix || printf('%04d', last), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?
            FROM case_ref_counters WHERE prefix = ? AND NOT EXISTS (SELECT 1 FROM cases WHERE submission_id = ?)`,
      params: [
        sid,
        c.conversationKey,
        c.channel,
        c.address,
        c.locale,
        c.category,
        c.region,
        c.route,
        c.urgent ? 1 : 0,
        c.sameDay ? 1 : 0,
        c.facts,
        c.decision,
        c.policyVersion,
        cipher.seal(c.applicant),
        cipher.seal(c.description),
        c.dueAt,
        c.at,
        c.at,
        c.prefix,
        sid,
      ],
    },
    // changes(): rows inserted by the statement just before, so 1 when this call created the case.
    { sql: `INSERT INTO temp.batch_results (kind, item, v1) VALUES ('case_created', ${item}, changes())`, params: [] },
    {
      sql: `INSERT INTO case_events (ref, action, from_status, to_status, actor, actor_kind, note, details, at)
            SELECT ref, 'submit', NULL, 'new', 'resident', 'resident', NULL, '{}', ? FROM cases WHERE submission_id = ? AND ${isNew}`,
      params: [c.at, sid],
    },
  ];
  for (const file of c.files) {
    st.push({
      sql: `INSERT INTO attachments (id, conversation_key, file_name, mime_type, size, stored_path, created_at)
            SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${isNew} ON CONFLICT (id) DO NOTHING`,
      params: [file.id, c.conversationKey, cipher.seal(file.fileName), file.mimeType, file.size, defaultStoredPath(file.id), c.at],
    });
  }
  if (c.files.length > 0) {
    st.push({
      sql: `UPDATE attachments SET case_ref = (SELECT ref FROM cases WHERE submission_id = ?)
            WHERE case_ref IS NULL AND ${isNew} AND id IN ${inList(c.files.length)}`,
      params: [sid, ...c.files.map((f) => f.id)],
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

import type { Database } from './database.js';
import { placeholders, type PipelineStatement } from './database.js';

/** A conversation as stored: which machine version wrote the snapshot, and recent channel message ids for de-duplication. */
export interface StoredConversation {
  key: string;
  channel: string;
  address: string;
  machineVersion: string;
  snapshot: unknown;
  recentMessageIds: string[];
  /** When the conversation last changed (ms since epoch); 0 for one not yet stored. */
  updatedAt: number;
}

/** Everything one processed message changes, written in a single transaction. */
export interface TurnWrite {
  conversation: StoredConversation;
  /**
   * Erase what the conversation held before writing this turn (the resident asked to be forgotten):
   * its transcript, its outbox rows, its files' records not part of a submitted case, its hand-off state.
   */
  forgetTranscript: boolean;
  transcript: { direction: 'in' | 'out'; body: unknown }[];
  /** Messages to send; without a channel and address they go back to the conversation's own. */
  outbox: { payload: unknown; channel?: string; address?: string }[];
  at: number;
}

/** One outbound message waiting in the outbox. */
export interface OutboxRow {
  id: number;
  conversationKey: string;
  channel: string;
  address: string;
  payload: unknown;
  attempts: number;
  createdAt: number;
}

export interface TranscriptEntry {
  id: number;
  direction: 'in' | 'out';
  body: unknown;
  createdAt: number;
}

function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

function parseIds(text: string): string[] {
  const value = parseJson(text, []);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

// SQLite accepts 32766 bound values; stay well below.
const MAX_ROWS_PER_INSERT = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Conversations, transcript and outbox: the SQL behind the conversation runner. */
export class ConversationStore {
  constructor(private readonly db: Database) {}

  async load(key: string): Promise<StoredConversation | undefined> {
    const row = await this.db.get<{
      key: string;
      channel: string;
      address: string;
      machine_version: string;
      snapshot: string;
      recent_message_ids: string;
      updated_at: number;
    }>('SELECT key, channel, address, machine_version, snapshot, recent_message_ids, updated_at FROM conversations WHERE key = ?', [key]);
    if (!row) return undefined;
    return {
      key: row.key,
      channel: row.channel,
      address: row.address,
      machineVersion: row.machine_version,
      snapshot: parseJson(row.snapshot, undefined),
      recentMessageIds: parseIds(row.recent_message_ids),
      updatedAt: row.updated_at,
    };
  }

  /**
   * Writes many turns (from many conversations) in one transaction and returns, for each turn,
   * the outbox ids of its messages in order. Several statements cover the whole batch, so the
   * cost of a commit is shared by every resident whose message is in it.
   */
  async commitTurns(turns: TurnWrite[]): Promise<number[][]> {
    const statements: PipelineStatement[] = [];
    const forget = turns.filter((t) => t.forgetTranscript).map((t) => t.conversation.key);
    for (const keys of chunks(forget, MAX_ROWS_PER_INSERT)) {
      const list = keys.map(() => '?').join(', ');
      statements.push(
        { sql: `DELETE FROM transcript WHERE conversation_key IN (${list})`, params: keys },
        { sql: `DELETE FROM outbox WHERE conversation_key IN (${list})`, params: keys },
        { sql: `DELETE FROM attachments WHERE case_ref IS NULL AND conversation_key IN (${list})`, params: keys },
        { sql: `DELETE FROM handoffs WHERE conversation_key IN (${list})`, params: keys },
        { sql: `DELETE FROM staff_chat_messages WHERE case_ref IS NULL AND conversation_key IN (${list})`, params: keys },
      );
    }

    // The last write of a conversation in this batch wins.
    const latest = new Map<string, TurnWrite>();
    for (const turn of turns) latest.set(turn.conversation.key, turn);
    for (const group of chunks([...latest.values()], MAX_ROWS_PER_INSERT)) {
      statements.push({
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

    const transcript = turns.flatMap((t) =>
      t.transcript.map((e) => [t.conversation.key, e.direction, JSON.stringify(e.body), t.at] as const),
    );
    for (const group of chunks(transcript, MAX_ROWS_PER_INSERT)) {
      statements.push({
        sql: `INSERT INTO transcript (conversation_key, direction, body, created_at) VALUES ${placeholders(group.length, 4)}`,
        params: group.flat(),
      });
    }

    const outbox = turns.flatMap((t, turnIndex) =>
      t.outbox.map((m) => ({
        turnIndex,
        values: [t.conversation.key, m.channel ?? t.conversation.channel, m.address ?? t.conversation.address, JSON.stringify(m.payload), t.at, t.at],
      })),
    );
    const outboxGroups = chunks(outbox, MAX_ROWS_PER_INSERT);
    const firstOutbox = statements.length;
    for (const group of outboxGroups) {
      statements.push({
        sql: `INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at)
           VALUES ${placeholders(group.length, 6)} RETURNING id`,
        params: group.flatMap((g) => g.values),
        rows: true,
      });
    }

    const results = await this.db.pipeline(statements);
    const ids: number[][] = turns.map(() => []);
    outboxGroups.forEach((group, g) => {
      // RETURNING gives rows in insertion order.
      (results[firstOutbox + g] as { id: number }[]).forEach((row, i) => ids[group[i]!.turnIndex]!.push(row.id));
    });
    return ids;
  }

  async delete(key: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM transcript WHERE conversation_key = ?', [key]);
      await tx.run('DELETE FROM conversations WHERE key = ?', [key]);
    });
  }

  /** The most recent transcript entries of a conversation, oldest first. */
  async recentTranscript(key: string, limit: number): Promise<TranscriptEntry[]> {
    const rows = await this.db.all<{ id: number; direction: 'in' | 'out'; body: string; created_at: number }>(
      'SELECT id, direction, body, created_at FROM transcript WHERE conversation_key = ? ORDER BY id DESC LIMIT ?',
      [key, limit],
    );
    return rows.reverse().map((r) => ({ id: r.id, direction: r.direction, body: parseJson(r.body, null), createdAt: r.created_at }));
  }

  /** One outbox message by id, sent or not: whom it was for and what it carried. */
  async outboxMessage(id: number): Promise<{ conversationKey: string; payload: unknown } | undefined> {
    const row = await this.db.get<{ conversation_key: string; payload: string }>('SELECT conversation_key, payload FROM outbox WHERE id = ?', [id]);
    return row ? { conversationKey: row.conversation_key, payload: parseJson(row.payload, null) } : undefined;
  }

  /** Outbox messages not yet sent, oldest first. */
  async pendingOutbox(limit = 1000): Promise<OutboxRow[]> {
    const rows = await this.db.all<{ id: number; conversation_key: string; channel: string; address: string; payload: string; attempts: number; created_at: number }>(
      "SELECT id, conversation_key, channel, address, payload, attempts, created_at FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?",
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      conversationKey: r.conversation_key,
      channel: r.channel,
      address: r.address,
      payload: parseJson(r.payload, null),
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  /**
   * Of `candidates` (file ids a conversation's snapshot refers to) and the files recorded for the
   * conversation, those that are not part of a submitted case: what an erasure deletes.
   */
  async attachmentsToErase(key: string, candidates: readonly string[]): Promise<string[]> {
    const recorded = await this.db.all<{ id: string }>('SELECT id FROM attachments WHERE conversation_key = ? AND case_ref IS NULL', [key]);
    const linked =
      candidates.length === 0
        ? []
        : await this.db.all<{ id: string }>(`SELECT id FROM attachments WHERE case_ref IS NOT NULL AND id IN (${candidates.map(() => '?').join(', ')})`, [...candidates]);
    const kept = new Set(linked.map((r) => r.id));
    return [...new Set([...candidates.filter((id) => !kept.has(id)), ...recorded.map((r) => r.id)])];
  }

  /** Moves the write-ahead log into the database file and empties it, so erased rows leave no copy there. */
  async compact(): Promise<void> {
    await this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  /** One conversation's messages not yet sent, oldest first (indexed by conversation, migration 007). */
  async pendingOutboxFor(key: string, limit = 500): Promise<OutboxRow[]> {
    const rows = await this.db.all<{ id: number; conversation_key: string; channel: string; address: string; payload: string; attempts: number; created_at: number }>(
      "SELECT id, conversation_key, channel, address, payload, attempts, created_at FROM outbox WHERE conversation_key = ? AND status = 'pending' ORDER BY id LIMIT ?",
      [key, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      conversationKey: r.conversation_key,
      channel: r.channel,
      address: r.address,
      payload: parseJson(r.payload, null),
      attempts: r.attempts,
      createdAt: r.created_at,
    }));
  }

  /** Marks messages sent. Survives a crash of the process (no fsync): a power cut may re-send a few. */
  async markSent(ids: number[], at: number): Promise<void> {
    await this.db.relaxed(
      chunks(ids, MAX_ROWS_PER_INSERT).map((group) => ({
        sql: `UPDATE outbox SET status = 'sent', sent_at = ? WHERE id IN (${group.map(() => '?').join(', ')})`,
        params: [at, ...group],
      })),
    );
  }

  async recordAttempt(id: number, attempts: number, nextAttemptAt: number, failed: boolean): Promise<void> {
    await this.db.run('UPDATE outbox SET attempts = ?, next_attempt_at = ?, status = ? WHERE id = ?', [
      attempts,
      nextAttemptAt,
      failed ? 'failed' : 'pending',
      id,
    ]);
  }

  /** Adds messages that did not come from a machine turn (staff relays, notifications); returns their ids. */
  async enqueueOutbound(messages: { conversationKey: string; channel: string; address: string; payload: unknown }[], at: number): Promise<number[]> {
    if (messages.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const group of chunks(messages, MAX_ROWS_PER_INSERT)) {
        const rows = await tx.all<{ id: number }>(
          `INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at)
           VALUES ${placeholders(group.length, 6)} RETURNING id`,
          group.flatMap((m) => [m.conversationKey, m.channel, m.address, JSON.stringify(m.payload), at, at]),
        );
        ids.push(...rows.map((r) => r.id));
      }
      return ids;
    });
  }
}

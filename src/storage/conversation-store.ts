import type { ConversationRepository, StoredConversation, TranscriptEntry, TurnWrite } from '../bot/ports/conversation-repository.js';
import type { NewOutboxMessage, OutboxRepository, OutboxRow } from '../bot/ports/outbox-repository.js';
import type { Database } from './database.js';
import { placeholders } from './database.js';
import { BatchWriter } from './batch-writer.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';

export type { StoredConversation, TranscriptEntry, TurnWrite } from '../bot/ports/conversation-repository.js';
export type { OutboxRow } from '../bot/ports/outbox-repository.js';

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

interface OutboxSqlRow {
  id: number;
  conversation_key: string;
  channel: string;
  address: string;
  payload: string;
  attempts: number;
  created_at: number;
}

function outboxRow(r: OutboxSqlRow, cipher: FieldCipher): OutboxRow {
  return {
    id: r.id,
    conversationKey: r.conversation_key,
    channel: r.channel,
    address: r.address,
    payload: parseJson(cipher.open(r.payload), null),
    attempts: r.attempts,
    createdAt: r.created_at,
  };
}

/** Conversations, transcript and outbox: the SQL behind the conversation runner. */
export class ConversationStore implements ConversationRepository, OutboxRepository {
  /** `writer`: the group commit shared with the other stores of the same database. */
  constructor(
    private readonly db: Database,
    private readonly writer = new BatchWriter(db),
    private readonly cipher: FieldCipher = PLAIN,
  ) {}

  /** Writes one turn; concurrent turns (and cases, sent marks…) share one transaction and one fsync. */
  async commitTurn(turn: TurnWrite): Promise<number[]> {
    return (await this.writer.submit({ kind: 'turn', turn })) as number[];
  }

  idle(): Promise<void> {
    return this.writer.idle();
  }

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
      snapshot: parseJson(this.cipher.open(row.snapshot), undefined),
      recentMessageIds: parseIds(row.recent_message_ids),
      updatedAt: row.updated_at,
    };
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
    return rows.reverse().map((r) => ({ id: r.id, direction: r.direction, body: parseJson(this.cipher.open(r.body), null), createdAt: r.created_at }));
  }

  /** One outbox message by id, sent or not: whom it was for and what it carried. */
  async outboxMessage(id: number): Promise<{ conversationKey: string; payload: unknown } | undefined> {
    const row = await this.db.get<{ conversation_key: string; payload: string }>('SELECT conversation_key, payload FROM outbox WHERE id = ?', [id]);
    return row ? { conversationKey: row.conversation_key, payload: parseJson(this.cipher.open(row.payload), null) } : undefined;
  }

  /** Outbox messages not yet sent, oldest first. */
  async pendingOutbox(limit = 1000): Promise<OutboxRow[]> {
    const rows = await this.db.all<OutboxSqlRow>(
      "SELECT id, conversation_key, channel, address, payload, attempts, created_at FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?",
      [limit],
    );
    return rows.map((r) => outboxRow(r, this.cipher));
  }

  /** One conversation's messages not yet sent, oldest first (indexed by conversation, migration 007). */
  async pendingOutboxFor(key: string, limit = 500): Promise<OutboxRow[]> {
    const rows = await this.db.all<OutboxSqlRow>(
      "SELECT id, conversation_key, channel, address, payload, attempts, created_at FROM outbox WHERE conversation_key = ? AND status = 'pending' ORDER BY id LIMIT ?",
      [key, limit],
    );
    return rows.map((r) => outboxRow(r, this.cipher));
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

  /** Marks messages sent, with the next group commit (no commit of its own, no change of pragmas). */
  async markSent(ids: number[], at: number): Promise<void> {
    if (ids.length > 0) await this.writer.submit({ kind: 'sent', ids, at });
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
  async enqueueOutbound(messages: NewOutboxMessage[], at: number): Promise<number[]> {
    if (messages.length === 0) return [];
    return (await this.writer.submit({ kind: 'outbound', messages, at })) as number[];
  }
}

/** Adds outbox messages inside a transaction already open (a case transition); returns their ids in order. */
export async function insertOutboundIn(tx: Database, messages: NewOutboxMessage[], at: number, cipher: FieldCipher = PLAIN): Promise<number[]> {
  const ids: number[] = [];
  for (const group of chunks(messages, MAX_ROWS_PER_INSERT)) {
    const rows = await tx.all<{ id: number }>(
      `INSERT INTO outbox (conversation_key, channel, address, payload, next_attempt_at, created_at)
       VALUES ${placeholders(group.length, 6)} RETURNING id`,
      group.flatMap((m) => [m.conversationKey, m.channel, m.address, cipher.seal(JSON.stringify(m.payload)), at, at]),
    );
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

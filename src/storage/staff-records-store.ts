import type {
  AuditEntry,
  AuditLog,
  CannedReply,
  CannedReplyRepository,
  CaseNote,
  NoteRepository,
  RelayRepository,
  StoredRelay,
} from '../staff/staff-ports.js';
import { RESIDENT_NOTE_AUTHOR } from '../staff/staff-ports.js';
import type { Database } from './database.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';

function parseObject(text: string | null): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text ?? '{}');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The audit log: who (account id) did or was refused what, to which case or account, when. */
export class AuditStore implements AuditLog {
  constructor(private readonly db: Database) {}

  async record(e: Omit<AuditEntry, 'id'>): Promise<void> {
    await this.db.run('INSERT INTO audit_log (at, account_id, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      e.at,
      e.accountId,
      e.action,
      e.target,
      e.outcome,
      e.detail,
    ]);
  }

  async list(filter: { accountId?: number; action?: string; target?: string; before?: number; limit?: number }): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.accountId !== undefined) (where.push('account_id = ?'), params.push(filter.accountId));
    if (filter.action) (where.push('action = ?'), params.push(filter.action));
    if (filter.target) (where.push('target = ?'), params.push(filter.target));
    if (filter.before !== undefined) (where.push('id < ?'), params.push(filter.before));
    const rows = await this.db.all<{ id: number; at: number; account_id: number | null; action: string; target: string | null; outcome: 'ok' | 'refused'; detail: string | null }>(
      `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      [...params, Math.min(filter.limit ?? 100, 1000)],
    );
    return rows.map((r) => ({ id: r.id, at: r.at, accountId: r.account_id, action: r.action, target: r.target, outcome: r.outcome, detail: r.detail }));
  }
}

/** Internal notes on cases: staff only, never sent to the resident. */
export class CaseNoteStore implements NoteRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher = PLAIN,
  ) {}

  async add(note: Omit<CaseNote, 'id'>): Promise<CaseNote> {
    const { lastID } = await this.db.run('INSERT INTO case_notes (ref, account_id, author, text, at) VALUES (?, ?, ?, ?, ?)', [
      note.ref,
      note.accountId,
      note.author,
      this.cipher.seal(note.text),
      note.at,
    ]);
    return { ...note, id: lastID };
  }

  async forCase(ref: string): Promise<CaseNote[]> {
    const rows = await this.db.all<{ id: number; ref: string; account_id: number | null; author: string; text: string; at: number }>(
      'SELECT * FROM case_notes WHERE ref = ? ORDER BY id',
      [ref],
    );
    return rows.map((r) => ({ id: r.id, ref: r.ref, accountId: r.account_id, author: r.author, text: this.cipher.open(r.text), at: r.at }));
  }

  async unseenFromResident(refs: readonly string[]): Promise<Map<string, number>> {
    if (refs.length === 0) return new Map();
    const rows = await this.db.all<{ ref: string; n: number }>(
      `SELECT ref, COUNT(*) AS n FROM case_notes WHERE author = ? AND seen_at IS NULL AND ref IN (${refs.map(() => '?').join(', ')}) GROUP BY ref`,
      [RESIDENT_NOTE_AUTHOR, ...refs],
    );
    return new Map(rows.map((r) => [r.ref, r.n]));
  }

  async markResidentNotesSeen(ref: string, at: number): Promise<void> {
    await this.db.run('UPDATE case_notes SET seen_at = ? WHERE ref = ? AND author = ? AND seen_at IS NULL', [at, ref, RESIDENT_NOTE_AUTHOR]);
  }
}

/** Canned replies supervisors keep for live conversations. */
export class CannedReplyStore implements CannedReplyRepository {
  constructor(private readonly db: Database) {}

  async list(): Promise<CannedReply[]> {
    const rows = await this.db.all<{ id: number; title: string; text: string; locale: string; updated_at: number }>(
      'SELECT * FROM canned_replies ORDER BY locale, title, id',
    );
    return rows.map((r) => ({ id: r.id, title: r.title, text: r.text, locale: r.locale, updatedAt: r.updated_at }));
  }

  async create(input: { title: string; text: string; locale: string; by: number | null; at: number }): Promise<CannedReply> {
    const { lastID } = await this.db.run('INSERT INTO canned_replies (title, text, locale, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)', [
      input.title,
      input.text,
      input.locale,
      input.by,
      input.at,
    ]);
    return { id: lastID, title: input.title, text: input.text, locale: input.locale, updatedAt: input.at };
  }

  async update(id: number, input: { title: string; text: string; locale: string; by: number | null; at: number }): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE canned_replies SET title = ?, text = ?, locale = ?, updated_by = ?, updated_at = ? WHERE id = ?', [
      input.title,
      input.text,
      input.locale,
      input.by,
      input.at,
      id,
    ]);
    return changes > 0;
  }

  async delete(id: number): Promise<boolean> {
    const { changes } = await this.db.run('DELETE FROM canned_replies WHERE id = ?', [id]);
    return changes > 0;
  }
}

/** What resident conversations relayed to staff, kept for the console's live view. */
export class StaffRelayStore implements RelayRepository {
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher = PLAIN,
  ) {}

  async add(input: { conversationKey: string; kind: string; body: Record<string, unknown>; outboxId: number | null; at: number }): Promise<boolean> {
    const { changes } = await this.db.run(
      'INSERT INTO staff_relays (conversation_key, kind, body, outbox_id, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [input.conversationKey, input.kind, this.cipher.seal(JSON.stringify(input.body)), input.outboxId, input.at],
    );
    return changes > 0;
  }

  async forConversation(key: string, kinds?: readonly string[]): Promise<StoredRelay[]> {
    const filter = kinds ? ` AND kind IN (${kinds.map(() => '?').join(', ')})` : '';
    const rows = await this.db.all<RelayRow>(`SELECT * FROM staff_relays WHERE conversation_key = ?${filter} ORDER BY id`, [key, ...(kinds ?? [])]);
    return rows.map((r) => relayFromRow(r, this.cipher));
  }

  async recent(kinds: readonly string[], since: number): Promise<StoredRelay[]> {
    const rows = await this.db.all<RelayRow>(
      `SELECT * FROM staff_relays WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND at >= ? ORDER BY id DESC LIMIT 200`,
      [...kinds, since],
    );
    return rows.map((r) => relayFromRow(r, this.cipher));
  }
}

interface RelayRow {
  id: number;
  conversation_key: string;
  kind: string;
  body: string;
  at: number;
}

function relayFromRow(r: RelayRow, cipher: FieldCipher): StoredRelay {
  return { id: r.id, conversationKey: r.conversation_key, kind: r.kind, body: parseObject(cipher.open(r.body)), at: r.at };
}

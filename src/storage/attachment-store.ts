import type { Database } from './database.js';
import { PLAIN, type FieldCipher } from './field-cipher.js';

import {
  defaultStoredPath,
  type AttachmentMeta,
  type AttachmentRepository,
  type StoredAttachment,
} from '../bot/ports/attachment-repository.js';

export { defaultStoredPath, type AttachmentMeta, type StoredAttachment } from '../bot/ports/attachment-repository.js';

interface AttachmentRow {
  id: string;
  conversation_key: string;
  case_ref: string | null;
  file_name: string;
  mime_type: string;
  size: number;
  stored_path: string;
  created_at: number;
}

const COLUMNS = 'id, conversation_key, case_ref, file_name, mime_type, size, stored_path, created_at';

function fromRow(row: AttachmentRow, cipher: FieldCipher): StoredAttachment {
  return {
    id: row.id,
    conversationKey: row.conversation_key,
    caseRef: row.case_ref,
    fileName: cipher.open(row.file_name),
    mimeType: row.mime_type,
    size: row.size,
    storedPath: row.stored_path,
    createdAt: row.created_at,
  };
}

/** Metadata of residents' files and the cases they belong to; the files themselves stay on disk. */
export class AttachmentStore implements AttachmentRepository {
  /** `cipher`: seals the file name (residents name files after themselves). */
  constructor(
    private readonly db: Database,
    private readonly cipher: FieldCipher = PLAIN,
  ) {}

  /** Records a saved file. Recording the same id again changes nothing. */
  async record(meta: AttachmentMeta): Promise<void> {
    await this.db.run(
      `INSERT INTO attachments (id, conversation_key, file_name, mime_type, size, stored_path, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [meta.id, meta.conversationKey, this.cipher.seal(meta.fileName), meta.mimeType, meta.size, meta.storedPath ?? defaultStoredPath(meta.id), meta.createdAt],
    );
  }

  /**
   * Links attachments to a case; returns how many were linked. An attachment already linked to a
   * case stays with it: a file belongs to one application.
   */
  async linkToCase(ids: readonly string[], ref: string): Promise<number> {
    if (ids.length === 0) return 0;
    const { changes } = await this.db.run(
      `UPDATE attachments SET case_ref = ? WHERE case_ref IS NULL AND id IN (${ids.map(() => '?').join(', ')})`,
      [ref, ...ids],
    );
    return changes;
  }

  async get(id: string): Promise<StoredAttachment | undefined> {
    const row = await this.db.get<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`, [id]);
    return row ? fromRow(row, this.cipher) : undefined;
  }

  /** A case's attachments, oldest first. */
  async forCase(ref: string): Promise<StoredAttachment[]> {
    const rows = await this.db.all<AttachmentRow>(`SELECT ${COLUMNS} FROM attachments WHERE case_ref = ? ORDER BY created_at, id`, [ref]);
    return rows.map((r) => fromRow(r, this.cipher));
  }

  async countForCasesSince(since: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    if (since.size === 0) return new Map();
    // One statement for any number of cases: the (ref, time) pairs travel as one JSON array.
    const rows = await this.db.all<{ ref: string; n: number }>(
      `SELECT a.case_ref AS ref, COUNT(*) AS n
         FROM json_each(?) AS wanted
         JOIN attachments a ON a.case_ref = json_extract(wanted.value, '$[0]') AND a.created_at >= json_extract(wanted.value, '$[1]')
        GROUP BY a.case_ref`,
      [JSON.stringify([...since])],
    );
    return new Map(rows.map((r) => [r.ref, r.n]));
  }

  /** How many files were recorded for a conversation since `since` (ms): its upload quota. */
  async countSince(conversationKey: string, since: number): Promise<number> {
    const row = await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM attachments WHERE conversation_key = ? AND created_at >= ?', [conversationKey, since]);
    return row?.n ?? 0;
  }

  /** A conversation's attachments not yet part of a case, oldest first. */
  async unlinked(conversationKey: string): Promise<StoredAttachment[]> {
    const rows = await this.db.all<AttachmentRow>(
      `SELECT ${COLUMNS} FROM attachments WHERE conversation_key = ? AND case_ref IS NULL ORDER BY created_at, id`,
      [conversationKey],
    );
    return rows.map((r) => fromRow(r, this.cipher));
  }
}

import { AttachmentStore, defaultStoredPath } from './attachment-store.js';
import type { Database } from './database.js';

/** A file a resident sent outside an application, as the channel saved it. */
export interface ResidentFile {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * Files residents send in answer to a materials request (一次性告知, LAL 43): recorded and linked to the
 * conversation's case that awaits materials, in one transaction, so staff see them on the case.
 */
export class CaseMaterialsStore {
  constructor(private readonly db: Database) {}

  /**
   * Links `file` to the newest case of `conversationKey` waiting for materials; returns its ref, or
   * `undefined` (and records nothing) when no case of the conversation is waiting for materials.
   */
  async attachToAwaitingCase(conversationKey: string, file: ResidentFile, at: number): Promise<string | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ ref: string }>(
        `SELECT ref FROM cases WHERE conversation_key = ? AND status = 'materials_requested' ORDER BY created_at DESC, ref DESC LIMIT 1`,
        [conversationKey],
      );
      if (!row) return undefined;
      const attachments = new AttachmentStore(tx);
      await attachments.record({ ...file, conversationKey, storedPath: defaultStoredPath(file.id), createdAt: at });
      await attachments.linkToCase([file.id], row.ref);
      return row.ref;
    });
  }
}

import { defaultStoredPath, type AttachmentMeta, type AttachmentRepository, type StoredAttachment } from '../../bot/ports/attachment-repository.js';

const byCreated = (a: StoredAttachment, b: StoredAttachment) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/** Attachment metadata in memory. */
export class MemoryAttachments implements AttachmentRepository {
  private readonly rows = new Map<string, StoredAttachment>();

  async record(meta: AttachmentMeta): Promise<void> {
    if (!this.rows.has(meta.id)) this.rows.set(meta.id, { ...meta, storedPath: meta.storedPath ?? defaultStoredPath(meta.id), caseRef: null });
  }

  async linkToCase(ids: readonly string[], ref: string): Promise<number> {
    let linked = 0;
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row && row.caseRef === null) {
        row.caseRef = ref;
        linked++;
      }
    }
    return linked;
  }

  async get(id: string): Promise<StoredAttachment | undefined> {
    const row = this.rows.get(id);
    return row ? { ...row } : undefined;
  }

  async forCase(ref: string): Promise<StoredAttachment[]> {
    return [...this.rows.values()].filter((r) => r.caseRef === ref).sort(byCreated);
  }

  async countForCasesSince(since: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const row of this.rows.values()) {
      const from = row.caseRef === null ? undefined : since.get(row.caseRef);
      if (from !== undefined && row.createdAt >= from) counts.set(row.caseRef!, (counts.get(row.caseRef!) ?? 0) + 1);
    }
    return counts;
  }

  async countSince(conversationKey: string, since: number): Promise<number> {
    return [...this.rows.values()].filter((r) => r.conversationKey === conversationKey && r.createdAt >= since).length;
  }

  async unlinked(conversationKey: string): Promise<StoredAttachment[]> {
    return [...this.rows.values()].filter((r) => r.conversationKey === conversationKey && r.caseRef === null).sort(byCreated);
  }
}

/** A file a resident sent, as a channel saved it under the data folder. */
export interface AttachmentMeta {
  /** The random id the channel stored the file under. */
  id: string;
  conversationKey: string;
  /** The resident's own name for the file: show it, never use it as a path. */
  fileName: string;
  mimeType: string;
  size: number;
  /** Relative to the data folder; defaults to `attachments/<id>`. */
  storedPath?: string;
  createdAt: number;
}

/** An attachment as stored, with the case it belongs to once the application is submitted. */
export interface StoredAttachment extends Required<AttachmentMeta> {
  caseRef: string | null;
}

/** The default place of an attachment, relative to the data folder. */
export function defaultStoredPath(id: string): string {
  return `attachments/${id}`;
}

/** Metadata of residents' files and the cases they belong to; the files themselves stay on disk. */
export interface AttachmentRepository {
  /** Records a saved file. Recording the same id again changes nothing. */
  record(meta: AttachmentMeta): Promise<void>;
  /** Links attachments to a case; returns how many were linked. One already linked stays with its case. */
  linkToCase(ids: readonly string[], ref: string): Promise<number>;
  get(id: string): Promise<StoredAttachment | undefined>;
  /** A case's attachments, oldest first. */
  forCase(ref: string): Promise<StoredAttachment[]>;
  /**
   * How many files each case received at or after its own time (ms), in one read: the files residents
   * sent since staff asked for materials. Cases with none are left out.
   */
  countForCasesSince(since: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** A conversation's attachments not yet part of a case, oldest first. */
  unlinked(conversationKey: string): Promise<StoredAttachment[]>;
  /** How many files were recorded for a conversation since `since` (ms): its upload quota. */
  countSince(conversationKey: string, since: number): Promise<number>;
}

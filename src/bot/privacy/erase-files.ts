import type { Logger } from 'pino';
import type { ConversationRepository } from '../ports/conversation-repository.js';
import { removeUpload } from '../save-attachment.js';

/**
 * The file half of an erasure, once the rows are gone: deletes the resident's files and compacts the
 * database so no copy of the erased rows stays in its write-ahead log. A failure is logged (without
 * names) and left to the daily purge, which deletes files no record refers to.
 */
export async function eraseFiles(dir: string, attachmentIds: readonly string[], store: ConversationRepository, logger: Logger): Promise<void> {
  const results = await Promise.allSettled(attachmentIds.map((id) => removeUpload(dir, id)));
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed > 0) logger.warn({ files: attachmentIds.length, failed }, 'some erased files could not be deleted yet');
  await store.compact().catch((error: unknown) => logger.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'could not compact after an erasure'));
}

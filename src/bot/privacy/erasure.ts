import type { ConversationEvent } from '../../flows/conversation-machine.js';
import { ERASE_CONFIRM } from '../../flows/erase-choices.js';
import type { ConversationRepository } from '../ports/conversation-repository.js';

/** The resident confirmed "delete my records" (the conversation machine asked once). */
export function isErasure(event: ConversationEvent): boolean {
  return event.type === 'user.choice' && event.id === ERASE_CONFIRM;
}

const ATTACHMENT_ID = /^[0-9a-f]{32}$/;

/** Ids of the files a stored snapshot refers to (an application's documents not yet submitted, in any child machine). */
export function attachmentIdsIn(snapshot: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 40 || typeof snapshot !== 'object' || snapshot === null) return found;
  if (Array.isArray(snapshot)) {
    for (const item of snapshot) attachmentIdsIn(item, found, depth + 1);
    return found;
  }
  const value = snapshot as Record<string, unknown>;
  if (typeof value.id === 'string' && ATTACHMENT_ID.test(value.id) && typeof value.mimeType === 'string' && typeof value.fileName === 'string') {
    found.add(value.id);
  }
  for (const child of Object.values(value)) attachmentIdsIn(child, found, depth + 1);
  return found;
}

/**
 * The files an erasure deletes: those the conversation's snapshot refers to and those recorded for it,
 * except files of a submitted application (the legal aid centre's record).
 */
export async function erasableFiles(store: ConversationRepository, key: string, snapshot: unknown): Promise<string[]> {
  return store.attachmentsToErase(key, [...attachmentIdsIn(snapshot)]);
}

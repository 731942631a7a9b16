import type { LinkCodeState } from '../../knowledge/cases/case-link-rules.js';

/** The one-time codes that link a case to another conversation, and the link itself (SQLite: `src/storage/case-link-store.ts`). */
export interface CaseLinkRepository {
  get(ref: string): Promise<LinkCodeState | undefined>;
  /** Stores a newly issued code for `state.ref`, replacing the previous one; drops codes long dead. */
  put(state: LinkCodeState): Promise<void>;
  /** Records the outcome of a try. */
  update(ref: string, next: Pick<LinkCodeState, 'attempts' | 'lockedUntil' | 'usedAt'>): Promise<void>;
  /** Moves the case to another conversation: its status and notices go there from now on. */
  relink(ref: string, to: { conversationKey: string; channel: string; address: string }, at: number): Promise<boolean>;
}

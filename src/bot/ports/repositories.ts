import type { CaseRepository } from '../../knowledge/cases/case-repository.js';
import type { CaseRules } from '../../knowledge/cases/case-lifecycle.js';
import type { KnowledgeRepository } from '../../knowledge/faq/knowledge-repository.js';
import type { StaffChatRepository } from '../staff/staff-chat-repository.js';
import type { AttachmentRepository } from './attachment-repository.js';
import type { ConversationRepository } from './conversation-repository.js';
import type { OutboxRepository } from './outbox-repository.js';
import type { StaffRepositories } from '../../staff/staff-ports.js';
import type { WechatHeldRepository } from '../wechat/wechat-held-repository.js';

/**
 * Everything the bot keeps, behind one interface per repository. `openRepositories` (SQLite, in
 * `src/storage`) and `openMemoryRepositories` (in memory, for the benchmark's logic figure) build it;
 * the app is wired to this interface only, so another implementation (PostgreSQL) plugs in here.
 */
export interface Repositories {
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  attachments: AttachmentRepository;
  staffChat: StaffChatRepository;
  knowledge: KnowledgeRepository;
  /** WeChat replies waiting for the 48-hour window to open again. */
  wechatHeld: WechatHeldRepository;
  /** Cases dated and numbered by `rules` (the policy pack, or a getter for one that reloads). */
  cases(rules?: CaseRules | (() => CaseRules)): CaseRepository;
  /** Accounts, sessions, audit, notes, canned replies… of the staff console; absent where there is no console (the benchmark's memory store). */
  staff?: StaffRepositories;
  /** Resolves when every write submitted so far is durable (or failed). */
  idle(): Promise<void>;
  /** Finishes pending writes and closes the store. */
  close(): Promise<void>;
}

import type { Migration } from './migration.js';
import { conversationsMigration } from './001-conversations.js';
import { casesMigration } from './002-cases.js';
import { knowledgeBaseMigration } from './003-knowledge-base.js';
import { handoffsMigration } from './004-handoffs.js';
import { privacyMigration } from './007-privacy.js';
import { caseRefCountersMigration } from './005-case-ref-counters.js';
import { staffConsoleMigration } from './006-staff-console.js';
import { wechatHeldMigration } from './008-wechat-held.js';
import { caseLinkCodesMigration } from './009-case-link-codes.js';
import { staffDisplayNameMigration } from './015-staff-display-name.js';
import { outboxIndexesMigration } from './016-outbox-indexes.js';
import { staffChatByCaseMigration } from './017-staff-chat-by-case.js';
import { residentNotesSeenMigration } from './018-resident-notes-seen.js';
import { kbShippedMigration } from './019-kb-shipped.js';

/** Every migration, in version order. Add a line here for each new migration file. */
export const MIGRATIONS: readonly Migration[] = [
  conversationsMigration,
  casesMigration,
  knowledgeBaseMigration,
  handoffsMigration,
  privacyMigration,
  caseRefCountersMigration,
  staffConsoleMigration,
  wechatHeldMigration,
  caseLinkCodesMigration,
  staffDisplayNameMigration,
  outboxIndexesMigration,
  staffChatByCaseMigration,
  residentNotesSeenMigration,
  kbShippedMigration,
].sort((a, b) => a.version - b.version);

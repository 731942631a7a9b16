import type { Repositories } from '../../bot/ports/repositories.js';
import { MemoryAttachments } from './memory-attachments.js';
import { MemoryCases, emptyCaseData } from './memory-cases.js';
import { MemoryConversations } from './memory-conversations.js';
import { MemoryKnowledge } from './memory-knowledge.js';
import { MemoryStaffChat } from './memory-staff-chat.js';
import { MemoryWechatHeld } from './memory-wechat-held.js';

/** Every repository in memory: the benchmark's logic figure, and tests of the layers above storage. */
export function openMemoryRepositories(): Repositories & { conversations: MemoryConversations } {
  const conversations = new MemoryConversations();
  const attachments = new MemoryAttachments();
  const caseData = emptyCaseData();
  return {
    conversations,
    outbox: conversations,
    attachments,
    staffChat: new MemoryStaffChat(),
    knowledge: new MemoryKnowledge(),
    wechatHeld: new MemoryWechatHeld(),
    cases: (rules) => new MemoryCases(caseData, attachments, conversations, rules),
    idle: async () => undefined,
    close: async () => undefined,
  };
}

import type { ConversationRepository, StoredConversation, TranscriptEntry, TurnWrite } from '../../bot/ports/conversation-repository.js';
import type { NewOutboxMessage, OutboxRepository, OutboxRow } from '../../bot/ports/outbox-repository.js';

interface OutboxEntry extends OutboxRow {
  status: 'pending' | 'sent' | 'failed';
  nextAttemptAt: number;
}

/**
 * Conversations, transcript and outbox in memory: nothing survives the process. For the benchmark's
 * logic figure (the same work without storage) and for tests of the layers above storage.
 */
export class MemoryConversations implements ConversationRepository, OutboxRepository {
  private readonly conversations = new Map<string, StoredConversation>();
  private readonly transcripts = new Map<string, TranscriptEntry[]>();
  private readonly outbox = new Map<number, OutboxEntry>();
  private nextTranscriptId = 1;
  private nextOutboxId = 1;

  async load(key: string): Promise<StoredConversation | undefined> {
    const stored = this.conversations.get(key);
    return stored ? { ...stored, recentMessageIds: [...stored.recentMessageIds] } : undefined;
  }

  async commitTurn(turn: TurnWrite): Promise<number[]> {
    const key = turn.conversation.key;
    if (turn.forgetTranscript) {
      this.transcripts.delete(key);
      for (const [id, m] of this.outbox) if (m.conversationKey === key) this.outbox.delete(id);
    }
    this.conversations.set(key, { ...turn.conversation, updatedAt: turn.at });
    const entries = this.transcripts.get(key) ?? [];
    for (const e of turn.transcript) entries.push({ id: this.nextTranscriptId++, direction: e.direction, body: e.body, createdAt: turn.at });
    this.transcripts.set(key, entries);
    return this.add(
      turn.outbox.map((m) => ({ conversationKey: key, channel: m.channel ?? turn.conversation.channel, address: m.address ?? turn.conversation.address, payload: m.payload })),
      turn.at,
    );
  }

  async delete(key: string): Promise<void> {
    this.conversations.delete(key);
    this.transcripts.delete(key);
  }

  async recentTranscript(key: string, limit: number): Promise<TranscriptEntry[]> {
    return (this.transcripts.get(key) ?? []).slice(-limit);
  }

  async idle(): Promise<void> {}

  async pendingOutbox(limit = 1000): Promise<OutboxRow[]> {
    return [...this.outbox.values()]
      .filter((m) => m.status === 'pending')
      .slice(0, limit)
      .map(({ id, conversationKey, channel, address, payload, attempts, createdAt }) => ({ id, conversationKey, channel, address, payload, attempts, createdAt }));
  }

  async pendingOutboxFor(key: string, limit = 500): Promise<OutboxRow[]> {
    return (await this.pendingOutbox(Number.MAX_SAFE_INTEGER)).filter((m) => m.conversationKey === key).slice(0, limit);
  }

  /** Nothing in memory refers to files by conversation: the snapshot's references are all there is. */
  async attachmentsToErase(_key: string, candidates: readonly string[]): Promise<string[]> {
    return [...candidates];
  }

  async compact(): Promise<void> {}

  async outboxMessage(id: number): Promise<{ conversationKey: string; payload: unknown } | undefined> {
    const m = this.outbox.get(id);
    return m ? { conversationKey: m.conversationKey, payload: m.payload } : undefined;
  }

  async markSent(ids: number[]): Promise<void> {
    // A sent message is of no further use in memory: forget it, as a bounded store would.
    for (const id of ids) this.outbox.delete(id);
  }

  async recordAttempt(id: number, attempts: number, nextAttemptAt: number, failed: boolean): Promise<void> {
    const m = this.outbox.get(id);
    if (m) Object.assign(m, { attempts, nextAttemptAt, status: failed ? 'failed' : 'pending' });
  }

  async enqueueOutbound(messages: NewOutboxMessage[], at: number): Promise<number[]> {
    return this.add(messages, at);
  }

  /** How many conversations are stored. */
  get size(): number {
    return this.conversations.size;
  }

  private add(messages: NewOutboxMessage[], at: number): number[] {
    return messages.map((m) => {
      const id = this.nextOutboxId++;
      this.outbox.set(id, { ...m, id, attempts: 0, status: 'pending', nextAttemptAt: at, createdAt: at });
      return id;
    });
  }
}

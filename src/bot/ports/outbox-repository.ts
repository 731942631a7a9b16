/** One outbound message waiting in the outbox. */
export interface OutboxRow {
  id: number;
  conversationKey: string;
  channel: string;
  address: string;
  payload: unknown;
  attempts: number;
  /** When it was written (ms): a message past the outbox's expiry is dead-lettered. */
  createdAt: number;
}

/** A message to add to the outbox outside a conversation turn. */
export interface NewOutboxMessage {
  conversationKey: string;
  channel: string;
  address: string;
  payload: unknown;
}

/**
 * The outbox as the dispatcher and staff tools need it. Turn messages are written by
 * `ConversationRepository.commitTurn`; these are the rest.
 */
export interface OutboxRepository {
  /** Outbox messages not yet sent, oldest first. */
  pendingOutbox(limit?: number): Promise<OutboxRow[]>;
  /** One conversation's messages not yet sent, oldest first (found by index, not by reading everyone's). */
  pendingOutboxFor(conversationKey: string, limit?: number): Promise<OutboxRow[]>;
  /** One outbox message by id, sent or not: whom it was for and what it carried. */
  outboxMessage(id: number): Promise<{ conversationKey: string; payload: unknown } | undefined>;
  /** Marks messages sent. May be less durable than a turn: after a power cut a few may be sent again. */
  markSent(ids: number[], at: number): Promise<void>;
  recordAttempt(id: number, attempts: number, nextAttemptAt: number, failed: boolean): Promise<void>;
  /** Adds messages that did not come from a machine turn (staff relays, notifications); returns their ids in order. */
  enqueueOutbound(messages: NewOutboxMessage[], at: number): Promise<number[]>;
}

import type { Database } from './database.js';
import { HandoffStore } from './handoff-store.js';
import type { Handoff, StaffChatMessage, StaffChatRepository, StaffMember, StaffPrompt, TakeResult } from '../bot/staff/staff-chat-repository.js';

interface PromptRow {
  id: number;
  chat_id: string;
  message_id: number | null;
  card_message_id: number | null;
  staff_user_id: string;
  staff_name: string;
  case_ref: string;
  kind: StaffPrompt['kind'];
  options: string;
  selected: string;
  created_at: number;
}

function list<T>(json: string, guard: (v: unknown) => v is T): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(guard) : [];
  } catch {
    return [];
  }
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function promptFromRow(row: PromptRow): StaffPrompt {
  return {
    id: row.id,
    chatId: row.chat_id,
    messageId: row.message_id,
    cardMessageId: row.card_message_id,
    staff: { userId: row.staff_user_id, name: row.staff_name },
    ref: row.case_ref,
    kind: row.kind,
    options: list(row.options, isString),
    selected: list(row.selected, isIndex),
    createdAt: row.created_at,
  };
}

/**
 * The staff chat's own records: hand-offs (one row per resident conversation, compare-and-set so two
 * staff taking at once cannot both win), which staff-chat message belongs to which conversation, and
 * pending follow-up prompts. Survives restarts; holds ids and names of staff, never message text.
 */
export class SqliteStaffChatStore implements StaffChatRepository {
  constructor(private readonly db: Database) {
    this.handoffs = new HandoffStore(db);
  }

  /** Hand-offs are the staff service's: one store for the table, whichever front end takes them. */
  private readonly handoffs: HandoffStore;

  requestHandoff(key: string, at: number): Promise<void> {
    return this.handoffs.requestHandoff(key, at);
  }

  takeHandoff(key: string, staff: StaffMember, at: number): Promise<TakeResult> {
    return this.handoffs.takeHandoff(key, staff, at);
  }

  leaveQueue(key: string, at: number): Promise<void> {
    return this.handoffs.leaveQueue(key, at);
  }

  releaseHandoff(key: string, at: number): Promise<StaffMember | undefined> {
    return this.handoffs.releaseHandoff(key, at);
  }

  handoff(key: string): Promise<Handoff | undefined> {
    return this.handoffs.handoff(key);
  }

  timeOutWaiting(requestedBefore: number, at: number): Promise<string[]> {
    return this.handoffs.timeOutWaiting(requestedBefore, at);
  }

  /** Remembers what a posted message is about; `outboxId` and `part` make a retried send skip what went out. */
  async recordMessage(input: StaffChatMessage & { chatId: string; messageId: number; outboxId?: number; part?: number; at: number }): Promise<void> {
    await this.db.run(
      `INSERT INTO staff_chat_messages (chat_id, message_id, conversation_key, case_ref, kind, outbox_id, part, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [input.chatId, input.messageId, input.conversationKey, input.caseRef, input.kind, input.outboxId ?? null, input.part ?? null, input.at],
    );
  }

  async findMessage(chatId: string, messageId: number): Promise<StaffChatMessage | undefined> {
    const row = await this.db.get<{ conversation_key: string; case_ref: string | null; kind: StaffChatMessage['kind'] }>(
      'SELECT conversation_key, case_ref, kind FROM staff_chat_messages WHERE chat_id = ? AND message_id = ?',
      [chatId, messageId],
    );
    return row ? { conversationKey: row.conversation_key, caseRef: row.case_ref, kind: row.kind } : undefined;
  }

  /** The parts of an outbox message already posted, by part number. */
  async sentParts(outboxId: number): Promise<Set<number>> {
    const rows = await this.db.all<{ part: number }>('SELECT part FROM staff_chat_messages WHERE outbox_id = ?', [outboxId]);
    return new Set(rows.map((r) => r.part));
  }

  async createPrompt(input: Omit<StaffPrompt, 'id' | 'messageId' | 'selected'>): Promise<StaffPrompt> {
    // Through a transaction: a write must not slip into someone else's.
    const row = await this.db.transaction((tx) => tx.get<{ id: number }>(
      `INSERT INTO staff_prompts (chat_id, card_message_id, staff_user_id, staff_name, case_ref, kind, options, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [input.chatId, input.cardMessageId, input.staff.userId, input.staff.name, input.ref, input.kind, JSON.stringify(input.options), input.createdAt],
    ));
    return { ...input, id: row!.id, messageId: null, selected: [] };
  }

  async setPromptMessage(id: number, messageId: number): Promise<void> {
    await this.db.run('UPDATE staff_prompts SET message_id = ? WHERE id = ?', [messageId, id]);
  }

  async prompt(id: number): Promise<StaffPrompt | undefined> {
    const row = await this.db.get<PromptRow>('SELECT * FROM staff_prompts WHERE id = ?', [id]);
    return row ? promptFromRow(row) : undefined;
  }

  async promptByMessage(chatId: string, messageId: number): Promise<StaffPrompt | undefined> {
    const row = await this.db.get<PromptRow>('SELECT * FROM staff_prompts WHERE chat_id = ? AND message_id = ?', [chatId, messageId]);
    return row ? promptFromRow(row) : undefined;
  }

  /** Picks or unpicks option `index` of a documents prompt; returns the prompt as it is now. */
  async togglePromptOption(id: number, index: number): Promise<StaffPrompt | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<PromptRow>('SELECT * FROM staff_prompts WHERE id = ?', [id]);
      if (!row) return undefined;
      const prompt = promptFromRow(row);
      if (index >= prompt.options.length) return prompt;
      const selected = prompt.selected.includes(index) ? prompt.selected.filter((i) => i !== index) : [...prompt.selected, index].sort((a, b) => a - b);
      await tx.run('UPDATE staff_prompts SET selected = ? WHERE id = ?', [JSON.stringify(selected), id]);
      return { ...prompt, selected };
    });
  }

  /** Removes a prompt; false when it was already gone (answered twice, cancelled), so it is acted on once. */
  async deletePrompt(id: number): Promise<boolean> {
    const { changes } = await this.db.run('DELETE FROM staff_prompts WHERE id = ?', [id]);
    return changes > 0;
  }

  /** Forgets prompts created before `promptsBefore` and message links created before `messagesBefore`. */
  async prune(promptsBefore: number, messagesBefore: number): Promise<void> {
    await this.db.run('DELETE FROM staff_prompts WHERE created_at < ?', [promptsBefore]);
    await this.db.run('DELETE FROM staff_chat_messages WHERE created_at < ?', [messagesBefore]);
  }
}

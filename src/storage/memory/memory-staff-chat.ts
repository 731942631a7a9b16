import type { Handoff, StaffChatMessage, StaffChatRepository, StaffMember, StaffPrompt, TakeResult } from '../../bot/staff/staff-chat-repository.js';

type MessageLink = StaffChatMessage & { chatId: string; messageId: number; outboxId?: number; part?: number; at: number };

/** The staff chat's records in memory. */
export class MemoryStaffChat implements StaffChatRepository {
  private readonly handoffs = new Map<string, Handoff>();
  private readonly messages: MessageLink[] = [];
  private readonly prompts = new Map<number, StaffPrompt>();
  private nextPromptId = 1;

  async requestHandoff(key: string, at: number): Promise<void> {
    if (this.handoffs.get(key)?.state === 'live') return;
    this.handoffs.set(key, { conversationKey: key, state: 'waiting', staffUserId: null, staffName: null, requestedAt: at, takenAt: null });
  }

  async takeHandoff(key: string, staff: StaffMember, at: number): Promise<TakeResult> {
    const current = this.handoffs.get(key);
    if (current?.state === 'live') {
      return current.staffUserId === staff.userId ? { ok: true, already: true } : { ok: false, holder: { userId: current.staffUserId ?? '', name: current.staffName ?? '—' } };
    }
    this.handoffs.set(key, { conversationKey: key, state: 'live', staffUserId: staff.userId, staffName: staff.name, requestedAt: current?.requestedAt ?? null, takenAt: at });
    return { ok: true, already: false };
  }

  async releaseHandoff(key: string): Promise<StaffMember | undefined> {
    const current = this.handoffs.get(key);
    if (current?.state !== 'live') return undefined;
    current.state = 'released';
    return { userId: current.staffUserId ?? '', name: current.staffName ?? '—' };
  }

  async leaveQueue(key: string): Promise<void> {
    const current = this.handoffs.get(key);
    if (current?.state === 'waiting') current.state = 'released';
  }

  async handoff(key: string): Promise<Handoff | undefined> {
    const h = this.handoffs.get(key);
    return h ? { ...h } : undefined;
  }

  async timeOutWaiting(requestedBefore: number): Promise<string[]> {
    const out = [...this.handoffs.values()]
      .filter((h) => h.state === 'waiting' && h.requestedAt !== null && h.requestedAt <= requestedBefore)
      .sort((a, b) => a.requestedAt! - b.requestedAt!);
    for (const h of out) h.state = 'timed_out';
    return out.map((h) => h.conversationKey);
  }

  async recordMessage(input: MessageLink): Promise<void> {
    if (!this.messages.some((m) => m.chatId === input.chatId && m.messageId === input.messageId)) this.messages.push({ ...input });
  }

  async findMessage(chatId: string, messageId: number): Promise<StaffChatMessage | undefined> {
    const m = this.messages.find((x) => x.chatId === chatId && x.messageId === messageId);
    return m ? { conversationKey: m.conversationKey, caseRef: m.caseRef, kind: m.kind } : undefined;
  }

  async sentParts(outboxId: number): Promise<Set<number>> {
    return new Set(this.messages.filter((m) => m.outboxId === outboxId && m.part !== undefined).map((m) => m.part!));
  }

  async createPrompt(input: Omit<StaffPrompt, 'id' | 'messageId' | 'selected'>): Promise<StaffPrompt> {
    const prompt: StaffPrompt = { ...input, id: this.nextPromptId++, messageId: null, selected: [] };
    this.prompts.set(prompt.id, prompt);
    return { ...prompt };
  }

  async setPromptMessage(id: number, messageId: number): Promise<void> {
    const p = this.prompts.get(id);
    if (p) p.messageId = messageId;
  }

  async prompt(id: number): Promise<StaffPrompt | undefined> {
    const p = this.prompts.get(id);
    return p ? { ...p } : undefined;
  }

  async promptByMessage(chatId: string, messageId: number): Promise<StaffPrompt | undefined> {
    const p = [...this.prompts.values()].find((x) => x.chatId === chatId && x.messageId === messageId);
    return p ? { ...p } : undefined;
  }

  async togglePromptOption(id: number, index: number): Promise<StaffPrompt | undefined> {
    const p = this.prompts.get(id);
    if (!p) return undefined;
    if (index < p.options.length) {
      p.selected = p.selected.includes(index) ? p.selected.filter((i) => i !== index) : [...p.selected, index].sort((a, b) => a - b);
    }
    return { ...p };
  }

  async deletePrompt(id: number): Promise<boolean> {
    return this.prompts.delete(id);
  }

  async prune(promptsBefore: number, messagesBefore: number): Promise<void> {
    for (const [id, p] of this.prompts) if (p.createdAt < promptsBefore) this.prompts.delete(id);
    for (let i = this.messages.length - 1; i >= 0; i--) if (this.messages[i]!.at < messagesBefore) this.messages.splice(i, 1);
  }
}

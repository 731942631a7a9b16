import type { HeldForCase, HeldReply, WechatHeldRepository } from '../../bot/wechat/wechat-held-repository.js';

/** Held WeChat replies in memory (no case lookup: `caseRef` stays null). */
export class MemoryWechatHeld implements WechatHeldRepository {
  private readonly rows = new Map<number, HeldReply & { deliveredAt: number | null }>();

  async hold(outboxId: number, conversationKey: string, errcode: number, at: number): Promise<boolean> {
    if (this.rows.has(outboxId)) return false;
    this.rows.set(outboxId, { outboxId, conversationKey, caseRef: null, errcode, heldAt: at, deliveredAt: null });
    return true;
  }

  async delivered(outboxId: number, at: number): Promise<void> {
    const row = this.rows.get(outboxId);
    if (row && row.deliveredAt === null) row.deliveredAt = at;
  }

  async waiting(limit = 200): Promise<HeldReply[]> {
    return [...this.rows.values()]
      .filter((r) => r.deliveredAt === null)
      .sort((a, b) => a.heldAt - b.heldAt)
      .slice(0, limit)
      .map(({ deliveredAt: _delivered, ...held }) => held);
  }

  /** Always empty: held replies in memory know no case. */
  async waitingByCase(_refs: readonly string[]): Promise<Map<string, HeldForCase>> {
    return new Map();
  }
}

import type { HeldForCase, HeldReply, WechatHeldRepository } from '../bot/wechat/wechat-held-repository.js';
import type { Database } from './database.js';

/** Which WeChat replies wait in the outbox for the resident to write again (migration 008). */
export class WechatHeldStore implements WechatHeldRepository {
  constructor(private readonly db: Database) {}

  async hold(outboxId: number, _conversationKey: string, errcode: number, at: number): Promise<boolean> {
    const { changes } = await this.db.run('INSERT OR IGNORE INTO wechat_held (outbox_id, errcode, held_at) VALUES (?, ?, ?)', [outboxId, errcode, at]);
    return changes > 0;
  }

  async delivered(outboxId: number, at: number): Promise<void> {
    await this.db.run('UPDATE wechat_held SET delivered_at = ? WHERE outbox_id = ? AND delivered_at IS NULL', [at, outboxId]);
  }

  async waiting(limit = 200): Promise<HeldReply[]> {
    const rows = await this.db.all<{ outbox_id: number; conversation_key: string; errcode: number; held_at: number; case_ref: string | null }>(
      `SELECT h.outbox_id, o.conversation_key, h.errcode, h.held_at,
              (SELECT c.ref FROM cases c WHERE c.conversation_key = o.conversation_key ORDER BY c.created_at DESC LIMIT 1) AS case_ref
         FROM wechat_held h JOIN outbox o ON o.id = h.outbox_id
        WHERE h.delivered_at IS NULL AND o.status = 'pending'
        ORDER BY h.held_at LIMIT ?`,
      [limit],
    );
    return rows.map((r) => ({ outboxId: r.outbox_id, conversationKey: r.conversation_key, caseRef: r.case_ref, errcode: r.errcode, heldAt: r.held_at }));
  }

  async waitingByCase(refs: readonly string[]): Promise<Map<string, HeldForCase>> {
    if (refs.length === 0) return new Map();
    // The case refs travel as one JSON array, so the number of cases does not change the statement.
    // MIN(held_at) makes SQLite take errcode from that same (oldest) row.
    const rows = await this.db.all<{ case_ref: string; n: number; since: number; errcode: number }>(
      `SELECT case_ref, COUNT(*) AS n, MIN(held_at) AS since, errcode FROM (
         SELECT h.errcode, h.held_at,
                (SELECT c.ref FROM cases c WHERE c.conversation_key = o.conversation_key ORDER BY c.created_at DESC LIMIT 1) AS case_ref
           FROM wechat_held h JOIN outbox o ON o.id = h.outbox_id
          WHERE h.delivered_at IS NULL AND o.status = 'pending')
        WHERE case_ref IN (SELECT value FROM json_each(?))
        GROUP BY case_ref`,
      [JSON.stringify(refs)],
    );
    return new Map(rows.map((r) => [r.case_ref, { count: r.n, since: r.since, errcode: r.errcode }]));
  }
}

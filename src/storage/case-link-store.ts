import type { CaseLinkRepository } from '../bot/ports/case-link-repository.js';
import type { LinkCodeState } from '../knowledge/cases/case-link-rules.js';
import type { Database } from './database.js';

interface Row {
  ref: string;
  code_hash: string;
  salt: string;
  conversation_key: string;
  issued_at: number;
  expires_at: number;
  attempts: number;
  locked_until: number | null;
  used_at: number | null;
}

/** Codes older than this (and not locked) are deleted whenever a new code is issued. */
const KEEP_MS = 60 * 60_000;

/** One-time link codes (migration 009) and moving a case to the conversation that typed the right code. */
export class CaseLinkStore implements CaseLinkRepository {
  constructor(private readonly db: Database) {}

  async get(ref: string): Promise<LinkCodeState | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM case_link_codes WHERE ref = ?', [ref]);
    return row && {
      ref: row.ref,
      codeHash: row.code_hash,
      salt: row.salt,
      conversationKey: row.conversation_key,
      issuedAt: row.issued_at,
      expiresAt: row.expires_at,
      attempts: row.attempts,
      lockedUntil: row.locked_until,
      usedAt: row.used_at,
    };
  }

  async put(s: LinkCodeState): Promise<void> {
    await this.db.run(
      'DELETE FROM case_link_codes WHERE expires_at < ? AND (locked_until IS NULL OR locked_until < ?)',
      [s.issuedAt - KEEP_MS, s.issuedAt],
    );
    await this.db.run(
      `INSERT INTO case_link_codes (ref, code_hash, salt, conversation_key, issued_at, expires_at, attempts, locked_until, used_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (ref) DO UPDATE SET code_hash = excluded.code_hash, salt = excluded.salt, conversation_key = excluded.conversation_key,
         issued_at = excluded.issued_at, expires_at = excluded.expires_at, attempts = excluded.attempts,
         locked_until = excluded.locked_until, used_at = excluded.used_at`,
      [s.ref, s.codeHash, s.salt, s.conversationKey, s.issuedAt, s.expiresAt, s.attempts, s.lockedUntil, s.usedAt],
    );
  }

  async update(ref: string, next: Pick<LinkCodeState, 'attempts' | 'lockedUntil' | 'usedAt'>): Promise<void> {
    await this.db.run('UPDATE case_link_codes SET attempts = ?, locked_until = ?, used_at = ? WHERE ref = ?', [next.attempts, next.lockedUntil, next.usedAt, ref]);
  }

  async relink(ref: string, to: { conversationKey: string; channel: string; address: string }, at: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<{ status: string }>('SELECT status FROM cases WHERE ref = ?', [ref]);
      if (!row) return false;
      await tx.run('UPDATE cases SET conversation_key = ?, channel = ?, address = ?, updated_at = ? WHERE ref = ?', [to.conversationKey, to.channel, to.address, at, ref]);
      // In the case's history for staff: reached from another device (the channel only, no identifiers).
      await tx.run(
        'INSERT INTO case_events (ref, action, from_status, to_status, actor, actor_kind, note, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [ref, 'relink', row.status, row.status, 'resident', 'resident', to.channel, '{}', at],
      );
      return true;
    });
  }
}

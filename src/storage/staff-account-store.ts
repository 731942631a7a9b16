import type { Account, AccountRepository, LoginThrottleRepository, Role, SessionRepository, StoredSession } from '../staff/staff-ports.js';
import type { Database } from './database.js';

interface AccountRow {
  id: number;
  username: string;
  role: Role;
  office: string | null;
  display_name: string | null;
  password_hash: string;
  disabled: number;
  created_at: number;
  last_login_at: number | null;
}

function accountFromRow(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    office: row.office,
    displayName: row.display_name,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

/** Console accounts. Only password hashes are stored. */
export class StaffAccountStore implements AccountRepository {
  constructor(private readonly db: Database) {}

  async create(input: { username: string; role: Role; office: string | null; displayName?: string | null; passwordHash: string; at: number }): Promise<Account | 'taken'> {
    const existing = await this.db.get<{ id: number }>('SELECT id FROM staff_accounts WHERE username = ?', [input.username]);
    if (existing) return 'taken';
    const { lastID } = await this.db.run(
      'INSERT INTO staff_accounts (username, role, office, display_name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [input.username, input.role, input.office, input.displayName ?? null, input.passwordHash, input.at, input.at],
    );
    return (await this.byId(lastID))!;
  }

  async byId(id: number): Promise<Account | undefined> {
    const row = await this.db.get<AccountRow>('SELECT * FROM staff_accounts WHERE id = ?', [id]);
    return row ? accountFromRow(row) : undefined;
  }

  async byUsername(username: string): Promise<(Account & { passwordHash: string }) | undefined> {
    const row = await this.db.get<AccountRow>('SELECT * FROM staff_accounts WHERE username = ?', [username]);
    return row ? { ...accountFromRow(row), passwordHash: row.password_hash } : undefined;
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.all<AccountRow>('SELECT * FROM staff_accounts ORDER BY username');
    return rows.map(accountFromRow);
  }

  async setDisabled(id: number, disabled: boolean, at: number): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE staff_accounts SET disabled = ?, updated_at = ? WHERE id = ?', [disabled ? 1 : 0, at, id]);
    return changes > 0;
  }

  async setPassword(id: number, passwordHash: string, at: number): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE staff_accounts SET password_hash = ?, updated_at = ? WHERE id = ?', [passwordHash, at, id]);
    return changes > 0;
  }

  async setDisplayName(id: number, displayName: string | null, at: number): Promise<boolean> {
    const { changes } = await this.db.run('UPDATE staff_accounts SET display_name = ?, updated_at = ? WHERE id = ?', [displayName, at, id]);
    return changes > 0;
  }

  async recordLogin(id: number, at: number): Promise<void> {
    await this.db.run('UPDATE staff_accounts SET last_login_at = ? WHERE id = ?', [at, id]);
  }

  async countEnabled(roles: readonly Role[]): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM staff_accounts WHERE disabled = 0 AND role IN (${roles.map(() => '?').join(', ')})`,
      [...roles],
    );
    return row?.n ?? 0;
  }
}

interface SessionRow {
  id_hash: string;
  account_id: number;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
}

/** Console sessions, by the SHA-256 of their id (the cookie alone can open one). */
export class StaffSessionStore implements SessionRepository {
  constructor(private readonly db: Database) {}

  async create(s: StoredSession): Promise<void> {
    await this.db.run('INSERT INTO staff_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
      s.idHash,
      s.accountId,
      s.csrfToken,
      s.createdAt,
      s.lastSeenAt,
    ]);
  }

  async get(idHash: string): Promise<StoredSession | undefined> {
    const row = await this.db.get<SessionRow>('SELECT * FROM staff_sessions WHERE id_hash = ?', [idHash]);
    return row
      ? { idHash: row.id_hash, accountId: row.account_id, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt: row.last_seen_at }
      : undefined;
  }

  async touch(idHash: string, at: number): Promise<void> {
    await this.db.run('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?', [at, idHash]);
  }

  async delete(idHash: string): Promise<void> {
    await this.db.run('DELETE FROM staff_sessions WHERE id_hash = ?', [idHash]);
  }

  async deleteForAccount(accountId: number): Promise<void> {
    await this.db.run('DELETE FROM staff_sessions WHERE account_id = ?', [accountId]);
  }

  async deleteOlderThan(createdBefore: number, seenBefore: number): Promise<void> {
    await this.db.run('DELETE FROM staff_sessions WHERE created_at < ? OR last_seen_at < ?', [createdBefore, seenBefore]);
  }
}

/** Failed sign-ins, counted by username and by address for throttling. */
export class LoginThrottleStore implements LoginThrottleRepository {
  constructor(private readonly db: Database) {}

  async recordFailure(username: string, address: string, at: number): Promise<void> {
    await this.db.run('INSERT INTO login_failures (username, address, at) VALUES (?, ?, ?)', [username, address, at]);
    // Keep the table small: a day of failures is more than any window needs.
    await this.db.run('DELETE FROM login_failures WHERE at < ?', [at - 86_400_000]);
  }

  async failuresSince(username: string, address: string, since: number) {
    const [u, a] = await Promise.all([
      this.db.get<{ n: number; first: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS first FROM login_failures WHERE username = ? AND at >= ?', [username, since]),
      this.db.get<{ n: number; first: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS first FROM login_failures WHERE address = ? AND at >= ?', [address, since]),
    ]);
    return { byUsername: u?.n ?? 0, byAddress: a?.n ?? 0, firstByUsername: u?.first ?? null, firstByAddress: a?.first ?? null };
  }

  async clear(username: string): Promise<void> {
    await this.db.run('DELETE FROM login_failures WHERE username = ?', [username]);
  }
}

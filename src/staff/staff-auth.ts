import { createHash, randomBytes } from 'node:crypto';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import type { Account, AccountRepository, AuditLog, LoginThrottleRepository, Role, SessionRepository } from './staff-ports.js';

/** Session and throttling limits; the defaults suit a centre. */
export interface AuthLimits {
  idleMs: number;
  absoluteMs: number;
  /** Wrong passwords for one username within `windowMs` before it is locked for the rest of the window. */
  maxFailuresPerUser: number;
  /** Wrong passwords from one address within `windowMs` before it is locked. */
  maxFailuresPerAddress: number;
  windowMs: number;
}

export const DEFAULT_AUTH_LIMITS: AuthLimits = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 3_600_000,
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 20,
  windowMs: 15 * 60_000,
};

export interface AuthDeps {
  accounts: AccountRepository;
  sessions: SessionRepository;
  throttle: LoginThrottleRepository;
  audit: AuditLog;
  limits?: Partial<AuthLimits>;
  now?: () => number;
}

export type LoginResult =
  | { ok: true; account: Account; sessionId: string; csrfToken: string }
  | { ok: false; reason: 'bad_credentials' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

export type SessionResult = { ok: true; account: Account; csrfToken: string; sessionHash: string } | { ok: false; reason: 'none' | 'expired' };

export type AccountChange = { ok: true; account: Account } | { ok: false; reason: 'taken' | 'not_found' | 'too_short' | 'too_long' | 'bad_username' };

const hash = (id: string) => createHash('sha256').update(id).digest('hex');
const USERNAME = /^[\p{L}\p{N}._-]{2,40}$/u;

/**
 * Accounts, passwords, sign-in with throttling and lockout, and sessions (random ids, only their
 * hash stored, idle and absolute timeouts). Every sign-in and refusal goes to the audit log.
 */
export class StaffAuth {
  readonly limits: AuthLimits;
  private readonly now: () => number;

  constructor(private readonly deps: AuthDeps) {
    this.limits = { ...DEFAULT_AUTH_LIMITS, ...deps.limits };
    this.now = deps.now ?? Date.now;
  }

  async addAccount(input: { username: string; role: Role; office: string | null; displayName?: string | null; password: string }, by: number | null = null): Promise<AccountChange> {
    const username = input.username.trim();
    if (!USERNAME.test(username)) return { ok: false, reason: 'bad_username' };
    const problem = passwordProblem(input.password);
    if (problem) return { ok: false, reason: problem };
    const displayName = input.displayName?.trim().slice(0, 40) || null;
    const created = await this.deps.accounts.create({ username, role: input.role, office: input.office, displayName, passwordHash: await hashPassword(input.password), at: this.now() });
    if (created === 'taken') return { ok: false, reason: 'taken' };
    await this.audit(by, 'account.create', `account:${created.id}`, 'ok', `role=${created.role}${created.office ? ` office=${created.office}` : ''}`);
    return { ok: true, account: created };
  }

  async disable(accountId: number, by: number | null = null): Promise<boolean> {
    const done = await this.deps.accounts.setDisabled(accountId, true, this.now());
    if (done) await this.deps.sessions.deleteForAccount(accountId);
    await this.audit(by, 'account.disable', `account:${accountId}`, done ? 'ok' : 'refused', null);
    return done;
  }

  /** Sets the name residents and colleagues see (blank: none); a live conversation already taken keeps the name it was taken under. */
  async rename(accountId: number, displayName: string | null, by: number | null = null): Promise<AccountChange> {
    const name = displayName?.trim().slice(0, 40) || null;
    const done = await this.deps.accounts.setDisplayName(accountId, name, this.now());
    await this.audit(by, 'account.rename', `account:${accountId}`, done ? 'ok' : 'refused', done ? null : 'not_found');
    if (!done) return { ok: false, reason: 'not_found' };
    return { ok: true, account: (await this.deps.accounts.byId(accountId))! };
  }

  async resetPassword(accountId: number, password: string, by: number | null = null): Promise<AccountChange> {
    const problem = passwordProblem(password);
    if (problem) return { ok: false, reason: problem };
    const done = await this.deps.accounts.setPassword(accountId, await hashPassword(password), this.now());
    if (!done) return { ok: false, reason: 'not_found' };
    await this.deps.sessions.deleteForAccount(accountId);
    await this.deps.throttle.clear((await this.deps.accounts.byId(accountId))!.username);
    await this.audit(by, 'account.reset_password', `account:${accountId}`, 'ok', null);
    return { ok: true, account: (await this.deps.accounts.byId(accountId))! };
  }

  /** Signs in; refuses (and audits) a wrong password, a disabled account or a locked username or address. */
  async login(usernameInput: string, password: string, address: string): Promise<LoginResult> {
    const at = this.now();
    const username = usernameInput.trim();
    const { maxFailuresPerUser, maxFailuresPerAddress, windowMs } = this.limits;
    const failures = await this.deps.throttle.failuresSince(username, address, at - windowMs);
    const found = await this.deps.accounts.byUsername(username);
    const lockedUntil = Math.max(
      failures.byUsername >= maxFailuresPerUser ? (failures.firstByUsername ?? at) + windowMs : 0,
      failures.byAddress >= maxFailuresPerAddress ? (failures.firstByAddress ?? at) + windowMs : 0,
    );
    if (lockedUntil > at) {
      await this.audit(found?.id ?? null, 'login', found ? `account:${found.id}` : null, 'refused', found ? 'locked' : `locked; unknown username`);
      return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000) };
    }
    const matches = await verifyPassword(password, found?.passwordHash ?? (await dummyPasswordHash()));
    if (!found || !matches || found.disabled) {
      await this.deps.throttle.recordFailure(username, address, at);
      const why = !found ? 'unknown username' : found.disabled ? 'account disabled' : 'wrong password';
      await this.audit(found?.id ?? null, 'login', found ? `account:${found.id}` : null, 'refused', why);
      return { ok: false, reason: 'bad_credentials' };
    }
    await this.deps.throttle.clear(username);
    const sessionId = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.deps.sessions.create({ idHash: hash(sessionId), accountId: found.id, csrfToken, createdAt: at, lastSeenAt: at });
    await this.deps.accounts.recordLogin(found.id, at);
    await this.audit(found.id, 'login', `account:${found.id}`, 'ok', null);
    const { passwordHash: _omit, ...account } = found;
    return { ok: true, account: { ...account, lastLoginAt: at }, sessionId, csrfToken };
  }

  /** The account of a session cookie; an idle or too old session is ended (and the refusal audited by the caller). */
  async session(sessionId: string | undefined): Promise<SessionResult> {
    if (!sessionId) return { ok: false, reason: 'none' };
    const at = this.now();
    const idHash = hash(sessionId);
    const stored = await this.deps.sessions.get(idHash);
    if (!stored) return { ok: false, reason: 'none' };
    const account = await this.deps.accounts.byId(stored.accountId);
    if (!account || account.disabled || at - stored.lastSeenAt > this.limits.idleMs || at - stored.createdAt > this.limits.absoluteMs) {
      await this.deps.sessions.delete(idHash);
      await this.audit(stored.accountId, 'session', `account:${stored.accountId}`, 'refused', 'expired');
      return { ok: false, reason: 'expired' };
    }
    // Writing on every request would be a write per poll: a minute's precision is enough for the idle timeout.
    if (at - stored.lastSeenAt > 60_000) await this.deps.sessions.touch(idHash, at);
    return { ok: true, account, csrfToken: stored.csrfToken, sessionHash: idHash };
  }

  /** Whether a session is still valid, without counting this as activity (the change feed's check). */
  async stillValid(sessionId: string | undefined): Promise<boolean> {
    if (!sessionId) return false;
    const stored = await this.deps.sessions.get(hash(sessionId));
    if (!stored) return false;
    const at = this.now();
    const account = await this.deps.accounts.byId(stored.accountId);
    return Boolean(account && !account.disabled && at - stored.lastSeenAt <= this.limits.idleMs && at - stored.createdAt <= this.limits.absoluteMs);
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (!sessionId) return;
    const stored = await this.deps.sessions.get(hash(sessionId));
    await this.deps.sessions.delete(hash(sessionId));
    if (stored) await this.audit(stored.accountId, 'logout', `account:${stored.accountId}`, 'ok', null);
  }

  /** Forgets sessions past either timeout. */
  async prune(): Promise<void> {
    const at = this.now();
    await this.deps.sessions.deleteOlderThan(at - this.limits.absoluteMs, at - this.limits.idleMs);
  }

  private audit(accountId: number | null, action: string, target: string | null, outcome: 'ok' | 'refused', detail: string | null): Promise<void> {
    return this.deps.audit.record({ at: this.now(), accountId, action, target, outcome, detail });
  }
}

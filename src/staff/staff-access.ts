import type { NamedOffice } from '../knowledge/cases/case-pack.js';
import type { Account, Role } from './staff-ports.js';

/** Roles that work cases and live conversations. */
export const CASE_ROLES: readonly Role[] = ['staff', 'supervisor', 'admin'];
/** Roles that assign cases, reopen them and keep canned replies. */
export const SUPERVISOR_ROLES: readonly Role[] = ['supervisor', 'admin'];
/** Roles that edit the knowledge base. */
export const KB_ROLES: readonly Role[] = ['operator', 'admin'];
/** Roles that change the local policy on the console's 本地政策 page (everyone else may read it). */
export const POLICY_ROLES: readonly Role[] = KB_ROLES;

export function hasRole(account: Account, roles: readonly Role[]): boolean {
  return roles.includes(account.role);
}

/**
 * Whether `account` may see (and work) cases routed to `office`: admins and office-less accounts see all; others their
 * own office, and a centre's accounts also the workstations whose `parent` is that centre (offices.yaml).
 */
export function canSeeOffice(account: Account, office: string | null, offices: readonly NamedOffice[]): boolean {
  if (account.role === 'admin' || account.office === null) return true;
  if (office === account.office) return true;
  return office !== null && offices.some((o) => o.id === office && o.parent === account.office);
}

/** A refusal of the staff service, mapped to an HTTP status and a message by the front end. */
export interface Refusal {
  ok: false;
  status: 400 | 401 | 403 | 404 | 409 | 422 | 429;
  code: string;
  /** Message key (`src/locales/*`) and its parameters, rendered in the reader's language. */
  key: string;
  params?: Record<string, string | number>;
}

export function refusal(status: Refusal['status'], code: string, key: string, params?: Record<string, string | number>): Refusal {
  return { ok: false, status, code, key, ...(params ? { params } : {}) };
}

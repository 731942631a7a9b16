import type { AccountRepository } from './staff-ports.js';

/** How a recorded staff name reads to colleagues: a console account's display name for its login name, any other name as recorded. */
export type NameOf = (login: string) => string;

/**
 * The names colleagues know console accounts by (王芳 for `wangfang`; the login name when an account
 * has no display name). Case history and assignees record login names; Telegram staff their own names,
 * which pass through unchanged.
 */
export async function staffNames(accounts: Pick<AccountRepository, 'list'> | undefined): Promise<NameOf> {
  const names = new Map(((await accounts?.list()) ?? []).map((a) => [a.username, a.displayName ?? a.username]));
  return (login) => names.get(login) ?? login;
}

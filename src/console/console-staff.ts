import type { Repositories } from '../bot/ports/repositories.js';
import type { Config } from '../config.js';
import { CASE_ROLES } from '../staff/staff-access.js';

/** Whether the console is on and has an enabled account that can take conversations (read at start). */
export async function consoleHasStaff(config: Config, repos: Pick<Repositories, 'staff'>): Promise<boolean> {
  if (!config.staffConsole.enabled || !repos.staff) return false;
  return (await repos.staff.accounts.countEnabled(CASE_ROLES)) > 0;
}

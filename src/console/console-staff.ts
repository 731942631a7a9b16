import type { Config } from '../config.js';
import { CASE_ROLES } from '../staff/staff-access.js';
import type { Database } from '../storage/database.js';
import { StaffAccountStore } from '../storage/staff-account-store.js';

/** Whether the console is on and has an enabled account that can take conversations (read at start). */
export async function consoleHasStaff(config: Config, db: Database): Promise<boolean> {
  if (!config.staffConsole.enabled) return false;
  return (await new StaffAccountStore(db).countEnabled(CASE_ROLES)) > 0;
}

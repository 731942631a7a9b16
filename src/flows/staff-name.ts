import type { Param } from './events.js';

/**
 * The name a resident sees for a member of staff: the name they gave (`fayuan staff add --name`, a Telegram display
 * name), else a neutral "工作人员 / staff member" — never a login name.
 * @example staffNameParam('') // { key: 'handoff.staff_member' }
 */
export function staffNameParam(name: string | null | undefined): Param {
  return name?.trim() ? name.trim() : { key: 'handoff.staff_member' };
}

/** The "staff joined" message: with the name when there is one, else without (not "工作人员工作人员已接入"). */
export function staffJoinedKey(name: string | null | undefined): 'handoff.joined' | 'handoff.joined.unnamed' {
  return name?.trim() ? 'handoff.joined' : 'handoff.joined.unnamed';
}

import { childPath, type FieldChecker } from './field-checker.js';
import type { PolicyPack } from './types.js';

export type PackMeta = Pick<PolicyPack, 'id' | 'version' | 'name' | 'timeZone' | 'hotline' | 'decisionDays' | 'urgentSameDay'>;

const KEYS = ['id', 'version', 'name', 'timeZone', 'hotline', 'decisionDays', 'urgentSameDay'] as const;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reads `pack.yaml`: the pack's identity and the contact and timing facts shared by every region. */
export function validatePackMeta(raw: unknown, check: FieldChecker): PackMeta | undefined {
  const obj = check.object(raw, '', KEYS);
  if (!obj) return undefined;
  const id = check.id(obj.id, 'id');
  const version = typeof obj.version === 'number' ? String(obj.version) : check.string(obj.version, 'version');
  const name = check.localized(obj.name, 'name');
  let timeZone = check.string(obj.timeZone, 'timeZone');
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    check.problem('timeZone', 'badTimeZone', { zone: timeZone });
    timeZone = undefined;
  }
  const hotline = typeof obj.hotline === 'number' ? String(obj.hotline) : check.string(obj.hotline, 'hotline');
  const decisionDays = check.number(obj.decisionDays, 'decisionDays', { min: 1, max: 60, integer: true });
  const urgentSameDay = check.boolean(obj.urgentSameDay, childPath('', 'urgentSameDay'));
  if (
    id === undefined ||
    version === undefined ||
    name === undefined ||
    timeZone === undefined ||
    hotline === undefined ||
    decisionDays === undefined ||
    urgentSameDay === undefined
  ) {
    return undefined;
  }
  return { id, version, name, timeZone, hotline, decisionDays, urgentSameDay };
}

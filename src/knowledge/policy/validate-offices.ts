import { CATEGORIES } from '../eligibility/vocabulary.js';
import { childPath, type FieldChecker } from './field-checker.js';
import type { Office, RoutingRule } from './types.js';

const PHONE = /^[0-9+()\- ]{3,30}$/;

function validateOffice(raw: unknown, path: string, check: FieldChecker): Office | undefined {
  const obj = check.object(raw, path, ['id', 'kind', 'region', 'name', 'address', 'phone', 'hours', 'parent']);
  if (!obj) return undefined;
  const id = check.id(obj.id, childPath(path, 'id'));
  const kind = check.oneOf(obj.kind, childPath(path, 'kind'), ['centre', 'workstation'] as const, 'officeKind');
  const region = check.id(obj.region, childPath(path, 'region'));
  const name = check.localized(obj.name, childPath(path, 'name'));
  const address = check.localized(obj.address, childPath(path, 'address'));
  let phone = typeof obj.phone === 'number' ? String(obj.phone) : check.string(obj.phone, childPath(path, 'phone'));
  if (phone !== undefined && !PHONE.test(phone)) {
    check.problem(childPath(path, 'phone'), 'badPhone', { phone });
    phone = undefined;
  }
  const hours = obj.hours === undefined ? undefined : check.localized(obj.hours, childPath(path, 'hours'));
  const parent = obj.parent === undefined ? undefined : check.id(obj.parent, childPath(path, 'parent'));
  if (!id || !kind || !region || !name || !address || !phone || (obj.hours !== undefined && !hours) || (obj.parent !== undefined && !parent)) return undefined;
  return { id, kind, region, name, address, phone, ...(hours ? { hours } : {}), ...(parent ? { parent } : {}) };
}

function validateRoute(raw: unknown, path: string, check: FieldChecker): RoutingRule | undefined {
  const obj = check.object(raw, path, ['id', 'region', 'categories', 'office', 'citation']);
  if (!obj) return undefined;
  const id = check.id(obj.id, childPath(path, 'id'));
  const region = check.id(obj.region, childPath(path, 'region'));
  const categories = check.idList(obj.categories, childPath(path, 'categories'), CATEGORIES, 'category');
  const office = check.id(obj.office, childPath(path, 'office'));
  const citation = check.localized(obj.citation, childPath(path, 'citation'));
  if (!id || !region || !categories || !office || !citation) return undefined;
  return { id, region, categories, office, citation };
}

/**
 * Reads `offices.yaml`: centres and workstations with addresses and phones, and the routing rules between them.
 * Returns both lists with each entry at its index in the file, `undefined` where one is wrong.
 */
export function validateOffices(
  raw: unknown,
  check: FieldChecker,
): { offices: (Office | undefined)[]; routing: (RoutingRule | undefined)[] } | undefined {
  const obj = check.object(raw, '', ['offices', 'routing']);
  if (!obj) return undefined;
  const officeItems = check.list(obj.offices, 'offices', { nonEmpty: true });
  const routeItems = obj.routing === undefined ? [] : check.list(obj.routing, 'routing');
  const offices = officeItems?.map((item, i) => validateOffice(item, childPath('offices', i), check));
  const routing = routeItems?.map((item, i) => validateRoute(item, childPath('routing', i), check));
  if (!offices || !routing) return undefined;
  return { offices, routing };
}

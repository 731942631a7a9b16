import { CATEGORIES, GROUPS, type CategoryId, type GroupId } from '../eligibility/vocabulary.js';
import { childPath, type FieldChecker } from './field-checker.js';
import type { DocumentInfo, DocumentRequirements } from './types.js';

function validateDocument(raw: unknown, path: string, check: FieldChecker): DocumentInfo | undefined {
  const obj = check.object(raw, path, ['id', 'name', 'note']);
  if (!obj) return undefined;
  const id = check.id(obj.id, childPath(path, 'id'));
  const name = check.localized(obj.name, childPath(path, 'name'));
  const note = obj.note === undefined ? undefined : check.localized(obj.note, childPath(path, 'note'));
  if (!id || !name || (obj.note !== undefined && !note)) return undefined;
  return { id, name, ...(note ? { note } : {}) };
}

/** A list of document ids; whether each exists is checked once every document is known. */
function idList(raw: unknown, path: string, check: FieldChecker): string[] | undefined {
  const items = check.list(raw, path);
  const ids = items?.map((item, i) => check.id(item, childPath(path, i)));
  return ids && ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

function keyedLists<K extends string>(
  raw: unknown,
  path: string,
  keys: readonly K[],
  what: 'category' | 'group',
  check: FieldChecker,
): Partial<Record<K, string[]>> | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    check.problem(path, 'notDocumentMapping', { what: { key: `policy.what.${what}` } });
    return undefined;
  }
  const out: Partial<Record<K, string[]>> = {};
  let ok = true;
  for (const [key, value] of Object.entries(raw)) {
    if (!(keys as readonly string[]).includes(key)) {
      check.problem(childPath(path, key), 'unknownName', { key, what: { key: `policy.what.${what}` } });
      ok = false;
      continue;
    }
    const ids = idList(value, childPath(path, key), check);
    if (ids) out[key as K] = ids;
    else ok = false;
  }
  return ok ? out : undefined;
}

function validateRequirements(raw: unknown, path: string, check: FieldChecker): DocumentRequirements | undefined {
  const obj = check.object(raw, path, ['always', 'meansTested', 'mandatory', 'byCategory', 'otherwise', 'minor', 'onBehalf', 'proofs']);
  if (!obj) return undefined;
  const always = idList(obj.always, childPath(path, 'always'), check);
  const meansTested = idList(obj.meansTested, childPath(path, 'meansTested'), check);
  const mandatory = idList(obj.mandatory, childPath(path, 'mandatory'), check);
  const otherwise = idList(obj.otherwise, childPath(path, 'otherwise'), check);
  // Optional (packs written before session 20 have neither).
  const minor = obj.minor === undefined ? [] : idList(obj.minor, childPath(path, 'minor'), check);
  const onBehalf = obj.onBehalf === undefined ? [] : idList(obj.onBehalf, childPath(path, 'onBehalf'), check);
  const byCategory =
    obj.byCategory === undefined
      ? {}
      : keyedLists<CategoryId>(obj.byCategory, childPath(path, 'byCategory'), CATEGORIES, 'category', check);
  const proofsPath = childPath(path, 'proofs');
  const proofsObj = check.object(obj.proofs, proofsPath, ['disability', 'groups']);
  const disability = proofsObj && idList(proofsObj.disability, childPath(proofsPath, 'disability'), check);
  const groups = proofsObj && keyedLists<GroupId>(proofsObj.groups ?? {}, childPath(proofsPath, 'groups'), GROUPS, 'group', check);
  if (!always || !meansTested || !mandatory || !otherwise || !minor || !onBehalf || !byCategory || !disability || !groups) return undefined;
  return { always, meansTested, mandatory, byCategory, otherwise, minor, onBehalf, proofs: { disability, groups } };
}

/**
 * Reads `documents.yaml`: the documents with their names, and which applications need which.
 * Returns the documents at their index in the file (`undefined` where one is wrong) and the requirements if right.
 */
export function validateDocuments(
  raw: unknown,
  check: FieldChecker,
): { documents: (DocumentInfo | undefined)[]; requirements?: DocumentRequirements } | undefined {
  const obj = check.object(raw, '', ['documents', 'required']);
  if (!obj) return undefined;
  const items = check.list(obj.documents, 'documents', { nonEmpty: true });
  const documents = items?.map((item, i) => validateDocument(item, childPath('documents', i), check));
  const requirements = validateRequirements(obj.required, 'required', check);
  if (!documents) return undefined;
  return { documents, ...(requirements ? { requirements } : {}) };
}

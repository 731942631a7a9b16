import type { MessageRef, Params } from '../../flows/events.js';
import type { Localized } from '../../locales/catalog.js';
import type { PolicyProblem } from './types.js';

/** `regions[1]` + `name` → `regions[1].name`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

const ID = /^[a-z0-9][a-z0-9_-]*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/**
 * Reads one file's parsed YAML and records what is wrong with it, naming the path inside the file.
 * Each reader returns the value when it is right and `undefined` (after recording a problem) when not.
 */
export class FieldChecker {
  constructor(
    readonly file: string,
    readonly problems: PolicyProblem[],
  ) {}

  /** Records a problem: `key` is one of the `policy.problem.*` texts of src/locales/policy-check.ts. */
  problem(path: string, key: string, params?: Params): void {
    this.problems.push({ file: this.file, path: path === '' ? '(root)' : path, key: `policy.problem.${key}`, ...(params ? { params } : {}) });
  }

  /** Records "is required" for a missing value; readers call it first so a missing key is reported once. */
  private missing(value: unknown, path: string): boolean {
    if (value !== undefined) return false;
    this.problem(path, 'required');
    return true;
  }

  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (this.missing(value, path)) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, 'notMapping', { got: describe(value) });
      return undefined;
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(childPath(path, key), 'unknownKey', { key, allowed: allowed.join(', ') });
    }
    return obj;
  }

  list(value: unknown, path: string, { nonEmpty = false } = {}): unknown[] | undefined {
    if (this.missing(value, path)) return undefined;
    if (!Array.isArray(value)) {
      this.problem(path, 'notList', { got: describe(value) });
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.problem(path, 'emptyList');
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, 'notText', { got: describe(value) });
      return undefined;
    }
    return value;
  }

  id(value: unknown, path: string): string | undefined {
    const s = this.string(value, path);
    if (s !== undefined && !ID.test(s)) {
      this.problem(path, 'badId', { id: s });
      return undefined;
    }
    return s;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], what: KnownName): T | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(path, 'notOneOf', { got: describe(value), what: { key: `policy.what.${what}` }, allowed: allowed.join(', ') });
    return undefined;
  }

  localized(value: unknown, path: string): Localized | undefined {
    const obj = this.object(value, path, ['zh-CN', 'en']);
    if (!obj) return undefined;
    const zh = this.string(obj['zh-CN'], childPath(path, 'zh-CN'));
    const en = this.string(obj.en, childPath(path, 'en'));
    return zh !== undefined && en !== undefined ? { 'zh-CN': zh, en } : undefined;
  }

  date(value: unknown, path: string): string | undefined {
    if (this.missing(value, path)) return undefined;
    if (isIsoDate(value)) return value;
    this.problem(path, 'badDate', { got: describe(value) });
    return undefined;
  }

  number(value: unknown, path: string, { min, max, integer = false, exclusiveMin = false }: NumberRange): number | undefined {
    if (this.missing(value, path)) return undefined;
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (min === undefined || (exclusiveMin ? value > min : value >= min)) &&
      (max === undefined || value <= max);
    if (ok) return value;
    const kind: MessageRef = { key: integer ? 'policy.number.whole' : 'policy.number.any' };
    const bounds: MessageRef[] = [];
    if (min !== undefined) bounds.push({ key: exclusiveMin ? 'policy.bound.greater' : 'policy.bound.atLeast', params: { n: min } });
    if (max !== undefined) bounds.push({ key: 'policy.bound.atMost', params: { n: max } });
    if (bounds.length === 0) this.problem(path, 'number', { kind, got: describe(value) });
    else this.problem(path, 'numberBounded', { kind, bounds: { items: bounds, separator: '、' }, got: describe(value) });
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(path, 'notBoolean', { got: describe(value) });
    return undefined;
  }

  /** A list of ids that must each be in `known` (a vocabulary or the pack's own ids). */
  idList<T extends string>(value: unknown, path: string, known: readonly T[], what: KnownName, { nonEmpty = true } = {}): T[] | undefined {
    const items = this.list(value, path, { nonEmpty });
    if (!items) return undefined;
    const out: T[] = [];
    items.forEach((item, i) => {
      const v = this.oneOf(item, childPath(path, i), known, what);
      if (v !== undefined) out.push(v);
    });
    return out.length === items.length ? out : undefined;
  }
}

/** The kinds of names a pack uses from a fixed list (`policy.what.*`). */
export type KnownName = 'officeKind' | 'ruleKind' | 'category' | 'group' | 'disability';

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
}

/** What was written, as the message says it ("it is empty", "it is \"2025/01/01\""). */
function describe(value: unknown): MessageRef {
  if (value === undefined) return { key: 'policy.got.nothing' };
  if (value === null) return { key: 'policy.got.null' };
  if (Array.isArray(value)) return { key: 'policy.got.list' };
  if (typeof value === 'object') return { key: 'policy.got.mapping' };
  return { key: 'policy.got.value', params: { value: JSON.stringify(value) } };
}

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

  problem(path: string, message: string): void {
    this.problems.push({ file: this.file, path: path === '' ? '(root)' : path, message });
  }

  /** Records "is required" for a missing value; readers call it first so a missing key is reported once. */
  private missing(value: unknown, path: string): boolean {
    if (value !== undefined) return false;
    this.problem(path, 'is required');
    return true;
  }

  object(value: unknown, path: string, allowed: readonly string[]): Record<string, unknown> | undefined {
    if (this.missing(value, path)) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.problem(path, `must be a mapping (key: value), got ${describe(value)}`);
      return undefined;
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(childPath(path, key), `unknown key "${key}"; allowed here: ${allowed.join(', ')}`);
    }
    return obj;
  }

  list(value: unknown, path: string, { nonEmpty = false } = {}): unknown[] | undefined {
    if (this.missing(value, path)) return undefined;
    if (!Array.isArray(value)) {
      this.problem(path, `must be a list, got ${describe(value)}`);
      return undefined;
    }
    if (nonEmpty && value.length === 0) this.problem(path, 'must not be empty');
    return value;
  }

  string(value: unknown, path: string): string | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(path, `must be a non-empty text, got ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  id(value: unknown, path: string): string | undefined {
    const s = this.string(value, path);
    if (s !== undefined && !ID.test(s)) {
      this.problem(path, `"${s}" is not a valid id: use lower-case letters, digits, "-" and "_"`);
      return undefined;
    }
    return s;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], what: string): T | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(path, `${describe(value)} is not a known ${what}; expected one of: ${allowed.join(', ')}`);
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
    this.problem(path, `must be a date written YYYY-MM-DD (e.g. 2025-01-01), got ${describe(value)}`);
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
    const bound = [
      integer ? 'a whole number' : 'a number',
      min === undefined ? '' : exclusiveMin ? `greater than ${min}` : `at least ${min}`,
      max === undefined ? '' : `at most ${max}`,
    ]
      .filter(Boolean)
      .join(' ');
    this.problem(path, `must be ${bound}, got ${describe(value)}`);
    return undefined;
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (this.missing(value, path)) return undefined;
    if (typeof value === 'boolean') return value;
    this.problem(path, `must be true or false, got ${describe(value)}`);
    return undefined;
  }

  /** A list of ids that must each be in `known` (a vocabulary or the pack's own ids). */
  idList<T extends string>(value: unknown, path: string, known: readonly T[], what: string, { nonEmpty = true } = {}): T[] | undefined {
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

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
  exclusiveMin?: boolean;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { DEFAULT_LOCALE, type Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import type { PolicyPack, PolicyProblem } from './types.js';
import { PACK_FILES, validatePolicyPack, type PackFileName, type PackFiles } from './validate-policy-pack.js';

/** Thrown by {@link loadPolicyPack} when the pack cannot be used; `problems` names each file, line, path and fault. */
export class PolicyPackError extends Error {
  override name = 'PolicyPackError';
  constructor(
    readonly dir: string,
    readonly problems: PolicyProblem[],
  ) {
    super(describePackProblems(dir, problems, DEFAULT_LOCALE));
  }

  /** The problems as an operator reads them in `locale`, one a line, with what to do next. */
  describe(locale: Locale): string {
    return describePackProblems(this.dir, this.problems, locale);
  }
}

function describePackProblems(dir: string, problems: readonly PolicyProblem[], locale: Locale): string {
  return [translate('policy.check.invalid', locale, { dir }), ...problems.map((p) => formatPolicyProblem(p, locale)), policyProblemsSummary(dir, problems.length, locale)].join('\n');
}

/**
 * One problem as an operator reads it, in their language:
 * `regions.yaml 第 23 行（regions[1].standards[0].effectiveFrom）：日期要写成“年-月-日”…` /
 * `regions.yaml, line 23 (regions[1].standards[0].effectiveFrom): write the date as year-month-day…`.
 */
export function formatPolicyProblem(problem: PolicyProblem, locale: Locale = DEFAULT_LOCALE): string {
  const message = translate(problem.key, locale, problem.params);
  if (problem.line !== undefined) return translate('policy.place.line', locale, { file: problem.file, line: problem.line, path: problem.path, message });
  if (problem.path === '(root)') return translate('policy.place.file', locale, { file: problem.file, message });
  return translate('policy.place.path', locale, { file: problem.file, path: problem.path, message });
}

/** "2 problems in the policy folder …; fix them and run fayuan policy check again." */
export function policyProblemsSummary(dir: string, count: number, locale: Locale = DEFAULT_LOCALE): string {
  return translate(count === 1 ? 'policy.check.problems_one' : 'policy.check.problems_other', locale, { dir, count });
}

/** `regions[1].standards[0].effectiveFrom` → `['regions', 1, 'standards', 0, 'effectiveFrom']`. */
function pathParts(keyPath: string): (string | number)[] {
  return [...keyPath.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** The line where `keyPath` is written in the parsed file: the key's own line, else the nearest part of the path that exists. */
function lineOfPath(doc: Document, lines: LineCounter, keyPath: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number] } | null)?.range?.[0];
  for (const part of pathParts(keyPath)) {
    if (typeof part === 'number' && isSeq(node)) {
      node = node.items[part];
      offset = (node as { range?: [number] } | undefined)?.range?.[0] ?? offset;
    } else if (typeof part === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      if (!pair) break;
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset;
      node = pair.value;
    } else break;
    if (node === undefined || node === null) break;
  }
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

interface ReadFiles {
  files: PackFiles;
  problems: PolicyProblem[];
  /** Each parsed file's document and lines, to say on which line a problem is. */
  parsed: Partial<Record<PackFileName, { doc: Document; lines: LineCounter }>>;
}

/** Reads and parses each file of the pack; `replace` gives a file's text instead of reading it (a change not written yet). */
async function readPackFiles(dir: string, replace: Partial<Record<PackFileName, string>> = {}): Promise<ReadFiles> {
  const problems: PolicyProblem[] = [];
  const files: PackFiles = {};
  const parsed: ReadFiles['parsed'] = {};
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    problems.push({ file: dir, path: '(root)', key: 'policy.problem.notFolder' });
    return { files, problems, parsed };
  }
  for (const file of PACK_FILES) {
    let text: string;
    try {
      text = replace[file] ?? (await readFile(path.join(dir, file), 'utf8'));
    } catch {
      problems.push({ file, path: '(root)', key: 'policy.problem.fileMissing' });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
    const error = doc.errors[0];
    if (error) {
      const where = error.linePos?.[0];
      problems.push({
        file,
        path: where ? `column ${where.col}` : '(root)',
        key: 'policy.problem.badYaml',
        params: { detail: error.message.split('\n')[0] ?? '' },
        ...(where ? { line: where.line } : {}),
      });
      continue;
    }
    files[file] = doc.toJS();
    parsed[file] = { doc, lines };
  }
  return { files, problems, parsed };
}

/** Validates what was read, and puts each problem's line beside its path. */
function validateRead({ files, problems, parsed }: ReadFiles): { pack?: PolicyPack; problems: PolicyProblem[] } {
  const result = validatePolicyPack(files);
  const located = result.problems.map((problem) => {
    const source = parsed[problem.file as PackFileName];
    const line = source && lineOfPath(source.doc, source.lines, problem.path === '(root)' ? '' : problem.path);
    return line === undefined ? problem : { ...problem, line };
  });
  const all = [...problems, ...located];
  return all.length > 0 || !result.pack ? { problems: all } : { pack: result.pack, problems: [] };
}

/** Every problem with the pack in `dir`: missing files, YAML errors, wrong fields, broken references. Empty when it is fine. */
export async function checkPolicyPack(dir: string): Promise<PolicyProblem[]> {
  return validateRead(await readPackFiles(dir)).problems;
}

/**
 * The pack in `dir` as it would be with some files' text replaced (a change checked before it is written).
 * @example await checkPolicyPackWith(dir, { 'regions.yaml': newText })
 */
export async function checkPolicyPackWith(dir: string, replace: Partial<Record<PackFileName, string>>): Promise<{ pack?: PolicyPack; problems: PolicyProblem[] }> {
  return validateRead(await readPackFiles(dir, replace));
}

/**
 * Loads and validates the policy pack in `dir`.
 * @throws {PolicyPackError} with every problem found, so an operator can fix them in one go.
 * @example const pack = await loadPolicyPack(config.policyDir);
 */
export async function loadPolicyPack(dir: string): Promise<PolicyPack> {
  const { pack, problems } = validateRead(await readPackFiles(dir));
  if (!pack) throw new PolicyPackError(dir, problems);
  return pack;
}

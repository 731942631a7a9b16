import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { PolicyPack, PolicyProblem } from './types.js';
import { PACK_FILES, validatePolicyPack, type PackFiles } from './validate-policy-pack.js';

/** Thrown by {@link loadPolicyPack} when the pack cannot be used; `problems` names each file, path and fault. */
export class PolicyPackError extends Error {
  override name = 'PolicyPackError';
  constructor(
    readonly dir: string,
    readonly problems: PolicyProblem[],
  ) {
    super(
      `The policy pack in ${dir} is not valid:\n${problems.map(formatPolicyProblem).join('\n')}\n` +
        'Fix these and run `fayuan policy check` again (docs/policy-pack.md describes the format).',
    );
  }
}

/** `regions.yaml: regions[1].standards[0].effectiveFrom: must be a date …` */
export function formatPolicyProblem(problem: PolicyProblem): string {
  return `${problem.file}: ${problem.path}: ${problem.message}`;
}

async function readPackFiles(dir: string): Promise<{ files: PackFiles; problems: PolicyProblem[] }> {
  const problems: PolicyProblem[] = [];
  const files: PackFiles = {};
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    problems.push({ file: dir, path: '(root)', message: 'is not a folder; give the folder that holds pack.yaml, regions.yaml, …' });
    return { files, problems };
  }
  for (const file of PACK_FILES) {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch {
      problems.push({ file, path: '(root)', message: 'file is missing from the pack folder' });
      continue;
    }
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
      const where = error.linePos?.[0];
      problems.push({
        file,
        path: where ? `line ${where.line}, column ${where.col}` : '(root)',
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      });
      continue;
    }
    files[file] = doc.toJS();
  }
  return { files, problems };
}

/** Every problem with the pack in `dir`: missing files, YAML errors, wrong fields, broken references. Empty when it is fine. */
export async function checkPolicyPack(dir: string): Promise<PolicyProblem[]> {
  const { files, problems } = await readPackFiles(dir);
  return [...problems, ...validatePolicyPack(files).problems];
}

/**
 * Loads and validates the policy pack in `dir`.
 * @throws {PolicyPackError} with every problem found, so an operator can fix them in one go.
 * @example const pack = await loadPolicyPack(config.policyDir);
 */
export async function loadPolicyPack(dir: string): Promise<PolicyPack> {
  const { files, problems } = await readPackFiles(dir);
  const result = validatePolicyPack(files);
  const all = [...problems, ...result.problems];
  if (all.length > 0 || !result.pack) throw new PolicyPackError(dir, all);
  return result.pack;
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ENTRY_FIELDS, type FaqEntry } from './faq-entry.js';
import { toFaqEntry, validateEntry, type EntryProblem } from './validate-entry.js';

/** An entry file that could not be used, with the reasons. */
export interface FileProblem {
  file: string;
  problems: EntryProblem[];
}

/**
 * Parses one entry file. YAML errors become a problem rather than an exception, so a whole folder
 * can be checked in one go. Dates are kept as YYYY-MM-DD strings.
 */
export function parseEntryYaml(text: string): { value: unknown; problems: EntryProblem[] } {
  try {
    return { value: parse(text), problems: [] };
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0] ?? '';
    return { value: undefined, problems: [{ field: '', message: `Not valid YAML: ${detail}`, key: 'kbValidation.notYaml', params: { detail } }] };
  }
}

/** Writes an entry as YAML with the fields in their usual order and long texts folded as blocks. */
export function dumpEntryYaml(entry: FaqEntry): string {
  const ordered: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) {
    if (entry[field] !== undefined) ordered[field] = entry[field];
  }
  return stringify(ordered, { lineWidth: 0 });
}

/**
 * Reads every `*.yaml` file of a folder (one entry per file) and validates the set as a whole, so
 * related ids and duplicate phrasings are checked across files. Invalid files are left out and reported.
 */
export function readEntryFiles(dir: string): { entries: FaqEntry[]; problems: FileProblem[] } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
  return readEntryFileList(files.map((f) => path.join(dir, f)));
}

/**
 * A fingerprint of a folder's entry files (names and contents), cheap beside reading them: a start-up compares it
 * with the one last taken and reads the files only when a release changed them. Undefined when the folder cannot be read.
 */
export function entryFilesStamp(dir: string): string | undefined {
  try {
    const hash = createHash('sha256');
    for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      hash.update(file).update('\0').update(fs.readFileSync(path.join(dir, file))).update('\0');
    }
    return hash.digest('hex').slice(0, 32);
  } catch {
    return undefined;
  }
}

/** Like {@link readEntryFiles} for a list of files; a file may also hold a list of entries. */
export function readEntryFileList(files: readonly string[], existing: readonly FaqEntry[] = []): { entries: FaqEntry[]; problems: FileProblem[] } {
  const raw: { file: string; value: unknown }[] = [];
  const problems: FileProblem[] = [];
  for (const file of files) {
    const parsed = parseEntryYaml(fs.readFileSync(file, 'utf8'));
    if (parsed.problems.length > 0) {
      problems.push({ file, problems: parsed.problems });
      continue;
    }
    const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    for (const value of values) raw.push({ file, value });
  }
  // Validate each against everything else being loaded plus existing entries with other ids.
  const loadingIds = new Set(raw.map((r) => (r.value as { id?: unknown } | null)?.id).filter((id): id is string => typeof id === 'string'));
  const shallow = raw.map((r) => r.value as FaqEntry);
  const context = [...existing.filter((e) => !loadingIds.has(e.id)), ...shallow.filter(isEntryLike)];
  const entries: FaqEntry[] = [];
  const ids = new Set<string>();
  for (const { file, value } of raw) {
    const id = (value as { id?: unknown } | null)?.id;
    // Same-id entries (this one, or the version it replaces) are skipped by the validator.
    const others = context;
    const found = validateEntry(value, others);
    if (typeof id === 'string' && ids.has(id)) found.push({ field: 'id', message: `Another file already has the id "${id}".`, key: 'kbValidation.idInAnotherFile', params: { id } });
    if (found.length > 0) {
      problems.push({ file, problems: found });
      continue;
    }
    ids.add(id as string);
    entries.push(toFaqEntry(value, others));
  }
  return { entries, problems };
}

function isEntryLike(value: unknown): value is FaqEntry {
  const v = value as Partial<FaqEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.questions === 'object' && typeof v.title === 'object';
}

/** Writes each entry to `<dir>/<id>.yaml`; returns the files written. */
export function writeEntryFiles(dir: string, entries: readonly FaqEntry[]): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return entries.map((entry) => {
    const file = path.join(dir, `${entry.id}.yaml`);
    fs.writeFileSync(file, dumpEntryYaml(entry));
    return file;
  });
}

import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { isLocale, type Locale } from '../locales/catalog.js';
import { parseApplicantFacts } from '../knowledge/eligibility/applicant-facts.js';
import { assess } from '../knowledge/eligibility/assess.js';
import { localizeDecision } from '../knowledge/eligibility/localize-decision.js';
import { isIsoDate } from '../knowledge/policy/field-checker.js';
import { loadPolicyPack, PolicyPackError } from '../knowledge/policy/load-policy-pack.js';
import { todayIn } from '../knowledge/policy/lookup.js';
import type { PolicyPack } from '../knowledge/policy/types.js';
import type { Command } from './io.js';

const USAGE = 'Usage: fayuan assess [--date YYYY-MM-DD] [--locale zh-CN|en] < facts.jsonl';

interface AssessOptions {
  date?: string;
  locale: Locale;
}

function parseArgs(args: string[]): AssessOptions | string {
  const options: AssessOptions = { locale: 'zh-CN' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    if (flag !== '--date' && flag !== '--locale') return `Unknown option ${args[i]}.`;
    const value = inline ?? args[++i];
    if (flag === '--date') {
      if (!isIsoDate(value)) return `--date needs a date written YYYY-MM-DD (got ${value ?? 'nothing'}).`;
      options.date = value;
    } else {
      if (!isLocale(value)) return `--locale must be zh-CN or en (got ${value ?? 'nothing'}).`;
      options.locale = value;
    }
  }
  return options;
}

async function writeLine(out: Writable, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
}

/** The output for one input line: a localised decision, or `{ error, line }`. An `id` on the input is echoed back. */
export function assessLine(text: string, lineNumber: number, pack: PolicyPack, date: string, locale: Locale): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON: ${(error as Error).message}`, line: lineNumber };
  }
  const parsed = parseApplicantFacts(json, pack);
  if (!parsed.ok) return { error: parsed.error, line: lineNumber };
  const id = (json as { id?: unknown }).id;
  const echo = typeof id === 'string' || typeof id === 'number' ? { id } : {};
  try {
    return { ...echo, ...localizeDecision(assess(parsed.facts, pack, date), locale) };
  } catch (error) {
    return { error: `could not assess this line: ${(error as Error).message}`, line: lineNumber };
  }
}

/**
 * `fayuan assess [--date YYYY-MM-DD] [--locale en]`: reads applicant facts as JSON Lines on stdin and writes one
 * decision per line on stdout, in the vocabulary of domain.md. A line that is not valid JSON or not valid facts
 * gets `{"error": "…", "line": N}` and the rest carry on; blank lines are skipped. The date (default: today in the
 * pack's time zone) picks the standards and rules in force. Stops between lines when `shutdown` fires.
 */
export const assessCommand: Command = async ({ args, stdin, stdout, stderr, config, shutdown }) => {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    stderr.write(`${options}\n${USAGE}\n`);
    return 2;
  }
  let pack: PolicyPack;
  try {
    pack = await loadPolicyPack(config.policyDir);
  } catch (error) {
    if (!(error instanceof PolicyPackError)) throw error;
    stderr.write(`${error.describe(options.locale)}\n`);
    return 1;
  }
  const date = options.date ?? todayIn(pack.timeZone);
  let lineNumber = 0;
  for await (const text of createInterface({ input: stdin, crlfDelay: Infinity })) {
    if (shutdown.aborted) break;
    lineNumber += 1;
    if (text.trim() === '') continue;
    await writeLine(stdout, assessLine(text, lineNumber, pack, date, options.locale));
  }
  return 0;
};

import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkPolicyPack, formatPolicyProblem, loadPolicyPack, policyProblemsSummary } from '../knowledge/policy/load-policy-pack.js';
import { policyVersion, standardFor, todayIn } from '../knowledge/policy/lookup.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import type { Command } from './io.js';

/**
 * `fayuan policy check [dir] [--lang en]`: validates a policy pack folder (default: the configured one). Prints each
 * problem on its own line (file, line, key path, what is wrong; Chinese unless `--lang en`) and exits 1, or prints a
 * one-line summary and exits 0. Accepts its arguments with or without the leading `check` word.
 */
export const policyCheckCommand: Command = async ({ args, stdout, stderr, config }) => {
  const rest = args[0] === 'check' ? args.slice(1) : args;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch {
    parsed = undefined;
  }
  const locale: Locale = parsed?.values.lang === 'en' || rest.includes('--lang=en') ? 'en' : 'zh-CN';
  if (!parsed || parsed.positionals.length > 1) {
    stderr.write(`${translate('policy.check.usage', locale)}\n`);
    return 2;
  }
  const dir = path.resolve(parsed.positionals[0] ?? config.policyDir);
  const problems = await checkPolicyPack(dir);
  if (problems.length > 0) {
    for (const problem of problems) stdout.write(`${formatPolicyProblem(problem, locale)}\n`);
    stderr.write(`${policyProblemsSummary(dir, problems.length, locale)}\n`);
    return 1;
  }
  const pack = await loadPolicyPack(dir);
  const today = todayIn(pack.timeZone);
  const missingStandard = pack.regions.filter((r) => !standardFor(pack, r.id, today)).map((r) => r.id);
  const counts = { regions: pack.regions.length, rules: pack.rules.length, offices: pack.offices.length, routing: pack.routing.length, documents: pack.documents.length };
  stdout.write(
    translate('policy.check.ok', locale, { version: policyVersion(pack), dir, ...counts }) +
      (missingStandard.length > 0 ? translate('policy.check.no_standard', locale, { regions: missingStandard.join(', ') }) : '') +
      '\n',
  );
  return 0;
};

import path from 'node:path';
import { checkPolicyPack, formatPolicyProblem, loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import { policyVersion, standardFor, todayIn } from '../knowledge/policy/lookup.js';
import type { Command } from './io.js';

/**
 * `fayuan policy check [dir]`: validates a policy pack folder (default: the configured one). Prints each problem as
 * `file: path: message` and exits 1, or prints a one-line summary and exits 0. Accepts its arguments with or
 * without the leading `check` word, however the dispatcher passes them.
 */
export const policyCheckCommand: Command = async ({ args, stdout, stderr, config }) => {
  const rest = args[0] === 'check' ? args.slice(1) : args;
  if (rest.length > 1 || rest[0]?.startsWith('-')) {
    stderr.write('Usage: fayuan policy check [dir]\n');
    return 2;
  }
  const dir = path.resolve(rest[0] ?? config.policyDir);
  const problems = await checkPolicyPack(dir);
  if (problems.length > 0) {
    for (const problem of problems) stdout.write(`${formatPolicyProblem(problem)}\n`);
    stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the policy pack ${dir}\n`);
    return 1;
  }
  const pack = await loadPolicyPack(dir);
  const today = todayIn(pack.timeZone);
  const missingStandard = pack.regions.filter((r) => !standardFor(pack, r.id, today)).map((r) => r.id);
  stdout.write(
    `OK ${policyVersion(pack)} (${dir}): ${pack.regions.length} regions, ${pack.rules.length} rules, ` +
      `${pack.offices.length} offices, ${pack.routing.length} routing rules, ${pack.documents.length} documents` +
      (missingStandard.length > 0 ? `; no standard in force today for ${missingStandard.join(', ')}` : '') +
      '\n',
  );
  return 0;
};

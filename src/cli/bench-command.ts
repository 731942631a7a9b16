import { parseArgs } from 'node:util';
import type { Command } from './io.js';

const USAGE = `Usage: fayuan bench [--duration SECONDS] [--residents N]

  --duration   seconds each measured load lasts (default 10; about 2–3 minutes in all)
  --residents  residents always present in the closed-loop phases (default 200)

The last line printed is one JSON object with every figure (see docs/performance.md).
`;

/** `fayuan bench` (`npm run bench`): the whole benchmark in one run; the last line is one JSON object. */
export const benchCommand: Command = async ({ args, stdout, stderr }) => {
  let values: { duration?: string; residents?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { duration: { type: 'string' }, residents: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch {
    stderr.write(USAGE);
    return 2;
  }
  if (values.help) {
    stdout.write(USAGE);
    return 0;
  }
  const durationS = Number(values.duration ?? 10);
  const residents = Number(values.residents ?? 200);
  if (!Number.isFinite(durationS) || durationS < 1 || !Number.isInteger(residents) || residents < 1) {
    stderr.write(USAGE);
    return 2;
  }
  const log = (line: string) => stdout.write(`${line}\n`);
  const { runBench } = await import('../../bench/conversation-bench.js');
  const figures = await runBench({ durationS, residents, log });
  log(JSON.stringify(figures));
  return 0;
};

/**
 * Only the FAQ figures of `npm run bench`, run N times in one process (each on a new knowledge base):
 *   npx tsx bench/faq-measure.ts --runs 5 [--entries 5000]
 * Prints measureFaq's log lines and, last, one JSON line with every run's figures and their ranges.
 */
import { measureFaq } from './faq-latency.js';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const runs = option('runs', 5);
const entries = option('entries', 5000);
const results: Awaited<ReturnType<typeof measureFaq>>[] = [];
for (let run = 0; run < runs; run++) {
  results.push(await measureFaq({ entries, log: (line) => console.log(`run ${run + 1} ${line}`) }));
}
const range = (key: keyof (typeof results)[number]) => {
  const values = results.map((r) => r[key]);
  return [Math.min(...values), Math.max(...values)];
};
console.log(JSON.stringify({ runs: results, faqBuildMs: range('faqBuildMs'), faqEditStallMs: range('faqEditStallMs'), faqQueryP99Ms: range('faqQueryP99Ms') }));

import type { Command } from './io.js';

/**
 * `fayuan bench [--residents N]` (`npm run bench`): the conversation benchmark (and the knowledge-base
 * latency benchmark when present). The last line printed is one JSON object with every figure.
 */
export const benchCommand: Command = async ({ args, stdout }) => {
  const residentsArg = args.indexOf('--residents');
  const residents = residentsArg >= 0 ? Number(args[residentsArg + 1]) : 200;
  if (!Number.isInteger(residents) || residents < 1) {
    stdout.write('Usage: fayuan bench [--residents N]\n');
    return 2;
  }
  const log = (line: string) => stdout.write(`${line}\n`);
  const { runConversationBench } = await import('../../bench/conversation-bench.js');
  const conversation = await runConversationBench({ residents, log });
  log(`conversation: ${JSON.stringify(conversation)}`);
  const { runFaqLatencyBench } = await import('../../bench/faq-latency.js');
  const faq = await runFaqLatencyBench({ entries: 5000, log });
  const { msgsPerSec, p50Ms, p95Ms, p99Ms, peakRssMb, baselineUpsertsPerSec, ratio } = conversation;
  log(
    JSON.stringify({
      msgsPerSec,
      p50Ms,
      p95Ms,
      p99Ms,
      peakRssMb,
      baselineUpsertsPerSec,
      ratio,
      faqEntries: faq.entries,
      faqP99Ms: faq.p99Ms,
      faqBaselineP99Ms: faq.baselineP99Ms,
      faqSpeedup: faq.speedup,
    }),
  );
  return 0;
};

/**
 * Where the event-loop stalls during FAQ edits come from: the main thread's own work, or waiting for
 * a processor. Opens a knowledge base of `--entries` entries (index worker as in the bot), asks a
 * question every 2 ms, applies `--edits` edits (or, with `--no-edit`, waits as long instead), and for
 * every stall over 8 ms of a 1 ms timer prints how long the main thread ran and how long it was
 * runnable but waiting for a core during it (Linux /proc/<pid>/task/<pid>/schedstat, nanoseconds).
 *   npx tsx bench/faq-stall-probe.ts [--entries 5000] [--edits 20] [--no-edit]
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { readEntryFiles } from '../src/knowledge/faq/entry-files.js';
import { readLabelledQuestions } from '../src/knowledge/faq/evaluate.js';
import { KnowledgeBase } from '../src/knowledge/faq/knowledge-base.js';
import { loadSynonymsFile } from '../src/knowledge/faq/synonyms.js';
import { synthesizeEntries, versionedStore } from './faq-latency.js';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const editing = !process.argv.includes('--no-edit');
const knowledge = path.join(PROJECT_ROOT, 'knowledge');
const { store, current, save } = versionedStore(synthesizeEntries(readEntryFiles(path.join(knowledge, 'faq')).entries, option('entries', 5000)));
const kb = await KnowledgeBase.open(store, { synonyms: loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups });
const questions = readLabelledQuestions(path.join(PROJECT_ROOT, 'eval/faq/dev/questions.jsonl')).map((q) => q.question);
for (const q of questions) kb.judge(q);

/** [ns on a core, ns runnable but waiting] of the main thread so far. */
const schedstat = () => fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, 'utf8').split(' ').slice(0, 2).map(Number);
const stalls: { during: string; ms: number; ran: number; waited: number }[] = [];
let during = 'between edits';
let last = performance.now();
let lastStat = schedstat();
const timer = setInterval(() => {
  const now = performance.now();
  const stat = schedstat();
  if (now - last > 8) stalls.push({ during, ms: now - last, ran: (stat[0]! - lastStat[0]!) / 1e6, waited: (stat[1]! - lastStat[1]!) / 1e6 });
  last = now;
  lastStat = stat;
}, 1);
let asking = true;
let asked = 0;
const ask = () => {
  if (!asking) return;
  kb.judge(questions[asked++ % questions.length]!);
  setTimeout(ask, 2);
};
ask();

for (let edit = 0; edit < option('edits', 20); edit++) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  during = editing ? 'edit' : 'no edit';
  if (editing) {
    const entries = current();
    const target = entries[(edit * 211) % entries.length]!;
    save({ ...target, tags: [...target.tags, `probe tag ${edit}`] });
    await kb.refreshIfChanged();
  } else {
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  during = 'between edits';
}
asking = false;
clearInterval(timer);
await kb.close();

const round = (x: number) => Math.round(x * 10) / 10;
for (const kind of [editing ? 'edit' : 'no edit', 'between edits']) {
  const mine = stalls.filter((s) => s.during === kind);
  const longest = [...mine].sort((a, b) => b.ms - a.ms).slice(0, 5);
  console.log(
    `${kind}: ${mine.length} stalls over 8 ms; most the main thread ran within one ${round(Math.max(0, ...mine.map((s) => s.ran)))} ms; longest: ${longest
      .map((s) => `${round(s.ms)} ms (ran ${round(s.ran)}, waited for a core ${round(s.waited)})`)
      .join(', ')}`,
  );
}

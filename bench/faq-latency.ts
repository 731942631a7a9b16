import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.js';
import { readEntryFiles } from '../src/knowledge/faq/entry-files.js';
import type { FaqEntry } from '../src/knowledge/faq/faq-entry.js';
import { KnowledgeBase } from '../src/knowledge/faq/knowledge-base.js';
import type { KnowledgeStore } from '../src/knowledge/faq/knowledge-store.js';
import { loadSynonymsFile, normalizeText } from '../src/knowledge/faq/synonyms.js';
import { detectLocale } from '../src/knowledge/faq/text-analyzer.js';
import { readLabelledQuestions } from '../src/knowledge/faq/evaluate.js';

export interface FaqLatencyResult {
  entries: number;
  queries: number;
  buildMs: number;
  /** Time for the running bot to pick up one edited entry (refreshIfChanged). */
  refreshMs: number;
  /** Every query timed once: includes garbage collection and whatever else the machine is doing. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Per query the fastest of its `rounds` runs: the cost of the query itself, without machine noise. */
  bestOfP50Ms: number;
  bestOfP99Ms: number;
  /** The same questions by a linear scan that counts which question words each entry's text includes. */
  baselineP50Ms: number;
  baselineP99Ms: number;
  /** Baseline p99 ÷ index p99 (both timed once per query). */
  speedup: number;
}

// A deterministic pseudo-random sequence, so every run builds the same synthetic entries.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HAN_POOL = '甲乙丙丁戊己庚辛壬癸东南西北春夏秋冬山水田林湖海江河石木金土风云雨雪花草虫鱼鸟兽红黄蓝绿青紫白黑长短高低新旧';
const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tu', 'zha', 'qi', 'pen', 'ros', 'vel', 'dor', 'nix'];

/**
 * Grows the real entries to `count` by copying them with made-up distinguishing words in every
 * phrasing (a place, a product, a name): the vocabulary and the posting lists grow the way a large
 * local knowledge base would, while the real entries keep their wording.
 */
export function synthesizeEntries(real: readonly FaqEntry[], count: number, seed = 42): FaqEntry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const entries = [...real];
  for (let i = 0; entries.length < count; i++) {
    const base = real[i % real.length]!;
    const hanWord = () => pick([...HAN_POOL]) + pick([...HAN_POOL]) + pick([...HAN_POOL]);
    const enWord = () => pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
    const zh = hanWord();
    const en = enWord();
    entries.push({
      ...base,
      id: `${base.id}_${i}`,
      title: { 'zh-CN': `${zh}${base.title['zh-CN']}`, en: `${base.title.en} in ${en}` },
      questions: {
        'zh-CN': base.questions['zh-CN'].map((q) => `${hanWord()}${q}${zh}`),
        en: base.questions.en.map((q) => `${q} ${enWord()} ${en}`),
      },
      tags: [...base.tags, zh, en],
      related: [],
    });
  }
  return entries;
}

/** A linear scan: for each entry, how many of the question's words and character pairs its text includes. */
function linearScan(entries: readonly { id: string; text: string }[], question: string): string | undefined {
  const q = normalizeText(question);
  const pieces = /\p{Script=Han}/u.test(q)
    ? [...q.replace(/[^\p{Script=Han}]/gu, '')].map((c, i, all) => c + (all[i + 1] ?? '')).filter((p) => p.length === 2)
    : q.split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  let best: string | undefined;
  let bestCount = 0;
  for (const entry of entries) {
    let count = 0;
    for (const piece of pieces) if (entry.text.includes(piece)) count++;
    if (count > bestCount) {
      bestCount = count;
      best = entry.id;
    }
  }
  return best;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/**
 * Builds a knowledge base of `entries` entries (the real ones plus synthetic copies) and times
 * `kb.match` on the evaluation questions (in and out of domain), each asked `rounds` times with a
 * different suffix; the baseline is a linear scan over the same entries in the same run. Also times
 * how long the bot takes to pick up one edited entry.
 */
export async function runFaqLatencyBench(options: { entries?: number; rounds?: number; log?: (line: string) => void } = {}): Promise<FaqLatencyResult> {
  const count = options.entries ?? 5000;
  const rounds = options.rounds ?? 5;
  const log = options.log ?? (() => undefined);
  const knowledge = path.join(PROJECT_ROOT, 'knowledge');
  const real = readEntryFiles(path.join(knowledge, 'faq')).entries;
  const entries = synthesizeEntries(real, count);
  const synonyms = loadSynonymsFile(path.join(knowledge, 'synonyms.yaml')).groups;

  // An in-memory store: the benchmark measures the index, not SQLite.
  let current = entries;
  let revision = 1;
  const store: KnowledgeStore = {
    revision: async () => revision,
    listEntries: async () => current,
    seedIfEmpty: async () => 0,
    recordUnanswered: async () => undefined,
  };
  const started = performance.now();
  const kb = await KnowledgeBase.open(store, { synonyms });
  const buildMs = performance.now() - started;
  log(`faq: built an index of ${entries.length} entries in ${buildMs.toFixed(0)} ms`);

  const edited = { ...entries[0]!, questions: { ...entries[0]!.questions, en: [...entries[0]!.questions.en, 'a newly added phrasing'] } };
  current = [edited, ...entries.slice(1)];
  revision++;
  const refreshStarted = performance.now();
  await kb.refreshIfChanged();
  const refreshMs = performance.now() - refreshStarted;
  log(`faq: picked up one edited entry in ${refreshMs.toFixed(0)} ms`);

  const evalDir = path.join(PROJECT_ROOT, 'eval', 'faq');
  const base = [...readLabelledQuestions(path.join(evalDir, 'questions.jsonl')), ...readLabelledQuestions(path.join(evalDir, 'out-of-domain.jsonl'))].map((q) => q.question);

  // Warm-up round (not measured): compiles the search paths and lets the collector finish with the
  // garbage of the build, as in a bot that has been running for a while.
  for (const q of base) kb.match(`${q} warmup`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const times: number[] = [];
  const best = new Array<number>(base.length).fill(Infinity);
  for (let r = 0; r < rounds; r++) {
    base.forEach((question, i) => {
      // A different suffix each round, so no round is helped by anything cached from the last.
      const q = r === 0 ? question : `${question} ${r}`;
      const t = performance.now();
      kb.match(q, detectLocale(q));
      const elapsed = performance.now() - t;
      times.push(elapsed);
      best[i] = Math.min(best[i]!, elapsed);
    });
  }
  times.sort((a, b) => a - b);
  best.sort((a, b) => a - b);

  const texts = {
    'zh-CN': entries.map((e) => ({ id: e.id, text: normalizeText([e.title['zh-CN'], ...e.questions['zh-CN'], ...e.tags].join(' ')) })),
    en: entries.map((e) => ({ id: e.id, text: normalizeText([e.title.en, ...e.questions.en, ...e.tags].join(' ')) })),
  };
  const baseline: number[] = [];
  for (const q of base) {
    const t = performance.now();
    linearScan(texts[detectLocale(q)], q);
    baseline.push(performance.now() - t);
  }
  baseline.sort((a, b) => a - b);

  const result: FaqLatencyResult = {
    entries: entries.length,
    queries: times.length,
    buildMs: Math.round(buildMs),
    refreshMs: Math.round(refreshMs),
    p50Ms: round(percentile(times, 0.5)),
    p99Ms: round(percentile(times, 0.99)),
    maxMs: round(times.at(-1)!),
    bestOfP50Ms: round(percentile(best, 0.5)),
    bestOfP99Ms: round(percentile(best, 0.99)),
    baselineP50Ms: round(percentile(baseline, 0.5)),
    baselineP99Ms: round(percentile(baseline, 0.99)),
    speedup: round(percentile(baseline, 0.99) / percentile(times, 0.99)),
  };
  log(`faq: ${JSON.stringify(result)}`);
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

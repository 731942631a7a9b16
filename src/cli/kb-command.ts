import { understandingDeps } from '../bot/knowledge-port.js';
import { kbQuery } from '../knowledge/understanding/kb-query.js';
import { meaningLabel, understand } from '../knowledge/understanding/understand.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PROJECT_ROOT } from '../config.js';
import { isLocale, LOCALES, type Locale } from '../locales/catalog.js';
import {
  calibrateConfidence,
  crossValidateCalibration,
  CALIBRATION_TARGETS,
  confusionPairs,
  evaluateKnowledgeBase,
  formatEvalReport,
  formatEvalTable,
  leaveOneOutJudged,
  readLabelledQuestions,
  reportFigures,
} from '../knowledge/faq/evaluate.js';
import { DEFAULT_CONFIDENCE, type ConfidenceModel } from '../knowledge/faq/confidence.js';
import { compareRankers } from '../knowledge/faq/compare-rankers.js';
import { dumpEntryYaml, parseEntryYaml, readEntryFiles, writeEntryFiles } from '../knowledge/faq/entry-files.js';
import { entriesRelatedTo, planChanges, staleEntries, type BatchProblem } from '../knowledge/faq/entry-changes.js';
import type { EntryProblem } from '../knowledge/faq/validate-entry.js';
import { KnowledgeBase } from '../knowledge/faq/knowledge-base.js';
import { DEMO_POLICY_VALUES, policyValuesFromPack } from '../knowledge/faq/policy-values.js';
import type { PolicyValues } from '../knowledge/faq/faq-entry.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import { renderAnswer } from '../knowledge/faq/render-answer.js';
import { loadSynonymsFile } from '../knowledge/faq/synonyms.js';
import { detectLocale } from '../knowledge/faq/text-analyzer.js';
import type { KnowledgeRepository } from '../knowledge/faq/knowledge-repository.js';
import { openRepositories } from '../storage/open-repositories.js';
import type { Command, CommandContext } from './io.js';

const USAGE = `Usage: fayuan kb <command>

  list [--stale] [--locale zh-CN|en]   entries (--stale: review date passed)
  show ID [--answer] [--region R]      an entry as YAML (save it, edit it, then "kb edit ID --file");
                                       --answer: as residents of region R see it (policy pack values)
  add --file FILE [--by NAME]          add the entry (or list of entries) in FILE
  edit ID --file FILE [--by NAME]      replace entry ID with the one in FILE
  remove ID [--by NAME]                remove entry ID (its history is kept)
  import FILE|DIR [--by NAME]          add or update every entry in a file or folder, all or nothing
  export [DIR] [--prune]               write every entry to DIR/<id>.yaml (default: the knowledge folder)
  history ID                           every version of an entry, with who and when
  revert ID VERSION [--by NAME]        make an earlier version current again (as a new version)
  ask [QUESTION] [--locale L] [--jsonl] how the bot would handle a question (or one per line on stdin)
  unanswered [--limit N] [--clear]     questions the bot could not answer, most frequent first
  synonyms                             check the synonym file
  eval [--confusions] [--misses] [--calibrate] [--compare] [--fast] [--dev-only]
                                       answered-correct, confident-wrong and off-topic declined per
                                       language on the frozen test half (eval/faq/test), then the dev
                                       half and leave-one-phrasing-out; --confusions: entries that take
                                       each other's questions; --misses: the dev half's misses;
                                       --fast: without leave-one-phrasing-out; --dev-only: without
                                       the frozen test half (for tuning); --kfold K [--max-wrong X]:
                                       only the calibration's K-fold cross-validation on the dev half
                                       and, reported apart, the untuned eval/faq/fresh/calibration-*;
                                       --file FILE: only the questions of FILE (e.g. eval/faq/fresh/…);
                                       --calibrate [--locale L]: refit (only language L's models and
                                       thresholds), on the dev half and eval/faq/fresh/calibration-*
`;

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--file', '--by', '--locale', '--limit', '--questions', '--ood', '--region', '--max-wrong', '--kfold']);

function parseArgs(args: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(name, inline);
      else if (VALUE_FLAGS.has(name) && i + 1 < args.length) flags.set(name, args[++i]!);
      else flags.set(name, true);
    } else positional.push(arg);
  }
  return { positional, flags };
}

class UsageError extends Error {
  override name = 'UsageError';
}

const text = (args: Args, name: string): string | undefined => {
  const value = args.flags.get(name);
  if (value === true) throw new UsageError(`${name} needs a value.`);
  return value;
};

function whoIsChanging(args: Args): string {
  const by = text(args, '--by');
  if (by) return by;
  try {
    return os.userInfo().username || 'operator';
  } catch {
    return 'operator';
  }
}

function localeFlag(args: Args): Locale | undefined {
  const value = text(args, '--locale');
  if (value === undefined) return undefined;
  if (!isLocale(value)) throw new UsageError(`--locale must be zh-CN or en (got "${value}").`);
  return value;
}

const formatTime = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function formatProblems(problems: readonly BatchProblem[]): string {
  return problems
    .map((p) => `${p.entry}:\n${p.problems.map((x: EntryProblem) => `  - ${x.field ? `${x.field}: ` : ''}${x.message}`).join('\n')}`)
    .join('\n');
}

/** Reads the entries of a YAML file (one entry or a list) or of every YAML file in a folder. */
function readBatch(target: string): { values: unknown[]; problems: BatchProblem[] } {
  const files = fs.statSync(target).isDirectory()
    ? fs.readdirSync(target).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(target, f))
    : [target];
  const values: unknown[] = [];
  const problems: BatchProblem[] = [];
  for (const file of files) {
    const parsed = parseEntryYaml(fs.readFileSync(file, 'utf8'));
    if (parsed.problems.length > 0) problems.push({ entry: file, problems: parsed.problems });
    else values.push(...(Array.isArray(parsed.value) ? parsed.value : [parsed.value]));
  }
  return { values, problems };
}

/** The knowledge-base operator tool; see {@link USAGE}. */
export const kbCommand: Command = async (ctx) => {
  const { stdout, stderr } = ctx;
  const [sub, ...rest] = ctx.args;
  if (sub === undefined || sub === 'help' || sub === '--help') {
    stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  let args: Args;
  try {
    args = parseArgs(rest);
  } catch (error) {
    stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  try {
    switch (sub) {
      case 'eval':
        return await evalCommand(ctx, args);
      case 'synonyms':
        return synonymsCommand(ctx);
      default: {
        const handler = Object.hasOwn(DB_COMMANDS, sub) ? DB_COMMANDS[sub] : undefined;
        if (!handler) {
          stderr.write(`Unknown command "kb ${sub}".\n\n${USAGE}`);
          return 2;
        }
        return await withStore(ctx, (store) => handler(ctx, args, store));
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
};

async function withStore(ctx: CommandContext, work: (store: KnowledgeRepository) => Promise<number>): Promise<number> {
  const repos = await openRepositories(ctx.config);
  try {
    const store = repos.knowledge;
    // The files in the repository seed a new database; afterwards the database is the source of truth.
    if (!(await store.hasHistory())) {
      const { entries, problems } = readEntryFiles(seedDir(ctx));
      const seeded = await store.seedIfEmpty(entries, 'seed', Date.now());
      if (seeded > 0) ctx.stderr.write(`Seeded the knowledge base with ${seeded} entries from ${seedDir(ctx)}.\n`);
      if (problems.length > 0) {
        ctx.stderr.write(`Left out (did not validate):\n${formatProblems(problems.map((p) => ({ entry: path.basename(p.file), problems: p.problems })))}\n`);
      }
    }
    return await work(store);
  } finally {
    await repos.close();
  }
}

const seedDir = (ctx: CommandContext) => path.join(ctx.config.knowledgeDir, 'faq');
const synonymsFile = (ctx: CommandContext) => path.join(ctx.config.knowledgeDir, 'synonyms.yaml');

type DbCommand = (ctx: CommandContext, args: Args, store: KnowledgeRepository) => Promise<number>;

const DB_COMMANDS: Record<string, DbCommand> = {
  async list({ stdout }, args, store) {
    const locale = localeFlag(args) ?? 'zh-CN';
    let stored = await store.listStored();
    const today = new Date().toISOString().slice(0, 10);
    if (args.flags.has('--stale')) {
      const stale = new Set(staleEntries(stored.map((s) => s.entry), today).map((e) => e.id));
      stored = stored.filter((s) => stale.has(s.entry.id));
      if (stored.length === 0) {
        stdout.write(`No entry is past its review date (today is ${today}).\n`);
        return 0;
      }
    }
    for (const s of stored) {
      const review = s.entry.reviewBy ?? '-';
      const overdue = s.entry.reviewBy !== undefined && s.entry.reviewBy < today ? ' OVERDUE' : '';
      stdout.write(`${s.entry.id.padEnd(28)} v${String(s.version).padEnd(3)} review ${review}${overdue}  ${s.entry.title[locale]}\n`);
    }
    stdout.write(`${stored.length} entries\n`);
    return 0;
  },

  async show(ctx, args, store) {
    const { stdout, stderr } = ctx;
    const id = args.positional[0];
    if (!id) throw new UsageError('Which entry? fayuan kb show ID');
    const stored = await store.getEntry(id);
    if (!stored) {
      stderr.write(`There is no entry "${id}". See "fayuan kb list".\n`);
      return 1;
    }
    if (args.flags.has('--answer')) {
      const values = await policyValuesFor(ctx, args);
      for (const locale of LOCALES) stdout.write(`--- ${locale} ---\n${renderAnswer(stored.entry, locale, values)}\n\n`);
      return 0;
    }
    stdout.write(`# ${id}: version ${stored.version}, changed ${formatTime(stored.updatedAt)} by ${stored.updatedBy}\n`);
    stdout.write(`# To change it: save this text to a file, edit it, then run: fayuan kb edit ${id} --file <file>\n`);
    stdout.write(dumpEntryYaml(stored.entry));
    return 0;
  },

  async add({ stdout, stderr }, args, store) {
    const file = text(args, '--file');
    if (!file) throw new UsageError('Give the entry file: fayuan kb add --file new-entry.yaml');
    return save({ stdout, stderr }, store, file, 'add', whoIsChanging(args));
  },

  async edit({ stdout, stderr }, args, store) {
    const id = args.positional[0];
    const file = text(args, '--file');
    if (!id) throw new UsageError('Which entry? fayuan kb edit ID --file FILE');
    if (!file) {
      stderr.write(`Save the entry to a file, change it, then load it back:\n  fayuan kb show ${id} > ${id}.yaml\n  (edit ${id}.yaml)\n  fayuan kb edit ${id} --file ${id}.yaml\n`);
      return 2;
    }
    return save({ stdout, stderr }, store, file, 'edit', whoIsChanging(args), id);
  },

  async import({ stdout, stderr }, args, store) {
    const target = args.positional[0] ?? text(args, '--file');
    if (!target) throw new UsageError('What to import? fayuan kb import FILE|DIR');
    return save({ stdout, stderr }, store, target, 'import', whoIsChanging(args));
  },

  async remove({ stdout, stderr }, args, store) {
    const id = args.positional[0];
    if (!id) throw new UsageError('Which entry? fayuan kb remove ID');
    const removed = await store.removeEntry(id, { by: whoIsChanging(args), at: Date.now() });
    if (!removed) {
      stderr.write(`There is no entry "${id}".\n`);
      return 1;
    }
    stdout.write(`Removed ${id}. Its history is kept: "fayuan kb revert ${id} VERSION" brings it back.\n`);
    const referring = entriesRelatedTo(id, await store.listEntries());
    if (referring.length > 0) stdout.write(`These entries still list it under "related"; edit them to drop it: ${referring.join(', ')}\n`);
    return 0;
  },

  async export(ctx, args, store) {
    const dir = path.resolve(args.positional[0] ?? seedDir(ctx));
    const entries = await store.listEntries();
    const written = writeEntryFiles(dir, entries);
    ctx.stdout.write(`Wrote ${written.length} entries to ${dir}.\n`);
    const ids = new Set(entries.map((e) => e.id));
    const leftovers = fs.readdirSync(dir).filter((f) => /^[a-z][a-z0-9_]*\.yaml$/.test(f) && !ids.has(f.replace(/\.yaml$/, '')));
    if (leftovers.length > 0 && args.flags.has('--prune')) {
      for (const f of leftovers) fs.rmSync(path.join(dir, f));
      ctx.stdout.write(`Deleted ${leftovers.length} files of removed entries: ${leftovers.join(', ')}\n`);
    } else if (leftovers.length > 0) {
      ctx.stdout.write(`These files are for entries no longer in the knowledge base (add --prune to delete them): ${leftovers.join(', ')}\n`);
    }
    return 0;
  },

  async history({ stdout, stderr }, args, store) {
    const id = args.positional[0];
    if (!id) throw new UsageError('Which entry? fayuan kb history ID');
    const versions = await store.history(id);
    if (versions.length === 0) {
      stderr.write(`There is no entry "${id}" and never was.\n`);
      return 1;
    }
    for (const v of versions) stdout.write(`v${String(v.version).padEnd(3)} ${v.action.padEnd(7)} ${formatTime(v.changedAt)}  ${v.changedBy}\n`);
    return 0;
  },

  async revert({ stdout, stderr }, args, store) {
    const [id, versionText] = args.positional;
    const version = Number(versionText);
    if (!id || !Number.isInteger(version)) throw new UsageError('Which entry and version? fayuan kb revert ID VERSION');
    const old = (await store.history(id)).find((v) => v.version === version);
    if (!old?.entry) {
      stderr.write(old ? `Version ${version} of ${id} is a removal; pick a version that has content ("fayuan kb history ${id}").\n` : `${id} has no version ${version} ("fayuan kb history ${id}").\n`);
      return 1;
    }
    const plan = planChanges([old.entry], await store.listEntries(), 'import');
    if (plan.problems.length > 0) {
      stderr.write(`Version ${version} no longer fits with the other entries:\n${formatProblems(plan.problems)}\n`);
      return 1;
    }
    if (plan.unchanged.length > 0) {
      stdout.write(`${id} is already the same as version ${version}.\n`);
      return 0;
    }
    const [saved] = await store.saveEntries([old.entry], 'revert', { by: whoIsChanging(args), at: Date.now() });
    stdout.write(`Reverted ${id} to the content of version ${version}, saved as version ${saved}.\n`);
    return 0;
  },

  async ask(ctx, args, store) {
    const kb = await KnowledgeBase.open(store, { synonymsFile: synonymsFile(ctx) });
    const locale = localeFlag(args);
    const answerOne = (question: string, lineLocale?: Locale) => {
      // Asked in the knowledge base's words, as the understanding step asks it (kb-query.ts), so the two agree.
      const match = kb.match(kbQuery(question), lineLocale ?? locale ?? detectLocale(question));
      // What the chat makes of the same text at the menu (the same understanding step the bot uses).
      const meaning = meaningLabel(understand({ text: question, locale: match.locale, where: { kind: 'menu' } }, understandingDeps(kb)));
      return { question, locale: match.locale, meaning, topic: match.topic, score: Math.round(match.score * 1000) / 1000, answered: match.band === 'answer', candidates: match.candidates, band: match.band };
    };
    if (args.flags.has('--jsonl')) {
      for await (const line of readline.createInterface({ input: ctx.stdin, crlfDelay: Infinity })) {
        const parsed = parseQuestionLine(line);
        if (!parsed) continue;
        const { band: _band, ...result } = answerOne(parsed.question, parsed.locale);
        ctx.stdout.write(`${JSON.stringify(result)}\n`);
      }
      return 0;
    }
    const questions = args.positional.length > 0 ? [args.positional.join(' ')] : await readLines(ctx);
    for (const question of questions) {
      const r = answerOne(question);
      ctx.stdout.write(`${question}\n  ${r.meaning}  ${r.band}  topic ${r.topic ?? '-'}  score ${r.score}  candidates ${r.candidates.join(', ') || '-'}\n`);
      if (r.topic && args.positional.length > 0) ctx.stdout.write(`\n${kb.render(r.topic, r.locale, await policyValuesFor(ctx, args))}\n`);
    }
    return 0;
  },

  async unanswered({ stdout }, args, store) {
    if (args.flags.has('--clear')) {
      stdout.write(`Cleared ${await store.clearUnanswered()} recorded questions.\n`);
      return 0;
    }
    const limit = Number(text(args, '--limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number.');
    const locale = localeFlag(args);
    const rows = await store.listUnanswered({ limit, ...(locale ? { locale } : {}) });
    if (rows.length === 0) {
      stdout.write('No unanswered questions recorded.\n');
      return 0;
    }
    stdout.write('count  last seen         locale band     closest entry             question (personal data removed)\n');
    for (const r of rows) {
      stdout.write(`${String(r.count).padStart(5)}  ${formatTime(r.lastSeen)}  ${r.locale.padEnd(6)} ${r.band.padEnd(8)} ${(r.topTopic ?? '-').padEnd(25)} ${r.text}\n`);
    }
    return 0;
  },
};

async function save(
  out: Pick<CommandContext, 'stdout' | 'stderr'>,
  store: KnowledgeRepository,
  target: string,
  mode: 'add' | 'edit' | 'import',
  by: string,
  expectedId?: string,
): Promise<number> {
  if (!fs.existsSync(target)) {
    out.stderr.write(`Cannot find ${target}.\n`);
    return 1;
  }
  const { values, problems: readProblems } = readBatch(target);
  // A file that is not valid YAML is reported as such (line and column), as `kb import` does.
  if (expectedId !== undefined && readProblems.length === 0) {
    if (values.length !== 1) {
      out.stderr.write(`${target} must hold exactly one entry to edit ${expectedId}.\n`);
      return 1;
    }
    const value = values[0] as Record<string, unknown> | null;
    if (value && typeof value === 'object' && value.id === undefined) value.id = expectedId;
    if (value && typeof value === 'object' && value.id !== expectedId) {
      out.stderr.write(`${target} holds entry "${String(value.id)}", not "${expectedId}". Renaming an entry: add it under the new id, then remove the old one.\n`);
      return 1;
    }
  }
  const plan = planChanges(values, await store.listEntries(), mode);
  const problems = [...readProblems, ...plan.problems];
  if (problems.length > 0) {
    out.stderr.write(`Nothing was saved. Please fix these problems and try again:\n${formatProblems(problems)}\n`);
    return 1;
  }
  const changes = [...plan.added, ...plan.changed];
  const action = mode === 'import' ? 'import' : mode;
  const versions = await store.saveEntries(changes, action, { by, at: Date.now() });
  changes.forEach((entry, i) => out.stdout.write(`${plan.added.includes(entry) ? 'Added' : 'Updated'} ${entry.id} (version ${versions[i]}).\n`));
  for (const id of plan.unchanged) out.stdout.write(`${id} unchanged.\n`);
  if (changes.length > 0) out.stdout.write('The running bot picks up the change within seconds.\n');
  return 0;
}

/** The placeholders' values for a region (`--region`, default the pack's first) of the configured policy pack. */
async function policyValuesFor(ctx: CommandContext, args: Args): Promise<PolicyValues> {
  try {
    const pack = await loadPolicyPack(ctx.config.policyDir);
    const region = text(args, '--region') ?? pack.regions[0]?.id;
    if (region !== undefined && pack.regions.some((r) => r.id === region)) return policyValuesFromPack(pack, region);
    ctx.stderr.write(`The policy pack has no region "${region}"; showing the demo values.\n`);
  } catch (error) {
    ctx.stderr.write(`Could not read the policy pack (${(error as Error).message.split('\n')[0]}); showing the demo values.\n`);
  }
  return DEMO_POLICY_VALUES;
}

/** One stdin line of `kb ask`: a plain question, or a JSON object with "question" (and optionally "locale"). */
function parseQuestionLine(line: string): { question: string; locale?: Locale } | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as { question?: unknown; locale?: unknown };
      if (typeof value.question === 'string') return { question: value.question, ...(isLocale(value.locale) ? { locale: value.locale } : {}) };
    } catch {
      // Not JSON after all: treat the line as a question.
    }
  }
  return { question: trimmed };
}

async function readLines(ctx: CommandContext): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: ctx.stdin, crlfDelay: Infinity })) {
    if (line.trim() !== '') lines.push(line.trim());
  }
  return lines;
}

function synonymsCommand(ctx: CommandContext): number {
  const file = synonymsFile(ctx);
  const { groups, problems } = loadSynonymsFile(file);
  for (const problem of problems) ctx.stderr.write(`${problem}\n`);
  ctx.stdout.write(`${file}: ${groups.length} groups, ${groups.reduce((n, g) => n + g.terms.length, 0)} words${problems.length > 0 ? `, ${problems.length} problems` : ', no problems'}.\n`);
  return problems.length > 0 ? 1 : 0;
}

/** The labelled question files of one half of the evaluation set. */
interface EvalHalf {
  questions: string[];
  offTopic: string[];
}

/**
 * Untuned questions (eval/faq/fresh; off-topic ones have topic null): calibration fits on them and
 * keeps its limits on them apart from the dev half. The proxy batch beside them is never listed here.
 */
const UNTUNED_CALIBRATION = ['fresh/calibration-en.jsonl'];

const EVAL_HALVES: Record<'test' | 'dev', EvalHalf> = {
  test: { questions: ['test/questions.jsonl'], offTopic: ['test/off-topic.jsonl'] },
  dev: {
    questions: ['dev/questions.jsonl', 'dev/resident-questions.jsonl', 'dev/resident-new.jsonl', 'dev/resident-new-2.jsonl', 'dev/resident-new-3.jsonl', 'dev/resident-new-4.jsonl'],
    offTopic: ['dev/off-topic.jsonl', 'dev/off-topic-resident.jsonl', 'dev/off-topic-new.jsonl', 'dev/off-topic-new-3.jsonl'],
  },
};

/**
 * `kb eval`: leads with the frozen test half (eval/faq/test, never tuned on): per language,
 * answered-and-correct, confident-wrong, did-you-mean and off-topic declined; then the dev half and
 * leave-one-phrasing-out. Entries come from the seed files, so it runs without a database.
 * `--confusions` lists entry pairs that take each other's questions (dev half and held-out phrasings);
 * `--misses` prints the dev half's misses (never the test half's); `--calibrate` refits the confidence
 * model on held-out phrasings, calibration-ood.jsonl and the dev half, and prints it.
 */
async function evalCommand(ctx: CommandContext, args: Args): Promise<number> {
  const evalDir = path.join(PROJECT_ROOT, 'eval', 'faq');
  const read = (files: readonly string[]) => files.flatMap((f) => readLabelledQuestions(path.isAbsolute(f) ? f : path.join(evalDir, f)));
  const { entries, problems } = readEntryFiles(seedDir(ctx));
  if (problems.length > 0) {
    ctx.stderr.write(`Some entry files are not valid and were left out:\n${formatProblems(problems.map((p) => ({ entry: p.file, problems: p.problems })))}\n`);
  }
  const synonyms = loadSynonymsFile(synonymsFile(ctx)).groups;
  const dev = { questions: read(EVAL_HALVES.dev.questions), offTopic: read(EVAL_HALVES.dev.offTopic) };
  let confidence: ConfidenceModel = DEFAULT_CONFIDENCE;
  if (args.flags.has('--calibrate')) {
    const maxWrong = Number(text(args, '--max-wrong') ?? CALIBRATION_TARGETS.maxWrong);
    const calibration = calibrateConfidence(
      entries,
      { synonyms },
      [...readLabelledQuestions(path.join(evalDir, 'calibration-ood.jsonl')), ...dev.offTopic],
      dev.questions,
      { ...CALIBRATION_TARGETS, maxWrong },
      read(UNTUNED_CALIBRATION),
    );
    confidence = calibration.model;
    const only = text(args, '--locale');
    if (only !== undefined) {
      // Refit one language: it gets the refitted models and thresholds, the others keep the current ones.
      if (!isLocale(only)) throw new UsageError(`--locale must be one of ${LOCALES.join(', ')}.`);
      const fitted = calibration.model;
      const mine = { ...fitted.locales![only]!, models: { inDomain: fitted.inDomain, correct: fitted.correct } };
      confidence = { ...DEFAULT_CONFIDENCE, locales: { ...DEFAULT_CONFIDENCE.locales, [only]: mine } };
    }
    ctx.stdout.write(`calibrated on ${calibration.rows} searches: ${JSON.stringify(confidence)}\n`);
  }
  const kfold = text(args, '--kfold');
  if (kfold !== undefined) {
    // Cross-validation of the calibration itself: fitted on k-1 folds of the dev half, judged on the other.
    const k = Number(kfold);
    const maxWrong = Number(text(args, '--max-wrong') ?? CALIBRATION_TARGETS.maxWrong);
    const held = crossValidateCalibration(
      entries,
      { synonyms },
      dev.questions,
      dev.offTopic,
      readLabelledQuestions(path.join(evalDir, 'calibration-ood.jsonl')),
      k,
      { ...CALIBRATION_TARGETS, maxWrong },
      read(UNTUNED_CALIBRATION),
    );
    const p = (x: number) => `${(100 * x).toFixed(1)}%`;
    for (const [name, figures] of [['the dev half', held.dev], [UNTUNED_CALIBRATION.join(', '), held.untuned]] as const) {
      ctx.stdout.write(`calibration, ${k}-fold cross-validation: held-out folds of ${name}\n`);
      for (const locale of LOCALES) {
        const f = figures[locale];
        if (f.questions + f.offTopic === 0) continue;
        ctx.stdout.write(`${locale.padEnd(7)} ${String(f.questions).padStart(9)}  answered-correct ${p(f.answeredCorrectly)}  confident-wrong ${p(f.answeredWrongly)}  off-topic declined ${p(f.offTopicDeclined)} (of ${f.offTopic})\n`);
      }
    }
    return 0;
  }
  const kb = KnowledgeBase.fromEntries(entries, { synonyms, confidence });

  // --file: one labelled file (its off-topic lines included), e.g. the fresh batches of eval/faq/fresh.
  const evalFile = text(args, '--file');
  if (evalFile !== undefined) {
    const file = path.resolve(evalFile);
    if (!path.relative(path.join(evalDir, 'test'), file).startsWith('..')) {
      ctx.stderr.write('The frozen test half is evaluated only by "kb eval" as a whole, not by --file.\n');
      return 1;
    }
    const report = evaluateKnowledgeBase(kb, readLabelledQuestions(file), []);
    for (const line of formatEvalTable(path.relative(process.cwd(), file), report)) ctx.stdout.write(`${line}\n`);
    if (args.flags.has('--misses')) {
      for (const m of report.misses) ctx.stdout.write(`miss ${m.locale} expected ${m.expected ?? 'null'} got ${m.got ?? '-'} (${m.band}; ${m.candidates.join(', ')}): ${m.question}\n`);
    }
    ctx.stdout.write(`${JSON.stringify(reportFigures(report))}\n`);
    return 0;
  }

  // Explicit files: evaluate just those (the older view).
  const questionsFile = text(args, '--questions');
  if (questionsFile !== undefined) {
    const report = evaluateKnowledgeBase(kb, read([questionsFile]), read([text(args, '--ood') ?? EVAL_HALVES.dev.offTopic[0]!]));
    for (const line of formatEvalReport(report)) ctx.stdout.write(`${line}\n`);
    return 0;
  }

  if (args.flags.has('--compare')) {
    const p = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
    ctx.stdout.write('accuracy@1 / @3 (%)                                 held-out phrasings zh | en     dev half zh | en\n');
    for (const row of compareRankers(entries, synonyms, dev.questions)) {
      const l = row.leaveOneOut;
      const e = row.evaluation;
      ctx.stdout.write(
        `${row.name.padEnd(52)} ${p(l['zh-CN'].at1)}/${p(l['zh-CN'].at3)} | ${p(l.en.at1)}/${p(l.en.at3)}   ${p(e['zh-CN'].at1)}/${p(e['zh-CN'].at3)} | ${p(e.en.at1)}/${p(e.en.at3)}\n`,
      );
    }
  }

  // --dev-only: for tuning, without so much as a glance at the frozen half's figures.
  const test = args.flags.has('--dev-only') ? undefined : evaluateKnowledgeBase(kb, read(EVAL_HALVES.test.questions), read(EVAL_HALVES.test.offTopic));
  const devReport = evaluateKnowledgeBase(kb, dev.questions, dev.offTopic);
  // --fast skips leave-one-phrasing-out (an index build per phrasing: seconds of CPU).
  const loo = args.flags.has('--fast') ? undefined : leaveOneOutJudged(entries, { synonyms }, confidence);
  const out = (line: string) => ctx.stdout.write(`${line}\n`);
  if (test) {
    for (const line of formatEvalTable('FROZEN TEST HALF (eval/faq/test, never tuned on)', test)) out(line);
    out('');
  }
  for (const line of formatEvalTable('dev half (eval/faq/dev, tuned on)', devReport)) out(line);
  out('');
  if (loo) out('leave-one-phrasing-out (each entry phrasing searched in an index built without it)');
  for (const locale of loo ? LOCALES : []) {
    const f = loo!.figures[locale];
    const p = (x: number) => `${(100 * x).toFixed(1)}%`;
    out(`${locale.padEnd(7)} ${String(f.n).padStart(9)}  answered-correct ${p(f.answeredCorrectly)}  confident-wrong ${p(f.answeredWrongly)}  accuracy@1 ${p(f.at1)}  accuracy@3 ${p(f.at3)}`);
  }
  if (args.flags.has('--confusions')) {
    out('');
    out('entries that take each other\'s questions (dev half + held-out phrasings; first entry offered)');
    for (const pair of confusionPairs(kb, dev.questions, loo?.swaps ?? []).slice(0, Number(text(args, '--limit') ?? 25))) {
      out(`${String(pair.aToB + pair.bToA).padStart(4)}  ${pair.a} → ${pair.b}: ${pair.aToB}   ${pair.b} → ${pair.a}: ${pair.bToA}`);
    }
  }
  if (args.flags.has('--misses')) {
    out('');
    for (const m of devReport.misses) {
      out(`miss ${m.locale} expected ${m.expected ?? 'null'} got ${m.got ?? '-'} (${m.band}; ${m.candidates.join(', ')}): ${m.question}`);
    }
  }
  const round = (x: number) => Math.round(x * 10000) / 10000;
  out(
    JSON.stringify({
      test: test && reportFigures(test),
      dev: reportFigures(devReport),
      leaveOneOut: loo && Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(Object.entries(loo.figures[l]).map(([k, v]) => [k, k === 'n' ? v : round(v)]))])),
    }),
  );
  return 0;
}

import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../locales/catalog.js';
import { decideBand, DEFAULT_CONFIDENCE, type BandDecision, type ConfidenceModel } from './confidence.js';
import { entryFilesStamp, readEntryFiles, type FileProblem } from './entry-files.js';
import type { FaqEntry, PolicyValues } from './faq-entry.js';
import { DEFAULT_RANKING, FaqIndex, IndexCache, type IndexData, type RankingOptions, type SearchOutcome } from './faq-index.js';
import type { KnowledgeStore } from './knowledge-store.js';
import { planShippedUpdate } from './shipped-entries.js';
import { unansweredText } from './unanswered-text.js';
import { renderAnswer } from './render-answer.js';
import { loadSynonymsFile, SynonymDictionary, type SynonymGroup } from './synonyms.js';
import { DEFAULT_ANALYZER_OPTIONS, detectLocale, TextAnalyzer, type AnalyzerOptions } from './text-analyzer.js';
import { IndexWorker } from './worker/index-worker-client.js';

/** The bot's decision for one question, with the locale it was judged in. */
export interface FaqMatch extends BandDecision {
  locale: Locale;
}

/** A decision and the top-ranked entry behind it (recorded with an unanswered question). */
export interface Judged {
  match: FaqMatch;
  best: string | null;
}

/** Tuning and sources of a {@link KnowledgeBase}; everything has a sensible default. */
export interface KnowledgeBaseOptions {
  /** The operator-editable synonym file (`knowledge/synonyms.yaml`); re-read when it changes. */
  synonymsFile?: string;
  /** Synonym groups to use instead of a file (tests, benchmarks). */
  synonyms?: readonly SynonymGroup[];
  /** Entry files that seed an empty store (`knowledge/faq`). */
  seedDir?: string;
  analyzer?: AnalyzerOptions;
  ranking?: RankingOptions;
  confidence?: ConfidenceModel;
  now?: () => number;
  /** Called when a refresh or a recording fails; the bot keeps answering from what it has. */
  onError?: (error: unknown) => void;
  /** Seed files that did not validate and were left out of a new store (the others are seeded), or out of a release's update. */
  onSeedProblems?: (problems: FileProblem[]) => void;
  /** What a release's entry files changed at start-up (ids): taken, or waiting beside an operator's edit. */
  onShippedUpdate?: (update: ShippedUpdate) => void;
  /**
   * Build the index in a worker thread and swap it in when ready, so neither start-up nor an
   * operator's edit stalls conversations (default for {@link KnowledgeBase.open}; `false` builds on
   * the calling thread). Queries are always answered on the calling thread, synchronously.
   */
  worker?: boolean;
  /**
   * `open` resolves only when the first index is built (default). `false`: it resolves at once and the
   * index is swapped in when ready (see {@link KnowledgeBase.ready}) — the bot accepts messages while
   * thousands of entries are indexed in the worker.
   */
  waitForIndex?: boolean;
}

/** Ids of shipped entries a start-up took (`updated`, `added`) or left waiting beside the operator's edit (`waiting`). */
export interface ShippedUpdate {
  updated: string[];
  added: string[];
  waiting: string[];
}

interface Snapshot {
  /** The entries in order; made from `byId` when first asked for after an edit (see {@link KnowledgeBase.entries}). */
  entries: readonly FaqEntry[] | undefined;
  /** Changed in place, in the same synchronous step as the index swap, so an edit costs the main thread O(edited entries). */
  byId: Map<string, FaqEntry>;
  indexes: Record<Locale, FaqIndex>;
}

/**
 * The FAQ service the conversation uses: entries from the store, an in-memory index per locale,
 * confidence bands, and a record of the questions it could not answer.
 *
 * @example
 * const kb = await KnowledgeBase.open(new KbStore(db), { seedDir: 'knowledge/faq', synonymsFile: 'knowledge/synonyms.yaml' });
 * const stop = kb.startAutoRefresh(2000);
 * const match = await kb.ask('老板欠我工资怎么办'); // { band: 'answer', topic: 'wage_arrears', … }
 */
export class KnowledgeBase {
  private snapshot: Snapshot;
  private revision = -1;
  private synonymsStamp = '';
  private refreshing: Promise<boolean> | undefined;
  private analyzer: { stamp: string; analyzer: TextAnalyzer } | undefined;
  private readonly indexCache = { 'zh-CN': new IndexCache(), en: new IndexCache() };
  private indexWorker: IndexWorker | undefined;
  private closed = false;
  private firstIndex: Promise<void> = Promise.resolve();
  /** False until the first index is in (only with `waitForIndex: false`). */
  private indexed = false;
  /** Versions of the entries the index holds (when the store reports versions): an edit sends only what changed. */
  private versions: Map<string, number> | undefined;

  private constructor(
    private readonly store: KnowledgeStore | undefined,
    private readonly options: KnowledgeBaseOptions,
    entries: readonly FaqEntry[],
  ) {
    this.snapshot = this.build(entries);
  }

  /** Opens the knowledge base over a store, seeding the store from `seedDir` the first time. */
  static async open(store: KnowledgeStore, options: KnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
    const now = options.now ?? Date.now;
    // The seed files fill a store that never held entries; afterwards they are read again only when a release changed
    // them (their fingerprint), and then reach only the entries the operator never edited.
    if (options.seedDir) {
      const seedDir = options.seedDir;
      const canTakeReleases = store.shippedStamp && store.shippedRecords && store.takeShipped;
      if (!(await store.hasHistory?.())) {
        const { entries, problems } = readEntryFiles(seedDir);
        await store.seedIfEmpty(entries, 'seed', now());
        if (problems.length > 0) options.onSeedProblems?.(problems);
        const stamp = canTakeReleases ? entryFilesStamp(seedDir) : undefined;
        if (stamp) await store.takeShipped!({ save: [], remember: [], stamp }, 'release', now());
      } else if (canTakeReleases) {
        const stamp = entryFilesStamp(seedDir);
        if (stamp && stamp !== (await store.shippedStamp!())) {
          const { entries, problems } = readEntryFiles(seedDir);
          const records = await store.shippedRecords!(entries.map((e) => e.id));
          const plan = planShippedUpdate(entries, records, await store.listEntries());
          await store.takeShipped!({ save: plan.save, remember: plan.remember, stamp }, 'release', now());
          const known = new Set(records.filter((r) => r.everStored).map((r) => r.id));
          const files = [...problems, ...plan.problems.map((p) => ({ file: path.join(seedDir, `${p.entry}.yaml`), problems: p.problems }))];
          if (files.length > 0) options.onSeedProblems?.(files);
          options.onShippedUpdate?.({
            updated: plan.save.filter((e) => known.has(e.id)).map((e) => e.id),
            added: plan.save.filter((e) => !known.has(e.id)).map((e) => e.id),
            waiting: plan.remember.filter((r) => r.pending).map((r) => r.entry.id),
          });
        }
      }
    }
    const kb = new KnowledgeBase(store, options, []);
    if (options.worker ?? true) {
      try {
        kb.indexWorker = IndexWorker.start();
      } catch (error) {
        options.onError?.(error);
      }
    }
    kb.firstIndex = kb.refreshIfChanged().then(() => undefined);
    // Without waiting, the bot accepts messages at once; until the first index is in, questions get
    // "I do not know" (and are not recorded as unanswered).
    if (options.waitForIndex ?? true) await kb.firstIndex;
    else kb.firstIndex.catch((error: unknown) => options.onError?.(error));
    return kb;
  }

  /** Resolves when the first index is in (at once for {@link fromEntries}, and after `open` unless `waitForIndex: false`). */
  get ready(): Promise<void> {
    return this.firstIndex;
  }

  /** Whether the index is built in a worker thread (false: on the calling thread, or the worker failed). */
  get buildsOffThread(): boolean {
    return this.indexWorker !== undefined;
  }

  /** Stops the index worker, if any. The knowledge base keeps answering from the index it has. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.indexWorker;
    this.indexWorker = undefined;
    await worker?.close();
  }

  /** A knowledge base over fixed entries, without a store (evaluation, benchmarks, tests). Nothing is recorded. */
  static fromEntries(entries: readonly FaqEntry[], options: KnowledgeBaseOptions = {}): KnowledgeBase {
    const kb = new KnowledgeBase(undefined, options, []);
    kb.synonymsStamp = kb.synonymsFileStamp();
    kb.snapshot = kb.build(entries);
    kb.indexed = true;
    return kb;
  }

  /** Reads entry files and builds a knowledge base over them, reporting files that did not validate. */
  static fromFiles(dir: string, options: KnowledgeBaseOptions = {}): { kb: KnowledgeBase; problems: FileProblem[] } {
    const { entries, problems } = readEntryFiles(dir);
    return { kb: KnowledgeBase.fromEntries(entries, options), problems };
  }

  /** The current entries. */
  get entries(): readonly FaqEntry[] {
    this.snapshot.entries ??= [...this.snapshot.byId.values()];
    return this.snapshot.entries;
  }

  entry(id: string): FaqEntry | undefined {
    return this.snapshot.byId.get(id);
  }

  /** Ranks entries for a question without deciding; for diagnostics and evaluation. */
  search(question: string, locale: Locale = detectLocale(question), limit = 5): SearchOutcome {
    return this.snapshot.indexes[locale].search(question, limit);
  }

  /** Decides how to handle a question (answer, suggest or unknown). Pure: records nothing. */
  match(question: string, locale: Locale = detectLocale(question)): FaqMatch {
    return this.judge(question, locale).match;
  }

  /** {@link match} with the top-ranked entry, to pass to {@link record} without searching twice. */
  judge(question: string, conversationLocale: Locale = detectLocale(question)): Judged {
    if (question.trim() === '') return { match: { band: 'unknown', topic: null, score: 0, candidates: [], locale: conversationLocale }, best: null };
    const locale = searchLocale(question, conversationLocale);
    const outcome = this.search(question, locale, 3);
    const match = { ...decideBand(outcome, this.options.confidence ?? DEFAULT_CONFIDENCE, 3, locale), locale };
    return { match, best: outcome.ranked[0]?.id ?? null };
  }

  /**
   * Like {@link match}, and records the question (redacted, counted) when it was not answered
   * directly, so operators can turn it into an entry. A failed recording does not fail the answer.
   */
  async ask(question: string, locale: Locale = detectLocale(question)): Promise<FaqMatch> {
    const judged = this.judge(question, locale);
    await this.record(question, judged);
    return judged.match;
  }

  /**
   * Records a judged question (redacted, counted) when it was not answered directly, or was answered
   * with low confidence (band `low`), so operators see it in `kb unanswered`. Never fails.
   */
  async record(question: string, { match, best }: Judged): Promise<void> {
    if (!this.store || !this.indexed || question.trim() === '') return;
    const low = match.band === 'answer' && match.lowConfidence === true;
    if (match.band === 'answer' && !low) return;
    // Only personal data (a name, a phone or ID number typed at the menu): nothing for operators, nothing kept.
    const text = unansweredText(question);
    if (text === null) return;
    await this.store
      .recordUnanswered({
        text,
        locale: match.locale,
        band: match.band === 'answer' ? 'low' : match.band,
        topTopic: best,
        score: match.score,
        at: (this.options.now ?? Date.now)(),
      })
      .catch((error: unknown) => this.options.onError?.(error));
  }


  /** The answer text of an entry, or undefined for an unknown id. */
  render(id: string, locale: Locale, values: Partial<PolicyValues>): string | undefined {
    const entry = this.entry(id);
    return entry ? renderAnswer(entry, locale, values) : undefined;
  }

  /**
   * Reloads entries and synonyms if the store's revision or the synonym file changed since the last
   * load. Costs one small query when nothing changed. Returns whether anything was reloaded.
   */
  refreshIfChanged(): Promise<boolean> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Calls {@link refreshIfChanged} every `intervalMs`; returns a function that stops it. The timer does not keep the process alive. */
  startAutoRefresh(intervalMs: number): () => void {
    const timer = setInterval(() => {
      this.refreshIfChanged().catch((error: unknown) => this.options.onError?.(error));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private async refresh(): Promise<boolean> {
    const stamp = this.synonymsFileStamp();
    const revision = this.store ? await this.store.revision() : this.revision;
    if (revision === this.revision && stamp === this.synonymsStamp) return false;
    if (this.indexWorker) {
      try {
        await this.refreshInWorker(this.indexWorker, revision, stamp);
        return true;
      } catch (error) {
        // Closed on purpose: nothing more to build (not here either, where it would stall the thread).
        if (this.closed) throw error;
        // The worker failed: build here from now on rather than stop picking up changes.
        this.options.onError?.(error);
        await this.close();
        this.versions = undefined;
      }
    }
    const entries = this.store && revision !== this.revision ? await this.store.listEntries() : this.entries;
    this.synonymsStamp = stamp;
    this.snapshot = this.build(entries);
    this.revision = revision;
    this.indexed = true;
    return true;
  }

  /**
   * Sends what changed to the worker (only the edited entries when the store reports versions, else
   * all of them in small batches), lets it build, then swaps the new index in with one assignment.
   * The main thread only copies a few entries and wraps the returned arrays.
   */
  private async refreshInWorker(worker: IndexWorker, revision: number, stamp: string): Promise<void> {
    // What the swap applies: either a whole new entry map, or the edited entries and removed ids.
    let replace: FaqEntry[] | undefined;
    let changed: readonly FaqEntry[] = [];
    let removed: string[] = [];
    if (this.store && revision !== this.revision) {
      const store = this.store;
      const versions = store.listVersions && store.getEntries ? await store.listVersions() : undefined;
      if (versions && this.versions) {
        // Only the edited entries cross to the worker; nothing proportional to the number of entries is
        // copied on the main thread (an edit among 5,000 entries must not stall conversations).
        const known = this.versions;
        const changedIds: string[] = [];
        let added = 0;
        for (const v of versions) {
          const before = known.get(v.id);
          if (before === undefined) added++;
          if (before !== v.version) changedIds.push(v.id);
        }
        if (known.size + added !== versions.length) {
          const current = new Set(versions.map((v) => v.id));
          removed = [...known.keys()].filter((id) => !current.has(id));
        }
        changed = changedIds.length > 0 ? await store.getEntries!(changedIds) : [];
        worker.update(changed, removed);
        for (const v of versions) known.set(v.id, v.version);
        for (const id of removed) known.delete(id);
      } else {
        replace = await store.listEntries();
        await worker.load(replace);
        this.versions = versions ? new Map(versions.map((v) => [v.id, v.version])) : undefined;
      }
    } else if (this.revision === -1) {
      await worker.load(this.entries);
    }
    const analyzer = this.analyzerFor(stamp);
    const data = await worker.build({
      synonyms: analyzer.synonyms.groups,
      analyzer: analyzer.options,
      ranking: this.options.ranking ?? DEFAULT_RANKING,
    });
    // The swap: entries and index change in one synchronous step, so a question never sees a mixture.
    let byId = this.snapshot.byId;
    if (replace) byId = new Map(replace.map((e) => [e.id, e]));
    for (const id of removed) byId.delete(id);
    for (const entry of changed) byId.set(entry.id, entry);
    this.synonymsStamp = stamp;
    this.snapshot = { entries: replace, byId, indexes: indexesFrom(data, analyzer) };
    this.revision = revision;
    this.indexed = true;
  }

  private synonymsFileStamp(): string {
    const file = this.options.synonymsFile;
    if (!file) return '';
    try {
      const stat = fs.statSync(file);
      return `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return 'missing';
    }
  }

  private synonymGroups(): readonly SynonymGroup[] {
    if (this.options.synonyms) return this.options.synonyms;
    if (!this.options.synonymsFile) return [];
    const { groups, problems } = loadSynonymsFile(path.resolve(this.options.synonymsFile));
    if (problems.length > 0) this.options.onError?.(new Error(`Synonym file: ${problems.join(' ')}`));
    return groups;
  }

  /** The analyser for a synonym-file stamp; kept while the synonyms are unchanged, so unchanged entries need no new analysis. */
  private analyzerFor(stamp: string): TextAnalyzer {
    if (this.analyzer?.stamp !== stamp) {
      this.analyzer = {
        stamp,
        analyzer: new TextAnalyzer(new SynonymDictionary(this.synonymGroups()), this.options.analyzer ?? DEFAULT_ANALYZER_OPTIONS),
      };
    }
    return this.analyzer.analyzer;
  }

  private build(entries: readonly FaqEntry[]): Snapshot {
    const analyzer = this.analyzerFor(this.synonymsStamp);
    const ranking = this.options.ranking ?? DEFAULT_RANKING;
    return {
      entries,
      byId: new Map(entries.map((e) => [e.id, e])),
      indexes: {
        'zh-CN': FaqIndex.build(entries, 'zh-CN', analyzer, ranking, this.indexCache['zh-CN']),
        en: FaqIndex.build(entries, 'en', analyzer, ranking, this.indexCache.en),
      },
    };
  }
}

function indexesFrom(data: Record<Locale, IndexData>, analyzer: TextAnalyzer): Record<Locale, FaqIndex> {
  return { 'zh-CN': FaqIndex.fromData(data['zh-CN'], analyzer), en: FaqIndex.fromData(data.en, analyzer) };
}

/**
 * The index a question is searched in: the conversation's language, unless the question is written in
 * the other script — mostly Chinese characters in an English conversation, or English words with no
 * Chinese at all in a Chinese one — which the other language's index knows far better.
 */
export function searchLocale(question: string, locale: Locale): Locale {
  const han = (question.match(/\p{Script=Han}/gu) ?? []).length;
  const latinWords = (question.match(/[a-z]{2,}/gi) ?? []).length;
  if (locale === 'en' && han >= 2 && han >= latinWords * 2) return 'zh-CN';
  if (locale === 'zh-CN' && han === 0 && latinWords >= 2) return 'en';
  return locale;
}

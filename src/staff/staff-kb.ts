import { halfWidth } from '../flows/half-width.js';
import { planChanges } from '../knowledge/faq/entry-changes.js';
import type { FaqEntry } from '../knowledge/faq/faq-entry.js';
import { phrasingKey, type EntryProblem } from '../knowledge/faq/validate-entry.js';
import type { Locale } from '../locales/catalog.js';
import type { EntryVersion, PendingShipped, StoredEntry, UnansweredRow } from '../knowledge/faq/knowledge-repository.js';
import { KB_ROLES, hasRole, refusal, type Refusal } from './staff-access.js';
import type { StaffEventBus } from './staff-events.js';
import type { Account, AccountRepository, AuditLog } from './staff-ports.js';

/** The knowledge-base storage the editor uses (`KbStore` fits). */
export interface KbRepository {
  listStored(): Promise<StoredEntry[]>;
  listEntries(): Promise<FaqEntry[]>;
  getEntry(id: string): Promise<StoredEntry | undefined>;
  saveEntries(entries: readonly FaqEntry[], action: 'add' | 'edit' | 'revert' | 'ship', author: { by: string; at: number }): Promise<number[]>;
  /** Newer shipped texts of entries the operator edited (a release left them beside the operator's text). */
  listPendingShipped(): Promise<Map<string, PendingShipped>>;
  settleShipped(id: string): Promise<void>;
  history(id: string): Promise<EntryVersion[]>;
  listUnanswered(options?: { limit?: number }): Promise<UnansweredRow[]>;
  clearUnanswered(keys?: readonly string[]): Promise<number>;
}

/** What "试一试" answers with: exactly the bot's understanding of a question (`ConversationServices.understandText` fits). */
export type TryQuestion = (question: string, locale: Locale) => Promise<{ intent: string; band: string; topic: string | null; replies: { text: string; choices: { id: string; label: string }[] }[] }>;

export interface StaffKbDeps {
  store: KbRepository;
  tryQuestion: TryQuestion;
  /** Makes a saved edit reach the running bot now rather than at the next refresh tick. */
  refresh?: () => Promise<unknown>;
  audit: AuditLog;
  events?: StaffEventBus;
  /** Names the console accounts that saved versions (`account:ID` in the history). */
  accounts?: Pick<AccountRepository, 'byId'>;
  now?: () => number;
}

export interface UnansweredGroup {
  id: string;
  sample: string;
  locale: Locale;
  count: number;
  lastAt: number;
  /** The entry the bot found closest, if any: a candidate for "add as a phrasing of…". */
  nearest: string | null;
  questions: { key: string; text: string; count: number }[];
}

type Problems = EntryProblem[];
export type SaveOutcome = { ok: true; entry: FaqEntry; version: number | null } | (Refusal & { problems?: Problems });

/**
 * The knowledge base as operators keep it in the console: list and search with the review-by marker,
 * validated saves (both languages), "试一试" with the bot's own answer, history and revert, and the
 * unanswered questions grouped with counts. Operators and admins only; every change audited.
 */
export class StaffKb {
  private readonly now: () => number;

  constructor(private readonly deps: StaffKbDeps) {
    this.now = deps.now ?? Date.now;
  }

  async list(account: Account, q?: string | null) {
    const denied = await this.gate(account, 'kb.list');
    if (denied) return denied;
    const today = new Date(this.now()).toISOString().slice(0, 10);
    // Every word typed (spaces of either width between them) somewhere in the entry, the answer and next steps too:
    // an operator looks for the entries that say something, not only for their titles.
    const words = halfWidth(q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const stored = await this.deps.store.listStored();
    const newer = await this.deps.store.listPendingShipped();
    const entries = stored
      .filter(({ entry }) => {
        if (words.length === 0) return true;
        const text = JSON.stringify([entry.id, entry.title, entry.questions, entry.answer, entry.nextSteps, entry.basis, entry.contact, entry.tags]).toLowerCase();
        return words.every((word) => text.includes(word));
      })
      .map(({ entry, version, updatedAt, updatedBy }) => ({
        id: entry.id,
        title: entry.title,
        reviewBy: entry.reviewBy ?? null,
        reviewDue: entry.reviewBy !== undefined && entry.reviewBy <= today,
        version,
        updatedAt,
        updatedBy,
        newerShipped: newer.has(entry.id),
      }))
      .sort((a, b) => Number(b.reviewDue) - Number(a.reviewDue) || a.id.localeCompare(b.id));
    return { ok: true as const, entries };
  }

  async get(account: Account, id: string) {
    const denied = await this.gate(account, 'kb.view');
    if (denied) return denied;
    const stored = await this.deps.store.getEntry(id);
    if (!stored) return refusal(404, 'not_found', 'console.error.not_found', { what: id });
    const shipped = (await this.deps.store.listPendingShipped()).get(id) ?? null;
    return { ok: true as const, entry: stored.entry, version: stored.version, shipped };
  }

  /** Takes the newer shipped text a release left beside the operator's edit: saved as a new version (action `ship`). */
  async takeShipped(account: Account, id: string): Promise<SaveOutcome> {
    const denied = await this.gate(account, 'kb.take_shipped');
    if (denied) return denied;
    const shipped = (await this.deps.store.listPendingShipped()).get(id);
    if (!shipped) return refusal(404, 'not_found', 'console.error.not_found', { what: id });
    const plan = planChanges([shipped.entry], await this.deps.store.listEntries(), 'import');
    if (plan.problems.length > 0) {
      const problems = plan.problems.flatMap((p) => p.problems);
      await this.audit(account, 'kb.take_shipped', `kb:${id}`, 'refused', 'invalid');
      return { ...refusal(422, 'invalid', 'console.error.invalid', { detail: problems.map((p) => p.field || 'entry').join(', ') }), problems };
    }
    const [version] = await this.deps.store.saveEntries([shipped.entry], 'ship', { by: `account:${account.id}`, at: this.now() });
    await this.deps.store.settleShipped(id);
    await this.changed(account, 'kb.take_shipped', id, version ?? null);
    return { ok: true, entry: shipped.entry, version: version ?? null };
  }

  /** Keeps the operator's own text: the newer shipped text is no longer offered (a later release may offer another). */
  async keepOwn(account: Account, id: string) {
    const denied = await this.gate(account, 'kb.keep_own');
    if (denied) return denied;
    if (!(await this.deps.store.listPendingShipped()).has(id)) return refusal(404, 'not_found', 'console.error.not_found', { what: id });
    await this.deps.store.settleShipped(id);
    await this.audit(account, 'kb.keep_own', `kb:${id}`, 'ok', null);
    this.deps.events?.publish({ type: 'kb.changed', id });
    return { ok: true as const };
  }

  /** Validates and saves an entry (new when `id` is null); problems come back per field. */
  async save(account: Account, id: string | null, input: unknown): Promise<SaveOutcome> {
    const action = id === null ? 'kb.add' : 'kb.edit';
    const denied = await this.gate(account, action);
    if (denied) return denied;
    if (id !== null && (input as { id?: unknown } | null)?.id !== id) {
      input = { ...(input as object), id };
    }
    const plan = planChanges([input], await this.deps.store.listEntries(), id === null ? 'add' : 'edit');
    if (plan.problems.length > 0) {
      const problems = plan.problems.flatMap((p) => p.problems);
      await this.audit(account, action, id === null ? null : `kb:${id}`, 'refused', 'invalid');
      return { ...refusal(422, 'invalid', 'console.error.invalid', { detail: problems.map((p) => p.field || 'entry').join(', ') }), problems };
    }
    const entry = plan.added[0] ?? plan.changed[0];
    if (!entry) {
      const current = (await this.deps.store.getEntry(id!))!;
      return { ok: true, entry: current.entry, version: current.version };
    }
    const [version] = await this.deps.store.saveEntries([entry], id === null ? 'add' : 'edit', { by: `account:${account.id}`, at: this.now() });
    await this.changed(account, action, entry.id, version ?? null);
    return { ok: true, entry, version: version ?? null };
  }

  async history(account: Account, id: string) {
    const denied = await this.gate(account, 'kb.history');
    if (denied) return denied;
    const versions = await this.deps.store.history(id);
    if (versions.length === 0) return refusal(404, 'not_found', 'console.error.not_found', { what: id });
    const authors = new Map<string, string | null>();
    for (const by of new Set(versions.map((v) => v.changedBy))) authors.set(by, await this.authorOf(by));
    return {
      ok: true as const,
      versions: versions
        .reverse()
        .map((v) => ({ version: v.version, action: v.action, by: v.changedBy, author: authors.get(v.changedBy) ?? null, at: v.changedAt, entry: v.entry ?? null })),
    };
  }

  /** The console account behind `account:ID` as colleagues know it (display name, else login name); null for the seed files and the CLI (the page says 系统). */
  private async authorOf(by: string): Promise<string | null> {
    const id = /^account:(\d+)$/.exec(by)?.[1];
    if (!id || !this.deps.accounts) return null;
    const account = await this.deps.accounts.byId(Number(id));
    return account ? (account.displayName ?? account.username) : null;
  }

  async revert(account: Account, id: string, version: number): Promise<SaveOutcome> {
    const denied = await this.gate(account, 'kb.revert');
    if (denied) return denied;
    const old = (await this.deps.store.history(id)).find((v) => v.version === version);
    if (!old?.entry) return refusal(404, 'not_found', 'console.error.not_found', { what: `${id} v${version}` });
    const plan = planChanges([old.entry], await this.deps.store.listEntries(), 'import');
    if (plan.problems.length > 0) {
      const problems = plan.problems.flatMap((p) => p.problems);
      return { ...refusal(422, 'invalid', 'console.error.invalid', { detail: problems.map((p) => p.field).join(', ') }), problems };
    }
    if (plan.unchanged.length > 0) return { ok: true, entry: old.entry, version: null };
    const [saved] = await this.deps.store.saveEntries([old.entry], 'revert', { by: `account:${account.id}`, at: this.now() });
    await this.changed(account, 'kb.revert', id, saved ?? null);
    return { ok: true, entry: old.entry, version: saved ?? null };
  }

  /** "试一试": the bot's answer to a question, as the resident would get it. */
  async try(account: Account, question: string, locale: Locale) {
    const denied = await this.gate(account, 'kb.try');
    if (denied) return denied;
    if (!question.trim()) return refusal(422, 'invalid', 'console.error.empty_text');
    await this.deps.refresh?.();
    return { ok: true as const, ...(await this.deps.tryQuestion(question.trim().slice(0, 500), locale)) };
  }

  /** Unanswered questions (already redacted when recorded), grouped by the entry they came closest to or by wording. */
  async unanswered(account: Account) {
    const denied = await this.gate(account, 'kb.unanswered');
    if (denied) return denied;
    return { ok: true as const, groups: groupUnanswered(await this.deps.store.listUnanswered({ limit: 1000 })) };
  }

  /** Adds an unanswered group's questions as phrasings of entry `entryId`, and clears them from the list. */
  async addPhrasing(account: Account, groupId: string, entryId: string): Promise<SaveOutcome> {
    const denied = await this.gate(account, 'kb.edit');
    if (denied) return denied;
    const group = groupUnanswered(await this.deps.store.listUnanswered({ limit: 1000 })).find((g) => g.id === groupId);
    const stored = await this.deps.store.getEntry(entryId);
    if (!group || !stored) return refusal(404, 'not_found', 'console.error.not_found', { what: group ? entryId : groupId });
    const entry: FaqEntry = { ...stored.entry, questions: { ...stored.entry.questions } };
    const known = new Set(entry.questions[group.locale].map(phrasingKey));
    entry.questions[group.locale] = [...entry.questions[group.locale], ...group.questions.map((q) => q.text).filter((t) => !known.has(phrasingKey(t)))];
    const saved = await this.save(account, entryId, entry);
    if (saved.ok) await this.deps.store.clearUnanswered(group.questions.map((q) => q.key));
    return saved;
  }

  /** A new entry pre-filled from an unanswered group, for the operator to complete and save. */
  async draftFrom(account: Account, groupId: string) {
    const denied = await this.gate(account, 'kb.add');
    if (denied) return denied;
    const group = groupUnanswered(await this.deps.store.listUnanswered({ limit: 1000 })).find((g) => g.id === groupId);
    if (!group) return refusal(404, 'not_found', 'console.error.not_found', { what: groupId });
    const texts = group.questions.map((q) => q.text);
    const draft = {
      id: '',
      title: { 'zh-CN': group.locale === 'zh-CN' ? group.sample : '', en: group.locale === 'en' ? group.sample : '' },
      questions: { 'zh-CN': group.locale === 'zh-CN' ? texts : [], en: group.locale === 'en' ? texts : [] },
      answer: { 'zh-CN': '', en: '' },
      nextSteps: { 'zh-CN': [], en: [] },
      basis: { 'zh-CN': '', en: '' },
      contact: { 'zh-CN': '', en: '' },
      tags: [],
      related: group.nearest ? [group.nearest] : [],
    };
    return { ok: true as const, draft };
  }

  private async changed(account: Account, action: string, id: string, version: number | null): Promise<void> {
    await this.audit(account, action, `kb:${id}`, 'ok', version === null ? null : `version ${version}`);
    // The running bot reads the new revision on its next refresh (every few seconds); nudge it now.
    await this.deps.refresh?.();
    this.deps.events?.publish({ type: 'kb.changed', id });
  }

  private async gate(account: Account, action: string): Promise<Refusal | undefined> {
    if (hasRole(account, KB_ROLES)) return undefined;
    const why = refusal(403, 'forbidden', 'console.error.forbidden');
    await this.audit(account, action, null, 'refused', why.code);
    return why;
  }

  private audit(account: Account, action: string, target: string | null, outcome: 'ok' | 'refused', detail: string | null): Promise<void> {
    return this.deps.audit.record({ at: this.now(), accountId: account.id, action, target, outcome, detail });
  }
}

/** Groups unanswered questions: same nearest entry and language, or the same wording; most asked first. */
export function groupUnanswered(rows: readonly UnansweredRow[]): UnansweredGroup[] {
  const groups = new Map<string, UnansweredGroup>();
  for (const row of rows) {
    const key = row.topTopic ? `${row.locale}:${row.topTopic}` : `${row.locale}:=${phrasingKey(row.text)}`;
    const id = shortId(key);
    const group = groups.get(id) ?? { id, sample: row.text, locale: row.locale, count: 0, lastAt: 0, nearest: row.topTopic, questions: [] };
    group.count += row.count;
    group.lastAt = Math.max(group.lastAt, row.lastSeen);
    group.questions.push({ key: row.key, text: row.text, count: row.count });
    groups.set(id, group);
  }
  for (const g of groups.values()) {
    g.questions.sort((a, b) => b.count - a.count);
    g.sample = g.questions[0]!.text;
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

function shortId(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

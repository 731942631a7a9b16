import type { FaqEntry } from '../../knowledge/faq/faq-entry.js';
import type { ChangeAuthor, EntryAction, EntryVersion, KnowledgeRepository, PendingShipped, StoredEntry, UnansweredRow } from '../../knowledge/faq/knowledge-repository.js';
import type { ShippedChange, UnansweredQuestion } from '../../knowledge/faq/knowledge-store.js';
import { differs, type ShippedRecord } from '../../knowledge/faq/shipped-entries.js';
import { phrasingKey } from '../../knowledge/faq/validate-entry.js';
import type { Locale } from '../../locales/catalog.js';

/** The knowledge base with its history and unanswered questions, in memory. */
export class MemoryKnowledge implements KnowledgeRepository {
  private readonly current = new Map<string, StoredEntry>();
  private readonly versions: EntryVersion[] = [];
  private readonly unanswered = new Map<string, UnansweredRow>();
  private rev = 0;
  private readonly shipped = new Map<string, { entry: FaqEntry; receivedAt: number; settled: boolean }>();
  private stamp: string | null = null;

  async revision(): Promise<number> {
    return this.rev;
  }

  async listEntries(): Promise<FaqEntry[]> {
    return (await this.listStored()).map((s) => s.entry);
  }

  async listStored(): Promise<StoredEntry[]> {
    return [...this.current.values()].sort((a, b) => a.entry.id.localeCompare(b.entry.id));
  }

  async getEntry(id: string): Promise<StoredEntry | undefined> {
    return this.current.get(id);
  }

  async saveEntries(entries: readonly FaqEntry[], action: Exclude<EntryAction, 'remove'>, author: ChangeAuthor): Promise<number[]> {
    if (entries.length === 0) return [];
    const saved = entries.map((entry) => {
      const version = this.nextVersion(entry.id);
      this.current.set(entry.id, { entry, version, updatedAt: author.at, updatedBy: author.by });
      this.versions.push({ id: entry.id, version, action, entry, changedBy: author.by, changedAt: author.at });
      return version;
    });
    this.rev++;
    return saved;
  }

  async removeEntry(id: string, author: ChangeAuthor): Promise<boolean> {
    if (!this.current.delete(id)) return false;
    this.versions.push({ id, version: this.nextVersion(id), action: 'remove', entry: undefined, changedBy: author.by, changedAt: author.at });
    this.rev++;
    return true;
  }

  async history(id: string): Promise<EntryVersion[]> {
    return this.versions.filter((v) => v.id === id);
  }

  async hasHistory(): Promise<boolean> {
    return this.versions.length > 0;
  }

  async seedIfEmpty(entries: readonly FaqEntry[], by: string, at: number): Promise<number> {
    if (this.versions.length > 0 || entries.length === 0) return 0;
    await this.saveEntries(entries, 'seed', { by, at });
    for (const entry of entries) this.shipped.set(entry.id, { entry, receivedAt: at, settled: true });
    return entries.length;
  }

  async shippedStamp(): Promise<string | null> {
    return this.stamp;
  }

  async shippedRecords(ids: readonly string[]): Promise<ShippedRecord[]> {
    return ids.map((id) => ({
      id,
      current: this.current.get(id)?.entry,
      everStored: this.versions.some((v) => v.id === id),
      lastShipped: this.shipped.get(id)?.entry,
    }));
  }

  async takeShipped(change: ShippedChange, by: string, at: number): Promise<void> {
    await this.saveEntries(change.save, 'ship', { by, at });
    for (const entry of change.save) this.shipped.set(entry.id, { entry, receivedAt: at, settled: true });
    for (const { entry, pending } of change.remember) this.shipped.set(entry.id, { entry, receivedAt: at, settled: !pending });
    this.stamp = change.stamp;
  }

  async listPendingShipped(): Promise<Map<string, PendingShipped>> {
    const pending = new Map<string, PendingShipped>();
    for (const [id, s] of [...this.shipped].sort(([a], [b]) => a.localeCompare(b))) {
      const current = this.current.get(id)?.entry;
      if (!s.settled && current && differs(current, s.entry)) pending.set(id, { entry: s.entry, receivedAt: s.receivedAt });
    }
    return pending;
  }

  async settleShipped(id: string): Promise<void> {
    const s = this.shipped.get(id);
    if (s) s.settled = true;
  }

  async recordUnanswered(q: UnansweredQuestion): Promise<void> {
    const key = phrasingKey(q.text) || q.text;
    const id = `${key}\u0000${q.locale}`;
    const row = this.unanswered.get(id);
    if (row) {
      Object.assign(row, { count: row.count + 1, lastSeen: q.at, text: q.text, band: q.band, topTopic: q.topTopic, bestScore: Math.max(row.bestScore, q.score) });
    } else {
      this.unanswered.set(id, { key, locale: q.locale, text: q.text, band: q.band, topTopic: q.topTopic, bestScore: q.score, count: 1, firstSeen: q.at, lastSeen: q.at });
    }
  }

  async listUnanswered(options: { limit?: number; locale?: Locale } = {}): Promise<UnansweredRow[]> {
    return [...this.unanswered.values()]
      .filter((r) => !options.locale || r.locale === options.locale)
      .sort((a, b) => b.count - a.count || b.lastSeen - a.lastSeen)
      .slice(0, options.limit ?? 50);
  }

  async clearUnanswered(keys?: readonly string[]): Promise<number> {
    const before = this.unanswered.size;
    if (keys === undefined) this.unanswered.clear();
    else for (const [id, row] of this.unanswered) if (keys.includes(row.key)) this.unanswered.delete(id);
    return before - this.unanswered.size;
  }

  private nextVersion(id: string): number {
    return this.versions.filter((v) => v.id === id).reduce((max, v) => Math.max(max, v.version), 0) + 1;
  }
}

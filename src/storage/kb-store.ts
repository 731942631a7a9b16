import type { Locale } from '../locales/catalog.js';
import { isLocale } from '../locales/catalog.js';
import type { FaqEntry } from '../knowledge/faq/faq-entry.js';
import type { ShippedChange, UnansweredQuestion } from '../knowledge/faq/knowledge-store.js';
import { differs, type ShippedRecord } from '../knowledge/faq/shipped-entries.js';
import type {
  ChangeAuthor,
  EntryAction,
  EntryVersion,
  KnowledgeRepository,
  PendingShipped,
  StoredEntry,
  UnansweredRow,
} from '../knowledge/faq/knowledge-repository.js';
import { phrasingKey, validateEntry } from '../knowledge/faq/validate-entry.js';
import type { Database } from './database.js';
import { BatchWriter } from './batch-writer.js';

export type { ChangeAuthor, EntryAction, EntryVersion, StoredEntry, UnansweredRow } from '../knowledge/faq/knowledge-repository.js';

/** Parses a stored entry defensively: a row that is not a well-formed entry is skipped, not thrown. */
function parseEntry(data: string | null): FaqEntry | undefined {
  if (data === null) return undefined;
  try {
    const value: unknown = JSON.parse(data);
    const problems = validateEntry(value, [], { relatedMustExist: false });
    return problems.length === 0 ? (value as FaqEntry) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The SQL behind the knowledge base: current entries, every version with who and when, the revision
 * counter the bot polls, and unanswered questions. Validation happens before a save (see `validateEntry`).
 */
export class KbStore implements KnowledgeRepository {
  /** `writer`: the group commit shared with the other stores of the same database. */
  constructor(
    private readonly db: Database,
    private readonly writer = new BatchWriter(db),
  ) {}

  async revision(): Promise<number> {
    const row = await this.db.get<{ revision: number }>('SELECT revision FROM kb_state WHERE id = 1');
    return row?.revision ?? 0;
  }

  async listEntries(): Promise<FaqEntry[]> {
    return (await this.listStored()).map((s) => s.entry);
  }

  /** Each current entry's id and version: the knowledge base compares them to pick up only edited entries. */
  async listVersions(): Promise<{ id: string; version: number }[]> {
    return this.db.all<{ id: string; version: number }>('SELECT id, version FROM kb_entries ORDER BY id');
  }

  /** The current entries with the given ids (unknown ids are skipped). */
  async getEntries(ids: readonly string[]): Promise<FaqEntry[]> {
    const entries: FaqEntry[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.all<{ data: string }>(`SELECT data FROM kb_entries WHERE id IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`, chunk);
      for (const row of rows) {
        const entry = parseEntry(row.data);
        if (entry) entries.push(entry);
      }
    }
    return entries;
  }

  async listStored(): Promise<StoredEntry[]> {
    const rows = await this.db.all<{ id: string; version: number; data: string; updated_at: number; updated_by: string }>(
      'SELECT id, version, data, updated_at, updated_by FROM kb_entries ORDER BY id',
    );
    return rows.flatMap((row) => {
      const entry = parseEntry(row.data);
      return entry ? [{ entry, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by }] : [];
    });
  }

  async getEntry(id: string): Promise<StoredEntry | undefined> {
    const row = await this.db.get<{ version: number; data: string; updated_at: number; updated_by: string }>(
      'SELECT version, data, updated_at, updated_by FROM kb_entries WHERE id = ?',
      [id],
    );
    const entry = row ? parseEntry(row.data) : undefined;
    return row && entry ? { entry, version: row.version, updatedAt: row.updated_at, updatedBy: row.updated_by } : undefined;
  }

  /** Saves entries as new versions in one transaction and bumps the revision; returns the new version numbers. */
  async saveEntries(entries: readonly FaqEntry[], action: Exclude<EntryAction, 'remove'>, author: ChangeAuthor): Promise<number[]> {
    if (entries.length === 0) return [];
    return this.db.transaction((tx) => saveVersions(tx, entries, action, author));
  }

  /** Removes an entry (its history stays); returns false when there was no such entry. */
  async removeEntry(id: string, author: ChangeAuthor): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { changes } = await tx.run('DELETE FROM kb_entries WHERE id = ?', [id]);
      if (changes === 0) return false;
      const next = await nextVersion(tx, id);
      await tx.run(
        'INSERT INTO kb_entry_versions (entry_id, version, action, data, changed_by, changed_at) VALUES (?, ?, ?, NULL, ?, ?)',
        [id, next, 'remove', author.by, author.at],
      );
      await tx.run('UPDATE kb_state SET revision = revision + 1 WHERE id = 1');
      return true;
    });
  }

  /** Every version of an entry, oldest first. */
  async history(id: string): Promise<EntryVersion[]> {
    const rows = await this.db.all<{ version: number; action: EntryAction; data: string | null; changed_by: string; changed_at: number }>(
      'SELECT version, action, data, changed_by, changed_at FROM kb_entry_versions WHERE entry_id = ? ORDER BY version',
      [id],
    );
    return rows.map((r) => ({ id, version: r.version, action: r.action, entry: parseEntry(r.data), changedBy: r.changed_by, changedAt: r.changed_at }));
  }

  /** Whether the store ever held an entry (even if all were removed since). */
  async hasHistory(): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS one FROM kb_entry_versions LIMIT 1')) !== undefined;
  }

  async seedIfEmpty(entries: readonly FaqEntry[], by: string, at: number): Promise<number> {
    // Seed only a store that never held entries: removing every entry must not bring the files back.
    if ((await this.hasHistory()) || entries.length === 0) return 0;
    await this.db.transaction(async (tx) => {
      await saveVersions(tx, entries, 'seed', { by, at });
      for (const entry of entries) await rememberShipped(tx, entry, false, at);
    });
    return entries.length;
  }

  /** The fingerprint of the entry files last taken; null before any (a store seeded by an older release). */
  async shippedStamp(): Promise<string | null> {
    const row = await this.db.get<{ shipped_stamp: string | null }>('SELECT shipped_stamp FROM kb_state WHERE id = 1');
    return row?.shipped_stamp ?? null;
  }

  /** For each id: the current text, whether it was ever stored, and the shipped text last taken or seen. */
  async shippedRecords(ids: readonly string[]): Promise<ShippedRecord[]> {
    const records: ShippedRecord[] = [];
    for (const id of ids) {
      const current = await this.db.get<{ data: string }>('SELECT data FROM kb_entries WHERE id = ?', [id]);
      const ever = current ?? (await this.db.get('SELECT 1 AS one FROM kb_entry_versions WHERE entry_id = ? LIMIT 1', [id]));
      const shipped = await this.db.get<{ data: string }>('SELECT data FROM kb_shipped WHERE id = ?', [id]);
      records.push({ id, current: current ? parseEntry(current.data) : undefined, everStored: ever !== undefined, lastShipped: shipped ? parseEntry(shipped.data) : undefined });
    }
    return records;
  }

  /** Saves a release's entries as `ship` versions, remembers the shipped texts and the files' fingerprint, in one transaction. */
  async takeShipped(change: ShippedChange, by: string, at: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      if (change.save.length > 0) await saveVersions(tx, change.save, 'ship', { by, at });
      for (const entry of change.save) await rememberShipped(tx, entry, false, at);
      for (const { entry, pending } of change.remember) await rememberShipped(tx, entry, pending, at);
      await tx.run('UPDATE kb_state SET shipped_stamp = ? WHERE id = 1', [change.stamp]);
    });
  }

  /** Newer shipped texts still offered to the operator, where they differ from the current text. */
  async listPendingShipped(): Promise<Map<string, PendingShipped>> {
    const rows = await this.db.all<{ id: string; data: string; received_at: number; current: string | null }>(
      `SELECT s.id, s.data, s.received_at, e.data AS current FROM kb_shipped s JOIN kb_entries e ON e.id = s.id
       WHERE s.settled = 0 AND s.data <> e.data ORDER BY s.id`,
    );
    const pending = new Map<string, PendingShipped>();
    for (const row of rows) {
      const entry = parseEntry(row.data);
      const current = row.current === null ? undefined : parseEntry(row.current);
      if (entry && (!current || differs(current, entry))) pending.set(row.id, { entry, receivedAt: row.received_at });
    }
    return pending;
  }

  /** The operator kept their own text: the shipped text is no longer offered. */
  async settleShipped(id: string): Promise<void> {
    await this.db.run('UPDATE kb_shipped SET settled = 1 WHERE id = ?', [id]);
  }

  /** Joins the next group commit (with other residents' turns) rather than committing on its own. */
  async recordUnanswered(question: UnansweredQuestion): Promise<void> {
    const key = phrasingKey(question.text) || question.text;
    const write = { key, locale: question.locale, text: question.text, band: question.band, topTopic: question.topTopic, score: question.score, at: question.at };
    await this.writer.submit({ kind: 'unanswered', write });
  }

  /** Unanswered questions, most frequent first. */
  async listUnanswered(options: { limit?: number; locale?: Locale } = {}): Promise<UnansweredRow[]> {
    const params: (string | number)[] = [];
    let where = '';
    if (options.locale) {
      where = 'WHERE locale = ?';
      params.push(options.locale);
    }
    params.push(options.limit ?? 50);
    const rows = await this.db.all<{
      key: string; locale: string; text: string; band: string; top_topic: string | null;
      best_score: number; count: number; first_seen: number; last_seen: number;
    }>(
      `SELECT key, locale, text, band, top_topic, best_score, count, first_seen, last_seen FROM kb_unanswered ${where}
       ORDER BY count DESC, last_seen DESC LIMIT ?`,
      params,
    );
    return rows.map((r) => ({
      key: r.key,
      locale: isLocale(r.locale) ? r.locale : 'zh-CN',
      text: r.text,
      band: r.band === 'suggest' || r.band === 'low' ? r.band : 'unknown',
      topTopic: r.top_topic,
      bestScore: r.best_score,
      count: r.count,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
    }));
  }

  /** Forgets recorded questions (all, or those with the given keys) once operators have dealt with them. */
  async clearUnanswered(keys?: readonly string[]): Promise<number> {
    if (keys === undefined) return (await this.db.run('DELETE FROM kb_unanswered')).changes;
    let removed = 0;
    for (const key of keys) removed += (await this.db.run('DELETE FROM kb_unanswered WHERE key = ?', [key])).changes;
    return removed;
  }
}

async function saveVersions(tx: Database, entries: readonly FaqEntry[], action: Exclude<EntryAction, 'remove'>, author: ChangeAuthor): Promise<number[]> {
  const versions: number[] = [];
  for (const entry of entries) {
    const next = await nextVersion(tx, entry.id);
    const data = JSON.stringify(entry);
    await tx.run(
      `INSERT INTO kb_entries (id, version, data, review_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET version = excluded.version, data = excluded.data, review_by = excluded.review_by,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      [entry.id, next, data, entry.reviewBy ?? null, author.at, author.by],
    );
    await tx.run(
      'INSERT INTO kb_entry_versions (entry_id, version, action, data, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
      [entry.id, next, action, data, author.by, author.at],
    );
    versions.push(next);
  }
  await tx.run('UPDATE kb_state SET revision = revision + 1 WHERE id = 1');
  return versions;
}

async function rememberShipped(tx: Database, entry: FaqEntry, pending: boolean, at: number): Promise<void> {
  await tx.run(
    `INSERT INTO kb_shipped (id, data, received_at, settled) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, received_at = excluded.received_at, settled = excluded.settled`,
    [entry.id, JSON.stringify(entry), at, pending ? 0 : 1],
  );
}

async function nextVersion(db: Database, id: string): Promise<number> {
  const row = await db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM kb_entry_versions WHERE entry_id = ?', [id]);
  return (row?.v ?? 0) + 1;
}

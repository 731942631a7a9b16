import type { Actor } from '../knowledge/cases/case-lifecycle.js';
import { FINAL_STATUSES } from '../knowledge/cases/case-lifecycle.js';
import { caseFromRow, type CaseRecord, type CaseRow } from './case-rows.js';
import type { Database } from './database.js';

/** Hands a claimed case to another member of staff, with an `assign` event in its history. */
export class CaseAssignmentStore {
  constructor(private readonly db: Database) {}

  /** Undefined when the case does not exist or is closed or withdrawn. */
  async assign(ref: string, assignee: string, actor: Actor, at: number): Promise<CaseRecord | undefined> {
    return this.db.transaction(async (tx) => {
      const row = await tx.get<CaseRow>('SELECT * FROM cases WHERE ref = ?', [ref]);
      if (!row || (FINAL_STATUSES as readonly string[]).includes(row.status)) return undefined;
      await tx.run('UPDATE cases SET assignee = ?, updated_at = ? WHERE ref = ?', [assignee, at, ref]);
      await tx.run(
        'INSERT INTO case_events (ref, action, from_status, to_status, actor, actor_kind, note, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [ref, 'assign', row.status, row.status, actor.name, actor.kind, assignee, '{}', at],
      );
      return caseFromRow({ ...row, assignee, updated_at: at });
    });
  }
}

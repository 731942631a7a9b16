import type { ReportCaseRow, ReportRepository } from '../staff/staff-ports.js';
import type { Database } from './database.js';

export type { ReportCaseRow } from '../staff/staff-ports.js';


const COLUMNS = 'ref, category, channel, route, facts, decision, status, urgent, resolution, created_at, decided_at, due_at, rating, rating_comment, rated_at';

/** The rows behind the monthly report (统计报表) of a period, optionally of one office. */
export class CaseReportStore implements ReportRepository {
  constructor(private readonly db: Database) {}

  /** Cases received, decided, due or rated in `[from, to)`. */
  async rows(from: number, to: number, office: string | null): Promise<ReportCaseRow[]> {
    const officeFilter = office === null ? '' : ' AND route = ?';
    return this.db.all<ReportCaseRow>(
      `SELECT ${COLUMNS} FROM cases
       WHERE ((created_at >= ? AND created_at < ?) OR (decided_at >= ? AND decided_at < ?) OR (due_at >= ? AND due_at < ?)
         OR (rated_at >= ? AND rated_at < ?))${officeFilter}
       ORDER BY created_at, ref`,
      [from, to, from, to, from, to, from, to, ...(office === null ? [] : [office])],
    );
  }
}

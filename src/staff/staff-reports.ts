import type { CasePack } from '../knowledge/cases/case-pack.js';
import { isMonth, monthOf, monthRange } from '../knowledge/cases/local-time.js';
import type { Locale } from '../locales/catalog.js';
import { monthlyReport, type MonthlyReport } from './monthly-report.js';
import { CASE_ROLES, canSeeOffice, hasRole, refusal, type Refusal } from './staff-access.js';
import type { Account, AuditLog, ReportRepository } from './staff-ports.js';

export interface StaffReportsDeps {
  rows: ReportRepository;
  pack: CasePack;
  audit: AuditLog;
  now?: () => number;
}

/** The monthly report for the account's office (admins: any office, or all). Audited. */
export class StaffReports {
  private readonly now: () => number;

  constructor(private readonly deps: StaffReportsDeps) {
    this.now = deps.now ?? Date.now;
  }

  async monthly(account: Account, input: { month?: string | null; office?: string | null }, locale: Locale): Promise<{ ok: true; report: MonthlyReport } | Refusal> {
    const month = input.month || monthOf(this.now(), this.deps.pack.timeZone);
    const target = `report:${month}`;
    if (!hasRole(account, CASE_ROLES)) return this.refuse(account, target, refusal(403, 'forbidden', 'console.error.forbidden'));
    if (!isMonth(month)) return this.refuse(account, target, refusal(422, 'invalid', 'console.error.bad_month'));
    // Staff of an office see their office's figures; a request for another office is refused.
    const office = input.office || (account.role === 'admin' ? null : account.office);
    if (office !== null && !canSeeOffice(account, office)) return this.refuse(account, target, refusal(403, 'other_office', 'console.error.other_office'));
    const { from, to } = monthRange(month, this.deps.pack.timeZone);
    const rows = await this.deps.rows.rows(from, to, office);
    await this.deps.audit.record({ at: this.now(), accountId: account.id, action: 'report.view', target, outcome: 'ok', detail: office });
    return { ok: true, report: monthlyReport(rows, { month, from, to, office, now: this.now(), pack: this.deps.pack, locale }) };
  }

  private async refuse(account: Account, target: string, why: Refusal): Promise<Refusal> {
    await this.deps.audit.record({ at: this.now(), accountId: account.id, action: 'report.view', target, outcome: 'refused', detail: why.code });
    return why;
  }
}

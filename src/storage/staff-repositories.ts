import type { StaffRepositories } from '../staff/staff-ports.js';
import { CaseAssignmentStore } from './case-assignment-store.js';
import { CaseReportStore } from './case-report-store.js';
import type { Database } from './database.js';
import { HandoffStore } from './handoff-store.js';
import { LoginThrottleStore, StaffAccountStore, StaffSessionStore } from './staff-account-store.js';
import { AuditStore, CannedReplyStore, CaseNoteStore, StaffRelayStore } from './staff-records-store.js';

/** The staff service's repositories on SQLite. */
export function sqliteStaffRepositories(db: Database): StaffRepositories {
  return {
    accounts: new StaffAccountStore(db),
    sessions: new StaffSessionStore(db),
    throttle: new LoginThrottleStore(db),
    audit: new AuditStore(db),
    notes: new CaseNoteStore(db),
    canned: new CannedReplyStore(db),
    relays: new StaffRelayStore(db),
    handoffs: new HandoffStore(db),
    assignments: new CaseAssignmentStore(db),
    reports: new CaseReportStore(db),
  };
}

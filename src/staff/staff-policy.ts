import type { AddStandardOutcome } from '../knowledge/policy/policy-folder.js';
import { todayIn } from '../knowledge/policy/lookup.js';
import { checkNewStandard, policyOverview, type PolicyOverview, type StandardProblem } from '../knowledge/policy/new-standard.js';
import type { MeansStandard, PolicyPack, PolicyProblem } from '../knowledge/policy/types.js';
import { POLICY_ROLES, hasRole, refusal, type Refusal } from './staff-access.js';
import type { Account, AuditLog } from './staff-ports.js';

/** The policy folder as the service uses it (`PolicyFolder` fits). */
export interface PolicyFolderPort {
  readonly dir: string;
  revision(): Promise<string>;
  writable(): Promise<boolean>;
  addStandard(regionId: string, standard: MeansStandard, revision: string | undefined): Promise<AddStandardOutcome>;
}

export interface StaffPolicyDeps {
  folder: PolicyFolderPort;
  /** The pack the running bot reads; a saved standard is in it at once. */
  pack: PolicyPack;
  audit: AuditLog;
  now?: () => number;
}

export interface PolicyPage {
  ok: true;
  overview: PolicyOverview;
  /** Whether this account may add a standard (operators and admins). */
  canEdit: boolean;
  /** Whether the bot may write the policy folder (shown to those who can edit). */
  writable: boolean;
  folder: string;
  revision: string;
}

export type AddOutcome =
  | (PolicyPage & { added: { region: string; effectiveFrom: string }; backup: string; /** It corrected a standard not yet in force. */ replaced: boolean })
  | (Refusal & { problems?: StandardProblem[]; packProblems?: PolicyProblem[] });

/** `1250x2` (低保 × multiplier) or `2500` (a fixed threshold), as the audit log keeps it. */
function amountText(standard: MeansStandard['urban']): string {
  return 'threshold' in standard ? `${standard.threshold}` : `${standard.minimumLiving}x${standard.multiplier}`;
}

/**
 * The 本地政策 page's service: what is in effect today for everyone signed in, and, for operators and admins,
 * adding next year's 低保 standard of a region, checked (src/knowledge/policy/new-standard.ts), written safely
 * into the policy folder and taken up by the running bot at once. Every change and refusal is audited
 * (amounts and dates only: nothing about a person).
 */
export class StaffPolicy {
  private readonly now: () => number;

  constructor(private readonly deps: StaffPolicyDeps) {
    this.now = deps.now ?? Date.now;
  }

  private today(): string {
    return todayIn(this.deps.pack.timeZone, new Date(this.now()));
  }

  async view(account: Account): Promise<PolicyPage> {
    const canEdit = hasRole(account, POLICY_ROLES);
    return {
      ok: true,
      overview: policyOverview(this.deps.pack, this.today()),
      canEdit,
      writable: canEdit ? await this.deps.folder.writable() : false,
      folder: this.deps.folder.dir,
      revision: await this.deps.folder.revision(),
    };
  }

  async addStandard(account: Account, input: Record<string, unknown>): Promise<AddOutcome> {
    const action = 'policy.add_standard';
    if (!hasRole(account, POLICY_ROLES)) {
      await this.audit(account, action, null, 'refused', 'forbidden');
      return refusal(403, 'forbidden', 'console.error.forbidden');
    }
    const checked = checkNewStandard(this.deps.pack, input, this.today());
    const target = typeof input.region === 'string' ? `region:${input.region.slice(0, 40)}` : null;
    if (!checked.ok) {
      await this.audit(account, action, target, 'refused', 'invalid');
      return { ...refusal(422, 'invalid', 'policy.error.invalid', { count: checked.problems.length }), problems: checked.problems };
    }
    const revision = typeof input.revision === 'string' ? input.revision : undefined;
    const outcome = await this.deps.folder.addStandard(checked.regionId, checked.standard, revision);
    const regionTarget = `region:${checked.regionId}`;
    if (!outcome.ok) {
      await this.audit(account, action, regionTarget, 'refused', outcome.reason);
      if (outcome.reason === 'pack_invalid') return { ...refusal(409, 'pack_invalid', 'policy.error.pack_invalid'), packProblems: outcome.problems };
      if (outcome.reason === 'not_writable') return refusal(409, 'not_writable', 'policy.error.not_writable', { dir: this.deps.folder.dir });
      return refusal(409, 'changed', 'policy.error.changed');
    }
    const { standard } = checked;
    await this.audit(
      account,
      action,
      regionTarget,
      'ok',
      // Read by the audit page (lib/audit-lines.js): from:DATE urban:AMOUNT rural:AMOUNT kept:FILE.
      `from:${standard.effectiveFrom} urban:${amountText(standard.urban)} rural:${amountText(standard.rural)} kept:${outcome.backup}`,
    );
    return { ...(await this.view(account)), added: { region: checked.regionId, effectiveFrom: standard.effectiveFrom }, backup: outcome.backup, replaced: checked.replaces };
  }

  private audit(account: Account, action: string, target: string | null, outcome: 'ok' | 'refused', detail: string | null): Promise<void> {
    return this.deps.audit.record({ at: this.now(), accountId: account.id, action, target, outcome, detail });
  }
}

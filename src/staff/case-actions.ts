import type { Logger } from 'pino';
import type { Actor, CaseAction } from '../knowledge/cases/case-lifecycle.js';
import type { CasePack } from '../knowledge/cases/case-pack.js';
import type { ApplyResult, CaseRepository } from '../knowledge/cases/case-repository.js';
import type { OutboundMessage, OutboundPayload } from '../bot/channel.js';
import { notifyResident, type ResidentNotice } from './case-notifications.js';

/** What a staff action needs: the cases, the pack, and optionally the running outbox. */
export interface CaseActionDeps {
  cases: CaseRepository;
  pack: CasePack;
  /** The running bot's dispatcher, to send at once. Without it (the CLI) the notice waits in the outbox for the bot. */
  dispatcher?: { enqueue(messages: OutboundMessage[]): void };
  logger?: Pick<Logger, 'info'>;
}

export type CaseActionResult = ApplyResult & { notice?: ResidentNotice };

/**
 * Applies a lifecycle action (from a staff button, a staff command or the CLI) and notifies the
 * resident in the same transaction. Refusals (`already_claimed`, `not_allowed`, …) are results.
 * @example await performCaseAction(deps, 'FY-20261122-0001', { type: 'claim' }, { kind: 'staff', name: '王芳' })
 */
export async function performCaseAction(
  deps: CaseActionDeps,
  ref: string,
  action: CaseAction,
  actor: Actor,
  at = Date.now(),
): Promise<CaseActionResult> {
  let notice: ResidentNotice | undefined;
  const result = await deps.cases.applyTransition(ref, action, actor, at, {
    outbound: notifyResident(deps.pack, (n) => (notice = n)),
  });
  if (!result.ok) return result;
  // Ids and statuses only: names, notes and texts stay out of the log.
  deps.logger?.info(
    { case: ref, action: action.type, from: result.event.from, to: result.event.to, notified: notice?.send ?? false },
    'case transition',
  );
  deps.dispatcher?.enqueue(result.outbox.map((m) => ({ ...m, payload: m.payload as OutboundPayload, attempts: 0, createdAt: at })));
  return notice ? { ...result, notice } : result;
}

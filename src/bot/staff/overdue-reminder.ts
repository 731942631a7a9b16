import type { Logger } from 'pino';
import type { RenderedReply } from '../../flows/events.js';
import type { CasePack } from '../../knowledge/cases/case-pack.js';
import type { Locale } from '../../locales/catalog.js';
import { translate } from '../../locales/render.js';
import type { CaseRecord, CaseRepository } from '../../knowledge/cases/case-repository.js';
import { CASE_CATALOG } from './case-catalog.js';
import { caseLine, staffChoiceId } from './case-card.js';

export interface OverdueReminderOptions {
  cases: Pick<CaseRepository, 'listOverdue'>;
  /** How often to look, in ms (for example 15 minutes). */
  intervalMs: number;
  /** A case still overdue is announced again after this long (default 24 hours); new overdue cases at once. */
  repeatMs?: number;
  /** Called with the cases to remind staff about; the Telegram staff adapter posts {@link overdueReply} to the staff chat. */
  announce: (cases: CaseRecord[]) => void | Promise<void>;
  logger?: Pick<Logger, 'info' | 'error'>;
  now?: () => number;
}

/** A running reminder: `check()` runs one look now; `stop()` ends the timer and waits for a running check. */
export interface OverdueReminder {
  check(): Promise<CaseRecord[]>;
  stop(): Promise<void>;
}

/**
 * Looks for cases past their decision date every `intervalMs` and announces each one once, then
 * again every `repeatMs` while it stays overdue. Started and stopped by the caller (`serve`).
 * Reminders are remembered in memory only: after a restart every overdue case is announced again.
 * @example const reminder = startOverdueReminder({ cases, intervalMs: 15 * 60_000, announce: (c) => postToStaff(overdueReply(c, pack, Date.now())) });
 */
export function startOverdueReminder(options: OverdueReminderOptions): OverdueReminder {
  const now = options.now ?? Date.now;
  const repeatMs = options.repeatMs ?? 24 * 3_600_000;
  const lastAnnounced = new Map<string, number>();
  let running: Promise<CaseRecord[]> | null = null;
  let stopped = false;

  async function look(): Promise<CaseRecord[]> {
    const at = now();
    const overdue = await options.cases.listOverdue(at);
    const still = new Set(overdue.map((c) => c.ref));
    for (const ref of lastAnnounced.keys()) if (!still.has(ref)) lastAnnounced.delete(ref);
    const due = overdue.filter((c) => {
      const last = lastAnnounced.get(c.ref);
      return last === undefined || at - last >= repeatMs;
    });
    if (due.length > 0) {
      await options.announce(due);
      for (const c of due) lastAnnounced.set(c.ref, at);
      options.logger?.info({ overdue: overdue.length, announced: due.length }, 'overdue cases announced');
    }
    return due;
  }

  function check(): Promise<CaseRecord[]> {
    if (!running) running = look().finally(() => (running = null));
    return running;
  }

  const timer = setInterval(() => {
    if (stopped) return;
    check().catch((error: unknown) =>
      options.logger?.error({ err: error instanceof Error ? error.message : 'unknown' }, 'overdue check failed; will try again'),
    );
  }, options.intervalMs);
  timer.unref();

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}

/** The staff message announcing overdue cases, with a button to open each card. */
export function overdueReply(cases: readonly CaseRecord[], pack: CasePack, now: number, locale: Locale = 'zh-CN', nameOf?: (login: string) => string): RenderedReply {
  return {
    text: [translate('staff.overdue.header', locale, { count: cases.length }, CASE_CATALOG), ...cases.map((c) => caseLine(c, pack, now, locale, nameOf))].join('\n'),
    choices: cases.slice(0, 10).map((c) => ({ id: staffChoiceId('show', c.ref), label: c.ref })),
  };
}

import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { performCaseAction } from '../bot/staff/case-actions.js';
import { caseLine, renderCaseCard } from '../bot/staff/case-card.js';
import { actionResultText, renderStats } from '../bot/staff/staff-commands.js';
import { isCaseStatus, isOverdue, type CaseAction, type CaseStatus } from '../knowledge/cases/case-lifecycle.js';
import { DEFAULT_CASE_PACK, type CasePack } from '../knowledge/cases/case-pack.js';
import { isMonth, monthOf } from '../knowledge/cases/local-time.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import type { Locale } from '../locales/catalog.js';
import { isCaseRef, type CaseRecord } from '../knowledge/cases/case-repository.js';
import { openRepositories } from '../storage/open-repositories.js';
import type { Command, CommandContext } from './io.js';

const USAGE = `Usage:
  fayuan cases list [--status STATUS] [--all] [--json]
  fayuan cases show REF [--json]
  fayuan cases stats [YYYY-MM] [--json]
  fayuan cases claim REF --by NAME [--note TEXT]
  fayuan cases request-materials REF --by NAME --docs ID,ID [--note TEXT]
  fayuan cases materials-received REF --by NAME [--note TEXT]
  fayuan cases accept REF --by NAME --lawyer NAME [--note TEXT]
  fayuan cases decline REF --by NAME --note REASON
  fayuan cases refer REF --by NAME --note WHERE
  fayuan cases close REF --by NAME [--note TEXT]
  fayuan cases withdraw REF --by NAME [--note TEXT]   (recorded for the resident, at their request)
Options: --lang en for English-only texts (default: Chinese with English glosses).
Statuses: new, claimed, materials_requested, accepted, declined, referred, closed, withdrawn.
`;

const ACTIONS = ['claim', 'request-materials', 'materials-received', 'accept', 'decline', 'refer', 'close', 'withdraw'] as const;
type ActionWord = (typeof ACTIONS)[number];

class UsageError extends Error {
  override name = 'UsageError';
}

function toAction(word: ActionWord, values: { note?: string; lawyer?: string; docs?: string }): CaseAction {
  const note = values.note;
  switch (word) {
    case 'claim':
      return { type: 'claim', ...(note ? { note } : {}) };
    case 'request-materials':
      if (!values.docs) throw new UsageError('request-materials needs --docs with every missing document id, separated by commas (one-time notice).');
      return { type: 'request_materials', documents: values.docs.split(','), ...(note ? { note } : {}) };
    case 'materials-received':
      return { type: 'materials_received', ...(note ? { note } : {}) };
    case 'accept':
      if (!values.lawyer) throw new UsageError('accept needs --lawyer with the name of the assigned lawyer.');
      return { type: 'accept', lawyer: values.lawyer, ...(note ? { note } : {}) };
    case 'decline':
      if (!note) throw new UsageError('decline needs --note with the reason; the resident is told it (LAL 43).');
      return { type: 'decline', note };
    case 'refer':
      if (!note) throw new UsageError('refer needs --note saying where the case goes.');
      return { type: 'refer', note };
    case 'close':
      return { type: 'close', ...(note ? { note } : {}) };
    case 'withdraw':
      return { type: 'withdraw', ...(note ? { note } : {}) };
  }
}

/** The pack's deadlines and names; the national defaults (with a warning) when the pack does not load. */
async function loadPack(ctx: CommandContext): Promise<CasePack> {
  try {
    return await loadPolicyPack(ctx.config.policyDir);
  } catch (error) {
    ctx.stderr.write(
      `fayuan cases: the policy pack in ${ctx.config.policyDir} did not load, so national defaults are used ` +
        `(decision in 7 days, hotline 12348). Run \`fayuan policy check\` to see why.\n` +
        `${error instanceof Error ? error.message.split('\n')[0] : ''}\n`,
    );
    return DEFAULT_CASE_PACK;
  }
}

/** A list entry for `--json`: the case without personal data (no name, phone, description or facts). */
function summary(record: CaseRecord, now: number) {
  return {
    ref: record.ref,
    status: record.status,
    category: record.category,
    region: record.region,
    route: record.route,
    urgent: record.urgent,
    sameDay: record.sameDay,
    dueAt: record.dueAt,
    overdue: isOverdue(record, now),
    assignee: record.assignee,
    lawyer: record.lawyer,
    channel: record.channel,
    assessment: record.decision.outcome,
    resolution: record.resolution,
    createdAt: record.createdAt,
    decidedAt: record.decidedAt,
    updatedAt: record.updatedAt,
    rating: record.rating,
  };
}

function writeJson(out: Writable, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * `fayuan cases …`: list, show and count cases, and apply staff actions (for centres without a
 * Telegram staff chat). Actions follow the same lifecycle as the buttons and write the resident's
 * notice to the outbox; the running bot delivers it.
 */
export const casesCommand: Command = async (ctx) => {
  const { stdout, stderr } = ctx;
  let parsed;
  try {
    parsed = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        status: { type: 'string' },
        by: { type: 'string' },
        note: { type: 'string' },
        lawyer: { type: 'string' },
        docs: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [sub, arg] = positionals;
  if (values.help || !sub) {
    (values.help ? stdout : stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  if (values.status !== undefined && !isCaseStatus(values.status)) {
    stderr.write(`Unknown status "${values.status}".\n${USAGE}`);
    return 2;
  }
  const isAction = (ACTIONS as readonly string[]).includes(sub);
  if (!['list', 'show', 'stats'].includes(sub) && !isAction) {
    stderr.write(`Unknown cases command "${sub}".\n${USAGE}`);
    return 2;
  }
  if ((sub === 'show' || isAction) && (!arg || !isCaseRef(arg.toUpperCase()))) {
    stderr.write(`fayuan cases ${sub} needs a case reference such as FY-20261122-0001.\n`);
    return 2;
  }
  if (sub === 'stats' && arg !== undefined && !isMonth(arg)) {
    stderr.write(`"${arg}" is not a month: write it as YYYY-MM, for example 2026-11.\n`);
    return 2;
  }
  let action: CaseAction | undefined;
  if (isAction) {
    if (!values.by?.trim()) {
      stderr.write(`fayuan cases ${sub} needs --by with your name: every change records who made it.\n`);
      return 2;
    }
    try {
      action = toAction(sub as ActionWord, values);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      stderr.write(`${error.message}\n`);
      return 2;
    }
  }

  const pack = await loadPack(ctx);
  if (action?.type === 'request_materials' && pack.documents.length > 0) {
    const unknown = action.documents.filter((id) => !pack.documents.some((d) => d.id === id.trim()));
    if (unknown.length > 0) {
      stderr.write(`Unknown document id: ${unknown.join(', ')}. The policy pack knows: ${pack.documents.map((d) => d.id).join(', ')}.\n`);
      return 2;
    }
  }
  const repos = await openRepositories(ctx.config);
  try {
    const cases = repos.cases(pack);
    const now = Date.now();
    const ref = arg?.toUpperCase() ?? '';

    if (sub === 'list') {
      const status = values.status as CaseStatus | undefined;
      const records = status || values.all ? await cases.list(status ? { status } : {}) : await cases.listOpen();
      if (values.json) writeJson(stdout, records.map((r) => summary(r, now)));
      else if (records.length === 0) stdout.write('No cases. 没有案件。\n');
      else stdout.write(`${records.map((r) => caseLine(r, pack, now, locale)).join('\n')}\n`);
      return 0;
    }

    if (sub === 'show') {
      const record = await cases.get(ref);
      if (!record) {
        stderr.write(`No case ${ref}. Check the reference (fayuan cases list shows them).\n`);
        return 1;
      }
      const [events, attachments] = await Promise.all([cases.events(ref), repos.attachments.forCase(ref)]);
      if (values.json) writeJson(stdout, { ...record, overdue: isOverdue(record, now), events, attachments });
      else stdout.write(`${renderCaseCard(record, { pack, now, locale, events, attachments, historyLimit: 1000 }).text}\n`);
      return 0;
    }

    if (sub === 'stats') {
      const stats = await cases.stats(arg ?? monthOf(now, pack.timeZone));
      if (values.json) writeJson(stdout, stats);
      else stdout.write(`${renderStats(stats, locale)}\n`);
      return 0;
    }

    const result = await performCaseAction({ cases, pack }, ref, action!, { kind: 'staff', name: values.by!.trim() }, now);
    if (values.json) {
      writeJson(stdout, result.ok ? { ok: true, ref, from: result.event.from, to: result.event.to, notified: result.notice?.send ?? false } : result);
    } else {
      (result.ok ? stdout : stderr).write(`${actionResultText(result, ref, locale)}\n`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await repos.close();
  }
};

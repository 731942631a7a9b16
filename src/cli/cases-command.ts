import path from 'node:path';
import { parseArgs } from 'node:util';
import { CASE_CATALOG } from '../bot/staff/case-catalog.js';
import { translate } from '../locales/render.js';
import type { Writable } from 'node:stream';
import { performCaseAction } from '../staff/case-actions.js';
import { caseLine, renderCaseCard } from '../bot/staff/case-card.js';
import { actionResultText, renderStats } from '../bot/staff/staff-commands.js';
import { isCaseStatus, isOverdue, type CaseAction, type CaseStatus } from '../knowledge/cases/case-lifecycle.js';
import { DEFAULT_CASE_PACK, type CasePack } from '../knowledge/cases/case-pack.js';
import { isMonth, monthOf } from '../knowledge/cases/local-time.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import type { Locale } from '../locales/catalog.js';
import { isCaseRef, type CaseRecord } from '../knowledge/cases/case-repository.js';
import { openRepositories } from '../storage/open-repositories.js';
import { staffNames } from '../staff/staff-names.js';
import type { Command, CommandContext } from './io.js';

const USAGE = `Usage:
  fayuan cases list [--status STATUS] [--all] [--json]
  fayuan cases show REF [--json]
  fayuan cases stats [YYYY-MM] [--json]
  fayuan cases claim REF --by NAME [--note TEXT]
  fayuan cases request-materials REF --by NAME --docs 身份证明,ID,… [--note TEXT]   (document ids or names)
  fayuan cases materials-received REF --by NAME [--note TEXT]
  fayuan cases accept REF --by NAME --lawyer NAME [--note TEXT]
  fayuan cases decline REF --by NAME --note REASON
  fayuan cases refer REF --by NAME --note WHERE
  fayuan cases close REF --by NAME [--note TEXT]
  fayuan cases withdraw REF --by NAME [--note TEXT]   (recorded for the resident, at their request)
  fayuan cases reopen REF --by NAME --note REASON      (a declined, referred or closed case is worked again)
Options: --lang en for English-only texts (default: Chinese with English glosses).
Statuses: new, claimed, materials_requested, accepted, declined, referred, closed, withdrawn.
`;

const ACTIONS = ['claim', 'request-materials', 'materials-received', 'accept', 'decline', 'refer', 'close', 'withdraw', 'reopen'] as const;
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
      if (!values.docs) throw new UsageError('request-materials needs --docs with every missing document (ids or Chinese names), separated by commas (one-time notice).');
      return { type: 'request_materials', documents: values.docs.split(/[,，、]/).map((d) => d.trim()).filter(Boolean), ...(note ? { note } : {}) };
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
    case 'reopen':
      if (!note) throw new UsageError('reopen needs --note saying why the case is worked again.');
      return { type: 'reopen', note };
  }
}

/** The id of a document given by id or by name (either language; an unambiguous part of a name will do). */
export function documentId(pack: CasePack, given: string): string | undefined {
  const text = given.trim().toLowerCase();
  if (!text) return undefined;
  const exact = pack.documents.find((d) => d.id === text || d.name['zh-CN'] === given.trim() || d.name.en.toLowerCase() === text);
  if (exact) return exact.id;
  const partial = pack.documents.filter((d) => d.name['zh-CN'].includes(given.trim()) || d.name.en.toLowerCase().includes(text));
  return partial.length === 1 ? partial[0]!.id : undefined;
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
    // Ids, or the documents' names as the pack writes them (身份证明…), exactly or as an unambiguous part.
    const resolved = action.documents.map((given) => ({ given, id: documentId(pack, given) }));
    const unknown = resolved.filter((r) => r.id === undefined).map((r) => r.given);
    if (unknown.length > 0) {
      stderr.write(
        `Unknown document: ${unknown.join(', ')}. The policy pack knows:\n${pack.documents.map((d) => `  ${d.id}  ${d.name['zh-CN']}  (${d.name.en})`).join('\n')}\n`,
      );
      return 2;
    }
    action = { ...action, documents: resolved.map((r) => r.id!) };
  }
  const repos = await openRepositories(ctx.config);
  try {
    const cases = repos.cases(pack);
    const now = Date.now();
    // Console accounts by the names colleagues know (王芳), not their login names.
    const nameOf = await staffNames(repos.staff?.accounts);
    const ref = arg?.toUpperCase() ?? '';

    if (sub === 'list') {
      const status = values.status as CaseStatus | undefined;
      const records = status || values.all ? await cases.list(status ? { status } : {}) : await cases.listOpen();
      if (values.json) writeJson(stdout, records.map((r) => summary(r, now)));
      else if (records.length === 0) stdout.write(`${translate('staff.cases.none', locale, {}, CASE_CATALOG)}\n`);
      else stdout.write(`${records.map((r) => caseLine(r, pack, now, locale, nameOf)).join('\n')}\n`);
      return 0;
    }

    if (sub === 'show') {
      const record = await cases.get(ref);
      if (!record) {
        stderr.write(`No case ${ref}. Check the reference (fayuan cases list shows them).\n`);
        return 1;
      }
      const [events, attachments] = await Promise.all([cases.events(ref), repos.attachments.forCase(ref)]);
      await repos.staff?.audit.record({ at: now, accountId: null, action: 'case.view', target: ref, outcome: 'ok', detail: 'cli' });
      if (values.json) writeJson(stdout, { ...record, overdue: isOverdue(record, now), events, attachments });
      else {
        stdout.write(`${renderCaseCard(record, { pack, now, locale, events, attachments, historyLimit: 1000, nameOf }).text}\n`);
        // Where each file is, to open it: the type and size as stored, the path under the data folder.
        for (const a of attachments) {
          const size = a.size >= 1024 * 1024 ? `${(a.size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(a.size / 1024))} KB`;
          const line = translate('staff.card.attachment_file', locale, { name: a.fileName, type: a.mimeType, size, path: path.resolve(ctx.config.dataDir, a.storedPath) }, CASE_CATALOG);
          stdout.write(`${line}\n`);
        }
      }
      return 0;
    }

    if (sub === 'stats') {
      const stats = await cases.stats(arg ?? monthOf(now, pack.timeZone));
      if (values.json) writeJson(stdout, stats);
      else stdout.write(`${renderStats(stats, locale)}\n`);
      return 0;
    }

    const result = await performCaseAction({ cases, pack }, ref, action!, { kind: 'staff', name: values.by!.trim() }, now);
    // Audited like the console: by the account of that name when there is one, else as the server's CLI.
    const account = await repos.staff?.accounts.byUsername(values.by!.trim());
    await repos.staff?.audit.record({
      at: now,
      accountId: account?.id ?? null,
      action: `case.${action!.type}`,
      target: ref,
      outcome: result.ok ? 'ok' : 'refused',
      detail: result.ok ? 'cli' : `cli ${result.reason}`,
    });
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

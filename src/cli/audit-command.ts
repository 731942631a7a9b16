import { parseArgs } from 'node:util';
import { formatLocalDateTime } from '../knowledge/cases/local-time.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import { openStorage } from '../storage/open-storage.js';
import { StaffAccountStore } from '../storage/staff-account-store.js';
import { AuditStore } from '../storage/staff-records-store.js';
import type { Command } from './io.js';

/** `fayuan audit [--account USERNAME] [--action ACTION] [--ref REF] [--limit N] [--json]`: the audit log, newest first. */
export const auditCommand: Command = async ({ args, stdout, stderr, config }) => {
  const { values } = parseArgs({
    args,
    options: {
      account: { type: 'string' },
      action: { type: 'string' },
      ref: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    strict: false,
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  const db = await openStorage(config.databaseFile);
  try {
    const accounts = new StaffAccountStore(db);
    let accountId: number | undefined;
    if (typeof values.account === 'string') {
      const found = await accounts.byUsername(values.account);
      if (!found) {
        stderr.write(`${translate('staffcli.no_account', locale, { username: values.account })}\n`);
        return 1;
      }
      accountId = found.id;
    }
    const entries = await new AuditStore(db).list({
      ...(accountId !== undefined ? { accountId } : {}),
      ...(typeof values.action === 'string' ? { action: values.action } : {}),
      ...(typeof values.ref === 'string' ? { target: values.ref } : {}),
      limit: Number(values.limit ?? 100) || 100,
    });
    if (values.json) {
      for (const e of entries) stdout.write(`${JSON.stringify(e)}\n`);
      return 0;
    }
    if (entries.length === 0) {
      stdout.write(`${translate('auditcli.none', locale)}\n`);
      return 0;
    }
    const pack = await loadPolicyPack(config.policyDir);
    const names = new Map((await accounts.list()).map((a) => [a.id, a.username]));
    stdout.write(`${translate('auditcli.header', locale)}\n`);
    for (const e of entries) {
      const who = e.accountId === null ? '—' : `${e.accountId}(${names.get(e.accountId) ?? '?'})`;
      stdout.write([e.id, formatLocalDateTime(e.at, pack.timeZone), who, e.action, e.target ?? '—', e.outcome, e.detail ?? ''].join('\t') + '\n');
    }
    return 0;
  } finally {
    await db.close();
  }
};

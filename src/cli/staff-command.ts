import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { formatLocalDateTime } from '../knowledge/cases/local-time.js';
import { loadPolicyPack } from '../knowledge/policy/load-policy-pack.js';
import type { Locale } from '../locales/catalog.js';
import { translate } from '../locales/render.js';
import { StaffAuth } from '../staff/staff-auth.js';
import { isRole, type Role } from '../staff/staff-ports.js';
import { MIN_PASSWORD_CHARS } from '../staff/password.js';
import { openStorage } from '../storage/open-storage.js';
import { LoginThrottleStore, StaffAccountStore, StaffSessionStore } from '../storage/staff-account-store.js';
import { AuditStore } from '../storage/staff-records-store.js';
import type { Command } from './io.js';

const USAGE = `Usage:
  fayuan staff add USERNAME --role staff|supervisor|operator|admin [--office OFFICE_ID] [--name "王芳"] --password-stdin
    --name: the name residents see when you talk to them (else "工作人员 / staff member"); USERNAME is for signing in.
  fayuan staff list [--json]
  fayuan staff name USERNAME --name "王芳"        (the name residents and colleagues see; --name "" removes it)
  fayuan staff disable USERNAME
  fayuan staff reset-password USERNAME --password-stdin
Passwords are read from standard input (one line), never from the command line.
Options: --lang en for English.
`;

async function readPassword(stdin: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `fayuan staff …`: console accounts. Each change is written to the audit log (by the CLI: no account). */
export const staffCommand: Command = async ({ args, stdin, stdout, stderr, config }) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      office: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lang: { type: 'string' },
    },
    strict: false,
  });
  const locale: Locale = values.lang === 'en' ? 'en' : 'zh-CN';
  const t = (key: string, params?: Record<string, string | number>) => translate(key, locale, params);
  const [sub, username] = positionals as [string | undefined, string | undefined];
  if (!sub || !['add', 'list', 'name', 'disable', 'reset-password'].includes(sub) || (sub !== 'list' && !username)) {
    stderr.write(USAGE);
    return 2;
  }
  const db = await openStorage(config.databaseFile);
  try {
    const accounts = new StaffAccountStore(db);
    const auth = new StaffAuth({ accounts, sessions: new StaffSessionStore(db), throttle: new LoginThrottleStore(db), audit: new AuditStore(db) });
    const failure = (key: string, params?: Record<string, string | number>) => {
      stderr.write(`${t(key, params)}\n`);
      return 1;
    };
    switch (sub) {
      case 'list': {
        const all = await accounts.list();
        if (values.json) {
          stdout.write(`${JSON.stringify(all)}\n`);
          return 0;
        }
        if (all.length === 0) {
          stdout.write(`${t('staffcli.none')}\n`);
          return 0;
        }
        const pack = await loadPolicyPack(config.policyDir);
        stdout.write(`${t('staffcli.header')}\n`);
        for (const a of all) {
          stdout.write(
            `${t('staffcli.line', {
              id: a.id,
              username: a.username,
              name: a.displayName ?? '—',
              role: a.role,
              office: a.office ?? t('staffcli.all_offices'),
              state: a.disabled ? t('staffcli.disabled_state') : t('staffcli.enabled'),
              lastLogin: a.lastLoginAt ? formatLocalDateTime(a.lastLoginAt, pack.timeZone) : t('staffcli.never'),
            })}\n`,
          );
        }
        return 0;
      }
      case 'add': {
        const role = values.role;
        if (!isRole(role)) return failure('staffcli.bad_role');
        if (!values['password-stdin']) return failure('staffcli.no_password');
        const office = typeof values.office === 'string' && values.office ? values.office : null;
        if (office) {
          const pack = await loadPolicyPack(config.policyDir);
          if (!pack.offices.some((o) => o.id === office)) return failure('console.error.bad_office', { office, offices: pack.offices.map((o) => o.id).join(', ') });
        }
        const displayName = typeof values.name === 'string' ? values.name : null;
        const made = await auth.addAccount({ username: username!, role: role as Role, office, displayName, password: await readPassword(stdin) });
        if (!made.ok) return failure(`console.error.${made.reason}`, { username: username!, min: MIN_PASSWORD_CHARS });
        stdout.write(`${t('staffcli.added', { username: made.account.username, id: made.account.id, role: made.account.role, office: made.account.office ?? t('staffcli.all_offices') })}\n`);
        return 0;
      }
      case 'name': {
        if (typeof values.name !== 'string') return failure('staffcli.no_name');
        const found = await accounts.byUsername(username!);
        if (!found) return failure('staffcli.no_account', { username: username! });
        await auth.rename(found.id, values.name);
        stdout.write(`${t('staffcli.renamed', { username: found.username, name: values.name.trim() || '—' })}\n`);
        return 0;
      }
      case 'disable': {
        const found = await accounts.byUsername(username!);
        if (!found) return failure('staffcli.no_account', { username: username! });
        await auth.disable(found.id);
        stdout.write(`${t('staffcli.disabled', { username: found.username })}\n`);
        return 0;
      }
      default: {
        if (!values['password-stdin']) return failure('staffcli.no_password');
        const found = await accounts.byUsername(username!);
        if (!found) return failure('staffcli.no_account', { username: username! });
        const done = await auth.resetPassword(found.id, await readPassword(stdin));
        if (!done.ok) return failure(`console.error.${done.reason}`, { username: username!, min: MIN_PASSWORD_CHARS });
        stdout.write(`${t('staffcli.password_reset', { username: found.username })}\n`);
        return 0;
      }
    }
  } finally {
    await db.close();
  }
};

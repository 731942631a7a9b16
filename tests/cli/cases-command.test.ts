import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { casesCommand } from '../../src/cli/cases-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import { CaseStore, type NewCase } from '../../src/storage/case-store.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { openRepositories } from '../../src/storage/open-repositories.js';
import { AuditStore } from '../../src/storage/staff-records-store.js';
import { NOV22_10AM, TEST_PACK, newCase } from '../fixtures/cases.js';
import { tempDir } from '../helpers/temp-dir.js';

async function run(config: Config, ...args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await casesCommand({ args, stdin: new PassThrough(), stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, out, err };
}

async function seed(config: Config, ...inputs: NewCase[]): Promise<string[]> {
  const db = await openStorage(config.databaseFile);
  const cases = new CaseStore(db, TEST_PACK);
  const refs = [];
  for (const input of inputs) refs.push((await cases.createCase(input)).ref);
  await db.close();
  return refs;
}

async function pendingOutbox(config: Config) {
  // With the data key: the notices are sealed at rest.
  const repos = await openRepositories(config);
  const rows = await repos.outbox.pendingOutbox();
  await repos.close();
  return rows;
}

const setup = () => parseConfig({ FAYUAN_DATA_DIR: tempDir(), LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off' });

describe('fayuan cases', () => {
  it('lists open cases, without personal data in --json', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    const text = await run(config, 'list');
    expect(text.code).toBe(0);
    expect(text.out).toContain(ref);
    const json = await run(config, 'list', '--json');
    const list = JSON.parse(json.out) as Record<string, unknown>[];
    expect(list).toMatchObject([{ ref, status: 'new', category: 'wages', urgent: false }]);
    expect(json.out).not.toMatch(/李四|13800000000|拖欠/);
  });

  it('filters by status', async () => {
    const config = setup();
    await seed(config, newCase());
    expect(JSON.parse((await run(config, 'list', '--status', 'closed', '--json')).out)).toEqual([]);
    expect((await run(config, 'list', '--status', 'lost')).code).toBe(2);
  });

  it('shows a case with its history and attachments', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase({ attachments: [{ id: 'f1', fileName: '工资条.jpg', mimeType: 'image/jpeg', size: 10 }] }));
    const text = await run(config, 'show', ref!);
    expect(text.code).toBe(0);
    expect(text.out).toContain('李四');
    expect(text.out).toContain('工资条.jpg');
    expect(text.out).toContain('提交：');
    const json = JSON.parse((await run(config, 'show', ref!, '--json')).out) as { events: unknown[]; attachments: { storedPath: string }[] };
    expect(json).toMatchObject({ ref, status: 'new', applicant: { name: '李四' }, events: [{ action: 'submit' }], attachments: [{ storedPath: 'attachments/f1' }] });
  });

  it('says when a case does not exist', async () => {
    const config = setup();
    const result = await run(config, 'show', 'FY-20200101-0001');
    expect(result.code).toBe(1);
    expect(result.err).toContain('No case FY-20200101-0001');
  });

  it('applies staff actions through the lifecycle and queues the resident’s notice', async () => {
    const config = setup();
    const input = newCase();
    const [ref] = await seed(config, input);
    const claim = await run(config, 'claim', ref!, '--by', '王芳');
    expect(claim.code).toBe(0);
    expect(claim.out).toContain('审查中');
    expect(await pendingOutbox(config)).toMatchObject([{ address: input.address, payload: { kind: 'text', text: expect.stringContaining(ref!) } }]);

    const again = await run(config, 'claim', ref!, '--by', '赵强');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已由 王芳 认领');

    const accept = await run(config, 'accept', ref!, '--by', '王芳', '--lawyer', '陈律师', '--json');
    expect(JSON.parse(accept.out)).toEqual({ ok: true, ref, from: 'claimed', to: 'accepted', notified: true });
    const outbox = await pendingOutbox(config);
    expect(outbox).toHaveLength(2);
    expect(JSON.stringify(outbox[1]!.payload)).toContain('陈律师');
  });

  it('requests materials with names from the policy pack', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    await run(config, 'claim', ref!, '--by', '王芳');
    const unknown = await run(config, 'request-materials', ref!, '--by', '王芳', '--docs', 'id_card,selfie');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('selfie');
    expect((await run(config, 'request-materials', ref!, '--by', '王芳', '--docs', 'id_card')).code).toBe(0);
    const notice = JSON.stringify((await pendingOutbox(config)).at(-1)!.payload);
    expect(notice).toContain('一次性告知');
    expect(notice).not.toContain('id_card');
  });

  it('refuses an action without what it needs', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    const noBy = await run(config, 'claim', ref!);
    expect(noBy.code).toBe(2);
    expect(noBy.err).toContain('--by');
    const noReason = await run(config, 'decline', ref!, '--by', '王芳');
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('reason');
    expect((await run(config, 'accept', 'nonsense', '--by', '王芳', '--lawyer', 'x')).code).toBe(2);
  });

  it('reports a month’s figures', async () => {
    const config = setup();
    await seed(config, newCase(), newCase({ at: NOV22_10AM + 1000, channel: 'web' }));
    const json = JSON.parse((await run(config, 'stats', '2026-11', '--json')).out);
    expect(json).toMatchObject({ month: '2026-11', received: 2, byChannel: { telegram: 1, web: 1 } });
    expect((await run(config, 'stats', '2026-11')).out).toContain('收到申请：2');
    expect((await run(config, 'stats', 'last-month')).code).toBe(2);
  });

  it('prints usage for an unknown command', async () => {
    const result = await run(setup(), 'frobnicate');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Usage:');
  });

  it('shows where each attachment is stored and its type', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase({ attachments: [{ id: 'f1', fileName: '工资条.jpg', mimeType: 'image/jpeg', size: 2048 }] }));
    const text = await run(config, 'show', ref!, '--lang', 'en');
    expect(text.out).toContain(`工资条.jpg (image/jpeg, 2 KB): ${config.dataDir}/attachments/f1`);
    expect(text.out).toContain('Attachment (1 file): 工资条.jpg');
  });

  it('takes the documents’ Chinese names in --docs', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    await run(config, 'claim', ref!, '--by', '王芳');
    const done = await run(config, 'request-materials', ref!, '--by', '王芳', '--docs', '身份证明，劳动关系证明');
    expect(done.code).toBe(0);
    const json = JSON.parse((await run(config, 'show', ref!, '--json')).out) as { requestedDocuments: string[] };
    expect(json.requestedDocuments).toEqual(['id_card', 'labor_evidence']);
    // Views and actions from the command line are in the audit log too.
    const db = await openStorage(config.databaseFile);
    const audit = await new AuditStore(db).list({ target: ref! });
    await db.close();
    expect(audit.map((e) => [e.action, e.detail])).toEqual([
      ['case.view', 'cli'],
      ['case.request_materials', 'cli'],
      ['case.claim', 'cli'],
    ]);
  });

  it('lists the office and region of each case, and writes English with English punctuation', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase({ facts: { category: 'wages', region: 'demo-city', groups: ['migrant_worker'] } }));
    const zh = (await run(config, 'list')).out;
    expect(zh).toContain('示例市总工会法律援助工作站');
    const en = await run(config, 'show', ref!, '--lang', 'en');
    expect(en.out).not.toMatch(/[，、；（）：]/);
    const list = (await run(config, 'list', '--lang', 'en')).out;
    expect(list).toContain(ref!);
    expect(list).not.toMatch(/[，、；（）]/);
  });

  it('reopens a declined case with a reason, and tells the resident', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    await run(config, 'claim', ref!, '--by', '王芳');
    await run(config, 'decline', ref!, '--by', '王芳', '--note', '不属于援助范围');
    expect((await run(config, 'reopen', ref!, '--by', '王芳')).code).toBe(2);
    const reopened = await run(config, 'reopen', ref!, '--by', '王芳', '--note', '异议成立');
    expect(reopened.code).toBe(0);
    expect(reopened.out).toContain('审查中');
    expect(JSON.stringify((await pendingOutbox(config)).at(-1)!.payload)).toContain('重新审查');
  });
});

describe('fayuan cases, naming console staff', () => {
  it('shows a console account by its display name in the list and the history, as colleagues know them', async () => {
    const config = setup();
    const [ref] = await seed(config, newCase());
    const db = await openStorage(config.databaseFile);
    const { StaffAuth } = await import('../../src/staff/staff-auth.js');
    const { LoginThrottleStore, StaffAccountStore, StaffSessionStore } = await import('../../src/storage/staff-account-store.js');
    const auth = new StaffAuth({ accounts: new StaffAccountStore(db), sessions: new StaffSessionStore(db), throttle: new LoginThrottleStore(db), audit: new AuditStore(db) });
    expect((await auth.addAccount({ username: 'wangfang', role: 'staff', office: null, displayName: '王芳', password: 'correct horse battery' })).ok).toBe(true);
    await db.close();
    expect((await run(config, 'claim', ref!, '--by', 'wangfang')).code).toBe(0);
    const list = await run(config, 'list');
    expect(list.out).toContain('王芳');
    expect(list.out).not.toContain('wangfang');
    const show = await run(config, 'show', ref!);
    expect(show.out).toContain('王芳');
    expect(show.out).not.toContain('wangfang');
  });
});

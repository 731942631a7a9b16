import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/bot/app.js';
import type { InboundMessage } from '../../src/bot/channel.js';
import { saveUpload } from '../../src/bot/save-attachment.js';
import { casesCommand } from '../../src/cli/cases-command.js';
import type { Command } from '../../src/cli/io.js';
import { keysCommand } from '../../src/cli/keys-command.js';
import { parseConfig, type Config } from '../../src/config.js';
import { readAttachment } from '../../src/storage/attachment-files.js';
import { keyFilePath, readKeyFile } from '../../src/storage/data-key.js';
import { DecryptError, FieldCipher, keyIdOf } from '../../src/storage/field-cipher.js';
import { databaseOf, openRepositories } from '../../src/storage/open-repositories.js';
import { ScriptBuilder } from '../../src/storage/batch-script-client.js';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';
import { everyByte, readableInFolder } from '../helpers/data-folder-bytes.js';

const PHONE = '13812345678';
const ID_NUMBER = '110105199003074512';
const NAME = '王秀英';
const STORY = `包工头欠我两万元工资，我的身份证号码是${ID_NUMBER}`;
const NOTE = `已电话联系 ${PHONE}`;
/** A PNG whose bytes also carry the phone number (as a photo of an IOU would show it). */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IOU ${PHONE} ${ID_NUMBER}`)]);


async function run(command: Command, config: Config, ...args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await command({ args, stdin: new PassThrough(), stdout, stderr, config, shutdown: new AbortController().signal });
  return { code, out, err };
}

/** A resident applies in full on the console channel, with an uploaded document; returns the case reference and file id. */
async function apply(app: App, who: string): Promise<{ ref: string; fileId: string }> {
  const r = resident(who);
  const steps: InboundMessage[] = [
    r.returned(), r.choice('consent.agree'), r.choice('menu.apply'), r.choice('privacy.sensitive.agree'), r.choice('catgroup:wages'),
    r.choice('opt:self'), r.choice('opt:demo-city'), r.text('45'), r.choice('opt:none'), r.choice('group:migrant_worker'),
    r.choice('intake.groups.done'), r.choice('intake.no_deadline'), r.choice('intake.no'), r.choice('intake.continue'), r.text(STORY),
  ];
  for (const step of steps) await app.runner.handle(step);
  const saved = await saveUpload(Readable.from([PNG]), { fileName: `${NAME}的欠条.png`, mimeType: 'image/png' }, app.config.attachmentsDir, app.config.attachments);
  if (!saved.ok) throw new Error(`upload refused: ${saved.reason}`);
  await app.runner.handle({ channel: 'console', userId: who, address: who, messageId: 'file-1', event: { type: 'user.attachment', attachment: saved.attachment } });
  for (const step of [r.choice('intake.documents.done'), r.text(NAME), r.text(PHONE)]) await app.runner.handle(step);
  const receipt = await app.runner.handle(r.choice('intake.confirm'));
  const ref = /FY-\d{8}-\d{4}/.exec(receipt.replies.map((x) => x.text).join('\n'))?.[0];
  if (!ref) throw new Error('no case reference in the receipt');
  await app.repos.staff!.notes.add({ ref, accountId: null, author: '李律师', text: NOTE, at: Date.now() });
  return { ref, fileId: saved.attachment.id };
}

const SENSITIVE = { PRIVACY_SENSITIVE_CONSENT: 'on' };

describe('encryption at rest', () => {
  it('leaves no phone, ID number or name readable in the database, its journal or the attachments, while `cases show` prints them', async () => {
    const dir = tempDir();
    // One resident alone: the group commit's small batches are sealed on this thread (both paths: below).
    const app = await testApp(dir, SENSITIVE);
    const { ref, fileId } = await apply(app, 'wen');
    // Before closing: the write-ahead log still holds the latest pages, and must not show them either.
    expect(fs.existsSync(path.join(dir, 'fayuan.sqlite-wal'))).toBe(true);
    for (const needle of [PHONE, ID_NUMBER, NAME, '两万元工资']) expect(readableInFolder(dir, needle), needle).toBe(false);
    // The application still reads back in full through the repositories.
    const record = await app.repos.cases().get(ref);
    expect(record?.applicant).toMatchObject({ name: NAME, phone: PHONE });
    expect(record?.description).toContain(ID_NUMBER);
    expect(await readAttachment(app.config.attachmentsDir, fileId)).toEqual(PNG);
    expect((await app.repos.attachments.forCase(ref)).map((f) => f.fileName)).toEqual([`${NAME}的欠条.png`]);
    await databaseOf(app.repos)!.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    await app.close();
    for (const needle of [PHONE, ID_NUMBER, NAME, '两万元工资']) expect(readableInFolder(dir, needle), needle).toBe(false);

    const shown = await run(casesCommand, app.config, 'show', ref);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(PHONE);
    expect(shown.out).toContain(ID_NUMBER);
    expect(shown.out).toContain(NAME);
  });

  it('seals a small commit built on this thread and a large one built on the worker alike', async () => {
    const dir = tempDir();
    const builder = ScriptBuilder.shared();
    await builder.ready;
    const repos = await openRepositories({ databaseFile: path.join(dir, 'fayuan.sqlite'), dataDir: dir, attachmentsDir: path.join(dir, 'attachments') });
    const turn = (key: string) => ({
      conversation: { key, channel: 'web', address: key, machineVersion: 'v', snapshot: { name: NAME }, recentMessageIds: [], updatedAt: 0 },
      forgetTranscript: false,
      transcript: [{ direction: 'in' as const, body: { text: `我的电话是${PHONE}` } }],
      outbox: [{ payload: { kind: 'text', text: `${NAME}，我们会打${PHONE}联系您` } }],
      at: Date.now(),
    });
    const before = builder.builtOffThread;
    // One resident writing alone: a batch of one turn, sealed here without the worker's round trip.
    await repos.conversations.commitTurn(turn('web:alone'));
    expect(builder.builtOffThread).toBe(before);
    // Twenty at once: one batch, sealed on the worker.
    await Promise.all(Array.from({ length: 20 }, (_, i) => repos.conversations.commitTurn(turn(`web:many-${i}`))));
    expect(builder.builtOffThread).toBeGreaterThan(before);
    for (const needle of [PHONE, NAME]) expect(readableInFolder(dir, needle), needle).toBe(false);
    for (const key of ['web:alone', 'web:many-7']) {
      expect((await repos.conversations.recentTranscript(key, 5)).map((l) => l.body)).toEqual([{ text: `我的电话是${PHONE}` }]);
      expect((await repos.conversations.load(key))?.snapshot).toEqual({ name: NAME });
    }
    await repos.close();
  });

  it('keeps the data folder 0700 and the key, database and files 0600', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const { fileId } = await apply(app, 'mo');
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(app.config.attachmentsDir)).toBe(0o700);
    expect(mode(keyFilePath(dir))).toBe(0o600);
    expect(mode(app.config.databaseFile)).toBe(0o600);
    expect(mode(path.join(app.config.attachmentsDir, fileId))).toBe(0o600);
    await app.close();
  });

  it('refuses to start with a wrong key, in one line with its own exit code', async () => {
    const dir = tempDir();
    const key = randomBytes(32).toString('base64');
    const app = await testApp(dir, { ...SENSITIVE, FAYUAN_DATA_KEY: key });
    await apply(app, 'lu');
    await app.close();
    expect(fs.existsSync(keyFilePath(dir))).toBe(false);
    const wrong = await runCli(['cases', 'list'], '', { FAYUAN_DATA_DIR: dir, FAYUAN_DATA_KEY: randomBytes(32).toString('hex') });
    expect(wrong.code).toBe(6);
    const lines = wrong.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^fayuan: the data key .* does not open the data/);
    expect(wrong.stderr).not.toContain(key);
    const right = await runCli(['cases', 'list'], '', { FAYUAN_DATA_DIR: dir, FAYUAN_DATA_KEY: key });
    expect(right.code).toBe(0);
    const malformed = await runCli(['cases', 'list'], '', { FAYUAN_DATA_DIR: dir, FAYUAN_DATA_KEY: 'not-a-key' });
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain('FAYUAN_DATA_KEY must be 32 bytes');
  }, 120_000);

  it('rotates the key file: everything re-sealed under the new key and still readable', async () => {
    const dir = tempDir();
    const app = await testApp(dir, SENSITIVE);
    const { ref, fileId } = await apply(app, 'ro');
    await app.close();
    const oldKey = readKeyFile(keyFilePath(dir))![0]!;
    const oldId = keyIdOf(oldKey);
    expect(everyByte(dir).includes(Buffer.from(`enc1:${oldId}:`))).toBe(true);

    const rotated = await run(keysCommand, app.config, 'rotate');
    expect(rotated.code).toBe(0);
    const keys = readKeyFile(keyFilePath(dir))!;
    expect(keys).toHaveLength(1);
    expect(keys[0]!.equals(oldKey)).toBe(false);
    const newId = keyIdOf(keys[0]!);
    expect(rotated.out).toContain(newId);
    const raw = everyByte(dir);
    expect(raw.includes(Buffer.from(`enc1:${oldId}:`))).toBe(false);
    expect(raw.includes(Buffer.from(`enc1:${newId}:`))).toBe(true);
    expect(FieldCipher.keyIdOfFile(fs.readFileSync(path.join(app.config.attachmentsDir, fileId)))).toBe(newId);

    const again = await testApp(dir, SENSITIVE);
    expect((await again.repos.cases().get(ref))?.applicant.phone).toBe(PHONE);
    expect(await readAttachment(again.config.attachmentsDir, fileId)).toEqual(PNG);
    expect((await again.repos.conversations.recentTranscript('console:ro', 200)).some((l) => JSON.stringify(l.body).includes(STORY))).toBe(true);
    expect((await again.repos.staff!.notes.forCase(ref)).map((n) => n.text)).toEqual([NOTE]);
    await again.close();
    for (const needle of [PHONE, ID_NUMBER, NAME]) expect(readableInFolder(dir, needle), needle).toBe(false);
  });

  it('rotates an environment key given the old one beside it', async () => {
    const dir = tempDir();
    const oldKey = randomBytes(32).toString('hex');
    const newKey = randomBytes(32).toString('base64');
    const app = await testApp(dir, { ...SENSITIVE, FAYUAN_DATA_KEY: oldKey });
    const { ref } = await apply(app, 'ev');
    await app.close();
    const alone = await run(keysCommand, parseConfig({ FAYUAN_DATA_DIR: dir, LOG_LEVEL: 'silent', FAYUAN_DATA_KEY: newKey }), 'rotate');
    expect(alone.code).toBe(2);
    const both = parseConfig({ FAYUAN_DATA_DIR: dir, LOG_LEVEL: 'silent', FAYUAN_DATA_KEY: newKey, FAYUAN_DATA_KEY_OLD: oldKey });
    expect((await run(keysCommand, both, 'rotate')).code).toBe(0);
    const shown = await run(casesCommand, parseConfig({ FAYUAN_DATA_DIR: dir, LOG_LEVEL: 'silent', FAYUAN_DATA_KEY: newKey }), 'show', ref);
    expect(shown.out).toContain(PHONE);
  });
});

describe('FieldCipher', () => {
  const key = randomBytes(32);
  it('seals each value with its own IV and opens it; plaintext from before passes through', () => {
    const cipher = new FieldCipher([key]);
    const a = cipher.seal(PHONE);
    expect(a).not.toContain(PHONE);
    expect(a).not.toBe(cipher.seal(PHONE));
    expect(cipher.open(a)).toBe(PHONE);
    expect(cipher.open('{"text":"old row"}')).toBe('{"text":"old row"}');
  });

  it('never reuses an IV, also across the refills of its pool of random IVs', () => {
    const cipher = new FieldCipher([key]);
    // 12-byte IVs after the `enc1:<key id>:` prefix; 3,000 values span three refills of the pool.
    const ivs = Array.from({ length: 3000 }, () => Buffer.from(cipher.seal(PHONE).slice(14), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(3000);
    const sealed = cipher.seal(PHONE);
    expect(cipher.open(sealed)).toBe(PHONE);
  });

  it('refuses a changed value and a value of a key it does not hold', () => {
    const cipher = new FieldCipher([key]);
    const sealed = cipher.seal(PHONE);
    const raw = Buffer.from(sealed.slice(14), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => cipher.open(`${sealed.slice(0, 14)}${raw.toString('base64')}`)).toThrow(DecryptError);
    expect(() => new FieldCipher([randomBytes(32)]).open(sealed)).toThrow(DecryptError);
    expect(new FieldCipher([randomBytes(32), key]).open(sealed)).toBe(PHONE);
  });

  it('seals files as a stream and opens them whole', async () => {
    const cipher = new FieldCipher([key]);
    const stream = cipher.sealingStream();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => stream.on('end', resolve));
    stream.write(PNG.subarray(0, 5));
    stream.end(PNG.subarray(5));
    await done;
    const sealed = Buffer.concat(chunks);
    expect(sealed.includes(Buffer.from(PHONE))).toBe(false);
    expect(cipher.openFile(sealed)).toEqual(PNG);
    expect(cipher.openFile(PNG)).toEqual(PNG);
  });
});

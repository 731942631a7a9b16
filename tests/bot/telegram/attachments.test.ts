import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestBot, zh, type TestBot } from './telegram-fixture.js';
import { toDocumentsStep } from '../web/web-chat-fixture.js';

const ANA = 2001;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from('%PDF-1.7\n% a tiny test document\n');
const ONE_MB = { ATTACHMENT_MAX_MB: '1' };

/** Brings the resident to the step of an application that asks for documents (the one time files are taken); resolves with how many messages they got. */
async function atDocuments({ app, fake }: TestBot): Promise<number> {
  for (const step of toDocumentsStep('telegram', String(ANA))) await app.runner.handle(step);
  await fake.waitUntil(() => fake.sent(ANA).some((m) => m.text?.startsWith(zh('intake.q.documents').slice(0, 12))));
  return fake.sent(ANA).length;
}

/** Files in the attachments folder; it may not exist yet. */
function storedFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe('Telegram channel: files from residents', () => {
  it('refuses a file no step asked for, without downloading anything (before consent too)', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const photo = fake.addFile(JPEG);
    fake.inject(fake.text(ANA, '/start'), fake.photo(ANA, photo));
    const sent = await fake.waitForSent(ANA, 3);
    expect(sent[2]!.text).toBe(zh('privacy.file.not_now'));
    expect(fake.callsTo('getFile')).toEqual([]);
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('refuses a photo above the size limit kindly, without downloading it', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app } = bot;
    const n = await atDocuments(bot);
    const big = fake.addFile(JPEG, { size: 2 * 1024 * 1024 });
    fake.inject(fake.photo(ANA, big));
    const sent = await fake.waitForSent(ANA, n + 1);
    expect(sent[n]!.text).toBe(zh('core.attachment.refused.size'));
    expect(fake.callsTo('getFile')).toEqual([]);
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('stores an accepted PDF under a random id and passes it to the application', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app } = bot;
    const n = await atDocuments(bot);
    const pdf = fake.addFile(PDF);
    fake.inject(fake.document(ANA, pdf, '工资条.pdf', 'application/pdf'));
    const sent = await fake.waitForSent(ANA, n + 1);
    expect(sent[n]!.text).toBe(zh('intake.documents.received', { count: '1' }));
    const [stored, ...others] = storedFiles(app.config.attachmentsDir);
    expect(others).toEqual([]);
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(`${app.config.attachmentsDir}/${stored}`)).toEqual(PDF);
  });

  it('refuses a document whose type is not allowed, without downloading it', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app } = bot;
    const n = await atDocuments(bot);
    const zip = fake.addFile(Buffer.from('PK\u0003\u0004zip'));
    fake.inject(fake.document(ANA, zip, 'evidence.zip', 'application/zip'));
    expect((await fake.waitForSent(ANA, n + 1))[n]!.text).toBe(zh('core.attachment.refused.type'));
    expect(fake.callsTo('getFile')).toEqual([]);
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('refuses a file whose content is not what its type claims, and keeps nothing of it', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app } = bot;
    const n = await atDocuments(bot);
    const notPdf = fake.addFile(Buffer.from('MZ\u0090\u0000 not a pdf'));
    fake.inject(fake.document(ANA, notPdf, 'letter.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, n + 1))[n]!.text).toBe(zh('core.attachment.refused.type'));
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('stops a download that grows past the limit when Telegram did not state the size', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app } = bot;
    const n = await atDocuments(bot);
    const big = fake.addFile(Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), { size: 1000 });
    fake.inject(fake.document(ANA, big, 'scan.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, n + 1))[n]!.text).toBe(zh('core.attachment.refused.size'));
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('refuses a file larger than Telegram lets bots download, even under a higher limit', async () => {
    const bot = await startTestBot({ ATTACHMENT_MAX_MB: '50' });
    const { fake } = bot;
    const n = await atDocuments(bot);
    const scan = fake.addFile(PDF, { size: 25 * 1024 * 1024 });
    fake.failNext('getFile', { code: 400, description: 'Bad Request: file is too big' });
    fake.inject(fake.document(ANA, scan, 'scan.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, n + 1))[n]!.text).toBe(zh('core.attachment.refused.size'));
  });

  it('keeps the order of a chat while a file is being downloaded', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake } = bot;
    const n = await atDocuments(bot);
    const photo = fake.addFile(JPEG);
    fake.inject(fake.photo(ANA, photo), fake.text(ANA, '/help'));
    const texts = (await fake.waitForSent(ANA, n + 2)).map((m) => m.text);
    expect(texts.slice(n, n + 2)).toEqual([zh('intake.documents.received', { count: '1' }), zh('core.help', { hotline: '12348' })]);
  });

  it('keeps one stored copy when the same photo message is delivered twice', async () => {
    const bot = await startTestBot(ONE_MB);
    const { fake, app, channel } = bot;
    const n = await atDocuments(bot);
    const photo = fake.addFile(JPEG);
    const message = fake.photo(ANA, photo);
    fake.inject(message, fake.again(message), fake.text(ANA, '/help'));
    const texts = (await fake.waitForSent(ANA, n + 2)).map((m) => m.text);
    expect(texts.slice(n, n + 2)).toEqual([zh('intake.documents.received', { count: '1' }), zh('core.help', { hotline: '12348' })]);
    await channel.close(); // lets the batch finish, the duplicate's copy included
    expect(storedFiles(app.config.attachmentsDir)).toHaveLength(1);
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestBot, zh } from './telegram-fixture.js';

const ANA = 2001;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PDF = Buffer.from('%PDF-1.7\n% a tiny test document\n');
const ONE_MB = { ATTACHMENT_MAX_MB: '1' };

/** Files in the attachments folder; it may not exist yet. */
function storedFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

describe('Telegram channel: files from residents', () => {
  it('refuses a photo above the size limit kindly, without downloading it', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const big = fake.addFile(JPEG, { size: 2 * 1024 * 1024 });
    fake.inject(fake.text(ANA, '/start'), fake.photo(ANA, big));
    const sent = await fake.waitForSent(ANA, 3);
    expect(sent[2]!.text).toBe(zh('core.attachment.refused.size'));
    expect(fake.callsTo('getFile')).toEqual([]);
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('stores an accepted PDF under a random id and passes it to the conversation', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const pdf = fake.addFile(PDF);
    fake.inject(fake.text(ANA, '/start'), fake.document(ANA, pdf, '工资条.pdf', 'application/pdf'));
    const sent = await fake.waitForSent(ANA, 3);
    // The conversation is not at a documents step yet, so it says so: the file did arrive as an attachment.
    expect(sent[2]!.text).toBe(zh('core.attachment.unexpected'));
    const [stored, ...others] = storedFiles(app.config.attachmentsDir);
    expect(others).toEqual([]);
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.readFileSync(`${app.config.attachmentsDir}/${stored}`)).toEqual(PDF);
  });

  it('refuses a document whose type is not allowed, without downloading it', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const zip = fake.addFile(Buffer.from('PK\u0003\u0004zip'));
    fake.inject(fake.text(ANA, '/start'), fake.document(ANA, zip, 'evidence.zip', 'application/zip'));
    expect((await fake.waitForSent(ANA, 3))[2]!.text).toBe(zh('core.attachment.refused.type'));
    expect(fake.callsTo('getFile')).toEqual([]);
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('refuses a file whose content is not what its type claims, and keeps nothing of it', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const notPdf = fake.addFile(Buffer.from('MZ\u0090\u0000 not a pdf'));
    fake.inject(fake.text(ANA, '/start'), fake.document(ANA, notPdf, 'letter.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, 3))[2]!.text).toBe(zh('core.attachment.refused.type'));
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('stops a download that grows past the limit when Telegram did not state the size', async () => {
    const { fake, app } = await startTestBot(ONE_MB);
    const big = fake.addFile(Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]), { size: 1000 });
    fake.inject(fake.text(ANA, '/start'), fake.document(ANA, big, 'scan.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, 3))[2]!.text).toBe(zh('core.attachment.refused.size'));
    expect(storedFiles(app.config.attachmentsDir)).toEqual([]);
  });

  it('refuses a file larger than Telegram lets bots download, even under a higher limit', async () => {
    const { fake } = await startTestBot({ ATTACHMENT_MAX_MB: '50' });
    const scan = fake.addFile(PDF, { size: 25 * 1024 * 1024 });
    fake.failNext('getFile', { code: 400, description: 'Bad Request: file is too big' });
    fake.inject(fake.text(ANA, '/start'), fake.document(ANA, scan, 'scan.pdf', 'application/pdf'));
    expect((await fake.waitForSent(ANA, 3))[2]!.text).toBe(zh('core.attachment.refused.size'));
  });

  it('keeps the order of a chat while a file is being downloaded', async () => {
    const { fake } = await startTestBot(ONE_MB);
    const photo = fake.addFile(JPEG);
    fake.inject(fake.text(ANA, '/start'), fake.photo(ANA, photo), fake.text(ANA, '/help'));
    const texts = (await fake.waitForSent(ANA, 5)).map((m) => m.text);
    expect(texts.slice(2)).toEqual([zh('core.attachment.unexpected'), zh('core.help', { hotline: '12348' }), zh('core.privacy')]);
  });

  it('keeps one stored copy when the same photo message is delivered twice', async () => {
    const { fake, app, channel } = await startTestBot(ONE_MB);
    const photo = fake.addFile(JPEG);
    const message = fake.photo(ANA, photo);
    fake.inject(fake.text(ANA, '/start'), message, fake.again(message), fake.text(ANA, '/help'));
    const texts = (await fake.waitForSent(ANA, 5)).map((m) => m.text);
    expect(texts.slice(2)).toEqual([zh('core.attachment.unexpected'), zh('core.help', { hotline: '12348' }), zh('core.privacy')]);
    await channel.close(); // lets the batch finish, the duplicate's copy included
    expect(storedFiles(app.config.attachmentsDir)).toHaveLength(1);
  });
});

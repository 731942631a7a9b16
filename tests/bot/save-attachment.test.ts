import fs from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { safeFileName, saveUpload } from '../../src/bot/save-attachment.js';
import { tempDir } from '../helpers/temp-dir.js';

const limits = { maxBytes: 1000, allowedTypes: ['image/png', 'application/pdf', 'image/heic'] };
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');

describe('saveUpload', () => {
  it('stores an allowed file under a random id and reports its size', async () => {
    const dir = tempDir();
    const saved = await saveUpload(Readable.from([PDF]), { fileName: 'application.pdf', mimeType: 'application/pdf' }, dir, limits);
    expect(saved).toMatchObject({ ok: true, attachment: { fileName: 'application.pdf', mimeType: 'application/pdf', size: PDF.length } });
    expect(fs.readdirSync(dir)).toEqual([saved.ok ? saved.attachment.id : '']);
  });

  it('refuses a type not on the allow-list without reading it', async () => {
    const source = Readable.from([Buffer.from('MZ')]);
    expect(await saveUpload(source, { fileName: 'a.exe', mimeType: 'application/x-msdownload' }, tempDir(), limits)).toEqual({ ok: false, reason: 'type' });
  });

  it('refuses a file whose first bytes do not match its type', async () => {
    const dir = tempDir();
    expect(await saveUpload(Readable.from([Buffer.from('<html>')]), { fileName: 'a.pdf', mimeType: 'application/pdf' }, dir, limits)).toEqual({ ok: false, reason: 'type' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('accepts an allowed type it has no signature for, when not empty', async () => {
    expect((await saveUpload(Readable.from([Buffer.from('ftypheic')]), { fileName: 'a.heic', mimeType: 'image/HEIC' }, tempDir(), limits)).ok).toBe(true);
  });

  it('stops and cleans up when the file is over the limit', async () => {
    const dir = tempDir();
    const chunks = [PDF, Buffer.alloc(600), Buffer.alloc(600)];
    expect(await saveUpload(Readable.from(chunks), { fileName: 'big.pdf', mimeType: 'application/pdf' }, dir, limits)).toEqual({ ok: false, reason: 'size' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('safeFileName', () => {
  it.each([
    ['photo.jpg', 'photo.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\身份证.png', '身份证.png'],
    ['invoice\u202Egnp.exe', 'invoicegnp.exe'],
    ['line\nbreak.pdf', 'linebreak.pdf'],
    ['', 'file'],
    [undefined, 'file'],
    ['a'.repeat(300), 'a'.repeat(120)],
  ])('%j → %j', (raw, expected) => {
    expect(safeFileName(raw)).toBe(expected);
  });
});

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { TelegramError, type Telegram } from 'telegraf';
import type { AttachmentRef } from '../../flows/events.js';
import type { IncomingFile } from './read-message.js';

/** What {@link saveTelegramFile} needs: the API client, the folder and the limits. */
export interface SaveFileOptions {
  /** The Bot API client (for `getFile`). */
  telegram: Pick<Telegram, 'getFile' | 'getFileLink'>;
  /** Where attachments are kept: `config.attachmentsDir`. Files are named by a random id. */
  dir: string;
  maxBytes: number;
  /** MIME types residents may send (`config.attachments.allowedTypes`). */
  allowedTypes: readonly string[];
  /** Gives up on a download that takes longer than this. */
  timeoutMs?: number;
}

/** A stored attachment, or why the file was refused. */
export type SavedFile = { saved: true; attachment: AttachmentRef } | { saved: false; reason: 'type' | 'size' };

/** Leading bytes of the types we accept by default: a file must be what its name claims. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'image/jpeg': (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (h) => h.toString('latin1', 0, 4) === 'RIFF' && h.toString('latin1', 8, 12) === 'WEBP',
  'image/gif': (h) => h.toString('latin1', 0, 4) === 'GIF8',
  'application/pdf': (h) => h.toString('latin1', 0, 5) === '%PDF-',
};

class TooLarge extends Error {
  override name = 'TooLarge';
}

/**
 * Downloads a resident's file into `dir` under a random id, after checking its type against the
 * allow-list and its size against the limit (before downloading when Telegram states the size,
 * and again while downloading). Refusals are results; network and disk failures throw.
 */
export async function saveTelegramFile(file: IncomingFile, options: SaveFileOptions): Promise<SavedFile> {
  const mimeType = file.mimeType.split(';')[0]!.trim().toLowerCase();
  const allowed = options.allowedTypes.some((t) => t.toLowerCase() === mimeType);
  if (!allowed) return { saved: false, reason: 'type' };
  if (file.size !== undefined && file.size > options.maxBytes) return { saved: false, reason: 'size' };

  let info: Awaited<ReturnType<Telegram['getFile']>>;
  try {
    info = await options.telegram.getFile(file.fileId);
  } catch (error) {
    // Bots may download at most 20 MB; a higher ATTACHMENT_MAX_MB cannot lift that.
    if (error instanceof TelegramError && error.code === 400 && /too big/i.test(error.description)) return { saved: false, reason: 'size' };
    throw error;
  }
  if (info.file_size !== undefined && info.file_size > options.maxBytes) return { saved: false, reason: 'size' };
  const link = await options.telegram.getFileLink(info);

  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(16).toString('hex');
  const target = path.join(options.dir, id);
  const partial = `${target}.part`;
  let size = 0;
  let head = Buffer.alloc(0);
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(new TooLarge());
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    const source = await openDownload(link, options.timeoutMs ?? 60_000);
    await pipeline(source, limit, fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof TooLarge) return { saved: false, reason: 'size' };
    throw error;
  }
  const matches = SIGNATURES[mimeType];
  if (matches && !matches(head)) {
    await rm(partial, { force: true });
    return { saved: false, reason: 'type' };
  }
  await rename(partial, target);
  return { saved: true, attachment: { id, fileName: file.fileName, mimeType, size } };
}

async function openDownload(link: URL, timeoutMs: number): Promise<Readable> {
  // A local Bot API server (`--local`) hands out paths on its own disk.
  if (link.protocol === 'file:') return fs.createReadStream(fileURLToPath(link));
  const response = await fetch(link, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) {
    // The link holds the bot token: the error names the status only.
    throw new Error(`Downloading a file from Telegram failed with HTTP ${response.status}.`);
  }
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}

import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import { TelegramError, type Telegram } from 'telegraf';
import type { AttachmentRef } from '../../flows/events.js';
import type { IncomingFile } from './read-message.js';
import { saveUpload } from '../save-attachment.js';

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

  const source = await openDownload(link, options.timeoutMs ?? 60_000);
  const saved = await saveUpload(source, { fileName: file.fileName, mimeType }, options.dir, {
    maxBytes: options.maxBytes,
    allowedTypes: options.allowedTypes,
  });
  return saved.ok ? { saved: true, attachment: saved.attachment } : { saved: false, reason: saved.reason };
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

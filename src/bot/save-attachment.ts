import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentRef } from '../flows/events.js';
import { sealingStream } from '../storage/attachment-files.js';

/** What residents may send: `app.config.attachments`. */
export interface UploadLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
}

/** A stored file, or why it was refused (the reasons of a `user.refused_attachment` event). */
export type SavedUpload = { ok: true; attachment: AttachmentRef } | { ok: false; reason: 'type' | 'size' };

class TooLargeError extends Error {
  override name = 'TooLargeError';
}

/** The first bytes of the types we can recognise; a file claiming one of them must start so. */
const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'image/jpeg': (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/gif': (h) => ['GIF87a', 'GIF89a'].includes(h.subarray(0, 6).toString('latin1')),
  'image/webp': (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
};

/** `image/JPEG; charset=x` → `image/jpeg`. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * A resident's file name made safe to store and show: no folders, no control or direction-changing
 * characters, at most 120 characters. The name is only ever shown; files on disk are named by id.
 */
export function safeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return [...clean].slice(0, 120).join('') || 'file';
}

/** Where the file of an attachment id lives under the attachments folder. */
export function attachmentPath(dir: string, id: string): string {
  return path.join(dir, id);
}

/** Deletes a stored file (a duplicate upload, or a conversation being forgotten). */
export async function removeUpload(dir: string, id: string): Promise<void> {
  await rm(attachmentPath(dir, id), { force: true });
}

/**
 * Stores a file a resident sent under `dir`, named by a new random id, after checking its type against
 * the allow-list (and, for known types, its first bytes) and its size against the limit. Reusable by any
 * channel that can hand over the file as a stream.
 */
export async function saveUpload(
  source: Readable,
  file: { fileName: string; mimeType: string },
  dir: string,
  limits: UploadLimits,
): Promise<SavedUpload> {
  const mimeType = mediaType(file.mimeType);
  if (!limits.allowedTypes.includes(mimeType)) return { ok: false, reason: 'type' };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const id = randomBytes(16).toString('hex');
  const target = attachmentPath(dir, id);
  const partial = `${target}.part`;
  let size = 0;
  let head = Buffer.alloc(0);
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limits.maxBytes) return done(new TooLargeError('upload exceeds the size limit'));
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    // Sealed with the data key on its way to disk: no plaintext byte of the file is written.
    await pipeline(source, limit, sealingStream(dir), createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof TooLargeError) return { ok: false, reason: 'size' };
    throw error;
  }
  const looksRight = SIGNATURES[mimeType]?.(head) ?? size > 0;
  if (!looksRight) {
    await rm(partial, { force: true });
    return { ok: false, reason: 'type' };
  }
  await rename(partial, target);
  return { ok: true, attachment: { id, fileName: safeFileName(file.fileName), mimeType, size } };
}

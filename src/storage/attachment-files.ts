import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transform } from 'node:stream';
import { FieldCipher, PLAIN } from './field-cipher.js';

/*
 * Attachment files are sealed with the data key when saved and opened when served. The many channels
 * that read them know only the attachments folder (`config.attachmentsDir`), so the cipher is looked up
 * by that folder; the bot's start (`openCheckedRepositories`) and the CLI register it.
 */
const ciphers = new Map<string, FieldCipher>();

/** Seals and opens the files under `attachmentsDir` with `cipher` from now on. */
export function useFileCipher(attachmentsDir: string, cipher: FieldCipher): void {
  ciphers.set(path.resolve(attachmentsDir), cipher);
}

/** The cipher of an attachments folder: the one registered, or none (files stay as they are). */
export function fileCipherFor(attachmentsDir: string): FieldCipher {
  return ciphers.get(path.resolve(attachmentsDir)) ?? PLAIN;
}

/** A stream that seals what is saved under `attachmentsDir`. */
export function sealingStream(attachmentsDir: string): Transform {
  return fileCipherFor(attachmentsDir).sealingStream();
}

/** The plaintext of the stored file `id` under `attachmentsDir` (a file saved before encryption as it is). */
export async function readAttachment(attachmentsDir: string, id: string): Promise<Buffer> {
  return fileCipherFor(attachmentsDir).openFile(await readFile(path.join(attachmentsDir, id)));
}

/** Like {@link readAttachment}, for a full path under the attachments folder. */
export async function readAttachmentAt(file: string): Promise<Buffer> {
  return fileCipherFor(path.dirname(file)).openFile(await readFile(file));
}

/** Seals one stored file again under the current key; false when it already was. */
export async function resealAttachment(cipher: FieldCipher, file: string): Promise<boolean> {
  const content = await readFile(file);
  if (FieldCipher.keyIdOfFile(content) === cipher.currentId) return false;
  const sealed = cipher.sealFile(cipher.openFile(content));
  const temp = `${file}.rekey`;
  await writeFile(temp, sealed, { mode: 0o600 });
  await rename(temp, file);
  return true;
}

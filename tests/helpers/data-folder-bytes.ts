import fs from 'node:fs';
import path from 'node:path';

/** Every byte under a data folder (database, its journal, attachments, key file), as one buffer. */
export function everyByte(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else parts.push(fs.readFileSync(full));
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

/** Whether `needle` can be read anywhere in the folder's raw bytes, as UTF-8 or UTF-16 (what `strings` would find). */
export function readableInFolder(dir: string, needle: string): boolean {
  const all = everyByte(dir);
  return all.includes(Buffer.from(needle, 'utf8')) || all.includes(Buffer.from(needle, 'utf16le'));
}

import fs from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { tempDir } from '../../helpers/temp-dir.js';
import { DEFAULT_PACK_DIR } from './default-pack.js';

/** A copy of the default pack in a temporary folder (removed after the test), to break or update. */
export function copyDefaultPack(): string {
  const dir = tempDir('fayuan-pack-');
  for (const file of fs.readdirSync(DEFAULT_PACK_DIR)) fs.copyFileSync(path.join(DEFAULT_PACK_DIR, file), path.join(dir, file));
  return dir;
}

/** Rewrites one YAML file of a pack through a function on its parsed content. */
export function editPackFile(dir: string, file: string, edit: (doc: any) => void): void {
  const full = path.join(dir, file);
  const doc = parse(fs.readFileSync(full, 'utf8'));
  edit(doc);
  fs.writeFileSync(full, stringify(doc));
}

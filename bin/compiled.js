// The compiled build (`npm run build` → dist/) starts about a second faster than the sources through
// tsx: no loader hook, no transpiling. It is used only while it is current: built after the last
// change to any file under src/ (a `git pull` or an edit without a new build falls back to the sources).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const DIST = path.join(ROOT, 'dist');
/** Written last by `npm run build`; its time is the build's. */
export const STAMP = path.join(DIST, '.built');
/** Folders of src/ served as files (not compiled): copied into dist/ by the build. */
export const ASSET_DIRS = ['src/bot/web/public', 'src/console/public'];

function newestUnder(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(file) : fs.statSync(file).mtimeMs);
  }
  return newest;
}

/** The compiled file for `relative` (e.g. 'src/main.js') when the build is current, else undefined. */
export function compiledFile(relative) {
  if (process.env.FAYUAN_FROM_SOURCE === '1') return undefined;
  try {
    const built = fs.statSync(STAMP).mtimeMs;
    if (newestUnder(path.join(ROOT, 'src')) > built) return undefined;
    const file = path.join(DIST, relative);
    return fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

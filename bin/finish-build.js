// The last step of `npm run build`: copies the served files next to the compiled code and stamps the build.
import fs from 'node:fs';
import path from 'node:path';
import { ASSET_DIRS, DIST, ROOT, STAMP } from './compiled.js';

for (const dir of ASSET_DIRS) {
  fs.rmSync(path.join(DIST, dir), { recursive: true, force: true });
  fs.cpSync(path.join(ROOT, dir), path.join(DIST, dir), { recursive: true });
}
fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);

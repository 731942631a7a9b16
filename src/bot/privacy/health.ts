import fs from 'node:fs/promises';
import path from 'node:path';
import type { App } from '../app.js';
import { probeWrite } from '../../storage/data-folder.js';
import { databaseOf } from '../../storage/open-repositories.js';

/**
 * Whether the bot can take a resident's message now: `null` when it can, otherwise the reason (no
 * personal data) — the database refuses a write, or the attachments folder cannot be written.
 */
export async function healthProblem(app: App): Promise<string | null> {
  const db = databaseOf(app.repos);
  try {
    if (db) await probeWrite(db);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : 'write failed';
    return `the database cannot be written: ${cause}`;
  }
  const probe = path.join(app.config.attachmentsDir, '.health-probe');
  try {
    await fs.writeFile(probe, '');
    await fs.rm(probe, { force: true });
  } catch (error) {
    return `the attachments folder cannot be written: ${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
  return null;
}

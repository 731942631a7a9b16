import { formatReport, purge } from '../bot/privacy/retention.js';
import { openStorage } from '../storage/open-storage.js';
import { checkDatabase, prepareDataFolder } from '../storage/data-folder.js';
import type { Command } from './io.js';

/**
 * `fayuan purge [--dry-run]`: deletes what is older than its retention period (RETAIN_*_DAYS) and
 * prints, by kind, how much and how old; `--dry-run` only prints what it would delete.
 */
export const purgeCommand: Command = async ({ args, stdout, stderr, config }) => {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length > 0) {
    stderr.write(`Unknown option ${unknown[0]}. Usage: fayuan purge [--dry-run]\n`);
    return 2;
  }
  const dryRun = args.includes('--dry-run');
  prepareDataFolder(config.dataDir, config.attachmentsDir, config.databaseFile);
  const db = await openStorage(config.databaseFile);
  try {
    await checkDatabase(db);
    const now = Date.now();
    const report = await purge(db, config.attachmentsDir, config.privacy.retentionDays, { now, dryRun });
    stdout.write(formatReport(report, config.privacy.retentionDays, now, dryRun));
    return 0;
  } finally {
    await db.close();
  }
};

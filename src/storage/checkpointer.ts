import type { Database } from './database.js';

/**
 * Takes WAL checkpoints off the commit path: SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold (copying megabytes into the database file and syncing it while every
 * resident in that group commit waits). Instead, the automatic one is turned off and a passive
 * checkpoint runs every `intervalMs` on a connection of its own, beside the writer.
 */
export async function startCheckpointer(db: Database, intervalMs = 500): Promise<{ stop(): Promise<void> }> {
  await db.exec('PRAGMA wal_autocheckpoint = 0');
  // After a checkpoint has caught up, the WAL file is reused from its start; cap what stays on disk.
  await db.exec('PRAGMA journal_size_limit = 67108864');
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= db
      .checkpoint()
      .catch(() => undefined)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      if (running) await running;
      await db.exec('PRAGMA wal_autocheckpoint = 1000');
    },
  };
}

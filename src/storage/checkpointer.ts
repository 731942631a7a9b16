import type { Database } from './database.js';

/** When the WAL holds more frames than this (4 KB each: 64 MB, `journal_size_limit`), it is brought back to its start (see below). */
const RESTART_ABOVE_FRAMES = 16_384;

/**
 * Takes WAL checkpoints off the commit path: SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold (copying megabytes into the database file and syncing it while every
 * resident in that group commit waits). Instead, the automatic one is turned off and a passive
 * checkpoint runs every `intervalMs` on a connection of its own, beside the writer.
 *
 * A checkpoint beside the writer never catches up while commits keep coming (frames are added while
 * it copies), and SQLite starts the WAL again from its beginning only once every frame is in the
 * database file: under sustained load the WAL grew without end (440 MB in 20 s of the benchmark's
 * closed loop, 15 KB per message), and the commit that finally restarted it truncated the file. So
 * when the WAL holds more than `restartAboveFrames` frames after the passive checkpoint, a second
 * one runs on the writer's queue, between two commits: it copies only the frames added meanwhile
 * (the first did the bulk), and the next commit starts the WAL from its beginning.
 */
export async function startCheckpointer(db: Database, intervalMs = 500, restartAboveFrames = RESTART_ABOVE_FRAMES): Promise<{ stop(): Promise<void> }> {
  await db.exec('PRAGMA wal_autocheckpoint = 0');
  // After a checkpoint has caught up, the WAL file is reused from its start; cap what stays on disk.
  await db.exec('PRAGMA journal_size_limit = 67108864');
  let running: Promise<void> | null = null;
  const checkpoint = async () => {
    const { log } = await db.checkpoint();
    if (log > restartAboveFrames) await db.checkpoint({ onWriter: true });
  };
  const timer = setInterval(() => {
    running ??= checkpoint()
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

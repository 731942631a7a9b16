import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/storage/checkpointer.js';
import { ConversationStore } from '../../src/storage/conversation-store.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('WAL checkpoints beside the writer', () => {
  it('keep the WAL from growing without end while commits never pause', async () => {
    const file = path.join(tempDir(), 'fayuan.sqlite');
    const db = await openStorage(file);
    // Small figures so the test is short: a checkpoint every 20 ms, the WAL restarted above 200 frames (800 KB).
    const checkpoints = await startCheckpointer(db, 20, 200);
    const store = new ConversationStore(db);
    const text = 'x'.repeat(2000);
    let largestWal = 0;
    const until = Date.now() + 2500;
    for (let round = 0; Date.now() < until; round++) {
      // 40 residents' turns per commit, back to back, as under sustained load.
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.commitTurn({
            conversation: { key: `console:r${round}-${i}`, channel: 'console', address: 'a', machineVersion: 'v', snapshot: { text }, recentMessageIds: [], updatedAt: 0 },
            forgetTranscript: false,
            transcript: [{ direction: 'out', body: { text } }],
            outbox: [{ payload: { text } }],
            at: Date.now(),
          }),
        ),
      );
      largestWal = Math.max(largestWal, fs.statSync(`${file}-wal`).size);
    }
    await checkpoints.stop();
    await db.close();
    // About 10 MB of rows were written; the WAL file stays within a few times the restart threshold (without the second checkpoint it grew to 48 MB here).
    expect(fs.statSync(file).size).toBeGreaterThan(5_000_000);
    expect(largestWal).toBeLessThan(12_000_000);
  }, 20_000);
});

import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/storage/group-commit.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A group commit over a fake writer that records its batches ('t' a turn, 's' a sent mark). */
function recording(riderDelayMs: number, writeMs = 0) {
  const batches: string[][] = [];
  const commit = new GroupCommit<string, string>(
    async (items) => {
      batches.push(items);
      if (writeMs > 0) await sleep(writeMs);
      return items.map((i) => `${i}!`);
    },
    { riderDelayMs },
  );
  const turn = (id: string) => commit.submit(id);
  const mark = (id: string) => commit.submit(id, { rider: true });
  return { commit, batches, turn, mark };
}

describe('sent marks ride with the next commit', () => {
  it('does not commit a sent mark on its own while a turn follows within the delay', async () => {
    const { batches, turn, mark } = recording(200);
    const marked = mark('s1');
    await sleep(20);
    expect(batches).toEqual([]);
    await Promise.all([turn('t1'), marked]);
    expect(batches).toEqual([['s1', 't1']]);
  });

  it('commits a lone sent mark after the delay', async () => {
    const { batches, mark } = recording(30);
    const started = performance.now();
    expect(await mark('s1')).toBe('s1!');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(batches).toEqual([['s1']]);
  });

  it('does not start a second commit for marks that arrive while a turn is being written', async () => {
    const { batches, turn, mark } = recording(100, 20);
    const first = turn('t1');
    await sleep(5);
    const marked = mark('s1');
    await first;
    await sleep(10);
    // The turn's commit is done and only the mark waits: it waits for the next turn.
    expect(batches).toEqual([['t1']]);
    await turn('t2');
    await marked;
    expect(batches).toEqual([['t1'], ['s1', 't2']]);
  });

  it('keeps committing while turns wait, taking the waiting marks along', async () => {
    const { batches, turn, mark } = recording(1000, 10);
    const first = turn('t1');
    await sleep(2);
    const rest = [mark('s1'), turn('t2')];
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([['t1'], ['s1', 't2']]);
  });

  it('writes waiting marks when asked to be idle (shutdown) without waiting for the delay', async () => {
    const { commit, batches, mark } = recording(60_000);
    const marked = mark('s1');
    const started = performance.now();
    await commit.idle();
    expect(await marked).toBe('s1!');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(batches).toEqual([['s1']]);
  });
});

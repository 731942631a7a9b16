import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TurnSlicer } from '../../src/bot/turn-slicer.js';

/** Keeps this thread busy for `ms`, as a resident's turn through the machines does. */
function work(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** A clock that moves only when told: the slices depend on the work the test says was done, not on the machine. */
function manualClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('starting residents in slices of the event loop bounded by time', () => {
  it('lets a waiting I/O callback (the next commit) run before a burst of busy residents is through, and keeps their order', async () => {
    const clock = manualClock();
    const slicer = new TurnSlicer(2, clock.now);
    const events: string[] = [];
    const { port1, port2 } = new MessageChannel();
    // Like the script worker's reply arriving while a commit's residents are being started.
    const replied = new Promise<void>((resolve) => port2.once('message', () => (events.push('reply'), resolve())));
    // Each resident works ~0.5 ms, part of it after an await (as a turn continues after the machine rests).
    const started = Array.from({ length: 20 }, (_, i) =>
      slicer.next().then(async () => {
        events.push(`r${i}`);
        work(0.25);
        clock.advance(0.25);
        await Promise.resolve();
        work(0.25);
        clock.advance(0.25);
      }),
    );
    port1.postMessage('script');
    await Promise.all([...started, replied]);
    port1.close();
    expect(events.filter((e) => e !== 'reply')).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`));
    // All at once, the reply came after the twentieth; in 2 ms slices it comes after about four.
    expect(events.indexOf('reply')).toBeLessThan(events.indexOf('r19'));
    expect(events.indexOf('reply')).toBeGreaterThan(0);
  });

  it('starts many quick residents in one turn instead of a fixed few per turn', async () => {
    const clock = manualClock();
    const slicer = new TurnSlicer(2, clock.now);
    const started: number[] = [];
    // Each takes 0.01 ms: a hundred fit in a 2 ms slice.
    const all = Array.from({ length: 100 }, (_, i) => slicer.next().then(() => void (started.push(i), clock.advance(0.01))));
    // An immediate queued after the slicer's own: it runs once the slicer's first slice is over.
    const afterFirstSlice = new Promise<number>((resolve) => setImmediate(() => resolve(started.length)));
    expect(await afterFirstSlice).toBe(100);
    await Promise.all(all);
  });

  it('a resident that waits for I/O does not count its waiting against the slice', async () => {
    const clock = manualClock();
    const slicer = new TurnSlicer(2, clock.now);
    const started: number[] = [];
    const all = Array.from({ length: 10 }, (_, i) =>
      slicer.next().then(async () => {
        started.push(i);
        // waiting for a read: the next resident starts meanwhile
        await new Promise((resolve) => setTimeout(resolve, 5));
      }),
    );
    const afterFirstSlice = new Promise<number>((resolve) => setImmediate(() => resolve(started.length)));
    expect(await afterFirstSlice).toBe(10);
    await Promise.all(all);
  });
});

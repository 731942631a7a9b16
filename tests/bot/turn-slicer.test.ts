import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { TurnSlicer } from '../../src/bot/turn-slicer.js';

describe('starting residents a few per turn of the event loop', () => {
  it('lets a waiting I/O callback (the next commit) run before a burst of residents is through, and keeps their order', async () => {
    const slicer = new TurnSlicer(4);
    const events: string[] = [];
    const { port1, port2 } = new MessageChannel();
    // Like the script worker's reply arriving while a commit's residents are being started.
    const replied = new Promise<void>((resolve) => port2.once('message', () => (events.push('reply'), resolve())));
    const started = Array.from({ length: 20 }, (_, i) => slicer.next().then(() => void events.push(`r${i}`)));
    port1.postMessage('script');
    await Promise.all([...started, replied]);
    port1.close();
    expect(events.filter((e) => e !== 'reply')).toEqual(Array.from({ length: 20 }, (_, i) => `r${i}`));
    // All at once (one setImmediate each), the reply came after the twentieth.
    expect(events.indexOf('reply')).toBeLessThan(events.indexOf('r19'));
  });
});

import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../../locales/catalog.js';
import type { FaqEntry } from '../faq-entry.js';
import type { IndexData } from '../faq-index.js';
import type { BuiltMessage, IndexSetup, ToIndexWorker } from './index-protocol.js';
import { readShared } from './shared-index.js';

/** Entries sent per message when loading many: each message's copy stays a few milliseconds of main-thread work. */
const LOAD_BATCH = 50;

/**
 * The main thread's side of the index worker. The worker runs from the compiled `.js` next to this
 * file after `npm run build`, and from the `.ts` source through tsx's loader otherwise (development,
 * tests). It never keeps the process alive while idle.
 */
export class IndexWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (data: Record<Locale, IndexData>) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | undefined;
  /** The worker's shared buffers, received once each; and the one the latest index views. */
  private readonly slots: SharedArrayBuffer[] = [];
  private reading: number | undefined;

  private constructor() {
    const source = import.meta.url.endsWith('.ts');
    const file = new URL(`./index-worker.${source ? 'ts' : 'js'}`, import.meta.url);
    if (source) {
      // Register tsx's loader inside the worker (as bin/fayuan.js does for the main thread), then load the source.
      const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
      const boot = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(file.href)});`;
      this.worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
    } else {
      this.worker = new Worker(file);
    }
    this.worker.unref();
    this.worker.on('message', (message: BuiltMessage) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      this.idleIfDone();
      if (message.type === 'built') {
        if (message.buffer) this.slots[message.layout.slot] = message.buffer;
        // The index is swapped in as this resolves (in the same turn), so the worker's next build
        // must write the other buffer.
        this.reading = message.layout.slot;
        waiting.resolve(readShared(message.layout, this.slots[message.layout.slot]!) as Record<Locale, IndexData>);
      } else waiting.reject(new Error(`FAQ index worker: ${message.message}`));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`FAQ index worker stopped (exit code ${code})`)));
  }

  static start(): IndexWorker {
    return new IndexWorker();
  }

  /** Replaces the worker's entries with `entries`, sent in small batches with a turn of the event loop between them. */
  async load(entries: readonly FaqEntry[]): Promise<void> {
    this.send({ type: 'reset' });
    for (let i = 0; i < entries.length; i += LOAD_BATCH) {
      this.send({ type: 'put', entries: entries.slice(i, i + LOAD_BATCH) });
      if (i + LOAD_BATCH < entries.length) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Adds or replaces some entries and removes others. */
  update(put: readonly FaqEntry[], remove: readonly string[]): void {
    if (put.length > 0) this.send({ type: 'put', entries: [...put] });
    if (remove.length > 0) this.send({ type: 'remove', ids: [...remove] });
  }

  /** Builds both locales' index data from the entries the worker holds. */
  build(setup: IndexSetup): Promise<Record<Locale, IndexData>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise<Record<Locale, IndexData>>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    // Keep the process alive while a build is awaited (a CLI waiting for its first index has nothing else).
    this.worker.ref();
    this.send({ type: 'build', id, setup, reading: this.reading });
    return result;
  }

  /** Stops the worker; a build still awaited fails (it would otherwise never settle). */
  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.fail(new Error('FAQ index worker closed'));
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(message: ToIndexWorker): void {
    if (this.failure) throw this.failure;
    this.worker.postMessage(message);
  }

  private idleIfDone(): void {
    if (this.pending.size === 0) this.worker.unref();
  }
}

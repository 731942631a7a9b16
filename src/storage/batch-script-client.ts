import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { batchScript, type EncodedItem } from './batch-script.js';
import type { FromScriptWorker, ToScriptWorker } from './batch-script-protocol.js';
import { PlainCipher, type FieldCipher } from './field-cipher.js';

interface Waiting {
  items: EncodedItem[];
  cipher: FieldCipher;
  firstOutboxId: number | null;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

/**
 * Builds the group commit's scripts (sealing and SQL text, ~70 µs of CPU per turn) on one worker
 * thread per process, off the event loop that runs the conversations: on two cores the driver's
 * thread and this worker share the second. Until the worker is up, and should it ever stop, scripts
 * are built on the calling thread (the same text), so nothing waits for it and nothing is lost.
 * The worker runs from the compiled `.js` after `npm run build`, from the `.ts` through tsx
 * otherwise; it never keeps the process alive while idle.
 */
export class ScriptBuilder {
  private static instance: ScriptBuilder | undefined;
  private worker: Worker | undefined;
  private up = false;
  private readonly pending = new Map<number, Waiting>();
  private readonly ciphers = new WeakMap<FieldCipher, number>();
  private nextId = 1;
  private nextCipherId = 1;
  /** Resolves once the worker takes batches (never, should it fail to start). */
  readonly ready: Promise<void>;
  /** Batches the worker has built (tests check the worker path is taken). */
  builtOffThread = 0;

  /** The process's builder, its worker started on first use. */
  static shared(): ScriptBuilder {
    return (ScriptBuilder.instance ??= new ScriptBuilder());
  }

  private constructor() {
    let markReady!: () => void;
    this.ready = new Promise<void>((resolve) => (markReady = resolve));
    try {
      this.worker = startWorker();
    } catch {
      return;
    }
    this.worker.on('message', (message: FromScriptWorker) => {
      if (message.type === 'ready') {
        this.up = true;
        markReady();
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.worker?.unref();
      if (message.type === 'built') {
        this.builtOffThread++;
        waiting.resolve(message.text);
      } else {
        waiting.reject(new Error(`group commit script: ${message.message}`));
      }
    });
    const stop = () => {
      this.up = false;
      this.worker = undefined;
      // What the worker had not built yet is built here.
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        buildHere(waiting);
      }
    };
    this.worker.on('error', stop);
    this.worker.on('exit', stop);
    // After the listeners: adding a 'message' listener refs the worker again.
    this.worker.unref();
  }

  /** The script of a batch (see {@link batchScript}), sealed with `cipher`. */
  build(items: EncodedItem[], cipher: FieldCipher, firstOutboxId: number | null = null): Promise<string> {
    const worker = this.worker;
    if (!this.up || !worker) return new Promise((resolve, reject) => buildHere({ items, cipher, firstOutboxId, resolve, reject }));
    const id = this.nextId++;
    const result = new Promise<string>((resolve, reject) => this.pending.set(id, { items, cipher, firstOutboxId, resolve, reject }));
    // Keep the process alive while a batch is awaited.
    worker.ref();
    this.send(worker, { type: 'build', id, cipherId: this.cipherIdOf(worker, cipher), items, firstOutboxId });
    return result;
  }

  private cipherIdOf(worker: Worker, cipher: FieldCipher): number {
    let cipherId = this.ciphers.get(cipher);
    if (cipherId === undefined) {
      cipherId = this.nextCipherId++;
      this.ciphers.set(cipher, cipherId);
      this.send(worker, { type: 'cipher', cipherId, keys: cipher instanceof PlainCipher ? null : cipher.keyring() });
    }
    return cipherId;
  }

  private send(worker: Worker, message: ToScriptWorker): void {
    worker.postMessage(message);
  }
}

function buildHere(waiting: Waiting): void {
  try {
    waiting.resolve(batchScript(waiting.items, waiting.cipher, waiting.firstOutboxId));
  } catch (error) {
    waiting.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function startWorker(): Worker {
  const source = import.meta.url.endsWith('.ts');
  const file = new URL(`./batch-script-worker.${source ? 'ts' : 'js'}`, import.meta.url);
  if (!source) return new Worker(file);
  // Register tsx's loader inside the worker (as bin/fayuan.js does for the main thread), then load the source.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(file.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

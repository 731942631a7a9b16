import type { EncodedItem } from './batch-script.js';

/** To the script worker: a cipher to use (keys current first, null for none), or a batch to build. */
export type ToScriptWorker =
  | { type: 'cipher'; cipherId: number; keys: Uint8Array[] | null }
  | { type: 'build'; id: number; cipherId: number; items: EncodedItem[]; firstOutboxId: number | null };

/** From the script worker: it is up, or a batch's script text, or why it could not be built. */
export type FromScriptWorker = { type: 'ready' } | { type: 'built'; id: number; text: string } | { type: 'failed'; id: number; message: string };

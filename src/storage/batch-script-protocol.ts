import type { EncodedItem } from './batch-script.js';
import type { Row } from './database.js';

/**
 * To the script worker: a cipher to use (keys current first, null for none); a batch to build (its
 * script text comes back); or, for a file database, a connection of the worker's own: open it, commit
 * a batch on it (the batch the main thread gathered; its result rows come back), close it.
 */
export type ToScriptWorker =
  | { type: 'cipher'; cipherId: number; keys: Uint8Array[] | null }
  | { type: 'build'; id: number; cipherId: number; items: EncodedItem[] }
  | { type: 'open'; id: number; conn: number; file: string }
  | { type: 'commit'; id: number; conn: number; cipherId: number; items: EncodedItem[] }
  | { type: 'close'; id: number; conn: number };

/** From the script worker: it is up; a batch's script text; a request done (with its value) or failed. */
export type FromScriptWorker =
  | { type: 'ready' }
  | { type: 'built'; id: number; text: string }
  | { type: 'done'; id: number; rows?: Row[] }
  | { type: 'failed'; id: number; message: string };

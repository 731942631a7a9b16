/**
 * The group commit's worker thread, started by {@link ScriptBuilder}; never imported by the main
 * thread. It seals the personal values of a batch and writes the batch's SQL text; for a file
 * database it also runs that script on a connection of its own (openWriter), so the event loop that
 * runs the conversations neither receives the script text nor hands it to the driver: it posts the
 * batch it gathered and receives the rows the script left. A `:memory:` database (which a second
 * connection cannot see) gets only the script text; the main thread's connection runs it.
 */
import { parentPort } from 'node:worker_threads';
import { batchScript, READ_RESULTS } from './batch-script.js';
import { FieldCipher, PLAIN } from './field-cipher.js';
import { openWriter, type Database } from './database.js';
import type { FromScriptWorker, ToScriptWorker } from './batch-script-protocol.js';

const port = parentPort;
if (!port) throw new Error('batch-script-worker must run in a worker thread');

const ciphers = new Map<number, FieldCipher>();
const connections = new Map<number, Database>();
const send = (message: FromScriptWorker) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function cipherOf(cipherId: number): FieldCipher {
  const cipher = ciphers.get(cipherId);
  if (!cipher) throw new Error(`no cipher ${cipherId}`);
  return cipher;
}

/** Runs a request and answers it by its id; a failure is told without row data (the driver's reason). */
function answer(id: number, work: () => Promise<FromScriptWorker & { type: 'done' }>): void {
  work().then(send, (error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    send({ type: 'failed', id, message: messageOf(cause) });
  });
}

port.on('message', (message: ToScriptWorker) => {
  switch (message.type) {
    case 'cipher':
      ciphers.set(message.cipherId, message.keys === null ? PLAIN : new FieldCipher(message.keys.map((k) => Buffer.from(k))));
      return;
    case 'build':
      try {
        send({ type: 'built', id: message.id, text: batchScript(message.items, cipherOf(message.cipherId)) });
      } catch (error) {
        send({ type: 'failed', id: message.id, message: messageOf(error) });
      }
      return;
    case 'open':
      return answer(message.id, async () => {
        connections.set(message.conn, await openWriter(message.file));
        return { type: 'done', id: message.id };
      });
    case 'commit':
      return answer(message.id, async () => {
        const db = connections.get(message.conn);
        if (!db) throw new Error(`no connection ${message.conn}`);
        const rows = await db.script(batchScript(message.items, cipherOf(message.cipherId)), READ_RESULTS);
        return { type: 'done', id: message.id, rows };
      });
    case 'close':
      return answer(message.id, async () => {
        const db = connections.get(message.conn);
        connections.delete(message.conn);
        await db?.close();
        return { type: 'done', id: message.id };
      });
  }
});
send({ type: 'ready' });

/**
 * The group commit's script builder on a worker thread: seals the personal values of a batch and
 * writes the batch's SQL text, so the event loop that runs the conversations only serialises each
 * turn to JSON and hands the SQL to the driver. Started by {@link ScriptBuilder}; never imported by
 * the main thread. It holds no connection: the script still runs on the main thread's writer.
 */
import { parentPort } from 'node:worker_threads';
import { batchScript } from './batch-script.js';
import { FieldCipher, PLAIN } from './field-cipher.js';
import type { FromScriptWorker, ToScriptWorker } from './batch-script-protocol.js';

const port = parentPort;
if (!port) throw new Error('batch-script-worker must run in a worker thread');

const ciphers = new Map<number, FieldCipher>();

port.on('message', (message: ToScriptWorker) => {
  if (message.type === 'cipher') {
    ciphers.set(message.cipherId, message.keys === null ? PLAIN : new FieldCipher(message.keys.map((k) => Buffer.from(k))));
    return;
  }
  let reply: FromScriptWorker;
  try {
    const cipher = ciphers.get(message.cipherId);
    if (!cipher) throw new Error(`no cipher ${message.cipherId}`);
    reply = { type: 'built', id: message.id, text: batchScript(message.items, cipher, message.firstOutboxId) };
  } catch (error) {
    reply = { type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromScriptWorker);

/**
 * The FAQ index worker thread: holds the entries, analyses them (segmenting Chinese and stemming
 * English is the costly part) and builds both locales' index data off the event loop. Analysed
 * entries are kept between builds, so a rebuild after an edit analyses only the edited entries.
 * Started by {@link IndexWorker}; never imported by the main thread.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { LOCALES, type Locale } from '../../../locales/catalog.js';
import type { FaqEntry } from '../faq-entry.js';
import { buildIndexData, IndexCache, type IndexData } from '../faq-index.js';
import { SynonymDictionary } from '../synonyms.js';
import { TextAnalyzer } from '../text-analyzer.js';
import type { BuiltMessage, IndexSetup, ToIndexWorker } from './index-protocol.js';
import { discardArrays, writeShared } from './shared-index.js';

const port = parentPort;
if (!port) throw new Error('index-worker must run in a worker thread');

/**
 * The worker yields the processor to conversations: on Linux, lowering the priority of "process 0"
 * lowers only the calling thread, so the main thread keeps its own. On a busy machine a build then
 * waits rather than pre-empting residents' questions (an edit is picked up later; an idle machine
 * sees no difference). Where this is not allowed it is skipped.
 */
const BUILD_NICENESS = 10;
try {
  if (process.platform === 'linux') os.setPriority(Math.max(os.getPriority(), BUILD_NICENESS));
} catch {
  // not permitted here: build at the normal priority
}

const entries = new Map<string, FaqEntry>();
const caches = Object.fromEntries(LOCALES.map((l) => [l, new IndexCache()])) as Record<Locale, IndexCache>;
/** The two buffers indexes are written into, alternately: never the one the main thread is reading. */
const slots: (SharedArrayBuffer | undefined)[] = [undefined, undefined];
let analyzer: { key: string; analyzer: TextAnalyzer; ranking: IndexSetup['ranking'] } | undefined;

function analyzerFor(setup: IndexSetup): { analyzer: TextAnalyzer; ranking: IndexSetup['ranking'] } {
  const key = JSON.stringify(setup);
  if (analyzer?.key !== key) {
    // A new analyser (or ranking) invalidates the analysed entries: the caches notice the new objects.
    analyzer = { key, analyzer: new TextAnalyzer(new SynonymDictionary(setup.synonyms), setup.analyzer), ranking: setup.ranking };
  }
  return analyzer;
}

port.on('message', (message: ToIndexWorker) => {
  switch (message.type) {
    case 'reset':
      entries.clear();
      return;
    case 'put':
      for (const entry of message.entries) entries.set(entry.id, entry);
      return;
    case 'remove':
      for (const id of message.ids) entries.delete(id);
      return;
    case 'build': {
      try {
        const { analyzer: textAnalyzer, ranking } = analyzerFor(message.setup);
        const list = [...entries.values()];
        const data = Object.fromEntries(LOCALES.map((l) => [l, buildIndexData(list, l, textAnalyzer, ranking, caches[l])])) as Record<Locale, IndexData>;
        const slot = message.reading === 0 ? 1 : 0;
        const { buffer, layout } = writeShared(data, slot, slots[slot]);
        discardArrays(data);
        const fresh = buffer !== slots[slot];
        slots[slot] = buffer;
        const reply: BuiltMessage = { type: 'built', id: message.id, layout, ...(fresh ? { buffer } : {}), entryCount: list.length };
        port.postMessage(reply);
      } catch (error) {
        const reply: BuiltMessage = { type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
        port.postMessage(reply);
      }
    }
  }
});

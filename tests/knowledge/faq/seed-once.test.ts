import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import { KbStore } from '../../../src/storage/kb-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { SMALL_KB } from './fixtures.js';

describe('the seed files', () => {
  it('are not read once the database holds entries (an operator may move or replace knowledge/faq)', async () => {
    const dir = tempDir();
    const db = await openStorage(path.join(dir, 'kb.sqlite'));
    const store = new KbStore(db);
    await store.saveEntries(SMALL_KB, 'add', { by: 'operator', at: Date.now() });
    // Not a folder: reading it as the seed folder fails.
    const notAFolder = path.join(dir, 'faq');
    fs.writeFileSync(notAFolder, '');
    const kb = await KnowledgeBase.open(store, { seedDir: notAFolder, worker: false });
    expect(kb.entry(SMALL_KB[0]!.id)?.title).toEqual(SMALL_KB[0]!.title);
    await kb.close();
    await db.close();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpEntryYaml, type FileProblem } from '../../../src/knowledge/faq/entry-files.js';
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

  // Session 19: an entry file that did not validate (an answer of four sentences) was left out of a new database without
  // a word; the bot then answered its questions with other entries. Whoever installs it is told which file and why.
  it('that do not validate are reported when a new database is seeded, and the others are still loaded', async () => {
    const dir = tempDir();
    const seedDir = path.join(dir, 'faq');
    fs.mkdirSync(seedDir);
    const good = SMALL_KB[0]!;
    const bad = { ...SMALL_KB[1]!, answer: { 'zh-CN': '第一句。第二句。第三句。第四句。', en: 'One. Two. Three. Four.' } };
    fs.writeFileSync(path.join(seedDir, `${good.id}.yaml`), dumpEntryYaml(good));
    fs.writeFileSync(path.join(seedDir, `${bad.id}.yaml`), dumpEntryYaml(bad));
    const db = await openStorage(path.join(dir, 'kb.sqlite'));
    const reported: FileProblem[] = [];
    const kb = await KnowledgeBase.open(new KbStore(db), { seedDir, worker: false, onSeedProblems: (problems) => reported.push(...problems) });
    expect(kb.entry(good.id)).toBeDefined();
    expect(kb.entry(bad.id)).toBeUndefined();
    expect(reported.map((p) => path.basename(p.file))).toEqual([`${bad.id}.yaml`]);
    expect(reported[0]!.problems.map((p) => p.field)).toContain('answer.zh-CN');
    await kb.close();
    await db.close();
  });
});

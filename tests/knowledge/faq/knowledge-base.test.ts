import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FaqEntry } from '../../../src/knowledge/faq/faq-entry.js';
import { DEFAULT_CONFIDENCE, LOW_CONFIDENCE_MARGIN } from '../../../src/knowledge/faq/confidence.js';
import { KnowledgeBase } from '../../../src/knowledge/faq/knowledge-base.js';
import type { KnowledgeStore, UnansweredQuestion } from '../../../src/knowledge/faq/knowledge-store.js';
import { KbStore } from '../../../src/storage/kb-store.js';
import { openStorage } from '../../../src/storage/open-storage.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { SMALL_KB, entry } from './fixtures.js';

/** A store in memory, counting how often the bot reads it. */
class MemoryStore implements KnowledgeStore {
  entries: FaqEntry[] = [];
  rev = 0;
  reads = 0;
  recorded: UnansweredQuestion[] = [];
  async revision() {
    return this.rev;
  }
  async listEntries() {
    this.reads++;
    return this.entries;
  }
  async seedIfEmpty(entries: readonly FaqEntry[]) {
    if (this.rev > 0) return 0;
    this.entries = [...entries];
    this.rev++;
    return entries.length;
  }
  async recordUnanswered(question: UnansweredQuestion) {
    this.recorded.push(question);
  }
}

const REPO_KNOWLEDGE = path.resolve(import.meta.dirname, '../../../knowledge');

describe('KnowledgeBase', () => {
  it('answers a question it knows directly', async () => {
    const kb = KnowledgeBase.fromFiles(path.join(REPO_KNOWLEDGE, 'faq'), { synonymsFile: path.join(REPO_KNOWLEDGE, 'synonyms.yaml') }).kb;
    expect(kb.match('老板欠我工资一直不给怎么办')).toMatchObject({ band: 'answer', topic: 'wage_arrears', locale: 'zh-CN' });
    expect(kb.match('my husband hits me when he is drunk')).toMatchObject({ band: 'answer', topic: 'domestic_violence', locale: 'en' });
  });

  it('does not answer a question about the weather with a legal FAQ', () => {
    const kb = KnowledgeBase.fromFiles(path.join(REPO_KNOWLEDGE, 'faq'), { synonymsFile: path.join(REPO_KNOWLEDGE, 'synonyms.yaml') }).kb;
    for (const question of ['明天天气怎么样', 'what is the weather like tomorrow', '红烧肉怎么做']) {
      expect(kb.match(question)).toMatchObject({ band: expect.not.stringMatching('answer'), topic: null });
    }
  });

  it('offers up to three entries and never answers when unsure', () => {
    const kb = KnowledgeBase.fromEntries(SMALL_KB);
    const match = kb.match('收费');
    expect(match.candidates.length).toBeLessThanOrEqual(3);
    if (match.band !== 'answer') expect(match.topic).toBeNull();
  });

  it('takes the locale it is given instead of guessing', () => {
    const kb = KnowledgeBase.fromEntries(SMALL_KB);
    expect(kb.match('divorce', 'zh-CN').locale).toBe('zh-CN');
  });

  it('says it does not know an empty question', () => {
    expect(KnowledgeBase.fromEntries(SMALL_KB).match('  ')).toEqual({ band: 'unknown', topic: null, score: 0, candidates: [], locale: 'en' });
  });

  it('seeds an empty store from the entry files on first start', async () => {
    const store = new MemoryStore();
    const kb = await KnowledgeBase.open(store, { seedDir: path.join(REPO_KNOWLEDGE, 'faq') });
    expect(kb.entries.length).toBe(fs.readdirSync(path.join(REPO_KNOWLEDGE, 'faq')).length);
  });

  it('picks up a change in the store on refresh, and reads nothing when nothing changed', async () => {
    const store = new MemoryStore();
    store.entries = [SMALL_KB[0]!];
    store.rev = 1;
    const kb = await KnowledgeBase.open(store);
    const reads = store.reads;
    expect(await kb.refreshIfChanged()).toBe(false);
    expect(store.reads).toBe(reads);
    store.entries = SMALL_KB;
    store.rev = 2;
    expect(await kb.refreshIfChanged()).toBe(true);
    expect(kb.entry('divorce')).toBeDefined();
  });

  it('reloads when the synonym file changes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'synonyms.yaml');
    fs.writeFileSync(file, 'groups:\n  none: [甲, 乙]\n');
    const store = new MemoryStore();
    store.entries = SMALL_KB;
    store.rev = 1;
    const kb = await KnowledgeBase.open(store, { synonymsFile: file });
    const before = kb.search('薪水被扣', 'zh-CN').ranked[0]?.id;
    fs.writeFileSync(file, 'groups:\n  wage_arrears: [薪水被扣, 欠薪, 工钱]\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await kb.refreshIfChanged()).toBe(true);
    expect(before).not.toBe('wage_arrears');
    expect(kb.search('薪水被扣', 'zh-CN').ranked[0]?.id).toBe('wage_arrears');
  });

  it('records questions it could not answer, with personal data removed', async () => {
    const store = new MemoryStore();
    store.entries = SMALL_KB;
    store.rev = 1;
    const kb = await KnowledgeBase.open(store, { now: () => 1000 });
    await kb.ask('我叫王五，电话13912345678，今天天气好吗');
    expect(store.recorded).toEqual([
      expect.objectContaining({ text: '我叫[NAME]，电话[PHONE]，今天天气好吗', locale: 'zh-CN', band: 'unknown', at: 1000 }),
    ]);
  });

  it('does not record questions it answered', async () => {
    const store = new MemoryStore();
    store.entries = SMALL_KB;
    store.rev = 1;
    const kb = await KnowledgeBase.open(store);
    const match = await kb.ask('包工头跑了工钱要不回来，公司拖欠工资');
    expect(match.band).toBe('answer');
    expect(store.recorded).toEqual([]);
  });

  it('records a question it answered with low confidence, marked low, so operators can check the answer', async () => {
    const question = '包工头跑了工钱要不回来，公司拖欠工资';
    const { score } = KnowledgeBase.fromEntries(SMALL_KB).match(question, 'zh-CN');
    const store = new MemoryStore();
    store.entries = SMALL_KB;
    store.rev = 1;
    const kb = await KnowledgeBase.open(store, { confidence: { ...DEFAULT_CONFIDENCE, locales: {}, answerAt: score - LOW_CONFIDENCE_MARGIN / 2 } });
    const match = await kb.ask(question);
    expect(match).toMatchObject({ band: 'answer', topic: 'wage_arrears' });
    expect(store.recorded).toEqual([expect.objectContaining({ band: 'low', topTopic: 'wage_arrears', locale: 'zh-CN' })]);
    await kb.close();
  });

  it('keeps answering when recording fails', async () => {
    const store = new MemoryStore();
    store.entries = SMALL_KB;
    store.rev = 1;
    store.recordUnanswered = async () => {
      throw new Error('disk full');
    };
    const errors: unknown[] = [];
    const kb = await KnowledgeBase.open(store, { onError: (e) => errors.push(e) });
    await expect(kb.ask('今天天气好吗')).resolves.toMatchObject({ band: 'unknown' });
    expect(errors).toHaveLength(1);
  });

  it('keeps no name, phone or ID number typed alone (at the menu) among the unanswered questions', async () => {
    const db = await openStorage(path.join(tempDir(), 'kb.sqlite'));
    const store = new KbStore(db);
    const kb = await KnowledgeBase.open(store, { seedDir: path.join(REPO_KNOWLEDGE, 'faq') });
    for (const typed of ['王秀英', '我叫王建国', '13800138000', '110101199003074512', '王秀英 13800138000', 'Wang Xiuying']) await kb.ask(typed);
    await kb.ask('怎么养猫');
    const kept = (await store.listUnanswered()).map((q) => q.text);
    expect(kept).toEqual(['怎么养猫']);
    await db.close();
  });

  it('counts repeated unanswered questions in SQLite and sees an entry added by another process', async () => {
    const file = path.join(tempDir(), 'kb.sqlite');
    const db = await openStorage(file);
    const store = new KbStore(db);
    const kb = await KnowledgeBase.open(store, { seedDir: path.join(REPO_KNOWLEDGE, 'faq') });
    await kb.ask('小区停车位被占了怎么办');
    await kb.ask('小区停车位被占了怎么办？');
    expect(await store.listUnanswered()).toEqual([expect.objectContaining({ text: '小区停车位被占了怎么办？', count: 2, locale: 'zh-CN' })]);

    // An operator adds an entry with the CLI: a second connection to the same file.
    const other = await openStorage(file);
    const parking = entry('parking', {
      title: { 'zh-CN': '小区停车位纠纷', en: 'Parking space disputes' },
      questions: {
        'zh-CN': ['小区停车位被占了怎么办', '车位被别人占用', '物业乱收停车费', '停车位纠纷找谁', '车位买了不给用'],
        en: ['someone took my parking space', 'parking space dispute', 'property company parking fees', 'my car space is blocked', 'who handles parking disputes'],
      },
    });
    await new KbStore(other).saveEntries([parking], 'add', { by: 'operator', at: Date.now() });
    await other.close();

    expect(await kb.refreshIfChanged()).toBe(true);
    expect(kb.match('小区停车位被别人占了怎么办')).toMatchObject({ band: 'answer', topic: 'parking' });
    await db.close();
  });
});

describe('a question in the other language than the conversation', () => {
  const kb = KnowledgeBase.fromFiles(path.join(REPO_KNOWLEDGE, 'faq'), { synonymsFile: path.join(REPO_KNOWLEDGE, 'synonyms.yaml') }).kb;

  it('is searched in the index of the script it is written in', () => {
    expect(kb.match('老板欠我三个月工资不给', 'en')).toMatchObject({ band: 'answer', topic: 'wage_arrears', locale: 'zh-CN' });
    expect(kb.match('my landlord will not give my deposit back', 'zh-CN')).toMatchObject({ band: 'answer', topic: 'rent_deposit', locale: 'en' });
  });

  it('keeps the conversation language for mixed or numeric text', () => {
    expect(kb.match('12348', 'zh-CN').locale).toBe('zh-CN');
    expect(kb.match('legal aid 怎么申请', 'zh-CN').locale).toBe('zh-CN');
  });
});

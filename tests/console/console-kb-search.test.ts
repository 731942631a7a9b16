import { describe, expect, it } from 'vitest';
import { Client, consoleFixture } from './console-fixture.js';

/**
 * Session 20, an operator who is not a programmer: a new rule changed where wage complaints go, and she looked for the
 * entries whose answer says 劳动保障监察 — the search found nothing (it read ids, titles, phrasings and search words,
 * not the answer); two words, "欠薪 仲裁", found nothing either, though one entry has both.
 */
describe('searching the knowledge base in the console', () => {
  it('finds an entry by words of its answer, and by several words anywhere in it', async () => {
    const f = await consoleFixture([{ username: 'lina', role: 'operator' }]);
    const op = new Client(f.url);
    await op.login('lina');
    const ids = async (q: string) => ((await op.request('GET', `/api/kb/entries?q=${encodeURIComponent(q)}`)).body.entries as { id: string }[]).map((e) => e.id);
    expect(await ids('劳动保障监察')).toContain('wage_arrears');
    expect(await ids('欠薪 仲裁')).toContain('wage_arrears');
    expect(await ids('欠薪　仲裁')).toContain('wage_arrears');
    expect(await ids('欠薪 外星人')).toEqual([]);
  }, 60_000);
});

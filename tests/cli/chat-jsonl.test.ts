import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Line {
  user: string;
  turn: number;
  key: string;
  text: string;
  choices: { id: string; label: string }[];
  meta: { state: string; emergency: boolean; intent: string | null; category: string | null; faq: { topic: string | null; answered: boolean; candidates: string[] } | null };
}

const input = (...lines: object[]) => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

describe('fayuan chat --jsonl', () => {
  it('answers each line with one JSON line per reply, with the machine’s state and what it understood; exits 0', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(
      ['chat', '--jsonl'],
      input(
        { user: 'mei', text: '救命 我老公拿刀要杀我' },
        { user: 'tom', text: 'hi', locale: 'en' },
        { user: 'mei', text: '好的' },
        { user: 'tom', text: 'OK' },
        { user: 'mei', text: '老板跑路了，我干了半年的活钱一分没拿到' },
        { user: 'tom', text: 'help he has a knife' },
        { user: 'mei', choice: 'intake.yes' },
        { user: 'tom', command: '/lang' },
        { user: 'mei', text: '申请法律援助要带啥材料' },
      ),
      { FAYUAN_DATA_DIR: dir, WEB_CHAT: 'off' },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    const mei = lines.filter((l) => l.user === 'mei');
    const tom = lines.filter((l) => l.user === 'tom');
    // One user's lines come back in order.
    expect(mei.map((l) => l.turn)).toEqual([...mei.map((l) => l.turn)].sort((a, b) => a - b));

    // Danger before consent, before the greeting: 110 and 12338.
    expect(mei[0]).toMatchObject({ turn: 1, key: 'danger.domestic_violence', meta: { state: 'welcome', emergency: true } });
    expect(mei[0]!.text).toMatch(/110[\s\S]*12338/);
    expect(mei.filter((l) => l.turn === 1).map((l) => l.key)).toEqual(['danger.domestic_violence', 'core.greeting', 'core.privacy']);

    // Consent by typing; the language hint opens an English conversation.
    expect(mei.filter((l) => l.turn === 3).map((l) => l.key)).toEqual(['core.menu']);
    expect(tom.filter((l) => l.turn === 2)[0]!.text).toMatch(/^Hello/);
    expect(tom.filter((l) => l.turn === 4).map((l) => l.key)).toEqual(['core.menu']);

    // A story starts the application with its category to confirm; the introduction once.
    const story = mei.filter((l) => l.turn === 5);
    expect(story.map((l) => l.key)).toEqual(['intake.start', 'intake.q.category_confirm']);
    expect(story[1]!.meta).toMatchObject({ state: 'intake.active', category: 'wages', faq: null });
    expect(story[1]!.choices.map((c) => c.id)).toContain('intake.yes');
    expect(mei.filter((l) => l.turn === 7).map((l) => l.key)).toEqual(['intake.q.relation']);

    // English danger gets the same number, then the menu again.
    expect(tom.filter((l) => l.turn === 6).map((l) => l.key)).toEqual(['danger.violence', 'core.menu']);
    expect(tom.find((l) => l.turn === 6)!.text).toContain('110');
    expect(tom.filter((l) => l.turn === 8)[0]).toMatchObject({ key: 'core.language.changed' });

    // A question in the middle of the application is answered from the knowledge base, then the question again.
    const question = mei.filter((l) => l.turn === 9);
    expect(question[0]!.meta.faq).toMatchObject({ answered: true });
    expect(question.at(-1)!.key).toBe('intake.q.relation');
  });

  it('reports a bad line on stderr and carries on; plain text lines are the default user’s', async () => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runCli(['chat', '--jsonl', '--user', 'ana'], '{"user":"ana","text":"你好"}\n{not json\n同意\n', {
      FAYUAN_DATA_DIR: dir,
      WEB_CHAT: 'off',
    });
    expect(code).toBe(0);
    expect(stderr).toContain('line 2');
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Line);
    expect(lines.filter((l) => l.turn === 3).map((l) => [l.user, l.key])).toEqual([['ana', 'core.menu']]);
  });

  // Session 10: a second run on the same data folder (a script going on after a staff action) printed nothing: the
  // message ids of its lines (jsonl-1, jsonl-2…) were taken for the first run's, and dropped as duplicates.
  it('answers a conversation resumed in a later run on the same data folder', async () => {
    const dir = tempDir();
    const env = { FAYUAN_DATA_DIR: dir, WEB_CHAT: 'off' };
    await runCli(['chat', '--jsonl'], input({ user: 'mei', text: '你好' }, { user: 'mei', text: '同意' }), env);
    const { code, stdout } = await runCli(['chat', '--jsonl'], input({ user: 'mei', text: '法律援助要钱吗' }), env);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
    expect(lines.map((l) => l.key)).toContain('core.text');
  });
});

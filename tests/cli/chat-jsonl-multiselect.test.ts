import { describe, expect, it } from 'vitest';
import { JsonlChat, parseJsonlLine } from '../../src/cli/chat-jsonl.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testApp } from '../helpers/test-app.js';

describe('chat --jsonl and the groups checklist (TEAM.md contract 1)', () => {
  it('reads {"user","choices":[…]} as one finished checklist', () => {
    expect(parseJsonlLine('{"user":"ana","choices":["group:migrant_worker","intake.groups.done"]}', 'local')).toEqual({
      user: 'ana',
      event: { type: 'user.choices', ids: ['group:migrant_worker', 'intake.groups.done'] },
    });
  });

  it('marks the checklist reply multi-select and takes the whole selection in one line', async () => {
    const app = await testApp(tempDir());
    const chat = new JsonlChat(app);
    const lines = [
      { choice: 'consent.agree' }, { choice: 'menu.apply' }, { choice: 'catgroup:traffic' }, { choice: 'opt:self' },
      { choice: 'opt:demo-city' }, { text: '40' }, { choice: 'opt:none' },
    ];
    let turn = 0;
    let last = await chat.handle({ user: 'ana', event: { type: 'user.returned' } }, ++turn);
    for (const line of lines) last = await chat.handle(parseJsonlLine(JSON.stringify({ user: 'ana', ...line }), 'ana') as never, ++turn);
    const checklist = last.find((r) => r.key === 'intake.q.groups')!;
    expect(checklist.multiSelect).toEqual({ doneId: 'intake.groups.done' });
    const next = await chat.handle(parseJsonlLine('{"user":"ana","choices":["group:social_assistance_recipient","intake.groups.done"]}', 'ana') as never, ++turn);
    expect(next.map((r) => r.key)).not.toContain('intake.q.groups');
    // 低保 exempts from the means test (LAL 42): no income questions follow.
    expect(next.map((r) => r.key)).toContain('intake.q.deadlineDays');
    await app.close();
  });
});

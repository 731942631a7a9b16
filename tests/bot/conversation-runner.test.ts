import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { RecordingSender, resident, testApp } from '../helpers/test-app.js';
import { translate } from '../../src/locales/render.js';
import { sqliteOf } from '../helpers/sqlite.js';

const zh = (key: string, params?: Record<string, string>) => translate(key, 'zh-CN', params);

describe('conversation runner', () => {
  it('resumes at the same question after a restart', async () => {
    const dir = tempDir();
    const ana = resident('ana');
    const first = await testApp(dir);
    await first.runner.handle(ana.returned());
    await first.runner.handle(ana.choice('consent.agree'));
    const asked = await first.runner.handle(ana.choice('menu.ask'));
    expect(asked.replies.map((r) => r.text)).toEqual([zh('core.ask.prompt')]);
    await first.close();

    const second = await testApp(dir);
    const back = await second.runner.handle(ana.returned());
    expect(back.replies.map((r) => r.text)).toEqual([zh('core.welcome_back'), zh('core.ask.prompt')]);
    expect(await second.runner.inspect('console', 'ana')).toMatchObject({ value: 'asking' });
    await second.close();
  });

  it('processes a message delivered twice only once', async () => {
    const app = await testApp(tempDir());
    const bo = resident('bo');
    await app.runner.handle(bo.returned());
    const once = await app.runner.handle(bo.choice('consent.agree', 'tg-42'));
    const again = await app.runner.handle(bo.choice('consent.agree', 'tg-42'));
    expect(once.duplicate).toBe(false);
    expect(once.replies).toHaveLength(1);
    expect(again).toEqual({ duplicate: true, replies: [], outbound: [] });
    // The body is sealed at rest: count through the repository.
    const lines = await app.repos.conversations.recentTranscript('console:bo', 100);
    expect(lines.filter((l) => l.direction === 'in' && JSON.stringify(l.body).includes('tg-42'))).toHaveLength(1);
    await app.close();
  });

  it('still drops the duplicate after a restart', async () => {
    const dir = tempDir();
    const bo = resident('bo');
    const first = await testApp(dir);
    await first.runner.handle(bo.returned());
    await first.runner.handle(bo.choice('consent.agree', 'tg-7'));
    await first.close();
    const second = await testApp(dir);
    expect((await second.runner.handle(bo.choice('consent.agree', 'tg-7'))).duplicate).toBe(true);
    await second.close();
  });

  it('keeps each conversation in order while many run at once', async () => {
    const app = await testApp(tempDir());
    const sender = new RecordingSender();
    app.dispatcher.register('console', sender);
    const people = Array.from({ length: 20 }, (_, i) => resident(`p${i}`));
    await Promise.all(
      people.map((p) =>
        Promise.all([
          app.runner.handle(p.returned()),
          app.runner.handle(p.choice('consent.agree')),
          app.runner.handle(p.choice('menu.help')),
          app.runner.handle(p.command('lang')),
        ]),
      ),
    );
    await app.close();
    const expected = [
      zh('core.greeting'),
      zh('core.privacy'),
      zh('core.menu'),
      zh('core.help', { hotline: '12348' }),
      zh('core.menu'),
      translate('core.language.changed', 'en'),
      translate('core.menu', 'en'),
    ];
    for (let i = 0; i < people.length; i++) expect(sender.texts(`p${i}`)).toEqual(expected);
  });

  it('retries a failed send and delivers it exactly once', async () => {
    const dir = tempDir();
    const app = await testApp(dir);
    const sender = new RecordingSender();
    sender.failNext = 2;
    app.dispatcher.register('console', sender);
    (app.dispatcher as unknown as { options: { backoffMs: () => number } }).options.backoffMs = () => 5;
    const result = await app.runner.handle(resident('cy').returned());
    await app.dispatcher.whenDone(result.outbound.map((m) => m.id));
    expect(sender.texts('cy')).toEqual([zh('core.greeting'), zh('core.privacy')]);
    await app.close();
    const after = await testApp(dir);
    expect(await after.repos.outbox.pendingOutbox()).toEqual([]);
    await after.close();
  });

  it('sends after a restart what was committed but never sent, and nothing twice', async () => {
    const dir = tempDir();
    const first = await testApp(dir);
    // No channel registered: the replies are committed but the process "dies" before sending.
    await first.runner.handle(resident('dee').returned());
    await first.close();

    const second = await testApp(dir);
    const sender = new RecordingSender();
    second.dispatcher.register('console', sender);
    expect(await second.dispatcher.resume()).toBe(2);
    await second.dispatcher.whenDone((await second.repos.outbox.pendingOutbox()).map((m) => m.id));
    await second.close();
    expect(sender.texts('dee')).toEqual([zh('core.greeting'), zh('core.privacy')]);

    const third = await testApp(dir);
    expect(await third.dispatcher.resume()).toBe(0);
    await third.close();
  });

  it('restarts politely when the stored conversation came from another machine version', async () => {
    const dir = tempDir();
    const first = await testApp(dir);
    await first.runner.handle(resident('eve').returned());
    await first.close();
    const second = await testApp(dir);
    await sqliteOf(second).run("UPDATE conversations SET machine_version = '0-old'");
    const result = await second.runner.handle(resident('eve').text('同意'));
    expect(result.replies.map((r) => r.text)).toEqual([zh('core.updated'), zh('core.greeting'), zh('core.privacy')]);
    await second.close();
  });

  it('restarts politely when the stored snapshot is unreadable', async () => {
    const dir = tempDir();
    const first = await testApp(dir);
    await first.runner.handle(resident('fay').returned());
    await first.close();
    const second = await testApp(dir);
    await sqliteOf(second).run("UPDATE conversations SET snapshot = '{\"status\":\"active\",\"value\":\"no-such-state\"}'");
    const result = await second.runner.handle(resident('fay').text('hi'));
    expect(result.replies[0]!.text).toBe(zh('core.updated'));
    await second.close();
  });

  it('asks once, then deletes the transcript when the resident asks to be forgotten', async () => {
    const app = await testApp(tempDir());
    const gus = resident('gus');
    await app.runner.handle(gus.returned());
    await app.runner.handle(gus.choice('consent.agree'));
    const asked = await app.runner.handle(gus.command('delete'));
    expect(asked.replies[0]!.choices.map((c) => c.id)).toEqual(['privacy.erase.yes', 'privacy.erase.no']);
    expect((await app.repos.conversations.recentTranscript('console:gus', 50)).length).toBeGreaterThan(0);
    await app.runner.handle(gus.choice('privacy.erase.yes'));
    expect(await app.repos.conversations.recentTranscript('console:gus', 50)).toEqual([]);
    expect(await app.runner.inspect('console', 'gus')).toMatchObject({ value: 'welcome', context: { consented: false } });
    await app.close();
  });
});

describe('a resident who comes back days later', () => {
  it('is told the conversation continues where it was, and their message is still answered', async () => {
    const dir = tempDir();
    let now = Date.parse('2026-06-01T10:00:00Z');
    const first = await testApp(dir);
    (first.runner as unknown as { now: () => number }).now = () => now;
    const ana = resident('ana');
    await first.runner.handle(ana.returned());
    await first.runner.handle(ana.choice('consent.agree'));
    await first.runner.handle(ana.choice('menu.apply'));
    await first.close();

    now += 3 * 24 * 60 * 60 * 1000;
    const second = await testApp(dir);
    (second.runner as unknown as { now: () => number }).now = () => now;
    const result = await second.runner.handle(ana.text('老板欠我工资'));
    expect(result.replies.map((r) => r.text)).toEqual([
      zh('core.welcome_back'),
      translate('intake.q.category_confirm', 'zh-CN', { category: { key: 'category.wages' } }),
    ]);
    await second.close();
  });
});

// Conversations beyond HOT_CONVERSATIONS rest between turns as the text of their snapshot, and their
// machine is made again at the next message. With one hot conversation and two residents taking
// turns, every turn of each starts from that text: what each resident is told must not change, and a
// story told before agreeing (kept only in memory, never written) must still be there after agreeing.
describe('conversations resting between turns', () => {
  const worker = [
    (r: ReturnType<typeof resident>) => r.returned(),
    (r: ReturnType<typeof resident>) => r.text('我在县里工地干了八个月 包工头一分钱没给 欠我三万二 人找不到了 怎么办'),
    (r: ReturnType<typeof resident>) => r.text('同意'),
    (r: ReturnType<typeof resident>) => r.choice('menu.apply'),
    (r: ReturnType<typeof resident>) => r.choice('intake.yes'),
    (r: ReturnType<typeof resident>) => r.text('我自己'),
    (r: ReturnType<typeof resident>) => r.text('示例县'),
    (r: ReturnType<typeof resident>) => r.text('45'),
  ];

  const run = async (env: Record<string, string>, interleave: boolean) => {
    const app = await testApp(tempDir(), env);
    const ana = resident('ana');
    const bo = resident('bo');
    const told: string[] = [];
    for (const step of worker) {
      told.push(...(await app.runner.handle(step(ana))).replies.map((r) => r.text));
      if (interleave) await app.runner.handle(bo.text('你好'));
    }
    const state = await app.runner.inspect('console', 'ana');
    await app.close();
    return { told, state };
  };

  it('tells a resident the same whether their conversation stayed in memory or rested between every turn', async () => {
    const live = await run({}, false);
    const resting = await run({ HOT_CONVERSATIONS: '1' }, true);
    expect(resting.told).toEqual(live.told);
    const alwaysResting = await run({ HOT_CONVERSATIONS: '0' }, false);
    expect(alwaysResting.told).toEqual(live.told);
    // The story told before agreeing reached the application, which asks its next question.
    expect(live.told.join('\n')).toContain('欠薪');
    expect(resting.state?.value).toEqual(live.state?.value);
  });
});

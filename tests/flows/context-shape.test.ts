import { describe, expect, it } from 'vitest';
import { SENSITIVE_AGREE } from '../../src/flows/privacy-choices.js';
import type { ResidentEvent } from '../../src/flows/events.js';
import { withFullContext, withoutDefaults } from '../../src/flows/context-shape.js';
import { conversationHarness } from '../fixtures/conversation-harness.js';

/**
 * Every `assign` copies the context (`Object.assign({}, context, patch)`). When a patch adds a key the
 * context did not have, V8 turns the copy into a slow dictionary object, and every later copy and read
 * of that conversation stays slow (measured: ~9 µs per assign instead of ~0.6). So each machine starts
 * with every key its context will ever hold, and a conversation's keys never change.
 */
const applicant = (h: Awaited<ReturnType<typeof conversationHarness>>): ResidentEvent[] => [
  h.choice('consent.agree'),
  h.choice('menu.apply'),
  h.choice(SENSITIVE_AGREE),
  h.text('老板拖欠我三个月工资，我七十多了，电话13912345678'),
  h.choice('intake.yes'),
  h.choice('opt:self'),
  h.choice('opt:demo-city'),
  h.text('45'),
  h.choice('opt:none'),
  h.choice('group:migrant_worker'),
  h.choice('intake.groups.done'),
  h.choice('intake.no_deadline'),
  h.choice('intake.no'),
  h.choice('intake.continue'),
  h.text('在工地干了半年，包工头拖欠三个月工资共两万元'),
  h.choice('intake.documents.done'),
  h.text('张三'),
  h.text('13800138000'),
  h.choice('intake.confirm'),
];

const asker = (h: Awaited<ReturnType<typeof conversationHarness>>): ResidentEvent[] => [
  h.text('救命 他拿刀要砍我'),
  h.choice('consent.agree'),
  h.text('老板拖欠我三个月工资怎么办'),
  h.text('他去年说要杀了我，我能申请人身安全保护令吗'),
  h.text('申请法律援助要带什么材料'),
  { type: 'user.command', command: 'lang' } as ResidentEvent,
  h.text('What documents do I need'),
  h.text('i want to withdraw my application'),
  h.text('人工'),
  h.text('我想撤回申请'),
  h.text('打哪个电话'),
];

describe('the shape of a conversation context', () => {
  for (const [name, script] of [['an applicant', applicant], ['a resident who asks, is in danger, switches language and asks for a person', asker]] as const) {
    it(`keeps the same keys, in the same order, at every step: ${name}`, async () => {
      const h = await conversationHarness();
      const keys = Object.keys(h.actor.getSnapshot().context);
      let intakeKeys: string[] | undefined;
      for (const event of script(h)) {
        await h.send(event);
        expect(Object.keys(h.actor.getSnapshot().context), JSON.stringify(event)).toEqual(keys);
        const intake = h.intake() as object | undefined;
        if (!intake) intakeKeys = undefined;
        else if (!intakeKeys) intakeKeys = Object.keys(intake);
        else expect(Object.keys(intake), JSON.stringify(event)).toEqual(intakeKeys);
      }
    });
  }

  it('gives a stored snapshot back every key, so an application resumed from storage keeps one shape too', async () => {
    const first = await conversationHarness();
    const keys = Object.keys(first.actor.getSnapshot().context);
    const events = applicant(first);
    for (const event of events.slice(0, 8)) await first.send(event);
    const intakeKeys = Object.keys(first.intake() as object);
    // As written to storage (JSON leaves out undefined values), and as an older version wrote it (keys missing).
    const stored = JSON.parse(JSON.stringify(first.actor.getPersistedSnapshot())) as { context: Record<string, unknown> };
    delete stored.context.keptStory;
    delete stored.context.afterDanger;
    const h = await conversationHarness({ snapshot: withFullContext(stored) });
    expect(Object.keys(h.actor.getSnapshot().context)).toEqual(keys);
    expect(Object.keys(h.intake() as object)).toEqual(intakeKeys);
    for (const event of events.slice(8)) {
      await h.send(event);
      expect(Object.keys(h.actor.getSnapshot().context), JSON.stringify(event)).toEqual(keys);
      if (h.intake()) expect(Object.keys(h.intake() as object), JSON.stringify(event)).toEqual(intakeKeys);
    }
    expect(h.submitted.length).toBe(1);
  });

  it('stores only what differs from the defaults, and restores the same context', async () => {
    const h = await conversationHarness();
    for (const event of applicant(h).slice(0, 6)) await h.send(event);
    const persisted = h.actor.getPersistedSnapshot() as unknown as { context: Record<string, unknown> };
    const stored = JSON.parse(JSON.stringify(withoutDefaults(persisted))) as { context: Record<string, unknown> };
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(persisted).length);
    expect(stored.context).not.toHaveProperty('linkRef');
    expect(stored.context).not.toHaveProperty('afterDanger');
    expect(stored.context).not.toHaveProperty('meta');
    expect(stored.context.consented).toBe(true);
    const restored = withFullContext(stored) as { context: Record<string, unknown> };
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(persisted.context)));
    expect(Object.keys(restored.context)).toEqual(Object.keys(persisted.context));
  });
});

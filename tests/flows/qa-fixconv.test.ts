import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../src/flows/events.js';

/** Follow-ups to the QA defects (DEFECTS.md), as a resident would notice them. */
const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const keys = (replies: BotReply[]) => replies.map((r) => r.key);

async function atAge() {
  const h = await conversationHarness();
  for (const e of [c('consent.agree'), c('menu.apply'), c('catgroup:traffic'), c('opt:self'), c('opt:demo-city')]) await h.send(e);
  return h;
}

describe('a cancel typed in the middle of an application asks first (Q-I1)', () => {
  it('keeps the application when the resident carries on', async () => {
    const h = await atAge();
    const asked = await h.send(t('算了'));
    expect(keys(asked)).toEqual(['conv.cancel.confirm']);
    expect(asked[0]!.choices?.map((x) => x.id)).toEqual(['intake.cancel', 'conv.cancel.keep']);
    expect(h.render(asked)[0]!.text).toContain('取消');
    const kept = await h.send(c('conv.cancel.keep'));
    expect(keys(kept)).toContain('intake.q.age');
    await h.send(t('58'));
    expect(h.intake()?.facts.age).toBe(58);
  });

  it('cancels when the resident confirms', async () => {
    const h = await atAge();
    await h.send(t('取消'));
    const done = await h.send(c('intake.cancel'));
    expect(keys(done)).toContain('intake.cancelled');
    expect(keys(done)).toContain('core.menu');
  });
});

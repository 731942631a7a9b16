import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../fixtures/conversation-harness.js';

describe('a rating tapped while staff hold the conversation (QA Q-C8)', () => {
  it('is recorded and thanked, not relayed to staff as a raw id', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    await h.send(h.choice('menu.human'));
    await h.system({ type: 'staff.joined', staffName: '王老师' });
    const replies = await h.send(h.choice('rate:FY-20261201-0002:4'));
    expect(h.rated).toEqual([{ conversationKey: 'test:1', ref: 'FY-20261201-0002', score: 4 }]);
    expect(h.keys(replies)).toContain('handoff.rating.thanks');
    expect(h.effects().filter((e) => e.type === 'relay')).toEqual([]);
    // The resident's next words still reach the person holding the conversation.
    await h.send(h.choice('rating.skip'));
    expect(h.effects().filter((e) => e.type === 'relay')).toEqual([]);
    await h.send(h.text('谢谢您'));
    expect(h.effects()).toContainEqual({ type: 'relay', relay: { kind: 'message', text: '谢谢您' } });
  });
});

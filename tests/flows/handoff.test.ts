import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../fixtures/conversation-harness.js';

const attachment = { id: 'a'.repeat(32), fileName: 'photo.jpg', mimeType: 'image/jpeg', size: 1000 };

describe('talking to a person', () => {
  it('asks staff for a person when the resident types 人工, and keeps helping meanwhile', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    const replies = await h.send(h.text('人工'));
    expect(h.keys(replies)).toEqual(['handoff.requested', 'core.menu']);
    expect(h.effects()).toContainEqual({ type: 'relay', relay: { kind: 'handoff_request' } });
  });

  it('relays both ways while a person holds the conversation, and the bot says nothing of its own', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    await h.send(h.choice('menu.apply'));
    await h.send(h.choice('catgroup:wages'));
    await h.send(h.choice('menu.human'));
    const joined = await h.system({ type: 'staff.joined', staffName: '王律师' });
    expect(h.keys(joined)).toEqual(['handoff.joined']);

    const relayed = await h.send(h.text('我想问问仲裁怎么申请'));
    expect(relayed).toEqual([]);
    expect(h.effects()).toEqual([{ type: 'relay', relay: { kind: 'message', text: '我想问问仲裁怎么申请' } }]);
    await h.send({ type: 'user.attachment', attachment });
    expect(h.effects()).toEqual([{ type: 'relay', relay: { kind: 'attachment', attachment } }]);
    // A button or a command is relayed too, not acted on.
    expect(await h.send(h.choice('opt:self'))).toEqual([]);

    const answer = await h.system({ type: 'staff.message', staffName: '王律师', text: '您好，请先准备劳动合同' });
    expect(h.render(answer)[0]!.text).toBe('【王律师】您好，请先准备劳动合同');
    await h.system({ type: 'staff.file', staffName: '王律师', attachment });
    expect(h.effects()).toEqual([{ type: 'file', attachment, caption: { key: 'handoff.staff_file', params: { name: '王律师' } } }]);

    const released = await h.system({ type: 'staff.released', staffName: '王律师' });
    expect(h.keys(released)).toEqual(['handoff.released', 'intake.q.relation']);
    const next = await h.send(h.choice('opt:self'));
    expect(h.keys(next)).toContain('intake.q.region');
  });

  it('offers a call-back or 12348 when nobody takes the conversation in time', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    await h.send(h.text('转人工'));
    const timeout = await h.system({ type: 'handoff.timeout' });
    expect(h.keys(timeout)).toEqual(['handoff.timeout']);
    expect(h.render(timeout)[0]!.text).toContain('12348');
    await h.send(h.choice('handoff.callback'));
    const bad = await h.send(h.text('123'));
    expect(h.keys(bad)).toEqual(['intake.err.phone']);
    const ok = await h.send(h.text('13800138000'));
    expect(h.keys(ok)[0]).toBe('handoff.callback.confirmed');
    expect(h.effects()).toContainEqual({ type: 'relay', relay: { kind: 'callback', phone: '13800138000' } });
  });

  it('with no staff channel, gives office hours, the office phone and a call-back instead of a dead end', async () => {
    const h = await conversationHarness({ staffAvailable: false });
    await h.send(h.choice('consent.agree'));
    const replies = await h.send(h.choice('menu.human'));
    expect(h.keys(replies)[0]).toBe('conv.handoff.no_staff');
    const text = h.render(replies)[0]!;
    const centre = h.pack.offices.find((o) => o.kind === 'centre')!;
    expect(text.text).toContain(centre.phone);
    expect(text.text).toContain(centre.hours!['zh-CN']);
    expect(text.text).toContain('12348');
    expect(text.choices.map((c) => c.id)).toContain('handoff.callback');
    expect(h.effects().some((e) => e.type === 'relay')).toBe(false);

    await h.send(h.choice('handoff.callback'));
    const confirmed = await h.send(h.text('13800138000'));
    expect(h.render(confirmed)[0]!.text).toContain(centre.hours!['zh-CN']);
    expect(h.effects()).toContainEqual({ type: 'relay', relay: { kind: 'callback', phone: '13800138000' } });
  });

  it('ignores a late timeout once staff have joined', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    await h.send(h.text('人工'));
    await h.system({ type: 'staff.joined', staffName: '李' });
    expect(await h.system({ type: 'handoff.timeout' })).toEqual([]);
  });
});

describe('case status and rating', () => {
  it('shows the resident their cases from the menu, and from the middle of an application without losing it', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    expect(h.keys(await h.send(h.choice('menu.status')))).toEqual(['case.status.none', 'core.menu']);
    await h.send(h.choice('menu.apply'));
    await h.send(h.choice('catgroup:wages'));
    const mid = await h.send(h.choice('menu.status'));
    expect(h.keys(mid)).toEqual(['case.status.none', 'intake.q.relation']);
  });

  it('records a rating and an optional comment', async () => {
    const h = await conversationHarness();
    await h.send(h.choice('consent.agree'));
    const thanks = await h.send(h.choice('rate:FY-20260601-0001:5'));
    expect(h.keys(thanks)).toEqual(['handoff.rating.thanks']);
    const saved = await h.send(h.text('律师很耐心'));
    expect(h.keys(saved)).toEqual(['handoff.rating.comment_saved', 'core.menu']);
    expect(h.rated).toEqual([
      { conversationKey: 'test:1', ref: 'FY-20260601-0001', score: 5 },
      { conversationKey: 'test:1', ref: 'FY-20260601-0001', score: 5, comment: '律师很耐心' },
    ]);
  });
});

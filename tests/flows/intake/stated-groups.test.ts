import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../../src/flows/events.js';

const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const groupsQuestion = (replies: BotReply[]) => replies.find((r) => r.key === 'intake.q.groups');
const choiceKey = (reply: BotReply | undefined, id: string) => reply?.choices?.find((ch) => ch.id === id)?.key;

/**
 * Session 7: "老板欠我两个月工资一万二 我是农民工" started the application, and at the groups question 进城务工人员
 * was still unticked: the resident had to say it again. A group the story states plainly is ticked in advance,
 * never taken unasked: the question is still asked, and pressing 选好了 confirms it.
 */
describe('a group the story states is ticked in advance at the groups question', () => {
  it('ticks migrant worker for "我是农民工" and takes it when the resident presses done', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    await h.send(t('老板欠我两个月工资一万二 我是农民工'));
    await h.send(c('intake.yes'));
    await h.send(c('opt:self'));
    await h.send(c('opt:demo-city'));
    await h.send(t('45'));
    const asked = groupsQuestion(await h.send(c('opt:none')));
    expect(asked).toBeDefined();
    expect(choiceKey(asked, 'group:migrant_worker')).toBe('intake.opt.checked');
    expect(h.intake()?.facts.groups ?? []).toEqual([]);
    await h.send(c('intake.groups.done'));
    expect(h.intake()?.facts.groups).toEqual(['migrant_worker']);
  });

  it('leaves it unticked, and the resident can untick it, when they say so', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    await h.send(t('老板欠我两个月工资一万二 我是农民工'));
    await h.send(c('intake.yes'));
    await h.send(c('opt:self'));
    await h.send(c('opt:demo-city'));
    await h.send(t('45'));
    await h.send(c('opt:none'));
    const again = groupsQuestion(await h.send(c('group:migrant_worker')));
    expect(choiceKey(again, 'group:migrant_worker')).toBe('intake.opt.unchecked');
    await h.send(c('intake.groups.done'));
    expect(h.intake()?.facts.groups).toEqual([]);
  });
});

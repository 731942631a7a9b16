import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../../src/flows/events.js';

const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const groupsQuestion = (replies: BotReply[]) => replies.find((r) => r.key === 'intake.q.groups');
const choiceKey = (reply: BotReply | undefined, id: string) => reply?.choices?.find((ch) => ch.id === id)?.key;

/** The story told at the menu, then the intake's questions up to the groups question. */
async function atGroupsAfterStory() {
  const h = await conversationHarness();
  for (const e of [c('consent.agree'), t('老板欠我两个月工资一万二 我是农民工'), c('intake.yes'), c('opt:self'), c('opt:demo-city'), t('45')]) await h.send(e);
  const asked = groupsQuestion(await h.send(c('opt:none')));
  return { h, asked };
}

/**
 * Session 7: "老板欠我两个月工资一万二 我是农民工" started the application, and at the groups question 进城务工人员
 * was still unticked: the resident had to say it again. A group the story states plainly is ticked in advance,
 * never taken unasked: the question is still asked, and pressing 选好了 confirms it.
 */
describe('a group the story states is ticked in advance at the groups question', () => {
  it('ticks migrant worker for "我是农民工" and takes it when the resident presses done', async () => {
    const { h, asked } = await atGroupsAfterStory();
    expect(asked).toBeDefined();
    expect(choiceKey(asked, 'group:migrant_worker')).toBe('intake.opt.checked');
    expect(h.intake()?.facts.groups ?? []).toEqual([]);
    await h.send(c('intake.groups.done'));
    expect(h.intake()?.facts.groups).toEqual(['migrant_worker']);
  });

  it('is unticked when the resident presses it, and then not taken', async () => {
    const { h } = await atGroupsAfterStory();
    const again = groupsQuestion(await h.send(c('group:migrant_worker')));
    expect(choiceKey(again, 'group:migrant_worker')).toBe('intake.opt.unchecked');
    await h.send(c('intake.groups.done'));
    expect(h.intake()?.facts.groups).toEqual([]);
  });
});

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

describe('"我的申请到哪一步了" right after submitting shows the resident\'s cases', () => {
  it.each(['我的申请到哪一步了', '我的申请到哪一步了？', '申请到哪一步了', '我刚才的申请怎么样了'])('%s', async (text) => {
    const h = await conversationHarness({ listCases: () => [{ type: 'reply', key: 'case.status.list', params: {} }] });
    await h.send(c('consent.agree'));
    await h.send(c('menu.apply'));
    const answers = [
      c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'),
      c('intake.no_deadline'), c('intake.no'), c('intake.continue'), t('包工头欠我两万元工资'), c('intake.documents.done'), t('张三'), t('13800138000'),
    ];
    for (const e of answers) await h.send(e);
    expect(keys(await h.send(c('intake.confirm')))[0]).toMatch(/^intake.receipt/);
    const replies = await h.send(t(text));
    expect(keys(replies)).toContain('case.status.list');
  });
});

describe('a story typed at the age question (Q-C5)', () => {
  const story = '我今年58了，上个月骑电动车被一辆小轿车撞了，腿骨折了住了二十多天院，对方保险公司只肯赔一点点';

  it('takes the age, then offers the story at the description step in one tap', async () => {
    const h = await atAge();
    const next = await h.send(t(story));
    expect(keys(next)).toContain('conv.story.kept_age');
    expect(h.render(next)[0]!.text).toContain('58');
    expect(keys(next)).toContain('intake.q.disability');
    expect(h.intake()?.facts.age).toBe(58);
    const answers = [c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('3'), t('2000'), c('intake.no_deadline'), c('intake.no')];
    let last: BotReply[] = [];
    for (const e of answers) last = await h.send(e);
    for (let i = 0; i < 3 && !keys(last).includes('intake.q.description'); i++) last = await h.send(c('intake.continue'));
    expect(keys(last)).toContain('intake.q.description');
    const offer = last.find((r) => r.key === 'conv.story.use_prompt');
    expect(h.render([offer!])[0]!.text).toContain('腿骨折了');
    await h.send(c('conv.story.use'));
    expect(h.intake()?.applicant.description).toBe(story);
  });

  it('does not take the resident\'s own age for a relative', async () => {
    const h = await conversationHarness();
    for (const e of [c('consent.agree'), c('menu.apply'), c('catgroup:traffic'), c('opt:relative'), c('opt:demo-city')]) await h.send(e);
    const next = await h.send(t(story));
    expect(keys(next)).toContain('conv.story.kept');
    expect(h.intake()?.facts.age).toBeUndefined();
  });
});

describe('"我要申请" typed while applying', () => {
  it('asks the question on screen again, without an error', async () => {
    const h = await conversationHarness();
    for (const e of [c('consent.agree'), c('menu.apply')]) await h.send(e);
    const again = await h.send(t('我要申请'));
    expect(keys(again).filter((k) => k.startsWith('intake.err.'))).toEqual([]);
    expect(keys(again)).toContain('intake.q.category');
  });
});

describe('a story typed after the description was written', () => {
  it('adds it to the account at once and says so, rather than promise a step that has passed', async () => {
    const h = await conversationHarness();
    const steps = [
      c('consent.agree'), c('menu.apply'),
      c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'),
      c('intake.no_deadline'), c('intake.no'), c('intake.continue'), t('包工头欠我两万元工资'), c('intake.documents.done'), t('张三'),
    ];
    let last: BotReply[] = [];
    for (const e of steps) last = await h.send(e);
    expect(keys(last)).toContain('intake.q.phone');
    const next = await h.send(t('老板还欠我上个月的加班费没给，一直拖着'));
    expect(keys(next)).toEqual(['intake.description_added_here', 'intake.q.phone']);
    expect(h.intake()?.applicant.description).toBe('包工头欠我两万元工资\n老板还欠我上个月的加班费没给，一直拖着');
  });
});

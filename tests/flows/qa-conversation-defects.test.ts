import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../src/flows/events.js';

/**
 * Defects of the resident conversation found by the QA pass (`fayuan chat --jsonl`, 2026-12-01), each written as
 * the resident typed it. They belong to the conv helper (understanding, steering, conversation machine), who was
 * still changing those files: each is kept out of the suite with `describe.skip` and listed in /work/wt/DEFECTS.md.
 * Remove the `.skip` when fixing.
 */
type Harness = Awaited<ReturnType<typeof conversationHarness>>;
const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const keys = (replies: BotReply[]) => replies.map((r) => r.key);

async function atMenu(): Promise<Harness> {
  const h = await conversationHarness();
  await h.send(c('consent.agree'));
  return h;
}

// DEFECT Q-C1 (conv, src/knowledge/understanding/danger.ts): a child being beaten is not recognised as danger.
describe('DEFECT Q-C1: a child hurt now is danger', () => {
  it('replies with the child-danger help first, before consent and at the menu', async () => {
    const before = await conversationHarness();
    expect(keys(await before.send(t('孩子被他爸打得浑身是伤')))[0]).toBe('danger.child');
    const h = await atMenu();
    expect(keys(await h.send(t('孩子被他爸打得浑身是伤')))[0]).toBe('danger.child');
  });
});

// DEFECT Q-C2 (conv): a knife threat typed in the middle of a domestic-violence application gets only 110, not 12338.
describe('DEFECT Q-C2: a threat from the partner mid-application is domestic violence', () => {
  it('gives 12338 beside 110', async () => {
    const h = await atMenu();
    await h.send(c('menu.apply'));
    await h.send(c('catgroup:domestic_violence'));
    const replies = await h.send(t('他回来了，拿着菜刀说要砍死我'));
    expect(keys(replies)[0]).toBe('danger.domestic_violence');
    expect(h.render(replies)[0]!.text).toContain('12338');
  });
});

// DEFECT Q-C3 (conv, steering.ts): "喂有人吗" / "有人吗" looks for a person; it got "这个问题我还回答不了" and was recorded
// as an unanswered FAQ question.
describe('DEFECT Q-C3: "有人吗" asks for a person', () => {
  it.each(['喂有人吗', '有人吗', '有没有人工'])('%s', async (text) => {
    const h = await atMenu();
    const replies = await h.send(t(text));
    expect(keys(replies)).not.toContain('core.not_understood');
    expect(keys(replies).some((k) => k.startsWith('handoff.') || k.startsWith('conv.handoff.'))).toBe(true);
  });
});

// DEFECT Q-C4 (conv/privacy): typing "删除我的记录" answers "请发送 /delete" with no button at all — a dead end that makes a
// resident type a slash command. It should ask the one erasure confirmation, with its two buttons.
describe('DEFECT Q-C4: "删除我的记录" typed asks the erasure confirmation', () => {
  it('shows 确认删除 / 不删除', async () => {
    const h = await atMenu();
    const replies = await h.send(t('删除我的记录'));
    expect(keys(replies)).toContain('privacy.erase.confirm');
    expect(replies.at(-1)!.choices?.length ?? 0).toBeGreaterThan(0);
  });

  it('asks it in the middle of an application too', async () => {
    const h = await atMenu();
    for (const e of [c('menu.apply'), c('catgroup:traffic'), c('opt:self')]) await h.send(e);
    const replies = await h.send(t('删除我的记录'));
    const confirm = replies.find((r) => r.key === 'privacy.erase.confirm');
    expect(confirm?.choices?.length ?? 0).toBe(2);
  });
});

// DEFECT Q-C5 (conv): a story typed at the age question that states the age ("我今年58了，…被车撞了") is acknowledged
// ("这些情况您可以在后面“情况说明”一步里详细写上") and the age is asked again; the resident then has to type the story again.
describe('DEFECT Q-C5: facts and story typed at a later question are kept', () => {
  it('takes the age stated in the story and keeps the story for the description', async () => {
    const h = await atMenu();
    for (const e of [c('menu.apply'), c('catgroup:traffic'), c('opt:self'), c('opt:demo-city')]) await h.send(e);
    const story = '我今年58了，上个月骑电动车被一辆小轿车撞了，腿骨折了住了二十多天院，对方保险公司只肯赔一点点';
    await h.send(t(story));
    expect(h.intake()?.facts.age).toBe(58);
  });
});

// DEFECT Q-C6 (conv): "你好" in the middle of the application is answered "抱歉，我没看懂这个回答" (meta intent greeting).
describe('DEFECT Q-C6: a greeting mid-application is greeted, not called a wrong answer', () => {
  it('does not answer 你好 with an error', async () => {
    const h = await atMenu();
    for (const e of [c('menu.apply'), c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('58')]) await h.send(e);
    const replies = await h.send(t('你好'));
    expect(keys(replies).filter((k) => k.startsWith('intake.err.'))).toEqual([]);
    expect(keys(replies)).toContain('intake.q.disability');
  });
});

// DEFECT Q-C7 (conv): the old menu button "看看能否申请法律援助", pressed again at the category question (a double tap, or an
// old message's button in Telegram), answers "抱歉，我没能判断问题类型".
describe('DEFECT Q-C7: pressing "apply" again during the application', () => {
  it('just asks the question on screen again', async () => {
    const h = await atMenu();
    await h.send(c('menu.apply'));
    const replies = await h.send(c('menu.apply'));
    expect(keys(replies)).not.toContain('intake.err.category');
    expect(keys(replies)).toContain('intake.q.category');
  });
});

// DEFECT Q-C8 (conv): a case closed while a person holds the conversation sends the 1–5 rating buttons; the tap is
// relayed to staff as "[rate:FY-…:1]" (a raw id) and not recorded, and the resident gets no answer.
describe('DEFECT Q-C8: a rating tapped while a person holds the conversation', () => {
  it('is recorded (or at least shown to staff as a rating), not relayed as a raw id', async () => {
    const h = await atMenu();
    await h.send(c('menu.human'));
    await h.system({ type: 'staff.joined', staffName: '王律师' });
    await h.send(c('rate:FY-TEST-0001:1'));
    const relayed = h.effects().flatMap((e) => (e.type === 'relay' && e.relay.kind === 'message' ? [e.relay.text] : []));
    expect(relayed.join('\n')).not.toContain('rate:');
  });

  it('records the score and thanks the resident; the person still gets their next message', async () => {
    const h = await atMenu();
    await h.send(c('menu.human'));
    await h.system({ type: 'staff.joined', staffName: '王律师' });
    const thanked = await h.send(c('rate:FY-TEST-0001:4'));
    expect(h.rated).toEqual([expect.objectContaining({ ref: 'FY-TEST-0001', score: 4 })]);
    expect(keys(thanked)).toContain('handoff.rating.thanks');
    await h.send(t('谢谢王律师'));
    const relayed = h.effects().flatMap((e) => (e.type === 'relay' && e.relay.kind === 'message' ? [e.relay.text] : []));
    expect(relayed).toEqual(['谢谢王律师']);
  });
});

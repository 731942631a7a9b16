import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../../src/flows/events.js';

type Harness = Awaited<ReturnType<typeof conversationHarness>>;
const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const questions = (replies: BotReply[]) => replies.map((r) => r.key).filter((k) => k.startsWith('intake.q.'));

async function started(h: Harness) {
  await h.send(c('consent.agree'));
  await h.send(c('menu.apply'));
}

/** A migrant worker's wage claim up to the summary. */
const TO_SUMMARY = [
  c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'),
  c('intake.no_deadline'), c('intake.no'), c('intake.continue'), t('包工头欠我两万元工资'), c('intake.documents.done'), t('张三'), t('13800138000'),
];

describe('changing an answer from the summary', () => {
  it('asks the age again, keeps its line in place, and submits the new age', async () => {
    const h = await conversationHarness();
    await started(h);
    let last: BotReply[] = [];
    for (const e of TO_SUMMARY) last = await h.send(e);
    const before = h.render(last)[0]!.text.split('\n');
    await h.send(c('intake.change'));
    const ask = await h.send(c('change:age'));
    expect(questions(ask)).toEqual(['intake.q.age']);
    // Straight back to the summary with the new age: no "continue?" step in between (session 8).
    const summary = await h.send(t('50'));
    expect(h.keys(summary)).toEqual(['intake.summary']);
    const after = h.render(summary)[0]!.text.split('\n');
    expect(after).toContain('年龄：50');
    expect(after.indexOf('年龄：50')).toBe(before.indexOf('年龄：45'));
    await h.send(c('intake.confirm'));
    expect(h.submitted[0]!.facts.age).toBe(50);
  });

  it('asks a changed fact again even when the decision does not need it (the resident chose to change it)', async () => {
    const h = await conversationHarness();
    await started(h);
    for (const e of TO_SUMMARY) await h.send(e);
    await h.send(c('intake.change'));
    const ask = await h.send(c('change:disability'));
    expect(questions(ask)).toEqual(['intake.q.disability']);
    const summary = await h.send(c('opt:physical'));
    // A fact that changes the assessment: its new lines above the summary, without "continue?" again (session 8).
    expect(h.keys(summary)).toEqual(expect.arrayContaining(['intake.details', 'intake.summary']));
    expect(h.keys(summary)).not.toContain('intake.q.assessment');
    expect(h.intake()?.facts.disability).toBe('physical');
  });
});

describe('English questions read as English', () => {
  const BAD = /\b(is|does|has|was) you\b|\byou (is|does|has|was|qualifies|lives)\b|\bof you\b/i;

  it.each([['opt:self'], ['opt:relative']])('has no "How old is you?" or "Does you…" when applying %s', async (relation) => {
    const h = await conversationHarness();
    await started(h);
    const seen: BotReply[] = [];
    const send = async (e: ResidentEvent) => seen.push(...(await h.send(e)));
    for (const e of [c('catgroup:criminal'), c('cat:criminal_defense'), c(relation), c('opt:defendant'), c('intake.no'), c('opt:ordinary'), c('intake.no'), c('intake.no'), c('opt:demo-city'), t('45'), c('opt:none'), c('intake.groups.none'), c('intake.yes'), c('opt:urban'), t('3'), t('50000'), c('intake.no_deadline'), c('intake.no')]) {
      await send(e);
    }
    const en = h.render(seen, 'en').map((r) => r.text);
    expect(en.join('\n')).toContain(relation === 'opt:self' ? 'How old are you?' : 'How old is the person who needs help?');
    for (const text of en) expect(text).not.toMatch(BAD);
  });
});

describe('the deadline question', () => {
  it('does not take "2000元" as 2,000 days: it says it looks like money and asks again', async () => {
    const h = await conversationHarness();
    await started(h);
    for (const e of [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done')]) await h.send(e);
    const replies = await h.send(t('2000元'));
    expect(h.intake()?.facts.deadlineDays).toBeUndefined();
    // Asked again in the same message as the explanation.
    expect(h.keys(replies)).toEqual(['intake.err.wrong_unit']);
    expect(h.render(replies)[0]!.text).toMatch(/金额/);
    expect(h.render(replies)[0]!.text).toMatch(/几天/);
    expect(h.render(replies, 'en')[0]!.text).toMatch(/money/);
    expect(replies.at(-1)!.choices?.length).toBeGreaterThan(0);
  });
});

describe('buttons stay on screen', () => {
  it('after a refused file type in the middle of the intake', async () => {
    const h = await conversationHarness();
    await started(h);
    await h.send(c('catgroup:wages'));
    const replies = await h.send({ type: 'user.refused_attachment', reason: 'type', fileName: 'a.exe' });
    expect(replies.at(-1)!.choices?.map((x) => x.id)).toEqual(expect.arrayContaining(['opt:self', 'opt:relative']));
  });

  it('after a refused file type or an unexpected upload at the menu', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    const refused = await h.send({ type: 'user.refused_attachment', reason: 'type', fileName: 'a.exe' });
    expect(refused.at(-1)!.choices?.map((x) => x.id)).toContain('menu.apply');
    const upload = await h.send({ type: 'user.attachment', attachment: { id: 'f1', fileName: 'a.jpg', mimeType: 'image/jpeg', size: 10 } });
    expect(upload.at(-1)!.choices?.map((x) => x.id)).toContain('menu.apply');
  });

  it('after 查询进度 from the menu', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    const status = await h.send(c('menu.status'));
    expect(status.at(-1)!.choices?.map((x) => x.id)).toContain('menu.apply');
  });
});

describe('the groups checklist (TEAM.md contract 1)', () => {
  it('is marked multi-select with its done choice, and one user.choices message answers it', async () => {
    const h = await conversationHarness();
    await started(h);
    let last: BotReply[] = [];
    for (const e of [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none')]) last = await h.send(e);
    const checklist = last.find((r) => r.key === 'intake.q.groups')!;
    expect(checklist.multiSelect).toEqual({ doneId: 'intake.groups.done' });
    const next = await h.send({ type: 'user.choices', ids: ['group:social_assistance_recipient', 'group:registered_poor', 'intake.groups.done'] });
    expect(h.intake()?.facts.groups).toEqual(['social_assistance_recipient', 'registered_poor']);
    expect(questions(next)).not.toContain('intake.q.groups');
    expect(next.some((r) => r.key === 'intake.q.groups')).toBe(false);
  });

  it('takes an empty selection on done as "none of these"', async () => {
    const h = await conversationHarness();
    await started(h);
    for (const e of [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none')]) await h.send(e);
    await h.send({ type: 'user.choices', ids: [] });
    expect(h.intake()?.facts.groups).toEqual([]);
  });
});

describe('a region that is not listed', () => {
  it('offers "not listed" and routes to 12348 and the nearest centre', async () => {
    const h = await conversationHarness();
    await started(h);
    const ask = await h.send(c('catgroup:wages'));
    const region = await h.send(c('opt:self'));
    expect(ask).toBeDefined();
    expect(region.at(-1)!.choices?.map((x) => x.id)).toContain('intake.region.not_listed');
    const replies = await h.send(c('intake.region.not_listed'));
    const zh = h.render(replies).map((r) => r.text).join('\n');
    expect(zh).toContain('12348');
    expect(zh).toMatch(/最近|当地/);
    expect(replies.at(-1)!.choices?.length).toBeGreaterThan(0);
    const typed = await conversationHarness();
    await started(typed);
    await typed.send(c('catgroup:wages'));
    await typed.send(c('opt:self'));
    expect(typed.render(await typed.send(t('不在列表中'))).map((r) => r.text).join('\n')).toContain('12348');
  });
});

describe('"why do you need this?" at a question', () => {
  const WHY: [string, ResidentEvent[], string, string][] = [
    ['age', [c('catgroup:wages'), c('opt:self'), c('opt:demo-city')], '为什么要问年龄', 'intake.q.age'],
    ['age (English)', [c('catgroup:wages'), c('opt:self'), c('opt:demo-city')], 'why do you need my age?', 'intake.q.age'],
    ['region', [c('catgroup:wages'), c('opt:self')], '为啥要问这个', 'intake.q.region'],
    ['disability', [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45')], '问这个干嘛', 'intake.q.disability'],
    ['income', [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('2')], 'why do you need to know my income', 'intake.q.householdMonthlyIncome'],
    ['phone', [...TO_SUMMARY.slice(0, 13)], '为什么要留电话', 'intake.q.phone'],
  ];

  it.each(WHY)('explains why it asks the %s, with the question under it in the same message', async (_name, before, why, question) => {
    const h = await conversationHarness();
    await started(h);
    for (const e of before) await h.send(e);
    const replies = await h.send(t(why));
    const step = question.slice('intake.q.'.length);
    expect(h.keys(replies)).toEqual([`intake.why.${step}`]);
    expect(replies[0]!.followedBy?.key).toBe(question);
    expect(replies[0]!.choices).toBeDefined();
  });
});

describe('typing instead of pressing', () => {
  it('"继续" typed after a refusal submits for staff review, as the button says', async () => {
    const h = await conversationHarness();
    await started(h);
    for (const e of [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('1'), t('5000'), c('intake.no_deadline')]) await h.send(e);
    expect(h.keys(await h.send(c('intake.no')))).toContain('intake.alternatives');
    for (const e of [t('继续'), t('被车撞了，对方不赔'), c('intake.documents.done'), t('王五'), t('13800138000'), c('intake.confirm')]) await h.send(e);
    expect(h.submitted[0]).toMatchObject({ submitAnyway: true });
  });

  it('a button label typed in either language counts as pressing it', async () => {
    const h = await conversationHarness();
    await started(h);
    await h.send(c('catgroup:wages'));
    expect(questions(await h.send(t('For a family member')))).toEqual(['intake.q.region']);
    expect(h.intake()?.applicant.relation).toBe('relative');
  });
});

describe('the English basis line', () => {
  it('separates its items the English way', async () => {
    const h = await conversationHarness();
    await started(h);
    let last: BotReply[] = [];
    for (const e of [c('catgroup:other'), c('cat:pension'), c('opt:self'), c('opt:demo-county'), t('72'), c('intake.no_deadline'), c('intake.no')]) last = await h.send(e);
    const en = h.render(last, 'en').map((r) => r.text).join('\n');
    const basis = en.split('\n').find((l) => l.startsWith('Legal basis'))!;
    expect(basis).not.toContain('；');
    expect(basis).toMatch(/Legal Aid Law arts?\. [\d, ]+; /);
  });
});

describe('a file sent in the middle of the intake', () => {
  it('is kept with the application and the question stays on screen with its buttons', async () => {
    const h = await conversationHarness();
    await started(h);
    await h.send(c('catgroup:wages'));
    const replies = await h.send({ type: 'user.attachment', attachment: { id: 'f'.repeat(32), fileName: '欠条.jpg', mimeType: 'image/jpeg', size: 100 } });
    expect(h.keys(replies)).toEqual(['intake.documents.received_early', 'intake.q.relation']);
    expect(replies.at(-1)!.choices?.map((x) => x.id)).toContain('opt:self');
    expect(h.intake()?.attachments).toHaveLength(1);
  });
});

describe('the introduction', () => {
  it('is shown once: not again after the resident turns down a suggested category', async () => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    expect(h.keys(await h.send(c('menu.apply')))).toEqual(['intake.start', 'intake.q.category']);
    await h.send(t('老板欠我三个月工资不给'));
    expect(h.keys(await h.send(c('intake.no')))).toEqual(['intake.q.category']);
  });

  it('takes a category typed without the words in brackets as that button', async () => {
    const h = await conversationHarness();
    await started(h);
    await h.send(c('catgroup:criminal'));
    expect(questions(await h.send(t('刑事辩护')))).toEqual(['intake.q.relation']);
    expect(h.intake()?.facts.category).toBe('criminal_defense');
  });
});

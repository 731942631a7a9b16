import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../fixtures/conversation-harness.js';
import type { BotReply } from '../../src/flows/events.js';

/** Consents and opens the application, returning the harness positioned at the category question. */
async function startIntake(options: Parameters<typeof conversationHarness>[0] = {}) {
  const h = await conversationHarness(options);
  await h.send(h.choice('consent.agree'));
  const opened = await h.send(h.choice('menu.apply'));
  expect(h.keys(opened)).toEqual(['intake.start', 'intake.q.category']);
  return h;
}

const questions = (replies: BotReply[]) => replies.map((r) => r.key).filter((k) => k.startsWith('intake.q.'));

type Harness = Awaited<ReturnType<typeof conversationHarness>>;

/**
 * Answers whatever the intake asks from `answers` (question key → event) until a reply with `stopKey`
 * arrives; fails on a question the map has no answer for. Returns the questions asked and the last replies.
 */
async function answerUntil(h: Harness, first: BotReply[], answers: Record<string, ReturnType<Harness['text']>>, stopKey: string) {
  const asked: string[] = [];
  let last = first;
  for (let i = 0; i < 20 && !h.keys(last).includes(stopKey); i++) {
    const question = questions(last).at(-1)!;
    asked.push(question);
    expect(Object.keys(answers), `no answer for ${question}`).toContain(question);
    last = await h.send(answers[question]!);
  }
  expect(h.keys(last)).toContain(stopKey);
  return { asked, last };
}

describe('intake conversation', () => {
  it('skips the income questions for a migrant worker claiming wages (LAL 42)', async () => {
    const h = await startIntake();
    const asked: string[] = [];
    const answer = async (event: ReturnType<typeof h.text>) => asked.push(...questions(await h.send(event)));
    await answer(h.choice('catgroup:wages'));
    await answer(h.choice('opt:self'));
    await answer(h.choice('opt:demo-city'));
    await answer(h.text('45'));
    await answer(h.choice('opt:none'));
    await answer(h.choice('group:migrant_worker'));
    await answer(h.choice('intake.groups.done'));
    await answer(h.choice('intake.no_deadline'));
    await answer(h.choice('intake.no'));
    expect(asked).not.toContain('intake.q.householdMonthlyIncome');
    expect(asked).not.toContain('intake.q.householdSize');
    expect(asked.at(-1)).toBe('intake.q.assessment');
    expect(h.intake()?.facts).toMatchObject({ category: 'wages', groups: ['migrant_worker'], deadlineDays: null, needsPreservation: false });
  });

  it('asks household size and income of a means-tested applicant', async () => {
    const h = await startIntake();
    const asked: string[] = [];
    const answer = async (event: ReturnType<typeof h.text>) => asked.push(...questions(await h.send(event)));
    await answer(h.choice('catgroup:traffic'));
    await answer(h.choice('opt:self'));
    await answer(h.choice('opt:demo-county'));
    await answer(h.text('三十五岁'));
    await answer(h.choice('opt:none'));
    await answer(h.choice('intake.groups.none'));
    expect(asked.slice(-1)).toEqual(['intake.q.residence']);
    await answer(h.choice('opt:rural'));
    await answer(h.text('3口人'));
    await answer(h.text('1800元'));
    expect(asked).toContain('intake.q.householdSize');
    expect(asked).toContain('intake.q.householdMonthlyIncome');
    expect(h.intake()?.facts).toMatchObject({ age: 35, residence: 'rural', householdSize: 3, householdMonthlyIncome: 1800 });
  });

  it('never asks about income in a domestic violence matter (LAL 32), and asks when contact is safe', async () => {
    const h = await startIntake();
    const proposed = await h.send(h.text('我老公经常打我'));
    expect(questions(proposed)).toEqual(['intake.q.category_confirm']);
    const { asked } = await answerUntil(
      h,
      await h.send(h.choice('intake.yes')),
      {
        'intake.q.relation': h.choice('opt:self'),
        'intake.q.region': h.choice('opt:demo-city'),
        'intake.q.age': h.text('32'),
        'intake.q.disability': h.choice('opt:none'),
        'intake.q.deadlineDays': h.text('2'),
        'intake.q.needsPreservation': h.choice('intake.no'),
        'intake.q.assessment': h.choice('intake.continue'),
        'intake.q.description': h.text('丈夫长期殴打我，上周又动手了'),
        'intake.q.documents': h.choice('intake.documents.done'),
        'intake.q.name': h.text('李四'),
        'intake.q.phone': h.text('13800138000'),
        'intake.q.safeContact': h.choice('opt:times'),
        'intake.q.safeTimes': h.text('工作日上午'),
      },
      'intake.summary',
    );
    expect(asked).toEqual(expect.arrayContaining(['intake.q.safeContact', 'intake.q.safeTimes']));
    for (const q of ['householdMonthlyIncome', 'householdSize', 'groups', 'residence', 'fixedIncome']) expect(asked).not.toContain(`intake.q.${q}`);
    expect(h.intake()?.facts).toMatchObject({ category: 'domestic_violence', deadlineDays: 2 });
  });

  it('explains what is wrong with an answer, with an example, and offers buttons or a person after three tries', async () => {
    const h = await startIntake();
    await h.send(h.choice('catgroup:wages'));
    await h.send(h.choice('opt:self'));
    await h.send(h.choice('opt:demo-city'));
    const first = await h.send(h.text('很老了'));
    // One message: the explanation, the question under it, and its buttons.
    expect(h.keys(first)).toEqual(['intake.err.age']);
    expect(h.render(first)[0]!.text).toContain('45');
    expect(h.render(first)[0]!.text).toContain('多大');
    expect(first[0]!.choices?.map((c) => c.id)).toContain('intake.unsure');
    await h.send(h.text('abc'));
    const third = await h.send(h.text('200'));
    expect(h.keys(third)).toEqual(['intake.stuck']);
    expect(third[0]!.choices?.map((c) => c.id)).toEqual(expect.arrayContaining(['intake.unsure', 'menu.human', 'intake.cancel']));
    const recovered = await h.send(h.text('45'));
    expect(questions(recovered)).toEqual(['intake.q.disability']);
  });

  it('changes an answer from the summary and shows the summary again with the new value', async () => {
    const h = await startIntake();
    for (const event of [
      h.choice('catgroup:wages'), h.choice('opt:self'), h.choice('opt:demo-city'), h.text('45'), h.choice('opt:none'),
      h.choice('group:migrant_worker'), h.choice('intake.groups.done'), h.choice('intake.no_deadline'), h.choice('intake.no'),
      h.choice('intake.continue'), h.text('包工头欠我两万元工资'), h.choice('intake.documents.done'), h.text('张三'),
    ]) await h.send(event);
    const summary = await h.send(h.text('13800138000'));
    expect(h.keys(summary)).toEqual(['intake.summary']);
    const list = await h.send(h.choice('intake.change'));
    expect(list[0]!.choices?.map((c) => c.id)).toContain('change:phone');
    const ask = await h.send(h.choice('change:phone'));
    expect(questions(ask)).toEqual(['intake.q.phone']);
    const again = await h.send(h.text('13900139000'));
    expect(h.keys(again)).toEqual(['intake.summary']);
    expect(h.render(again)[0]!.text).toContain('13900139000');
    expect(h.render(again)[0]!.text).not.toContain('13800138000');
  });

  it('submits exactly one case when confirm is pressed twice', async () => {
    const h = await startIntake();
    for (const event of [
      h.choice('catgroup:wages'), h.choice('opt:self'), h.choice('opt:demo-city'), h.text('45'), h.choice('opt:none'),
      h.choice('group:migrant_worker'), h.choice('intake.groups.done'), h.choice('intake.no_deadline'), h.choice('intake.no'),
      h.choice('intake.continue'), h.text('包工头欠我两万元工资'), h.choice('intake.documents.done'), h.text('张三'), h.text('13800138000'),
    ]) await h.send(event);
    const receipt = await h.send(h.choice('intake.confirm'));
    expect(h.keys(receipt)).toEqual(['intake.receipt.same_day', 'intake.documents.list', 'intake.office']);
    await h.send(h.choice('intake.confirm'));
    expect(h.submitted).toHaveLength(1);
    expect(h.submitted[0]).toMatchObject({ submissionId: 'test:1#1', applicant: { name: '张三', phone: '13800138000' } });
  });

  it('goes back to the previous question', async () => {
    const h = await startIntake();
    await h.send(h.choice('catgroup:wages'));
    await h.send(h.choice('opt:self'));
    const back = await h.send(h.text('返回'));
    expect(questions(back)).toEqual(['intake.q.relation']);
  });

  it('answers a question typed in the middle and then asks the same intake question again', async () => {
    const h = await startIntake({
      understand: () => ({
        meaning: { kind: 'question', kb: { band: 'answer', topic: 'cost', candidates: ['cost'], score: 0.9 } },
        answer: { band: 'answer', topic: 'cost', candidates: ['cost'], replies: [{ type: 'reply', key: 'core.help', params: { hotline: '12348' } }] },
      }),
    });
    await h.send(h.choice('catgroup:wages'));
    await h.send(h.choice('opt:self'));
    await h.send(h.choice('opt:demo-city'));
    const replies = await h.send(h.text('法律援助要收费吗？'));
    expect(h.keys(replies)).toEqual(['core.help', 'intake.resume_after_answer', 'intake.q.age']);
  });

  it('resumes the intake at the same question from a persisted snapshot', async () => {
    const h = await startIntake();
    await h.send(h.choice('catgroup:wages'));
    await h.send(h.choice('opt:self'));
    const snapshot = JSON.parse(JSON.stringify(h.actor.getPersistedSnapshot()));
    h.actor.stop();
    const restored = await conversationHarness({ snapshot });
    const replies = await restored.send({ type: 'user.returned' });
    expect(restored.keys(replies)).toEqual(['core.welcome_back', 'intake.q.region']);
    const next = await restored.send(restored.choice('opt:demo-city'));
    expect(questions(next)).toEqual(['intake.q.age']);
  });

  it('offers free alternatives and a staff review when the applicant is not eligible, with the right to object', async () => {
    const h = await startIntake();
    for (const event of [h.choice('catgroup:traffic'), h.choice('opt:self'), h.choice('opt:demo-city'), h.text('40'), h.choice('opt:none'), h.choice('intake.groups.none'), h.choice('opt:urban'), h.text('2')]) {
      await h.send(event);
    }
    await h.send(h.text('5000'));
    await h.send(h.choice('intake.no_deadline'));
    const assessment = await h.send(h.choice('intake.no'));
    expect(h.keys(assessment)[0]).toBe('intake.outcome.not_eligible');
    const alternatives = assessment.find((r) => r.key === 'intake.alternatives')!;
    expect(alternatives.choices?.map((c) => c.id)).toContain('intake.submit_anyway');
    expect(h.render([alternatives])[0]!.text).toContain('第四十九条');
    const next = await h.send(h.choice('intake.submit_anyway'));
    expect(questions(next)).toEqual(['intake.q.description']);
  });

  it('explains that the police, procuratorate or court must request a lawyer for a minor suspect (LAL 25) and still lets them register', async () => {
    const h = await startIntake();
    await h.send(h.choice('catgroup:criminal'));
    await h.send(h.choice('cat:criminal_defense'));
    const { asked, last } = await answerUntil(
      h,
      await h.send(h.choice('opt:relative')),
      {
        'intake.q.criminalRole': h.choice('opt:suspect'),
        'intake.q.hasDefender': h.choice('intake.no'),
        'intake.q.region': h.choice('opt:demo-city'),
        'intake.q.age': h.text('16'),
        'intake.q.deadlineDays': h.choice('intake.no_deadline'),
        'intake.q.needsPreservation': h.choice('intake.no'),
      },
      'intake.outcome.mandatory_appointment',
    );
    // A minor without a defender settles it: no questions about the sentence or income.
    for (const q of ['possibleSentence', 'deathPenaltyReview', 'trialInAbsentia', 'householdMonthlyIncome']) expect(asked).not.toContain(`intake.q.${q}`);
    expect(h.render(last).map((r) => r.text).join('\n')).toContain('第二十五条');
    const next = await h.send(h.choice('intake.continue'));
    expect(questions(next)).toEqual(['intake.q.description']);
  });
});

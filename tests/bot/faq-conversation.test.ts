import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';
import { translate } from '../../src/locales/render.js';

describe('questions answered from the knowledge base in a conversation', () => {
  it('answers a resident question directly, with related topics as buttons, and says honestly when it does not know', async () => {
    const app = await testApp(tempDir());
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    await app.runner.handle(ana.choice('consent.agree'));

    const wages = await app.runner.handle(ana.text('老板欠我三个月工资不给怎么办'));
    const entry = app.services.knowledge.entry('wage_arrears')!;
    expect(wages.replies[0]!.text.startsWith(entry.answer['zh-CN'].slice(0, 12))).toBe(true);
    // A story with a question: the answer, then the offer to apply with the category recognised.
    expect(wages.replies[0]!.choices.map((c) => c.id)).toEqual(expect.arrayContaining(['apply:wages', 'menu.back']));

    const weather = await app.runner.handle(ana.text('明天天气怎么样'));
    expect([translate('faq.unknown', 'zh-CN'), translate('faq.didYouMean', 'zh-CN')]).toContain(weather.replies[0]!.text);
    const recipe = await app.runner.handle(ana.text('红烧肉怎么做才好吃'));
    expect(recipe.replies.map((r) => r.text)).toEqual([
      translate('faq.unknown', 'zh-CN'),
      translate('faq.unknown.callHotline', 'zh-CN', { hotline: '12348' }),
    ]);
    expect((await app.repos.knowledge.listUnanswered()).length).toBeGreaterThan(0);
    await app.close();
  });

  it('answers in English in an English conversation', async () => {
    const app = await testApp(tempDir());
    const bo = resident('bo');
    await app.runner.handle(bo.text('hello'));
    await app.runner.handle(bo.choice('consent.agree'));
    const answer = await app.runner.handle(bo.text('my employer has not paid my salary for two months, what can I do?'));
    expect(answer.replies[0]!.text.startsWith(app.services.knowledge.entry('wage_arrears')!.answer.en.slice(0, 12))).toBe(true);
    await app.close();
  });

  it('answers a question in the middle of an application and then asks the same question again', async () => {
    const app = await testApp(tempDir());
    const cy = resident('cy');
    await app.runner.handle(cy.returned());
    await app.runner.handle(cy.choice('consent.agree'));
    await app.runner.handle(cy.choice('menu.apply'));
    await app.runner.handle(cy.choice('catgroup:wages'));
    const mid = await app.runner.handle(cy.text('法律援助要收费吗？'));
    expect(mid.replies.at(-2)!.text).toBe(translate('intake.resume_after_answer', 'zh-CN'));
    expect(mid.replies.at(-1)!.text).toBe(translate('intake.q.relation', 'zh-CN'));
    await app.close();
  });
});

describe('local values in answers', () => {
  it('shows every region’s thresholds and names the locally added matters in words, from the policy pack', async () => {
    const app = await testApp(tempDir());
    const dee = resident('dee');
    await app.runner.handle(dee.returned());
    await app.runner.handle(dee.choice('consent.agree'));
    const standard = await app.runner.handle(dee.choice('faq:economic_hardship_standard'));
    const text = standard.replies[0]!.text;
    for (const threshold of ['920', '550', '1000', '620']) expect(text).toContain(threshold);
    const divorce = await app.runner.handle(dee.choice('faq:divorce'));
    expect(divorce.replies[0]!.text).toContain('房屋征收');
    expect(divorce.replies[0]!.text).not.toMatch(/marriage_family|\{localScopeSummary\}/);
    await app.close();
  });
});

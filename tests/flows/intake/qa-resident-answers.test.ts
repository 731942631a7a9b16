import { describe, expect, it } from 'vitest';
import { conversationHarness } from '../../fixtures/conversation-harness.js';
import type { BotReply, ResidentEvent } from '../../../src/flows/events.js';

/**
 * Defects found by the QA pass, typed as residents type them (`fayuan chat --jsonl`, 2026-12-01):
 * colloquial answers the intake refused although their meaning is plain, and a receipt that promised
 * 7 days for a case due the same day.
 */
type Harness = Awaited<ReturnType<typeof conversationHarness>>;
const c = (id: string): ResidentEvent => ({ type: 'user.choice', id });
const t = (text: string): ResidentEvent => ({ type: 'user.text', text });
const questions = (replies: BotReply[]) => replies.map((r) => r.key).filter((k) => k.startsWith('intake.q.'));
const errors = (replies: BotReply[]) => replies.map((r) => r.key).filter((k) => k.startsWith('intake.err.'));

async function started(h: Harness) {
  await h.send(c('consent.agree'));
  await h.send(c('menu.apply'));
}

/** A migrant worker's wage claim, from the category to the question on screen before `step`. */
const UP_TO: Record<string, ResidentEvent[]> = {
  region: [c('catgroup:wages'), c('opt:self')],
  age: [c('catgroup:wages'), c('opt:self'), c('opt:demo-city')],
  deadlineDays: [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done')],
  householdSize: [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban')],
  householdMonthlyIncome: [c('catgroup:traffic'), c('opt:self'), c('opt:demo-city'), t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t('3')],
  safeContact: [
    c('catgroup:domestic_violence'), c('opt:self'), c('opt:demo-city'), t('34'), c('opt:none'), c('intake.no_deadline'), c('intake.no'),
    c('intake.continue'), t('他打了我三年，上周把我胳膊打断了。'), c('intake.documents.done'), t('李梅'), t('13700001111'),
  ],
  disability: [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45')],
  needsPreservation: [c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'), c('intake.no_deadline')],
  documents: [
    c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'),
    c('intake.no_deadline'), c('intake.no'), c('intake.continue'), t('老板欠我三个月工资，一直拖着不给。'),
  ],
};

async function at(step: keyof typeof UP_TO, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const h = await conversationHarness();
  if (locale === 'en') await h.send(c('lang.toggle'));
  await started(h);
  let last: BotReply[] = [];
  for (const e of UP_TO[step]!) last = await h.send(e);
  expect(questions(last)).toEqual([`intake.q.${step}`]);
  return h;
}

describe('colloquial answers the intake understands', () => {
  it.each(['老板好像要跑路', '他在卖厂里的设备', 'he is moving his money to his brother'])(
    'the sign of assets at risk is the yes at the preservation question: %s',
    async (typed) => {
      const h = await at('needsPreservation');
      const next = await h.send(t(typed));
      expect(errors(next)).toEqual([]);
      expect(h.intake()?.facts.needsPreservation).toBe(true);
    },
  );

  // Session 7: "yes he might sell the car we bought together" got "Please answer yes or no".
  it.each([
    ['yes he might sell the car we bought together', true],
    ['yes, he already moved money out', true],
    ['是的 他可能会把车卖了', true],
    ['no, nothing like that', false],
    ['nope he has nothing to sell', false],
    ['没有，他没什么财产', false],
  ])('a yes or no followed by why is that answer: %s', async (typed, value) => {
    const h = await at('needsPreservation');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.needsPreservation).toBe(value);
  });

  it.each(['no idea', 'not sure', '不知道'])('"%s" is not a no', async (typed) => {
    const h = await at('needsPreservation');
    await h.send(t(typed));
    expect(h.intake()?.facts.needsPreservation).not.toBe(false);
  });

  it('a denial of the sign is not a yes: 不会跑的', async () => {
    const h = await at('needsPreservation');
    await h.send(t('不会跑的'));
    expect(h.intake()?.facts.needsPreservation).not.toBe(true);
  });

  it.each(['就这个', '只有这个', 'just that one'])('a group named, then "that is all" in words: %s', async (typed) => {
    const h = await at('disability');
    await h.send(c('opt:none'));
    await h.send(t('我是农民工'));
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.groups).toEqual(['migrant_worker']);
  });

  // Session 4: "还没鉴定" was refused although the question says an injury not yet assessed is "no disability".
  // Session 7: "no i dont have disability card yet" got "please press one of the buttons".
  it.each(['还没鉴定', '没有评定过', '还没做伤残鉴定', 'not assessed yet', 'no certificate', 'no i dont have disability card yet', "I don't have a disability certificate", '没有 还没办残疾证'])('injured but not assessed is no disability: %s', async (typed) => {
    const h = await at('disability');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.disability).toBe('none');
  });

  it.each(['示例市', '在示例市', '示例市区'])('region typed without 本级: %s', async (typed) => {
    const h = await at('region');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.region).toBe('demo-city');
  });

  it.each([
    ['我52岁', 52],
    ['今年52了', 52],
    ['我今年五十二', 52],
    ['五十二岁了', 52],
  ])('age in Chinese with the words around it: %s', async (typed, age) => {
    const h = await at('age');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.age).toBe(age);
  });

  it.each([
    ['im 34', 34],
    ["I'm 34", 34],
    ['I am 34', 34],
    ['34 years old', 34],
  ])('age in English: %s', async (typed, age) => {
    const h = await at('age', 'en');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.age).toBe(age);
  });

  it.each(['我也不知道啊', '不太清楚', '我不知道'])('"I don\'t know" said as residents say it counts as not sure: %s', async (typed) => {
    const h = await at('deadlineDays');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(questions(next)).toEqual(['intake.q.needsPreservation']);
  });

  // Session 7: "i have to go to arbitration by next month i think" got "Please type the number of days left".
  it.each([
    ['过几天就开庭了', 3],
    ['in a few days', 3],
    ['下周就要仲裁', 7],
    ['the hearing is next week', 7],
    ['两个星期以后', 14],
    ['in two weeks i think', 14],
  ])('a rough time is counted: %s → %i days', async (typed, days) => {
    const h = await at('deadlineDays');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.deadlineDays).toBe(days);
  });

  it.each(['i have to go to arbitration by next month i think', '下个月吧', 'end of the month'])(
    'a time too rough to count is told how to answer (not sure, or roughly how many days): %s',
    async (typed) => {
      const h = await at('deadlineDays');
      const next = await h.send(t(typed));
      expect(errors(next)).toEqual(['intake.err.deadline_rough']);
    },
  );

  it.each(['不用', '没必要', '不需要的'])('a "no need" answers a 是否需要 question: %s', async (typed) => {
    const h = await at('needsPreservation');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.needsPreservation).toBe(false);
  });

  it.each([
    ['同意', true],
    ['行', true],
    ['没问题', true],
    ['是啊', true],
    ['ok', true],
    ['不对', false],
    ['错了', false],
  ])('a plain yes or no confirms the category the story pointed to: %s (同意 was refused, session 3)', async (typed, yes) => {
    const h = await conversationHarness();
    await h.send(c('consent.agree'));
    const asked = await h.send(t('老板欠我三个月工资不给'));
    expect(questions(asked)).toEqual(['intake.q.category_confirm']);
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    if (yes) expect(h.intake()?.facts.category).toBe('wages');
    else expect(questions(next)).toEqual(['intake.q.category']);
  });

  it.each([
    ['两千五', 2500],
    ['每个月3000左右', 3000],
    ['三千左右', 3000],
    ['一千零五', 1005],
    ['月收入一千二', 1200],
    ['我和老公加起来一个月六千多', 6000],
    ['两口子一个月3000出头', 3000],
    ['about 6000 a month', 6000],
    ['we earn 6k together', 6000],
    ['about 3000 a month, sometimes less', 3000],
  ])('household income as residents say it: %s → %i (两千五 was read as 2005)', async (typed, income) => {
    const h = await at('householdMonthlyIncome');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.householdMonthlyIncome).toBe(income);
  });

  it.each([
    ['一共三口人', 3],
    ['我们家4个人', 4],
    ['十五', 15],
    ['there are 4 of us', 4],
    ['four', 4],
    ['we are 3', 3],
    // Session 4: the number, then who they are.
    ['4 people, me my wife and 2 kids', 4],
    ['三口人（我、老婆、孩子）', 3],
    ['5 - my parents, my wife, my son and me', 5],
  ])('household size as residents say it: %s', async (typed, size) => {
    const h = await at('householdSize');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.facts.householdSize).toBe(size);
  });

  it('still refuses a sentence that merely contains a number at the age question', async () => {
    const h = await at('age');
    const next = await h.send(t('我家有3个孩子'));
    expect(errors(next)).toEqual(['intake.err.age']);
    expect(h.intake()?.facts.age).toBeUndefined();
  });
});

describe('is it safe for staff to call? (a domestic-violence victim answers in words)', () => {
  it.each([
    ['不安全', 'never'],
    ['不要打电话', 'never'],
    ['no', 'never'],
    ["it's not safe", 'never'],
    // Session 16: someone who reads her phone would see the chat's notices too: no calls and no messages.
    ['not safe, he checks my phone', 'quiet'],
    ['不安全 他会翻我手机', 'quiet'],
    ['随时都可以', 'any'],
    ['yes', 'any'],
    ['工作日上午', 'times'],
    ['weekday mornings', 'times'],
    // Session 6, web chat on a phone: a window when calling is safe, with "don't call" tied to other times, is
    // "only at certain times" (it was "do not call"); "don't call" on its own, or with no safe window, stays never.
    ['only weekdays 9 to 11 when he is at work, dont call in the evening', 'times'],
    ['工作日上午九点到十一点可以，晚上千万别打', 'times'],
    ['白天他上班的时候可以打，晚上不要打', 'times'],
    ["don't call, he checks my phone in the evening", 'quiet'],
    ['不要打电话，晚上他在家', 'never'],
    ['dont call me at all', 'never'],
  ])('%s → %s ("不安全" and "not safe" were read as "any time")', async (typed, preference) => {
    const h = await at('safeContact');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.applicant.contactPreference).toBe(preference);
  });

  it('keeps the times given with the answer instead of asking for them again', async () => {
    const h = await at('safeContact');
    const next = await h.send(t('工作日上午九点到十一点'));
    expect(questions(next)).not.toContain('intake.q.safeTimes');
    expect(h.intake()?.applicant.safeTimes).toBe('工作日上午九点到十一点');
  });
});

describe("the resident's own words about contact go to staff (session 7)", () => {
  // "only text me, never call, he checks my phone sometimes" was recorded as "Do not call; only contact me here"
  // and the words were lost: staff could not see that she asked for texts, nor why.
  it('keeps words that say more than the choice, and shows them in the summary', async () => {
    const h = await at('safeContact');
    const next = await h.send(t('only text me, never call, he checks my phone sometimes'));
    expect(errors(next)).toEqual([]);
    expect(h.intake()?.applicant.contactPreference).toBe('never');
    expect(h.intake()?.applicant.contactWords).toBe('only text me, never call, he checks my phone sometimes');
    const summary = next.find((r) => r.key === 'intake.summary');
    expect(JSON.stringify(summary)).toContain('only text me, never call, he checks my phone sometimes');
  });

  it('keeps nothing extra for a button or a bare answer', async () => {
    for (const answer of [c('opt:never'), t('不安全')]) {
      const h = await at('safeContact');
      await h.send(answer);
      expect(h.intake()?.applicant.contactWords ?? null).toBeNull();
    }
  });
});

describe('the receipt of a case due the same day', () => {
  it('does not promise 7 days when the assessment said the application is handled the same day', async () => {
    const h = await conversationHarness();
    await started(h);
    const answers = [
      c('catgroup:wages'), c('opt:self'), c('opt:demo-city'), t('45'), c('opt:none'), c('group:migrant_worker'), c('intake.groups.done'),
      c('intake.no_deadline'), c('intake.no'),
    ];
    let assessment: BotReply[] = [];
    for (const e of answers) assessment = await h.send(e);
    expect(h.render(assessment).map((r) => r.text).join('\n')).toContain('当天受理');
    for (const e of [c('intake.continue'), t('包工头欠我两万元工资'), c('intake.documents.done'), t('张三'), t('13800138000')]) await h.send(e);
    const receipt = await h.send(c('intake.confirm'));
    for (const locale of ['zh-CN', 'en'] as const) {
      const first = h.render(receipt, locale)[0]!.text;
      expect(first).toContain('FY-TEST-0001');
      expect(first).not.toMatch(/7 ?日内|7 days/);
      expect(first).toMatch(locale === 'zh-CN' ? /今天|当天/ : /today|same day/i);
    }
  });
});

// DEFECT (conv, src/knowledge/understanding/steering.ts): "不用了" typed at a yes/no question is read as the steering
// intent `cancel` before the step sees it, and the whole application is cancelled without asking — the resident only
// meant "no need" (是否需要马上保全…？ → 不用了). Listed in /work/wt/DEFECTS.md; kept out of the suite until conv fixes it.
describe('DEFECT: "不用了" at a yes/no question cancels the application', () => {
  it('answers no and keeps the application', async () => {
    const h = await at('needsPreservation');
    const next = await h.send(t('不用了'));
    expect(h.keys(next)).not.toContain('intake.cancelled');
    expect(h.intake()?.facts.needsPreservation).toBe(false);
  });
});

describe('documents named in words at the documents question (session 7)', () => {
  // "x-ray and hospital bills" typed there got "Please send photos or files" again and again, and staff never
  // learnt what the applicant has.
  it.each(['x-ray and hospital bills', '有工资条和聊天记录', 'i have the contract and some photos'])('is noted for staff and the question stays: %s', async (typed) => {
    const h = await at('documents');
    const next = await h.send(t(typed));
    expect(errors(next)).toEqual([]);
    expect(next.map((r) => r.key)).toContain('intake.documents.noted');
    expect(questions(next)).toEqual(['intake.q.documents']);
    // What staff get: the words reach the submitted case.
    for (const e of [c('intake.documents.done'), t('王伟'), t('13800138000'), c('intake.confirm')]) await h.send(e);
    expect(h.submitted.at(-1)?.applicant.documentsNote).toBe(typed);
  });

  // "没有材料" typed there (an elderly resident in the web chat, session 8) got "请发送照片或文件…" and the question
  // again: only a bare 没有 counted as none.
  it.each(['没有材料', '没材料', '暂时没有材料', '手上没有什么材料', '啥材料都没有', '什么都没有', '我没有证据', '没有任何证据', 'no papers', 'i have nothing', 'nothing to send', 'i dont have any documents', 'no documents yet'])(
    'takes "none" said with what there is none of, and goes on: %s',
    async (typed) => {
      const h = await at('documents');
      const next = await h.send(t(typed));
      expect(errors(next)).toEqual([]);
      expect(questions(next)).toEqual(['intake.q.name']);
      expect(h.intake()?.applicant.documentsNote ?? null).toBeNull();
    },
  );

  it('notes what there is when some is missing ("没有合同 只有聊天记录")', async () => {
    const h = await at('documents');
    const next = await h.send(t('没有合同 只有聊天记录'));
    expect(next.map((r) => r.key)).toContain('intake.documents.noted');
    expect(questions(next)).toEqual(['intake.q.documents']);
  });

  it('still refuses words that name no document', async () => {
    const h = await at('documents');
    const next = await h.send(t('Wang Wei'));
    expect(errors(next)).toEqual(['intake.err.documents']);
  });
});

// Session 8, in the web chat at 390×844: "县里，我38岁，家里三口人，一个月就挣两千" — the resident's own pay — was offered at
// "全家每月总收入" as "2000 元（您前面说的）": one tap made it the household's total, and the assessment counted 666 yuan a
// head. With more than one person at home the button says it is the whole household's, so the tap means that.
describe('an income stated earlier, offered at the household-income question', () => {
  async function offered(household: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
    const h = await conversationHarness();
    if (locale === 'en') await h.send(c('lang.toggle'));
    await started(h);
    for (const e of [c('catgroup:traffic'), c('opt:self'), t(locale === 'en' ? 'the county, i earn 2000 a month' : '县里，我一个月就挣两千')]) await h.send(e);
    let last: BotReply[] = [];
    for (const e of [t('40'), c('opt:none'), c('intake.groups.none'), c('opt:urban'), t(household)]) last = await h.send(e);
    expect(questions(last)).toEqual(['intake.q.householdMonthlyIncome']);
    return h.render(last, locale).at(-1)!.choices.find((choice) => choice.id === 'opt:income:2000')!.label;
  }

  it('says the whole household has just that when others live there', async () => {
    expect(await offered('3')).toContain('全家');
    expect(await offered('3', 'en')).toMatch(/whole household/i);
  });

  it('says only "as you said" when the resident lives alone', async () => {
    expect(await offered('1')).toBe('2000 元（您前面说的）');
  });
});

import { describe, expect, it } from 'vitest';
import { caseDetailView } from '../../src/staff/case-view.js';
import { canSeeOffice } from '../../src/staff/staff-access.js';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

/**
 * The staff console's case page as staff read it, after a migrant worker applied in the chat (QA pass, 2026-12-01,
 * screenshots at 1366×768): the resident's answers showed a raw field name ("submitAnyway 否"), the legal basis read
 * "《法律援助法》第42条" (the chat writes 第四十二条) and listed one article while the reasons cite three and a local
 * rule, and the case, routed to the city's trade-union workstation, never appeared in the inbox of the centre's staff.
 */
/** A domestic-violence victim's application, typed as in the web chat, with `safeContact` typed at the safety question. */
const dvApplication = (safeContact: string) => [
  '你好', '同意', '我老公喝了酒就打我，我想离婚', '同意', '对', '为自己申请', '示例县', '34', '没有残疾', '没有期限', '否',
  '继续申请', '他打了我三年，上周把我胳膊打断了。', '完成', '李梅', '13700001111', safeContact, '同意并提交',
];

async function submittedCase(lines: readonly string[] = WAGES_APPLICATION) {
  const app = await testApp(tempDir());
  const ana = resident('ana');
  let last = await app.runner.handle(ana.returned());
  for (const line of lines) last = await app.runner.handle(ana.text(line));
  const ref = /FY-\d{8}-\d{4}/.exec(last.replies.map((r) => r.text).join('\n'))![0];
  const record = (await app.services.cases.get(ref))!;
  const view = (locale: 'zh-CN' | 'en') =>
    caseDetailView(record, { pack: app.services.pack, now: Date.now(), locale, events: [], attachments: [], notes: [] });
  return { app, record, view };
}

describe('the case page', () => {
  it('labels every answer in the reader\'s language, never with the field name', async () => {
    const { app, view } = await submittedCase();
    for (const answer of view('zh-CN').answers) expect(answer.label, answer.key).toMatch(/[\u4e00-\u9fff]/);
    // English labels are words ("age"), never a camelCase field name.
    for (const answer of view('en').answers) expect(answer.label, answer.key).not.toMatch(/[a-z][A-Z]/);
    await app.close();
  });

  // Session 5, working a case in the console: an applicant who answered "不清楚" at the deadline showed as "unsure  deadlineDays".
  it('shows an answer the applicant did not know as "not sure", under the question\'s own label', async () => {
    const { app, view } = await submittedCase(WAGES_APPLICATION.map((line) => (line === '没有期限' ? '不清楚' : line)));
    const zh = view('zh-CN').answers;
    expect(zh.map((a) => a.key)).not.toContain('unsure');
    expect(zh.find((a) => a.key === 'deadlineDays')).toMatchObject({ label: '离开庭、诉讼时效等期限还有几天', value: '申请人不清楚' });
    expect(view('en').answers.find((a) => a.key === 'deadlineDays')?.value).toBe('not sure (the applicant said)');
    for (const answer of zh) expect(answer.value, answer.key).not.toMatch(/[a-z][A-Z]/);
    await app.close();
  });
});

// DEFECT Q-S1 (console-backend, src/staff/case-view.ts basisText): the basis is written with Arabic numerals and holds
// only the decision's own basis; local rules show as "地方规定 <rule id>".
describe('DEFECT Q-S1: the legal basis on the case page', () => {
  it('writes articles one way, as the chat does, and names local rules by their citation', async () => {
    const { app, view } = await submittedCase();
    const basis = view('zh-CN').decision.basis.join('\n');
    expect(basis).not.toMatch(/第\d+条/);
    expect(basis).toContain('第四十二条');
    expect(basis).not.toMatch(/地方规定 [a-z_-]+/);
    // Every article a reason cites is in the basis too.
    const reasons = view('zh-CN').decision.reasons.join('\n');
    for (const [, article] of reasons.matchAll(/第([一二三四五六七八九十百]+)条/g)) expect(basis).toContain(`第${article}条`);
    await app.close();
  });
});

// DEFECT Q-S2 (console-backend, src/staff/staff-access.ts canSeeOffice — or intake routing): a migrant worker's wage
// claim from the web chat is routed to demo-city-union (the trade-union workstation of the same city); staff and
// supervisors of demo-city-center see "共 0 件". A centre whose only accounts are the centre's never sees the case.
// Decide: the centre sees its workstations' cases (same region, kind workstation), or routing/accounts say otherwise.
describe('DEFECT Q-S2: the centre\'s staff see the cases routed to its workstations', () => {
  const staffOf = (office: string) =>
    ({ id: 1, username: 'wang', role: 'staff', office, locale: 'zh-CN' }) as unknown as Parameters<typeof canSeeOffice>[0];

  it('a demo-city-center account may see a demo-city-union case', async () => {
    const { app, record } = await submittedCase();
    expect(record.route).toBe('demo-city-union');
    expect(canSeeOffice(staffOf('demo-city-center'), record.route, app.services.pack.offices)).toBe(true);
    await app.close();
  });

  it('a workstation account sees only its own workstation\'s cases', async () => {
    const { app, record } = await submittedCase();
    const offices = app.services.pack.offices;
    expect(canSeeOffice(staffOf('demo-city-union'), record.route, offices)).toBe(true);
    expect(canSeeOffice(staffOf('demo-city-women'), record.route, offices)).toBe(false);
    expect(canSeeOffice(staffOf('demo-city-union'), 'demo-city-center', offices)).toBe(false);
    expect(canSeeOffice(staffOf('demo-county-center'), record.route, offices)).toBe(false);
    await app.close();
  });
  // Session 6, working a domestic-violence case: "only weekdays 9 to 11 … dont call in the evening" showed the green
  // "phone calls and texts are safe" banner; staff on a busy day read the banner, not the line below it.
  it.each([
    ['工作日上午九点到十一点可以，晚上千万别打', 'times'],
    ['随时都可以', 'safe'],
    ['不安全，他会看我手机', 'never'],
  ])('tells staff when calls are safe: %s → %s', async (typed, safety) => {
    const { app, view } = await submittedCase(dvApplication(typed));
    expect(view('zh-CN').contact.safety).toBe(safety);
    await app.close();
  });
});

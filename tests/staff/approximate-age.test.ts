import { describe, expect, it } from 'vitest';
import { caseDetailView } from '../../src/staff/case-view.js';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

/**
 * Session 10: an elderly resident typed "七十多了" at the age question. The chat recorded 70 as a lower bound and its
 * summary said "70 岁以上（您说的是大概的年龄）", but the case staff opened said "年龄 70": a screener would take it as exact.
 */
describe('an approximate age on the case page', () => {
  async function caseWithAge(age: string) {
    const app = await testApp(tempDir());
    const ana = resident('ana');
    let last = await app.runner.handle(ana.returned());
    for (const line of WAGES_APPLICATION.map((l) => (l === '45' ? age : l))) last = await app.runner.handle(ana.text(line));
    const ref = /FY-\d{8}-\d{4}/.exec(last.replies.map((r) => r.text).join('\n'))![0];
    const record = (await app.services.cases.get(ref))!;
    const view = (locale: 'zh-CN' | 'en') => caseDetailView(record, { pack: app.services.pack, now: Date.now(), locale, events: [], attachments: [], notes: [] });
    return { app, view };
  }

  it('says the applicant gave an approximate age, in both languages', async () => {
    const { app, view } = await caseWithAge('七十多了');
    expect(view('zh-CN').answers.find((a) => a.key === 'age')?.value).toBe('70 岁以上（申请人说的是大概年龄）');
    expect(view('en').answers.find((a) => a.key === 'age')?.value).toBe('70 or over (the applicant gave an approximate age)');
    // No row of its own for the marker.
    expect(view('zh-CN').answers.map((a) => a.key)).not.toContain('ageAtLeast');
    await app.close();
  });

  it('shows an exact age as typed', async () => {
    const { app, view } = await caseWithAge('72');
    expect(view('zh-CN').answers.find((a) => a.key === 'age')?.value).toBe('72 岁');
    await app.close();
  });
});

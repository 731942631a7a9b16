import { describe, expect, it } from 'vitest';
import { caseDetailView } from '../../src/staff/case-view.js';
import { submitWagesApplication } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

/**
 * Session 16 (lead): an eligible migrant worker's case showed "预判不利时仍坚持提交 否" among the answers — a line that only
 * means something when the preliminary assessment was unfavourable and the resident submitted anyway. A screener read it
 * as a warning. Shown only when it is so.
 */
describe('"submitted despite a negative assessment" on the case page', () => {
  it('is not among the answers of a case that was never refused', async () => {
    const app = await testApp(tempDir());
    const ref = await submitWagesApplication(app, resident('ana'));
    const record = (await app.services.cases.get(ref))!;
    for (const locale of ['zh-CN', 'en'] as const) {
      const view = caseDetailView(record, { pack: app.services.pack, now: Date.now(), locale, events: [], attachments: [], notes: [] });
      expect(view.answers.map((a) => a.label).join('\n')).not.toMatch(/预判不利|negative preliminary/);
      expect(view.answers.map((a) => a.key)).not.toContain('submitAnyway');
    }
    await app.close();
  });

  it('is there, as yes, when the resident submitted after a negative assessment', async () => {
    const app = await testApp(tempDir());
    const ref = await submitWagesApplication(app, resident('ana'));
    const record = (await app.services.cases.get(ref))!;
    const refused = { ...record, facts: { ...(record.facts as Record<string, unknown>), submitAnyway: true } } as typeof record;
    const view = caseDetailView(refused, { pack: app.services.pack, now: Date.now(), locale: 'zh-CN', events: [], attachments: [], notes: [] });
    expect(view.answers.find((a) => a.key === 'submitAnyway')).toMatchObject({ label: '预判不利时仍坚持提交', value: '是' });
    await app.close();
  });
});

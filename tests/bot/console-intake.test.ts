import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli } from '../helpers/cli-process.js';
import { translate } from '../../src/locales/render.js';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';

const zh = (key: string) => translate(key, 'zh-CN');

/** The whole application, and confirm pressed a second time. */
const SCRIPT = [...WAGES_APPLICATION, '同意并提交'];

describe('an application through the console', () => {
  it('creates exactly one case with the expected decision, and lists it for staff', async () => {
    const dir = tempDir();
    const chat = await runCli(['chat', '--user', 'worker'], `${SCRIPT.join('\n')}\n`, { FAYUAN_DATA_DIR: dir });
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain(zh('intake.outcome.eligible').replace('{who}', '您'));
    const ref = /FY-\d{8}-\d{4}/.exec(chat.stdout)?.[0];
    expect(ref).toBeDefined();

    const list = await runCli(['cases', 'list', '--json'], '', { FAYUAN_DATA_DIR: dir });
    const cases = JSON.parse(list.stdout) as { ref: string; category: string; status: string; route: string }[];
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ ref, category: 'wages', status: 'new', route: 'demo-city-union' });

    const show = await runCli(['cases', 'show', ref!, '--json'], '', { FAYUAN_DATA_DIR: dir });
    const record = JSON.parse(show.stdout) as { decision: { outcome: string; meansTest: string; sameDay: boolean }; applicant: { phone: string } };
    expect(record.decision).toMatchObject({ outcome: 'eligible', meansTest: 'exempt', sameDay: true });
    expect(record.applicant.phone).toBe('13800138000');
  });
});

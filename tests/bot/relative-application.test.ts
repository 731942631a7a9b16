import { describe, expect, it } from 'vitest';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';
import { tempDir } from '../helpers/temp-dir.js';
import { resident, testApp } from '../helpers/test-app.js';

describe('an application for a relative', () => {
  it('stores the applicant’s name, who the resident is to them and the resident’s own name, for staff', async () => {
    const app = await testApp(tempDir());
    const ana = resident('ana');
    await app.runner.handle(ana.returned());
    // The wages application, for a father: his name where the resident's would be, then the resident's relation.
    const lines = WAGES_APPLICATION.map((line) => (line === '为自己申请' ? '替家人申请' : line === '张三' ? '王建国' : line));
    lines.splice(lines.indexOf('王建国') + 1, 0, '我是他女儿', '王秀兰');
    let last = await app.runner.handle(ana.text(lines[0]!));
    for (const line of lines.slice(1)) last = await app.runner.handle(ana.text(line));
    const ref = /FY-\d{8}-\d{4}/.exec(last.replies.map((r) => r.text).join('\n'))![0];
    const record = await app.services.cases.get(ref);
    // Session 20: the resident's own name too — staff phone her, not her father.
    expect(record?.applicant).toMatchObject({ relation: 'relative', name: '王建国', kinship: '我是他女儿', relativeName: '王秀兰' });
    await app.close();
  });
});

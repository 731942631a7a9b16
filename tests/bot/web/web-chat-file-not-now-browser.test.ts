import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumMissing } from '../../helpers/chromium.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { chineseWebChatPages, PNG, zh } from './web-chat-fixture.js';

/**
 * A migrant worker sends a photo of a pay slip while the application asks where the case is handled. The file is
 * not taken yet ("现在还不需要发送文件…"), and the region buttons had gone with it: the page showed the question with
 * nothing to tap (found at 390×844). The question's buttons stay, and still answer it.
 */
const missing = chromiumMissing();

describe.skipIf(missing !== null)('a file sent before the application asks for one', () => {
  const web = chineseWebChatPages();

  it('is refused and leaves the question’s buttons on screen', async () => {
    const page = await web.open({ width: 390, height: 844 });
    for (const label of ['同意', '看看能否申请法律援助', '欠薪', '为自己申请']) {
      await page.locator('.choices').last().getByRole('button', { name: label, exact: true }).click();
    }
    const region = page.locator('.choices').last().getByRole('button', { name: '示例县', exact: true });
    await region.waitFor();

    const photo = path.join(tempDir(), '工资条.png');
    fs.writeFileSync(photo, PNG);
    await page.setInputFiles('#file', photo);
    await page.locator('.msg--note', { hasText: zh('web.upload.not_now').slice(0, 8) }).waitFor();

    expect(await region.isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/webqa/file-not-now-restored.png' }).catch(() => undefined);
    await region.click();
    // The region was taken: the application goes on to the next question.
    await page.locator('.msg--me', { hasText: '示例县' }).waitFor();
    await expect.poll(() => page.locator('.msg--bot').last().innerText()).not.toContain('案件在哪里处理');
    expect(await page.locator('.msg--note').count()).toBe(1);
  });
});

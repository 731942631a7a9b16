import { PassThrough } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../../../src/bot/channel.js';
import { casesCommand } from '../../../src/cli/cases-command.js';
import { parseConfig } from '../../../src/config.js';
import { WAGES_APPLICATION } from '../../fixtures/wages-application.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../../helpers/chromium.js';
import { runCli } from '../../helpers/cli-process.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { newSession, PNG, startFixture, type WebChatFixture } from './web-chat-fixture.js';

/**
 * Defects of the web chat found by the QA pass (a resident in headless Chromium at 390×844, and a case worked in the
 * staff console, 2026-12-01). The web chat's files belong to the privacy helper, the notices to the console helper,
 * both still changing them: each defect is kept out of the suite with `describe.skip` and listed in /work/wt/DEFECTS.md.
 * Remove the `.skip` when fixing.
 */
let fixture: WebChatFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

async function staff(dataDir: string, ...args: string[]) {
  const stdout = new PassThrough();
  const config = parseConfig({ FAYUAN_DATA_DIR: dataDir, KB_INDEX_WORKER: 'off', LOG_LEVEL: 'silent', PRIVACY_SENSITIVE_CONSENT: 'off', WEB_CHAT: 'off' });
  return casesCommand({ args, stdin: new PassThrough(), stdout, stderr: new PassThrough(), config, shutdown: new AbortController().signal });
}

/** A web resident (an identity this server issued) who applied for unpaid wages; returns the case reference. */
async function webApplication(f: WebChatFixture, resident: string): Promise<string> {
  let n = 0;
  const base = { channel: 'web' as const, userId: resident, address: resident };
  let text = '';
  await f.app.runner.handle({ ...base, event: { type: 'user.returned' } });
  for (const line of WAGES_APPLICATION) {
    const message: InboundMessage = { ...base, messageId: `qa${++n}`, event: { type: 'user.text', text: line } };
    text = (await f.app.runner.handle(message)).replies.map((r) => r.text).join('\n');
  }
  return /FY-\d{8}-\d{4}/.exec(text)![0];
}

// DEFECT Q-W1 (privacy, src/bot/web/upload-route.ts + src/bot/privacy/accepts-files.ts): after staff request materials
// ("请通过本对话发送照片或 PDF"), the web chat refuses the photo with "现在还不需要发送文件" — the upload gate only knows the
// intake's documents step and a live hand-off, not a case awaiting materials (the conversation itself accepts it since
// 4edf296). The refusal also leaves the page with no buttons.
describe('DEFECT Q-W1 (fixed): a photo sent from the web chat after a materials request', () => {
  it('is accepted and linked to the case', async () => {
    const dataDir = tempDir();
    fixture = await startFixture(dataDir);
    const session = await newSession(fixture.web.url);
    const ref = await webApplication(fixture, session.resident);
    expect(await staff(dataDir, 'claim', ref, '--by', '王芳')).toBe(0);
    expect(await staff(dataDir, 'request-materials', ref, '--by', '王芳', '--docs', 'id_card')).toBe(0);

    const response = await fetch(new URL('/chat/upload', fixture.web.url), {
      method: 'POST',
      body: new Uint8Array(PNG),
      headers: { Cookie: session.cookie, 'X-Fayuan-Message': 'upload-qa-1', 'Content-Type': 'image/png', 'X-File-Name': encodeURIComponent('身份证.png') },
    });
    expect(await response.json()).not.toMatchObject({ reason: 'not_now' });
    expect(response.ok).toBe(true);
    await expect.poll(async () => (await fixture!.app.repos.attachments.forCase(ref)).map((a) => a.fileName)).toEqual(['身份证.png']);
  });
});

const missing = chromiumMissing();

describe.skipIf(missing !== null)('web chat defects in a browser', () => {
  let browser: TestBrowser;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ width: 390, height: 844 });
    pages.push(page);
    await page.addInitScript(`Object.defineProperty(navigator, 'language', { get: () => 'zh-CN' });`);
    await page.goto(fixture!.web.url);
    return page;
  }
  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const type = async (page: Page, text: string) => {
    await page.fill('#message', text);
    await page.keyboard.press('Enter');
    await page.locator('.msg--me', { hasText: text }).last().waitFor();
  };

  // DEFECT Q-W2 (privacy, chat.js showChoices): in the groups checklist every choice but 选好了 becomes a toggle, so
  // "⬅ 上一步" and "以上都不是" only flip aria-pressed (back does nothing), and each label shows two boxes
  // ("☐ ☐ 低保…", "☑ ☐ 进城务工人员" once pressed): the intake's "☐ " label prefix plus the page's own.
  // Web side fixed in chat.js (only boxed items are toggles, one box each, 上一步 a plain button); still failing
  // because the intake answers intake.back at the groups step with the groups question again (intake-machine).
  describe('DEFECT Q-W2: the groups checklist', () => {
    it('keeps 上一步 a plain button that goes back, and shows one box per toggle', async () => {
      fixture = await startFixture(tempDir());
      const page = await open();
      await button(page, '同意').click();
      await button(page, '看看能否申请法律援助').waitFor();
      await button(page, '看看能否申请法律援助').click();
      await button(page, '欠薪').click();
      await button(page, '为自己申请').click();
      await button(page, '示例市本级').click();
      await page.getByRole('button', { name: '不清楚' }).waitFor();
      await type(page, '45');
      await button(page, '没有残疾').click();
      const toggles = page.locator('button.choice--toggle');
      await toggles.first().waitFor();
      for (const label of await toggles.allInnerTexts()) expect(label).not.toMatch(/^[☐☑]/);
      const back = page.getByRole('button', { name: /上一步/ });
      expect(await back.getAttribute('aria-pressed')).toBeNull();
      await back.click();
      await expect.poll(() => page.locator('.msg--bot').last().innerText()).toContain('您有残疾吗');
    });
  });

  // Found by conv3 (17:10): 转人工 with no one online said "留下电话号码…" but the menu that followed replaced its
  // "请工作人员回电" button — a page shows only the last message's buttons.
  describe('转人工 with no one online', () => {
    it('leaves the call-back button on the page', async () => {
      fixture = await startFixture(tempDir());
      const page = await open();
      await button(page, '同意').click();
      await button(page, '转人工').click();
      await button(page, '请工作人员回电').waitFor();
      await button(page, '请工作人员回电').click();
      await page.locator('.msg--bot', { hasText: '电话' }).last().waitFor();
    });
  });

  // DEFECT Q-W3 (console-backend + privacy): staff notices (claimed, materials requested, accepted…) reach the open page
  // but are written only to the outbox, not the transcript; after a reload the history shows none of them (and the
  // delivered rows are purged after RETAIN_SENT_OUTBOX_DAYS anyway).
  describe('DEFECT Q-W3 (fixed): a staff notice after a reload', () => {
    it('is still in the chat history', async () => {
      const dataDir = tempDir();
      fixture = await startFixture(dataDir);
      const page = await open();
      await button(page, '同意').waitFor();
      const cookie = (await browser.context.cookies()).find((c) => c.name === 'fayuan_resident')!;
      const ref = await webApplication(fixture, cookie.value.slice(0, cookie.value.indexOf('.')));
      expect(await staff(dataDir, 'claim', ref, '--by', '王芳')).toBe(0);
      // Sent at once rather than waiting for the next read of the outbox.
      await fixture.app.dispatcher.resume();
      await page.locator('.msg--bot', { hasText: '受理审查' }).waitFor();
      await page.reload();
      await page.locator('.msg--bot', { hasText: ref }).first().waitFor();
      expect(await page.locator('.msg--bot', { hasText: '受理审查' }).count()).toBeGreaterThan(0);
    });
  });

  // DEFECT Q-W5 (console-backend: src/cli/cases-command.ts / perf: outbox-dispatcher.ts): a staff action taken with
  // `fayuan cases claim|request-materials|accept…` while `fayuan serve` runs writes the resident's notice to the outbox,
  // but the serving process only reads pending rows at start (`resume()`): the resident is told nothing until a restart.
  describe('DEFECT Q-W5 (fixed): a notice from `fayuan cases` while the bot serves', () => {
    it('reaches the open page', async () => {
      const dataDir = tempDir();
      fixture = await startFixture(dataDir);
      const page = await open();
      await button(page, '同意').waitFor();
      const cookie = (await browser.context.cookies()).find((c) => c.name === 'fayuan_resident')!;
      const ref = await webApplication(fixture, cookie.value.slice(0, cookie.value.indexOf('.')));
      // Another process, as a centre without Telegram works: the server reads its notice from the outbox.
      const claim = await runCli(['cases', 'claim', ref, '--by', '王芳'], '', { FAYUAN_DATA_DIR: dataDir, WEB_CHAT: 'off' });
      expect(claim.code, claim.stderr).toBe(0);
      await page.locator('.msg--bot', { hasText: '受理审查' }).waitFor({ timeout: 20_000 });
    }, 40_000);
  });

  // DEFECT Q-W4 (privacy, chat.js linkify): the example number in "请留下联系电话（手机号，例如 13800138000）" becomes a
  // tap-to-call link — a resident who taps it calls a stranger. Only office numbers and hotlines should be links.
  describe('DEFECT Q-W4 (fixed): the example phone number', () => {
    it('is not a tel: link', async () => {
      fixture = await startFixture(tempDir());
      const page = await open();
      // The identity is issued by the page's first request: wait until the page is talking.
      await button(page, '同意').waitFor();
      const session = (await browser.context.cookies()).find((c) => c.name === 'fayuan_resident');
      expect(session).toBeDefined();
      await button(page, '同意').click();
      await button(page, '看看能否申请法律援助').click();
      for (const b of ['欠薪', '为自己申请', '示例市本级']) await button(page, b).click();
      await page.getByRole('button', { name: '不清楚' }).waitFor();
      await type(page, '45');
      await button(page, '没有残疾').click();
      await page.locator('button.choice--toggle').first().click();
      await button(page, '选好了').click();
      await button(page, '没有期限').click();
      await button(page, '否').click();
      await button(page, '继续申请').click();
      await type(page, '包工头欠我两万元工资');
      await button(page, '完成').click();
      await type(page, '张三');
      await page.locator('.msg--bot', { hasText: '例如 13800138000' }).waitFor();
      expect(await page.locator('a[href^="tel:138"]').count()).toBe(0);
    });
  });
});

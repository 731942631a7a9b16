/// <reference lib="dom" />
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAGES_APPLICATION } from '../fixtures/wages-application.js';
import { chromiumMissing, launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { tempDir } from '../helpers/temp-dir.js';
import { BROWSER_PASSWORD as PASSWORD, openResident, pe, pz, residentSays, settled, signIn, startBrowserFixture, zh, type BrowserFixture } from './browser-fixture.js';
import { PNG } from '../bot/web/web-chat-fixture.js';

/** The shared wages application as a web resident does it: the group checklist is toggle buttons. */
const APPLICATION = WAGES_APPLICATION.map((line) => (line === '我是农民工' ? /农民工/ : line));
const PHOTO = { name: '工资条.png', mimeType: 'image/png', buffer: PNG };
const PDF = {
  name: '欠条.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
};

const missing = chromiumMissing();
const SHOTS = '/tmp/console-shots';
const DESKTOP = { width: 1366, height: 768 };

/**
 * One centre's day in the browser, in order: staff sign in, a resident applies in the web chat, staff
 * work the case, a resident asks for a person, an operator edits an answer, the report counts it all.
 */
describe.skipIf(missing !== null)('staff console in a browser', { timeout: 60_000 }, () => {
  let browser: TestBrowser;
  let fixture: BrowserFixture;
  let staff: Page;
  let resident: Page;
  let ref = '';

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    fixture = await startBrowserFixture(tempDir());
    browser = await launchChromium();
    staff = await browser.newPage(DESKTOP);
    if (process.env.CONSOLE_DEBUG) {
      fixture.console.staff.events.subscribe((e) => console.log('[bus]', JSON.stringify(e)));
      staff.on('console', (m) => console.log('[page]', m.type(), m.text()));
      staff.on('pageerror', (e) => console.log('[page error]', e.message));
      staff.on('response', (r) => r.status() >= 400 && console.log('[http]', r.status(), r.url()));
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await fixture?.close();
  });

  const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
  const inPage = <T>(page: Page, expression: string) => page.evaluate<T>(expression);
  const audited = async (action: string, outcome: 'ok' | 'refused') =>
    (await fixture.console.staff.audit.list({ limit: 500 })).filter((e) => e.action === action && e.outcome === outcome);

  it('refuses a wrong password in the user’s language and audits it, then signs in', async () => {
    await signIn(staff, fixture.console.url, 'wangfang', 'not the password');
    await staff.getByRole('alert').filter({ hasText: zh('console.error.bad_credentials') }).waitFor();
    expect(await staff.getByLabel(pz('login.password')).getAttribute('aria-invalid')).toBe('true');
    expect((await fixture.console.staff.audit.list({ limit: 50 })).some((e) => e.outcome === 'refused')).toBe(true);

    await staff.locator('#language').click();
    await staff.getByLabel(pe('login.username')).fill('wangfang');
    await staff.getByLabel(pe('login.password')).fill('still wrong');
    await button(staff, pe('login.submit')).click();
    await staff.getByRole('alert').filter({ hasText: pe('console.error.bad_credentials') }).waitFor();
    await staff.locator('#language').click();

    await staff.getByLabel(pz('login.password')).fill(PASSWORD);
    await button(staff, pz('login.submit')).click();
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    expect(await staff.getByRole('navigation', { name: pz('page.nav.label') }).isVisible()).toBe(true);
  });

  it('serves the page already in Chinese, before and without its script', async () => {
    const html = await inPage<string>(staff, "fetch('/').then((r) => r.text())");
    expect(html).not.toContain('{{');
    expect(html).toContain(`<title data-text="page.title">${pz('page.title')}</title>`);
    expect(html).toContain(pz('page.noscript'));
  });

  it('shows a case submitted in the web chat in the open inbox without a reload', async () => {
    await inPage(staff, 'window.__sameDocument = true');
    resident = await openResident(browser, fixture.web.url);
    // The resident sends a photo and a PDF while applying (the step before 完成 asks for documents).
    const done = APPLICATION.indexOf('完成');
    await residentSays(resident, APPLICATION.slice(1, done));
    for (const file of [PHOTO, PDF]) {
      await resident.setInputFiles('#file', file);
      await resident.locator('.msg--me', { hasText: file.name }).waitFor({ timeout: 10_000 });
      await settled(resident);
    }
    await residentSays(resident, APPLICATION.slice(done));
    if (process.env.CONSOLE_DEBUG) console.log(await resident.locator('#log').innerText());
    ref = (await resident.locator('#log').innerText()).match(/FY-\d{8}-\d{4}/)?.[0] ?? '';
    expect(ref).not.toBe('');
    const row = staff.locator('tbody tr', { hasText: ref });
    await row.waitFor({ timeout: 10_000 });
    expect(await inPage(staff, 'window.__sameDocument === true')).toBe(true);
    expect(await row.innerText()).toContain(pz('case.badge.same_day'));
    await staff.screenshot({ path: `${SHOTS}/inbox.png` });
  });

  it('claims the case and requests materials in one notice, which the resident sees in the web chat', async () => {
    await staff.locator('tbody tr', { hasText: ref }).getByRole('link', { name: ref }).click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    expect(await inPage<string>(staff, 'document.activeElement?.id')).toBe('case-heading');
    const main = staff.locator('main');
    expect(await main.innerText()).toContain('我在工地干了半年');
    expect(await main.innerText()).toContain(pz('case.contact.safe'));

    const files = staff.getByRole('region', { name: pz('case.attachments') });
    await files.getByText(PHOTO.name).waitFor();
    const download = files.getByRole('link', { name: pz('case.attachment.download', { name: PDF.name }) });
    const pdfUrl = (await download.getAttribute('href'))!;
    const fetched = await inPage<{ type: string; disposition: string }>(
      staff,
      `fetch(${JSON.stringify(pdfUrl)}).then((r) => ({ type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') }))`,
    );
    expect(fetched.type).toContain('application/pdf');
    expect(fetched.disposition).toMatch(/^attachment/);
    await files.getByRole('listitem').filter({ hasText: PDF.name }).getByRole('button', { name: pz('case.attachment.view') }).click();
    await files.locator(`iframe[title="${pz('case.attachment.viewing', { name: PDF.name })}"]`).waitFor();
    await files.getByRole('listitem').filter({ hasText: PHOTO.name }).getByRole('button', { name: pz('case.attachment.view') }).click();
    const image = files.getByRole('img', { name: PHOTO.name });
    await image.waitFor();
    await expect.poll(() => image.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
    await staff.screenshot({ path: `${SHOTS}/case-full.png`, fullPage: true });

    await button(staff, zh('console.action.claim')).click();
    const result = staff.locator('#case-result');
    await result.filter({ hasText: pz('case.done.claim', { ref }) }).waitFor();
    expect(await result.getAttribute('role')).toBe('status');
    // Chinese sentences are joined without a space after 。.
    expect(await result.innerText()).toBe(`${pz('case.done.claim', { ref })}${pz('case.notice.sent')}`);

    const residentBefore = await resident.locator('.msg--bot').count();
    await button(staff, zh('console.action.request_materials')).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.materials', { ref }) });
    await dialog.waitFor();
    const boxes = dialog.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).uncheck();
    await dialog.getByRole('button', { name: pz('case.dialog.materials_send') }).click();
    await dialog.getByRole('alert').filter({ hasText: pz('case.error.documents') }).waitFor();
    const first = boxes.first();
    const second = boxes.nth(1);
    const documents = [await first.evaluate((el) => el.parentElement?.textContent ?? ''), await second.evaluate((el) => el.parentElement?.textContent ?? '')];
    await first.check();
    await second.check();
    await dialog.getByRole('button', { name: pz('case.dialog.materials_send') }).click();
    await result.filter({ hasText: pz('case.done.request_materials', { ref }) }).waitFor();
    await staff.locator('.badge--status', { hasText: zh('console.status.materials_requested') }).waitFor();
    // Session 6: the decision's due date is paused while the materials are awaited; the page says so instead of "—".
    await staff.locator('#case-summary, .panel').filter({ hasText: pz('case.field.due_paused') }).first().waitFor({ timeout: 5_000 });

    await staff.waitForTimeout(100);
    await resident.locator('.msg--bot').nth(residentBefore).waitFor({ timeout: 10_000 });
    const notice = await resident.locator('.msg--bot').last().innerText();
    expect(notice).toContain(ref);
    for (const name of documents) expect(notice).toContain(name.trim());
    await staff.screenshot({ path: `${SHOTS}/case.png`, fullPage: false });
  });

  it('accepts the case with the assigned lawyer and the resident is told', async () => {
    const residentBefore = await resident.locator('.msg--bot').count();
    await button(staff, zh('console.action.accept')).click();
    const dialog = staff.getByRole('dialog', { name: pz('case.dialog.accept', { ref }) });
    await dialog.getByRole('button', { name: zh('console.action.accept') }).click();
    await dialog.getByRole('alert').filter({ hasText: pz('case.error.lawyer') }).waitFor();
    await dialog.getByLabel(pz('case.field.lawyer')).fill('李明律师');
    await dialog.getByRole('button', { name: zh('console.action.accept') }).click();
    await staff.locator('#case-result', { hasText: pz('case.done.accept', { ref }) }).waitFor();
    await resident.locator('.msg--bot').nth(residentBefore).waitFor({ timeout: 10_000 });
    expect(await resident.locator('.msg--bot').last().innerText()).toContain('李明律师');
    expect(await staff.getByRole('region', { name: pz('case.timeline') }).innerText()).toContain('李明律师');
  });

  it('can be used from the keyboard: the skip link leads to the page’s content', async () => {
    await staff.goto(`${fixture.console.url}#/inbox`);
    await staff.reload();
    await staff.getByRole('heading', { level: 1, name: pz('inbox.heading') }).waitFor();
    await staff.keyboard.press('Tab');
    expect(await inPage<string>(staff, 'document.activeElement?.textContent ?? ""')).toBe(pz('page.skip'));
    await staff.keyboard.press('Enter');
    expect(await inPage<string>(staff, 'document.activeElement?.id')).toBe('main');
    for (let i = 0; i < 30 && (await inPage<string>(staff, 'document.activeElement?.textContent ?? ""')) !== ref; i++) await staff.keyboard.press('Tab');
    await staff.keyboard.press('Enter');
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    await staff.locator('#language').click();
    await staff.getByRole('heading', { level: 1, name: pe('case.heading', { ref }) }).waitFor();
    expect(await staff.getAttribute('html', 'lang')).toBe('en');
    await staff.screenshot({ path: `${SHOTS}/case-en.png` });
    await staff.locator('#language').click();
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
  });

  it('fits a tablet (768×1024) without sideways scrolling', async () => {
    const tablet = await browser.newPage({ width: 768, height: 1024 });
    for (const route of ['inbox', `cases/${ref}`, 'live', 'report']) {
      await tablet.goto(`${fixture.console.url}#/${route}`);
      await tablet.locator('main h1').waitFor();
      await tablet.waitForTimeout(200);
      expect(await inPage<number>(tablet, 'document.documentElement.scrollWidth'), route).toBeLessThanOrEqual(768);
    }
    await tablet.goto(`${fixture.console.url}#/cases/${ref}`);
    await tablet.locator('main h1').waitFor();
    await tablet.screenshot({ path: `${SHOTS}/case-tablet.png` });
    await tablet.close();
  });

  it('lets staff take a conversation a resident handed over, and the two talk both ways while the bot is silent', async () => {
    const person = await openResident(browser, fixture.web.url);
    await residentSays(person, [zh('core.consent.agree'), zh('core.menu.human')]);
    expect(await person.locator('#log').innerText()).toContain(zh('handoff.requested', { minutes: '10' }).slice(0, 8));

    await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: pz('live.heading') }).waitFor();
    const waiting = staff.locator('.queue__item', { hasText: pz('live.state.waiting') });
    await waiting.waitFor();

    // While waiting, the resident says they are in danger: the alert appears at the top, highlighted.
    await person.locator('#message').fill('救命，我老公正在打我');
    await person.keyboard.press('Enter');
    const alert = staff.locator('#live-alerts .alert');
    await alert.waitFor({ timeout: 10_000 });
    const dangerLabels = ['violence', 'domestic_violence', 'self_harm', 'child', 'medical'].map((k) => zh(`console.danger.${k}`));
    const alertText = await alert.innerText();
    expect(dangerLabels.some((label) => alertText.includes(label))).toBe(true);
    expect(await staff.locator('#live-alerts').evaluate((el) => el.compareDocumentPosition(el.ownerDocument.querySelector('#live-queue')!) & 4)).toBe(4);
    await staff.locator('.queue__item.has-danger').waitFor();
    await waiting.click();
    await button(staff, pz('live.take')).click();
    await staff.locator('#live-detail [role="status"]', { hasText: pz('live.taken', { id: '' }).slice(0, 4) }).waitFor();
    expect(await inPage<string>(staff, 'document.activeElement?.id')).toBe('reply-text');

    let before = await person.locator('.msg--bot').count();
    await staff.getByLabel(pz('live.reply')).fill('您好，我是法律援助中心的王芳。请问有什么可以帮您？');
    await button(staff, pz('live.send')).click();
    await person.locator('.msg--bot', { hasText: '我是法律援助中心的王芳' }).waitFor({ timeout: 10_000 });

    before = await person.locator('.msg--bot').count();
    await person.locator('#message').fill('老板欠我工资，我该怎么办？');
    await person.keyboard.press('Enter');
    await staff.locator('#transcript .bubble--in', { hasText: '老板欠我工资，我该怎么办？' }).waitFor({ timeout: 10_000 });
    await person.waitForTimeout(1500);
    // A question the bot could answer: it stays silent while staff hold the conversation.
    expect(await person.locator('.msg--bot').count()).toBe(before);

    await staff.getByLabel(pz('live.reply')).fill('请把工资条和欠条拍照发给我。');
    await button(staff, pz('live.send')).click();
    await person.locator('.msg--bot', { hasText: '请把工资条和欠条拍照发给我' }).waitFor({ timeout: 10_000 });
    await staff.locator('#transcript .bubble--staff', { hasText: '请把工资条和欠条拍照发给我' }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/live.png` });

    await button(staff, pz('live.release')).click();
    await person.locator('.msg--bot', { hasText: zh('handoff.released').slice(0, 6) }).waitFor({ timeout: 10_000 });
    await person.close();
  });

  async function switchUser(username: string) {
    await button(staff, pz('page.logout')).click();
    await staff.getByRole('heading', { level: 1, name: pz('login.heading') }).waitFor();
    await staff.getByLabel(pz('login.username')).fill(username);
    await staff.getByLabel(pz('login.password')).fill(PASSWORD);
    await button(staff, pz('login.submit')).click();
    await staff.locator('#whoami', { hasText: username }).waitFor();
  }

  const NEW_ANSWER = '被拖欠工资可以先向劳动保障监察大队投诉，也可以申请劳动仲裁。农民工讨薪不用核查经济困难，可以当天受理。';

  it('lets an operator edit an answer with validation in their language, and the running bot answers with it', async () => {
    await switchUser('chenyu');
    await staff.getByRole('heading', { level: 1, name: pz('kb.heading') }).waitFor();
    await staff.getByLabel(pz('kb.search')).fill('wage_arrears');
    await staff.getByLabel(pz('kb.search')).press('Enter');
    await staff.locator('.kb-list a', { hasText: 'wage_arrears' }).click();
    await staff.getByRole('heading', { level: 2, name: /^编辑/ }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/kb-top.png` });
    // The editor says what "{hotline}" in an answer is, so an operator keeps it rather than translating it.
    expect(await staff.locator('#kb-placeholders').innerText()).toBe(pz('kb.placeholders'));
    expect(pz('kb.placeholders')).toContain('{hotline}');
    expect(await staff.locator('[id="kb-contact-zh-CN"]').getAttribute('aria-describedby')).toContain('kb-placeholders');

    const zhAnswer = staff.locator('[id="kb-answer-zh-CN"]');
    const enAnswer = staff.locator('[id="kb-answer-en"]');
    const englishBefore = await enAnswer.inputValue();
    await enAnswer.fill('');
    await zhAnswer.fill(NEW_ANSWER);
    await button(staff, pz('kb.save')).click();
    await staff.locator('[id="kb-answer-en-error"]:not(:empty)').waitFor();
    expect(await enAnswer.getAttribute('aria-invalid')).toBe('true');
    expect(await zhAnswer.getAttribute('aria-invalid')).toBeNull();

    await enAnswer.fill(englishBefore);
    await button(staff, pz('kb.save')).click();
    // Said with the entry's title, as the list shows it (not its code, wage_arrears).
    await staff.locator('.form-info', { hasText: '被拖欠工资怎么办' }).waitFor();
    expect(await staff.locator('[id="kb-answer-en-error"]').innerText()).toBe('');

    await staff.getByLabel(pz('kb.try.question')).fill('老板欠我工资不给怎么办');
    await button(staff, pz('kb.try.ask')).click();
    await staff.locator('#kb-try-answer .try-answer', { hasText: NEW_ANSWER }).waitFor();
    await staff.screenshot({ path: `${SHOTS}/kb.png` });

    const asker = await openResident(browser, fixture.web.url);
    await residentSays(asker, [zh('core.consent.agree'), '老板欠我工资不给怎么办']);
    await asker.locator('.msg--bot', { hasText: NEW_ANSWER }).waitFor({ timeout: 10_000 });
    await asker.close();
  });

  /** A resident asks `question` in the web chat; the operator opens 未能回答的问题 and finds its group there. */
  async function askedThenUnanswered(question: string) {
    const asker = await openResident(browser, fixture.web.url);
    await residentSays(asker, [zh('core.consent.agree'), question]);
    await asker.close();
    await staff.getByRole('link', { name: pz('kb.unanswered'), exact: true }).click();
    await staff.getByRole('heading', { level: 2, name: pz('kb.unanswered') }).waitFor();
    const group = staff.locator('.groups > li', { hasText: question });
    await group.waitFor();
    return group;
  }

  it('shows unanswered questions grouped with counts and adds one as a phrasing of an entry', async () => {
    const question = '火星上的土地可以买吗';
    const group = await askedThenUnanswered(question);
    expect(await group.innerText()).toContain(pz('kb.unanswered.count', { count: 1 }));
    await group.getByRole('button', { name: pz('kb.unanswered.phrasing') }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByLabel(pz('kb.unanswered.entry')).selectOption('consumer_rights');
    await dialog.getByRole('button', { name: pz('kb.unanswered.add') }).click();
    await group.waitFor({ state: 'detached' });
    const stored = await inPage<{ entry: { questions: Record<string, string[]> } }>(staff, "fetch('/api/kb/entries/consumer_rights').then((r) => r.json())");
    expect(stored.entry.questions['zh-CN']).toContain(question);
  });

  // Session 17, found by the lead as an operator: the bot had offered "邻里纠纷" first for a neighbour's question, but
  // "作为某条目的问法…" opened on "请选择…" over all 58 entries; the page never said which entry the bot found closest.
  it('says which entry the bot found closest to an unanswered question and offers it first', async () => {
    const question = '邻居家装修把我家墙震裂了 物业不管 能找法援吗';
    const group = await askedThenUnanswered(question);
    const listed = await inPage<{ groups: { sample: string; nearest: string | null }[] }>(staff, "fetch('/api/kb/unanswered').then((r) => r.json())");
    const nearest = listed.groups.find((g) => g.sample === question)?.nearest ?? null;
    expect(nearest).not.toBeNull();
    const entry = await inPage<{ entry: { title: Record<string, string> } }>(staff, `fetch('/api/kb/entries/${nearest}').then((r) => r.json())`);
    expect(await group.innerText()).toContain(pz('kb.unanswered.nearest', { title: entry.entry.title['zh-CN']! }));
    await group.getByRole('button', { name: pz('kb.unanswered.phrasing') }).click();
    const dialog = staff.getByRole('dialog');
    expect(await dialog.getByLabel(pz('kb.unanswered.entry')).inputValue()).toBe(nearest);
    await dialog.getByRole('button', { name: pz('page.cancel') }).click();
  });

  it('shows the month’s case in the monthly report with charts and a CSV export', async () => {
    await switchUser('lijing');
    await staff.getByRole('link', { name: pz('page.nav.report'), exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: pz('report.heading') }).waitFor();
    const received = staff.locator('.figure', { hasText: pz('report.received') });
    await expect.poll(() => received.locator('.figure__value').innerText()).toBe('1');
    const byCategory = staff.getByRole('region', { name: pz('report.section.byCategory') });
    await byCategory.locator('canvas').waitFor();
    expect(await byCategory.locator('canvas').getAttribute('aria-label')).toContain(`${zh('category.wages')} 1`);
    await expect.poll(() => inPage<number>(staff, "document.querySelector('canvas')?.width ?? 0")).toBeGreaterThan(100);
    const csvUrl = await staff.getByRole('link', { name: pz('report.csv') }).getAttribute('href');
    const csv = await inPage<string>(staff, `fetch(${JSON.stringify(csvUrl)}).then((r) => r.text())`);
    expect(csv).toContain('wages');
    await staff.screenshot({ path: `${SHOTS}/report.png` });
  });

  it('lets a supervisor keep the canned replies', async () => {
    await staff.getByRole('link', { name: pz('page.nav.live'), exact: true }).click();
    await button(staff, pz('live.canned.edit')).click();
    const dialog = staff.getByRole('dialog', { name: pz('live.canned.edit') });
    await dialog.getByRole('button', { name: pz('page.save') }).click();
    await dialog.getByRole('alert').filter({ hasText: pz('live.canned.error.title') }).waitFor();
    await dialog.getByLabel(pz('live.canned.title')).fill('索要材料');
    await dialog.getByLabel(pz('live.canned.text')).fill('请把工资条、欠条或聊天记录拍照发给我们。');
    await dialog.getByRole('button', { name: pz('page.save') }).click();
    await dialog.waitFor({ state: 'detached' });
    const saved = await inPage<{ replies: { title: string; text: string }[] }>(staff, "fetch('/api/canned-replies').then((r) => r.json())");
    expect(saved.replies.map((r) => r.title)).toContain('索要材料');
  });

  it('lets a supervisor close, reopen, assign and decline with a reason the resident is told', async () => {
    await staff.goto(`${fixture.console.url}#/cases/${ref}`);
    await staff.getByRole('heading', { level: 1, name: pz('case.heading', { ref }) }).waitFor();
    const result = staff.locator('#case-result');

    await button(staff, zh('console.action.close')).click();
    await staff.getByRole('dialog').getByRole('button', { name: zh('console.action.close') }).click();
    await result.filter({ hasText: pz('case.done.close', { ref }) }).waitFor();
    await staff.locator('.page-head .badge--status', { hasText: zh('console.status.closed') }).waitFor();

    await button(staff, zh('console.action.reopen')).click();
    const reopen = staff.getByRole('dialog');
    await reopen.getByRole('button', { name: zh('console.action.reopen') }).click();
    await reopen.getByRole('alert').filter({ hasText: pz('case.error.reason') }).waitFor();
    await reopen.getByLabel(pz('case.field.reopen_reason')).fill('申请人补交了新证据');
    await reopen.getByRole('button', { name: zh('console.action.reopen') }).click();
    await result.filter({ hasText: pz('case.done.reopen', { ref }) }).waitFor();

    await button(staff, zh('console.action.assign')).click();
    const assign = staff.getByRole('dialog');
    await assign.getByLabel(pz('case.field.colleague')).selectOption({ label: 'lijing' });
    await assign.getByRole('button', { name: zh('console.action.assign') }).click();
    await result.filter({ hasText: pz('case.done.assign', { ref }) }).waitFor();
    expect(await staff.getByRole('region', { name: pz('case.summary') }).innerText()).toContain('lijing');

    const residentBefore = await resident.locator('.msg--bot').count();
    await button(staff, zh('console.action.decline')).click();
    const decline = staff.getByRole('dialog');
    await decline.getByLabel(pz('case.field.reason')).fill('经核实，您已自行委托律师');
    await decline.getByRole('button', { name: zh('console.action.decline') }).click();
    await result.filter({ hasText: pz('case.done.decline', { ref }) }).waitFor();
    await resident.locator('.msg--bot').nth(residentBefore).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await resident.locator('#log').innerText()).includes('经核实，您已自行委托律师')).toBe(true);
  });

  it('refuses staff of another office opening the case, and audits it', async () => {
    await switchUser('zhaolei');
    await staff.goto(`${fixture.console.url}#/cases/${ref}`);
    await staff.getByRole('alert').filter({ hasText: zh('console.error.other_office') }).waitFor();
    expect(await staff.locator('main').innerText()).not.toContain('张三');
    const refused = (await fixture.console.staff.audit.list({ limit: 500 })).filter((e) => e.outcome === 'refused' && e.target === ref);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('refuses a change without the CSRF token, and audits it', async () => {
    const status = await inPage<number>(
      staff,
      `fetch('/api/cases/${ref}/notes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: 'x' }) }).then((r) => r.status)`,
    );
    expect(status).toBe(403);
    expect(await audited('csrf', 'refused')).not.toHaveLength(0);
  });

  it('sends staff back to the sign-in page when the session has expired, and audits it', async () => {
    fixture.skew(31 * 60_000);
    try {
      await staff.getByRole('link', { name: pz('page.nav.inbox'), exact: true }).click();
      await staff.getByRole('heading', { level: 1, name: pz('login.heading') }).waitFor();
      await staff.locator('.form-info', { hasText: pz('login.expired') }).waitFor();
      expect(await staff.getByRole('navigation', { name: pz('page.nav.label') }).isVisible()).toBe(false);
      const entries = await fixture.console.staff.audit.list({ limit: 500 });
      expect(entries.some((e) => e.outcome === 'refused' && /expired/.test(`${e.action} ${e.detail ?? ''}`))).toBe(true);
    } finally {
      fixture.skew(0);
    }
  });

  it('shows an administrator the accounts and an audit log with the refusals', async () => {
    await signIn(staff, fixture.console.url, 'admin');
    await staff.locator('#whoami', { hasText: 'admin' }).waitFor();
    await staff.getByRole('link', { name: pz('page.nav.accounts'), exact: true }).click();
    const accounts = staff.getByRole('table');
    await accounts.getByRole('rowheader', { name: 'zhaolei' }).waitFor();
    expect(await accounts.getByRole('row').count()).toBe(6);
    // A new colleague with the name residents will see (was only possible from the command line).
    await button(staff, pz('accounts.add')).click();
    const dialog = staff.getByRole('dialog', { name: pz('accounts.add') });
    await dialog.getByLabel(pz('login.username')).fill('liuyang');
    await dialog.getByLabel(pz('accounts.field.name')).fill('刘老师');
    await dialog.getByLabel(pz('accounts.field.password')).fill('a long enough password');
    await dialog.getByRole('button', { name: pz('accounts.add') }).click();
    await staff.getByRole('status').filter({ hasText: pz('accounts.added', { username: 'liuyang' }) }).first().waitFor();
    const listed = await inPage<{ username: string; displayName: string | null }[]>(staff, "fetch('/api/accounts').then((r) => r.json()).then((b) => b.accounts)");
    expect(listed.find((a) => a.username === 'liuyang')?.displayName).toBe('刘老师');
    await staff.getByRole('link', { name: pz('page.nav.audit'), exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: pz('audit.heading') }).waitFor();
    const log = staff.getByRole('table');
    // Said in words: a request without its security token, not the code `csrf`.
    await log.getByRole('row', { name: new RegExp(pz('audit.action.csrf')) }).first().waitFor();
    expect(await log.getByRole('row').filter({ hasText: pz('audit.refused') }).count()).toBeGreaterThan(2);
    await staff.screenshot({ path: `${SHOTS}/audit.png` });
  });
});

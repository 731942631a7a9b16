import { chromium } from 'playwright-core';
const C = 'http://127.0.0.1:3711', S = '/tmp/console10/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
for (const [user, w, h] of [['wangfang', 390, 844], ['admin1', 390, 844], ['admin1', 1366, 768]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'en-US' });
  const p = await ctx.newPage();
  p.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await p.goto(C);
  await p.waitForTimeout(1000);
  await p.locator('#login-username').fill(user);
  await p.locator('input[type=password]').fill('correct horse battery staple');
  await p.locator('form button[type=submit]').click();
  await p.waitForTimeout(2000);
  if (await p.locator('#language').innerText() === 'English') await p.locator('#language').click();
  await p.waitForTimeout(1500);
  await p.screenshot({ path: `${S}/en-${user}-${w}-inbox.png`, fullPage: true });
  await p.locator('a.ref').filter({ hasText: 'FY-20261202-0008' }).click().catch(() => p.locator('a.ref').first().click());
  await p.waitForTimeout(2000);
  await p.screenshot({ path: `${S}/en-${user}-${w}-case.png`, fullPage: true });
  if (user === 'admin1') {
    await p.goto(`${C}/#/audit`);
    await p.waitForTimeout(2500);
    await p.screenshot({ path: `${S}/en-${user}-${w}-audit.png`, fullPage: false });
  }
  await ctx.close();
}
await browser.close();

import { chromium } from 'playwright-core';
const C = 'http://127.0.0.1:3711', S = '/tmp/console10/shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
const p = await ctx.newPage();
p.on('pageerror', (e) => console.log('PAGEERROR', e.message));
await p.goto(C);
await p.waitForTimeout(1000);
await p.locator('#login-username').fill('admin1');
await p.locator('input[type=password]').fill('correct horse battery staple');
await p.locator('form button[type=submit]').click();
await p.waitForTimeout(2000);
if (await p.locator('#language').innerText() === 'English') await p.locator('#language').click();
for (const route of ['report', 'accounts', 'live', 'kb']) {
  await p.goto(`${C}/#/${route}`);
  await p.waitForTimeout(2500);
  const sw = await p.evaluate(() => document.documentElement.scrollWidth);
  console.log(route, 'scrollWidth', sw);
  await p.screenshot({ path: `${S}/en-390-${route}.png`, fullPage: true });
}
await browser.close();
